package org.casework.condolence.internal;

/**
 * The decisions the condolence forms submit (strings at the BPMN boundary, parsed in the adapter).
 */
final class CondolenceDecisions {

  private CondolenceDecisions() {}

  /** 乡镇确认慰问: 确认慰问 / 不予慰问. */
  enum Confirmation {
    CONFIRM,
    DECLINE
  }

  /** 县局审批慰问: 同意 / 不予批准. */
  enum Approval {
    APPROVE,
    REFUSE
  }

  /** 县局批量审批本乡镇名单: 批准 / 退回乡镇调整. */
  enum ListApproval {
    APPROVE,
    RETURN
  }
}
