package org.casework.ledger;

/** Which programme pays. */
public enum Programme {
  HARDSHIP("困难帮扶"),
  CONDOLENCE("关怀慰问"),
  EMERGENCY("急难救助");

  private final String label;

  Programme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
