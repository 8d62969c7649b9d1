package org.casework.jurisdiction;

/** Roles of ../DOMAIN.md; the suffix names the role inside a candidate group. */
public enum Role {
  VILLAGE_LIAISON(RegionLevel.VILLAGE, "liaison", "村联络员"),
  TOWNSHIP_CASEWORKER(RegionLevel.TOWNSHIP, "caseworker", "乡镇经办人"),
  TOWNSHIP_HEAD(RegionLevel.TOWNSHIP, "head", "乡镇分管领导"),
  COUNTY_CASEWORKER(RegionLevel.COUNTY, "caseworker", "县级经办人"),
  COUNTY_APPROVER(RegionLevel.COUNTY, "approver", "县局审批人"),
  COUNTY_HEAD(RegionLevel.COUNTY, "head", "县局分管领导"),
  LEGAL_AID_OFFICER(RegionLevel.COUNTY, "legal-aid", "法律援助工作站"),
  /** A lawyer or legal worker who takes assigned legal-aid cases (承办人). */
  LEGAL_AID_LAWYER(RegionLevel.COUNTY, "lawyer", "法律援助承办律师"),
  PETITION_OFFICER(RegionLevel.COUNTY, "petition", "信访专员"),
  SUPERVISOR(null, "supervisor", "督办"),
  AUDITOR(null, "auditor", "审计/纪检"),
  /** 系统管理员: accounts (create with a business role, disable, enable), the engine's Cockpit. */
  ADMIN(null, "admin", "系统管理员"),
  /** 安全管理员 (三员分立): grants and revokes roles and regions; keys and session policy. */
  SECURITY_ADMIN(null, "security-admin", "安全管理员"),
  /** 审计管理员 (三员分立): manages the auditors' accounts, reads the administrators' trail. */
  AUDIT_ADMIN(null, "audit-admin", "审计管理员"),
  /** A counsellor of the county's roster (心理疏导): reads and writes their own session notes. */
  COUNSELLOR(RegionLevel.COUNTY, "counsellor", "心理咨询师");

  private final RegionLevel level;
  private final String groupSuffix;
  private final String label;

  Role(RegionLevel level, String groupSuffix, String label) {
    this.level = level;
    this.groupSuffix = groupSuffix;
    this.label = label;
  }

  /** The level the role works at, or {@code null} when it may sit at any level. */
  public RegionLevel level() {
    return level;
  }

  public String groupSuffix() {
    return groupSuffix;
  }

  public String label() {
    return label;
  }

  public boolean fitsLevel(RegionLevel regionLevel) {
    return level == null || level == regionLevel;
  }
}
