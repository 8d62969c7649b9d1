package org.casework.casefile;

/** The four case types; the code starts the case number. */
public enum CaseType {
  HARDSHIP("BF", "困难帮扶", "hardship-assistance"),
  CONDOLENCE("WW", "关怀慰问", "condolence"),
  LEGAL_AID("FY", "法律援助", "legal-aid"),
  PETITION("XF", "信访", "petition"),
  SERVICE("FW", "菜单式服务", "service-request");

  private final String code;
  private final String label;
  private final String processId;

  CaseType(String code, String label, String processId) {
    this.code = code;
    this.label = label;
    this.processId = processId;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public String processId() {
    return processId;
  }
}
