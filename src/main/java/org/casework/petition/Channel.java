package org.casework.petition;

/** How a petition came in (信访形式). */
public enum Channel {
  LETTER("来信"),
  VISIT("来访"),
  PHONE("来电"),
  ONLINE("网上信访");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
