package org.casework.common;

/** Personal data as most people may see it: {@code 3505**********123X}, {@code 138****5678}. */
public final class Masking {

  private Masking() {}

  public static String idNumber(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
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
