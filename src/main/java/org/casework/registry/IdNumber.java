package org.casework.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;
import org.casework.common.Masking;

/**
 * 18-character resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public record IdNumber(String value) {

  private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  public IdNumber {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw BusinessRuleException.invalid(
          "ID_NUMBER_FORMAT",
          "身份证号码格式不正确：应为18位，前17位为数字，最后一位为数字或X",
          "id number has wrong shape (length " + (value == null ? 0 : value.length()) + ")");
    }
    if (checkCharacter(value) != value.charAt(17)) {
      throw BusinessRuleException.invalid(
          "ID_NUMBER_CHECKSUM",
          "身份证号码校验位错误，请核对后重新输入",
          "id number checksum mismatch for " + Masking.idNumber(value));
    }
    try {
      birthDateOf(value);
    } catch (DateTimeException e) {
      throw BusinessRuleException.invalid(
          "ID_NUMBER_BIRTH_DATE",
          "身份证号码中的出生日期无效",
          "id number birth date invalid for " + Masking.idNumber(value));
    }
  }

  /** Accepts lower-case x and surrounding spaces as people type them. */
  public static IdNumber parse(String raw) {
    return new IdNumber(raw == null ? null : raw.trim().toUpperCase());
  }

  /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  public LocalDate birthDate() {
    return birthDateOf(value);
  }

  /** 周岁: full years on {@code day}. */
  public static int ageOn(LocalDate birthDate, LocalDate day) {
    return java.time.Period.between(birthDate, day).getYears();
  }

  public Gender gender() {
    return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
  }

  public String masked() {
    return Masking.idNumber(value);
  }

  /** Never the full number: records end up in logs. */
  @Override
  public String toString() {
    return masked();
  }

  private static LocalDate birthDateOf(String v) {
    return LocalDate.of(
        Integer.parseInt(v.substring(6, 10)),
        Integer.parseInt(v.substring(10, 12)),
        Integer.parseInt(v.substring(12, 14)));
  }
}
