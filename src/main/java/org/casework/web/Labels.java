package org.casework.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.springframework.stereotype.Component;

/**
 * Chinese labels for what the records store as codes, used by templates: {@code
 * ${@labels.role(h.actorRole())}} (TOWNSHIP_CASEWORKER → 乡镇经办人, SYSTEM → 系统) and {@code
 * ${@labels.text(h.reason())}} (规则版本 0 → 法定默认期限规则). Raw codes never reach the user.
 */
@Component("labels")
class Labels {

  private static final Pattern RULE_VERSION = Pattern.compile("规则版本\\s*(\\d+)");

  private final Jurisdiction jurisdiction;

  Labels(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  /** A region's name for its code (350502001 → 海滨街道); the code itself if unknown. */
  /**
   * An ID number as pages show a picked person's: masked when it is a full, valid number (the
   * server put it in, web/PickedApplicant), else as typed.
   */
  public String maskedIdNumber(String idNumber) {
    if (idNumber == null || idNumber.isBlank()) {
      return idNumber;
    }
    try {
      return org.casework.registry.IdNumber.parse(idNumber).masked();
    } catch (org.casework.common.BusinessRuleException notAFullNumber) {
      return idNumber;
    }
  }

  public String region(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    try {
      return jurisdiction.findRegion(RegionCode.parse(code)).map(r -> r.name()).orElse(code);
    } catch (BusinessRuleException malformed) {
      return code;
    }
  }

  /** 海滨街道 新华社区 for a township and (optional) village code. */
  public String place(String township, String village) {
    String t = region(township);
    return village == null || village.isBlank() ? t : t + " " + region(village);
  }

  public String role(String role) {
    if (role == null || role.isBlank()) {
      return "";
    }
    if ("SYSTEM".equalsIgnoreCase(role)) {
      return "系统";
    }
    if ("STAFF".equalsIgnoreCase(role)) {
      return "工作人员";
    }
    try {
      return Role.valueOf(role).label();
    } catch (IllegalArgumentException unknown) {
      return "其他";
    }
  }

  public String actor(String actor) {
    return actor == null || "system".equalsIgnoreCase(actor) ? "系统" : actor;
  }

  /** History text with the policy version named in words (版本 0 is the statutory default). */
  public String text(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = RULE_VERSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = m.group(1);
      m.appendReplacement(out, "0".equals(v) ? "法定默认期限规则" : "期限规则第" + v + "版");
    }
    m.appendTail(out);
    return out.toString();
  }
}
