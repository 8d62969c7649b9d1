package org.casework.casefile;

/** Where a case stands, as the applicant and officers read it. */
public enum CaseStatus {
  FILED("已登记", false),
  AWAITING_CONFIRMATION("待乡镇确认", false),
  AWAITING_VISIT("待走访慰问", false),
  EMERGENCY_PAYMENT("急难先行支付", false),
  VERIFYING("入户核实中", false),
  UNDER_REVIEW("乡镇审核中", false),
  AWAITING_MATERIALS("待补正材料", false),
  IN_PUBLICITY("公示中", false),
  AWAITING_APPROVAL("待审批", false),
  AWAITING_COUNTERSIGN("待分管领导会签", false),
  APPROVED("已批准", false),
  PAID("已发放", false),
  FOLLOW_UP("已结案，待回访", true),
  CLOSED("已结案", true),
  REFUSED("不予帮扶", true),
  RECONSIDERING("复核中", false),
  WITHDRAWN("已终止", true),
  DECLINED("不予慰问", true),
  // legal aid (法律援助)
  AID_REVIEW("审查法律援助申请", false),
  AWAITING_DECISION("待作出援助决定", false),
  AWAITING_ASSIGNMENT("待指派承办人", false),
  OBJECTION_REVIEW("异议审查中", false),
  IN_PROGRESS("法律援助承办中", false),
  CLOSING("待结案归档", false),
  AID_REFUSED("不予法律援助", true),
  AID_TERMINATED("已终止法律援助", true),
  // petitions (信访)
  AWAITING_ACCEPTANCE("待作出受理决定", false),
  PETITION_HANDLING("信访办理中", false),
  AWAITING_EXTENSION("延期审批中", false),
  OPINION_ISSUED("已出具处理意见书", false),
  PETITION_REVIEW("复查中", false),
  REVIEW_ISSUED("已出具复查意见书", false),
  PETITION_REREVIEW("复核中", false),
  PETITION_FINAL("已办结，不再受理", true),
  TRANSFERRED("已转送有权处理机关", true),
  NOT_ACCEPTED("不予受理", true),
  // service requests (菜单式服务)
  SERVICE_IDENTITY("待核实申请人身份", false),
  SERVICE_ACCEPTANCE("服务受理审查中", false),
  SERVICE_HANDLING("服务办理中", false),
  SERVICE_REFERRED("已转介，待部门答复", false),
  SERVICE_RESULT("待登记服务结果", false),
  SERVICE_FOLLOW_UP("待回访", false),
  SERVICE_DONE("服务已办结", true),
  SERVICE_REFUSED("不予受理服务", true);

  private final String label;
  private final boolean closed;

  CaseStatus(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  public String label() {
    return label;
  }

  public boolean isClosed() {
    return closed;
  }
}
