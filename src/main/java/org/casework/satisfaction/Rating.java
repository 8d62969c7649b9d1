package org.casework.satisfaction;

/** 满意 / 基本满意 / 不满意. */
public enum Rating {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意");

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Counts towards a station's rate (满意 + 基本满意). */
  public boolean satisfied() {
    return this != DISSATISFIED;
  }
}
