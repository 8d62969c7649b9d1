package org.casework.condolence;

/**
 * Why a condolence visit is made. {@code ledgerCause} is the cause code the ledger compares across
 * programmes (illness is the same cause as hardship's 因病致困).
 */
public enum VisitTrigger {
  ILLNESS("患病慰问", "ILLNESS"),
  HOSPITALISATION("住院慰问", "ILLNESS"),
  MISFORTUNE("重大家庭变故慰问", "MISFORTUNE"),
  DEATH("去世丧葬慰问", "DEATH"),
  RETURN_HOME("退役返乡慰问", "RETURN_HOME"),
  AWARD("立功受奖慰问", "AWARD"),
  FESTIVAL("节日慰问", "FESTIVAL");

  private final String label;
  private final String ledgerCause;

  VisitTrigger(String label, String ledgerCause) {
    this.label = label;
    this.ledgerCause = ledgerCause;
  }

  public String label() {
    return label;
  }

  public String ledgerCause() {
    return ledgerCause;
  }

  /** What a caseworker may request by hand; death and festivals open by themselves. */
  public boolean requestable() {
    return this != DEATH && this != FESTIVAL;
  }
}
