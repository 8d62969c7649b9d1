package org.casework.contact;

/** How a contact took place; only {@link #HOME} counts as a visit (走访). */
public enum ContactMethod {
  HOME("上门"),
  PHONE("电话"),
  VIDEO("视频");

  private final String label;

  ContactMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
