package org.casework.registry;

/** Where a need of the needs ledger (需求台账) stands. */
public enum NeedStatus {
  OPEN("待解决"),
  ANSWERED("已响应"),
  CLOSED("已关闭");

  private final String label;

  NeedStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
