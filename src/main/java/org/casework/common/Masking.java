package org.casework.common;

/**
 * Personal data as most people may see it: {@code **************123X}, {@code 138****5678}. An ID
 * number shows its last four characters only: its digits 1–6 are the registering region (which
 * pages show as a region code) and 7–14 the birth date, so any more would rebuild the number.
 */
public final class Masking {

  private Masking() {}

  public static String idNumber(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
  }

  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }

  private static final java.util.regex.Pattern ID_IN_TEXT =
      java.util.regex.Pattern.compile(
          "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
              + "\\d{3}[0-9Xx](?![0-9A-Za-z])");
  private static final java.util.regex.Pattern PHONE_IN_TEXT =
      java.util.regex.Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

  /**
   * Free text as exports carry it by default: every ID number and mobile number someone typed into
   * it (a reason, a note) masked. Exports call this on each text cell unless an allowed role asked
   * for an unmasked export, which is audited.
   */
  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String ids = ID_IN_TEXT.matcher(text).replaceAll(m -> idNumber(m.group()));
    return PHONE_IN_TEXT.matcher(ids).replaceAll(m -> phone(m.group()));
  }

  /** 张三丰 → 张*丰, 李四 → 李*. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    int[] cps = name.codePoints().toArray();
    if (cps.length == 1) {
      return name;
    }
    StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]).append('*');
    if (cps.length > 2) {
      sb.appendCodePoint(cps[cps.length - 1]);
    }
    return sb.toString();
  }
}
