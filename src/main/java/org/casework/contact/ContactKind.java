package org.casework.contact;

/** 联系 (any way: phone, video, a call at home) or 走访 (a visit at home). */
public enum ContactKind {
  CONTACT("联系"),
  VISIT("走访");

  private final String label;

  ContactKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
