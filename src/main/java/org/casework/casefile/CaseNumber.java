package org.casework.casefile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;

/** {@code <TYPE>-<county code>-<year>-<6-digit sequence>}, e.g. BF-350502-2026-000001. */
public record CaseNumber(String value) {

  /** The type codes come from {@link CaseType}: a new type needs no change here. */
  private static final Pattern SHAPE =
      Pattern.compile(
          "("
              + java.util.Arrays.stream(CaseType.values())
                  .map(CaseType::code)
                  .collect(java.util.stream.Collectors.joining("|"))
              + ")-(\\d{6})-(\\d{4})-(\\d{6})");

  public CaseNumber {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw BusinessRuleException.invalid(
          "CASE_NUMBER_FORMAT",
          "案件编号格式不正确，应如 BF-350502-2026-000001",
          "case number has wrong shape: "
              + (value == null ? "null" : value.length() > 40 ? value.substring(0, 40) : value));
    }
  }

  /**
   * Whether {@code reference} has the shape of a case number. Clocks also time work that is not a
   * case (a contact task {@code CONTACT-<plan id>}): such references have no case file, no case
   * history and no case page.
   */
  public static boolean isCaseNumber(String reference) {
    return reference != null && SHAPE.matcher(reference).matches();
  }

  public static CaseNumber of(CaseType type, String countyCode, int year, int sequence) {
    if (sequence < 1 || sequence > 999_999) {
      throw new IllegalArgumentException("sequence out of range: " + sequence);
    }
    return new CaseNumber(
        String.format("%s-%s-%04d-%06d", type.code(), countyCode, year, sequence));
  }

  public CaseType type() {
    String code = matcher().group(1);
    for (CaseType t : CaseType.values()) {
      if (t.code().equals(code)) {
        return t;
      }
    }
    throw new IllegalStateException(code);
  }

  public String countyCode() {
    return matcher().group(2);
  }

  public int year() {
    return Integer.parseInt(matcher().group(3));
  }

  @Override
  public String toString() {
    return value;
  }

  private Matcher matcher() {
    Matcher m = SHAPE.matcher(value);
    m.matches();
    return m;
  }
}
