package org.casework.casefile;

import org.casework.jurisdiction.StaffMember;

/**
 * Something a waiting case needs has arrived at the desk (补正材料, 公示异议, 复核申请 ...): see {@link
 * CaseFiles#receive(Receipt)}.
 *
 * @param caseNumber the case
 * @param officer who takes it in; must cover the case's region
 * @param type the case type the desk handles
 * @param awaited the status the case must be in to take it
 * @param wrongStatusCode stable code of the refusal when it is in another status
 * @param wrongStatusMessage Chinese refusal (the current status is appended)
 * @param action history action, e.g. 收到补正材料
 * @param outcome history outcome, e.g. 已补正
 * @param text what was handed in (note, objection), kept in the history line
 * @param message the BPMN message the process waits for, correlated by case number
 */
public record Receipt(
    String caseNumber,
    StaffMember officer,
    CaseType type,
    CaseStatus awaited,
    String wrongStatusCode,
    String wrongStatusMessage,
    String action,
    String outcome,
    String text,
    String message) {

  /** 补正材料 handed in for a case waiting in 待补正 (the same desk step for every case type). */
  public static Receipt materials(
      String caseNumber, StaffMember officer, CaseType type, String note, String message) {
    return new Receipt(
        caseNumber,
        officer,
        type,
        CaseStatus.AWAITING_MATERIALS,
        "NOT_AWAITING_MATERIALS",
        "案件 " + caseNumber + " 当前不在待补正状态",
        "收到补正材料",
        "已补正",
        note,
        message);
  }
}
