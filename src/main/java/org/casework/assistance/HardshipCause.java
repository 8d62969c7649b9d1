package org.casework.assistance;

/** 致困原因: one cause, one case per year. */
public enum HardshipCause {
  ILLNESS("因病致困"),
  DISASTER("因灾致困"),
  ACCIDENT("意外事故"),
  EDUCATION("子女就学"),
  UNEMPLOYMENT("失业"),
  HOUSING("住房困难"),
  OTHER("其他生活困难");

  private final String label;

  HardshipCause(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
