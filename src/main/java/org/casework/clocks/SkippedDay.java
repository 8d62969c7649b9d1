package org.casework.clocks;

import java.time.LocalDate;

/**
 * A day that did not count: for working days every day off inside the period, for calendar days the
 * days off the end was moved past. {@code name} is the holiday's name or 周末.
 */
public record SkippedDay(LocalDate day, Reason reason, String name) {

  public enum Reason {
    WEEKEND("周末"),
    HOLIDAY("节假日");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
