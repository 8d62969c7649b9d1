package org.casework.condolence;

/** Festivals with campaign visits. */
public enum Festival {
  SPRING_FESTIVAL("春节"),
  ARMY_DAY("八一建军节"),
  MID_AUTUMN("中秋"),
  OTHER("其他");

  private final String label;

  Festival(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
