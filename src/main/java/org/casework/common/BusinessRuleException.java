package org.casework.common;

/**
 * A request the rules refuse. {@code userMessage} is Chinese and shown to the user as is; {@code
 * code} is stable and goes to the log and the JSON error body; {@code detail} is the precise,
 * PII-free reason for the log.
 */
public class BusinessRuleException extends RuntimeException {

  private final String code;
  private final String userMessage;
  private final Kind kind;

  public enum Kind {
    INVALID,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT
  }

  public BusinessRuleException(Kind kind, String code, String userMessage, String detail) {
    super(code + ": " + detail);
    this.kind = kind;
    this.code = code;
    this.userMessage = userMessage;
  }

  public static BusinessRuleException invalid(String code, String userMessage, String detail) {
    return new BusinessRuleException(Kind.INVALID, code, userMessage, detail);
  }

  public static BusinessRuleException notFound(String code, String userMessage, String detail) {
    return new BusinessRuleException(Kind.NOT_FOUND, code, userMessage, detail);
  }

  public static BusinessRuleException forbidden(String code, String userMessage, String detail) {
    return new BusinessRuleException(Kind.FORBIDDEN, code, userMessage, detail);
  }

  public static BusinessRuleException conflict(String code, String userMessage, String detail) {
    return new BusinessRuleException(Kind.CONFLICT, code, userMessage, detail);
  }

  public String code() {
    return code;
  }

  public String userMessage() {
    return userMessage;
  }

  public Kind kind() {
    return kind;
  }
}
