package org.casework.clocks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;

/**
 * Which rows make up a region's calendar. Calendar rows belong to the nation ({@code ""}) or to a
 * division-code prefix: province (2 digits), city (4) or county (6). A township (9) or village (12)
 * uses its county's calendar.
 */
public final class CalendarRegion {

  public static final String NATIONAL = "";

  /** Codes that may own calendar rows. */
  public static final String OWNER_PATTERN = "^(|\\d{2}|\\d{4}|\\d{6})$";

  private static final Pattern OWNER = Pattern.compile(OWNER_PATTERN);
  private static final Pattern ANY = Pattern.compile("^(|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$");
  private static final int[] LEVELS = {2, 4, 6};

  private CalendarRegion() {}

  /** {@code null} and blanks mean national. */
  public static String normalize(String code) {
    return code == null ? NATIONAL : code.trim();
  }

  public static boolean isOwnerCode(String code) {
    return code != null && OWNER.matcher(code).matches();
  }

  /**
   * The code whose calendar a case in {@code code} follows: the code cut to its county.
   *
   * @throws BusinessRuleException if the code is not '', 2, 4, 6, 9 or 12 digits
   */
  public static String calendarOwner(String code) {
    String normalized = normalize(code);
    if (!ANY.matcher(normalized).matches()) {
      throw BusinessRuleException.invalid(
          "SLA_REGION_CODE_FORMAT",
          "地区代码格式不正确：全国留空，否则为2位（省）、4位（市）、6位（县）、9位（乡镇）或12位（村）数字",
          "calendar region code is not '', 2, 4, 6, 9 or 12 digits (length "
              + normalized.length()
              + ")");
    }
    return normalized.length() > 6 ? normalized.substring(0, 6) : normalized;
  }

  /** National first, most specific last: {@code 350502001} → ["", "35", "3505", "350502"]. */
  public static List<String> chain(String code) {
    String owner = calendarOwner(code);
    List<String> chain = new ArrayList<>(4);
    chain.add(NATIONAL);
    for (int level : LEVELS) {
      if (owner.length() >= level) {
        chain.add(owner.substring(0, level));
      }
    }
    return List.copyOf(chain);
  }
}
