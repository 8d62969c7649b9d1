package org.casework.stations.internal;

import org.casework.common.BusinessRuleException;

/**
 * The one text check of the stations' training and volunteer forms: a field stripped, refused in
 * Chinese when it is required and blank or longer than the column allows.
 */
final class Texts {

  private Texts() {}

  /** The stripped value; blank or longer than {@code max} → {@code message} (400). */
  static String required(String value, int max, String code, String message) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      throw BusinessRuleException.invalid(code, message, code + ": blank or over " + max);
    }
    return value.strip();
  }

  /** The stripped value or null when blank; longer than {@code max} → {@code message} (400). */
  static String optional(String value, int max, String code, String message) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      throw BusinessRuleException.invalid(code, message, code + ": over " + max);
    }
    return value.strip();
  }
}
