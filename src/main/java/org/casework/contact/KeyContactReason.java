package org.casework.contact;

/** Why a person is a key contact (重点联系对象). */
public enum KeyContactReason {
  LONELY_ELDERLY("空巢/独居"),
  SERIOUSLY_ILL("重病"),
  HARDSHIP("特困"),
  DISABLED("伤残"),
  MERITORIOUS("功臣模范"),
  MARTYR_OR_MILITARY_FAMILY("烈属/军属"),
  WAR_OR_TEST_PARTICIPANT("参战参试");

  private final String label;

  KeyContactReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
