package org.casework.ledger;

/** What matching a finance file line against the ledger found. */
public enum Finding {
  MATCHED("一致", false),
  UNKNOWN_ID("台账无此支付编号", true),
  AMOUNT_DIFFERS("金额不符", true),
  PAID_TWICE("重复支付", true),
  PAID_AFTER_REVERSAL("已冲正仍支付", true),
  FAILED("银行支付失败", true),
  INVALID_LINE("行格式错误", true);

  private final String label;
  private final boolean mismatch;

  Finding(String label, boolean mismatch) {
    this.label = label;
    this.mismatch = mismatch;
  }

  public String label() {
    return label;
  }

  public boolean isMismatch() {
    return mismatch;
  }
}
