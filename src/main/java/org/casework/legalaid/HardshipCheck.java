package org.casework.legalaid;

/** How the applicant's financial hardship (经济困难) is established for the decision. */
public enum HardshipCheck {
  /** The matter is not subject to the financial-hardship condition (第三十二条). */
  EXEMPT("不受经济困难条件限制"),
  /** The applicant's group is exempt from verification (第四十二条, or a group the region added). */
  WAIVED("免予核查经济困难状况"),
  /** The officer verifies the applicant's financial situation. */
  REQUIRED("需核查经济困难状况");

  private final String label;

  HardshipCheck(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
