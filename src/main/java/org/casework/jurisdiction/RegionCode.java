package org.casework.jurisdiction;

import java.util.Optional;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;

/**
 * A division code in its significant form: county {@code 350502}, township {@code 350502001},
 * village {@code 350502001001}. The 12-digit padded form ({@code 350502000000}) is accepted and
 * normalised. The parent is the code's prefix, so parentage is part of the value.
 */
public record RegionCode(String value) {

  private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

  public RegionCode {
    if (value == null || !DIGITS.matcher(value).matches()) {
      throw BusinessRuleException.invalid(
          "REGION_CODE_FORMAT",
          "行政区划代码格式不正确：应为6位（县）、9位（乡镇）或12位（村）数字",
          "region code does not have 6, 9 or 12 digits: " + safe(value));
    }
    int province = Integer.parseInt(value.substring(0, 2));
    if (province < 11 || province > 82) {
      throw invalid(value, "province part " + province + " out of range 11..82");
    }
    if (value.substring(4, 6).equals("00")) {
      throw invalid(value, "county part is 00 (that is a city code)");
    }
    if (value.length() >= 9 && value.substring(6, 9).equals("000")) {
      throw invalid(value, "township part is 000");
    }
    if (value.length() == 12 && value.substring(9, 12).equals("000")) {
      throw invalid(value, "village part is 000");
    }
  }

  /** Parses a code in significant or 12-digit padded form. */
  public static RegionCode parse(String raw) {
    String s = raw == null ? null : raw.trim();
    if (s != null && s.length() == 12) {
      if (s.endsWith("000000")) {
        s = s.substring(0, 6);
      } else if (s.endsWith("000")) {
        s = s.substring(0, 9);
      }
    }
    return new RegionCode(s);
  }

  public RegionLevel level() {
    return switch (value.length()) {
      case 6 -> RegionLevel.COUNTY;
      case 9 -> RegionLevel.TOWNSHIP;
      default -> RegionLevel.VILLAGE;
    };
  }

  public Optional<RegionCode> parent() {
    return switch (level()) {
      case COUNTY -> Optional.empty();
      case TOWNSHIP -> Optional.of(new RegionCode(value.substring(0, 6)));
      case VILLAGE -> Optional.of(new RegionCode(value.substring(0, 9)));
    };
  }

  public RegionCode county() {
    return new RegionCode(value.substring(0, 6));
  }

  /** Whether {@code other} is this region or lies below it. */
  public boolean contains(RegionCode other) {
    return other.value.startsWith(value);
  }

  public String padded() {
    return (value + "000000").substring(0, 12);
  }

  @Override
  public String toString() {
    return value;
  }

  private static BusinessRuleException invalid(String value, String detail) {
    return BusinessRuleException.invalid(
        "REGION_CODE_INVALID", "行政区划代码无效：" + value, detail + ": " + value);
  }

  private static String safe(String value) {
    return value == null ? "null" : value.length() > 20 ? value.substring(0, 20) + "…" : value;
  }
}
