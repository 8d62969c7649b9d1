package org.casework.clocks;

/** How a legal period is counted. */
public enum PeriodUnit {
  /** 自然日: every day counts; a period ending on a day off ends on the next working day. */
  CALENDAR_DAYS("自然日"),
  /** 工作日: only working days count (weekends and holidays skipped, 调休 days counted). */
  WORKING_DAYS("工作日");

  private final String label;

  PeriodUnit(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
