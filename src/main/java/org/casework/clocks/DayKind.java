package org.casework.clocks;

/** What a calendar row says about a day; days without a row follow the normal week. */
public enum DayKind {
  /** 节假日: a day off although it may fall on Monday–Friday. */
  HOLIDAY("节假日"),
  /** 调休上班: an official working day on a Saturday or Sunday. */
  WORKDAY("调休上班");

  private final String label;

  DayKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
