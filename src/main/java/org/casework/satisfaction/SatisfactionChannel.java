package org.casework.satisfaction;

/** How a rating was collected. */
public enum SatisfactionChannel {
  PHONE("电话回访"),
  VISIT("上门回访"),
  QUESTIONNAIRE("问卷"),
  SPOT_CHECK("随机抽查");

  private final String label;

  SatisfactionChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
