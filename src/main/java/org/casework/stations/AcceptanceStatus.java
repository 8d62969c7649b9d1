package org.casework.stations;

/** Where an acceptance stands in station-acceptance. */
public enum AcceptanceStatus {
  SELF("村站自评中"),
  SUBMITTED("待乡镇评分"),
  SCORED("乡镇已评分"),
  STATED("已报送季度汇总"),
  SAMPLED("县级抽查复核中"),
  FINAL("验收完成");

  private final String label;

  AcceptanceStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
