package org.casework.contact;

/** What a contact found to be needed; a hardship need opens a 困难帮扶 case linked to the visit. */
public enum NeedKind {
  NONE("无"),
  HARDSHIP("困难帮扶"),
  SERVICE("服务需求"),
  LEGAL_AID("法律援助咨询");

  private final String label;

  NeedKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
