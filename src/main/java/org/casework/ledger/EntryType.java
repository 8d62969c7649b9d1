package org.casework.ledger;

/** Kinds of ledger line: money out, or the reversal of an earlier payment (冲正). */
public enum EntryType {
  PAYMENT("支付"),
  REVERSAL("冲正");

  private final String label;

  EntryType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
