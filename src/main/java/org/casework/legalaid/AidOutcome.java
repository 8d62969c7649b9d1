package org.casework.legalaid;

/** How the matter ended for the recipient (statistics: cases, money recovered). */
public enum AidOutcome {
  WON("胜诉"),
  SETTLED("调解、和解结案"),
  LOST("败诉"),
  WITHDRAWN("撤诉、撤回");

  private final String label;

  AidOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
