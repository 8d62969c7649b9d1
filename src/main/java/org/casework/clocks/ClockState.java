package org.casework.clocks;

public enum ClockState {
  RUNNING("计时中"),
  PAUSED("已暂停"),
  STOPPED("已停止");

  private final String label;

  ClockState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
