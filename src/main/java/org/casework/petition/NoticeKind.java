package org.casework.petition;

/** Written notices to the petitioner; the template name is the PDF template's file name. */
public enum NoticeKind {
  ACCEPTANCE("受理告知书", "petition-acceptance"),
  TRANSFER("转送告知书", "petition-transfer"),
  NOT_ACCEPTED("不予受理告知书", "petition-not-accepted"),
  EXTENSION("延期告知书", "petition-extension"),
  OPINION("处理意见书", "petition-opinion"),
  REVIEW("复查意见书", "petition-review"),
  REREVIEW("复核意见书", "petition-rereview"),
  NOT_ACCEPTED_AGAIN("不再受理告知书", "petition-not-accepted-again");

  private final String label;
  private final String template;

  NoticeKind(String label, String template) {
    this.label = label;
    this.template = template;
  }

  public String label() {
    return label;
  }

  public String template() {
    return template;
  }
}
