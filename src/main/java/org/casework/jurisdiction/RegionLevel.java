package org.casework.jurisdiction;

/** 县/区 → 乡镇/街道 → 村/社区. */
public enum RegionLevel {
  COUNTY("county", 6, "县（区）"),
  TOWNSHIP("township", 9, "乡镇（街道）"),
  VILLAGE("village", 12, "村（社区）");

  private final String groupPrefix;
  private final int digits;
  private final String label;

  RegionLevel(String groupPrefix, int digits, String label) {
    this.groupPrefix = groupPrefix;
    this.digits = digits;
    this.label = label;
  }

  public String groupPrefix() {
    return groupPrefix;
  }

  public int digits() {
    return digits;
  }

  public String label() {
    return label;
  }
}
