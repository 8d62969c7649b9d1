package org.casework.audit;

/** What an audit entry records. */
public enum AuditKind {
  CASE_HISTORY("办理记录"),
  TASK_OUTSIDE_GROUP("越权办理预警"),
  /** A programme's completion rule (separation of duties, recusal) refused a completion. */
  TASK_RULE_REFUSED("职责分离（回避）拒绝办理"),
  ACCESS_REFUSED("越权访问（地区）"),
  ACCESS_DENIED("越权访问（角色）"),
  PERSONAL_DATA_VIEW("查看个人信息原文"),
  PERSON_SEARCH("按身份证号查询对象"),
  EXPORT("导出"),
  DOSSIER_VIEW("查看服务对象档案"),
  PEOPLE_IMPORT("导入信息采集表"),
  LOGIN("登录"),
  LOGIN_FAILED("登录失败"),
  LOGOUT("退出登录"),
  STAFF_CHANGE("人员、岗位、辖区变更"),
  LEDGER_REVERSAL("台账冲正"),
  LEDGER_CORRECTION("台账更正"),
  RECONCILIATION_IMPORT("对账文件导入"),
  AMOUNT_CHANGE("标准金额变更"),
  CALENDAR_CHANGE("工作日历变更"),
  POLICY_CHANGE("政策规则变更"),
  HISTORY_GAP("审计缺口"),
  CHAIN_ANCHOR("哈希链锚定"),
  DIVISION_IMPORT("导入区划与服务站代码"),
  /**
   * A training course, attendance or volunteer activity of the stations edited, deleted or voided.
   */
  STATION_RECORD_CHANGE("服务站培训、志愿服务记录更正"),
  /** The public self-service lookup (no login): found, refused, and each window's totals. */
  PUBLIC_LOOKUP("公众自助查询");

  private final String label;

  AuditKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
