package org.casework.clocks;

/** How far a clock has run: the watcher raises each level once, in this order. */
public enum AlertLevel {
  NONE("正常"),
  WARN_FIRST("预警（过半）"),
  WARN_SECOND("预警（临期）"),
  BREACH("已超期");

  private final String label;

  AlertLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
