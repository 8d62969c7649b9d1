package org.casework.services;

/** What a result of the item records besides the outcome: money, a place, or employment found. */
public enum ResultKind {
  NONE("无"),
  MONEY("金额"),
  PLACE("名额/岗位"),
  EMPLOYMENT("就业情况");

  private final String label;

  ResultKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
