package org.casework.contact;

/** Who a schedule row applies to. */
public enum Audience {
  LONELY("空巢/独居重点联系对象"),
  KEY("其他重点联系对象"),
  ORDINARY("其他服务对象"),
  EVENT("六必访事项");

  private final String label;

  Audience(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
