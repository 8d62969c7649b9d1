package org.casework.assistance.internal;

/**
 * The decisions the hardship forms submit (strings at the BPMN boundary, parsed in the adapter).
 */
final class HardshipDecisions {

  private HardshipDecisions() {}

  /** 乡镇受理审核: 受理 / 一次性告知补正 / 不予帮扶. */
  enum Review {
    ACCEPT,
    REQUEST_MATERIALS,
    REFUSE
  }

  /** 审批 and 会签: 批准 / 不予批准. */
  enum Approval {
    APPROVE,
    REFUSE
  }

  /** 复核: 维持不予帮扶 / 撤销，重新审核. */
  enum Reconsideration {
    UPHOLD,
    OVERTURN
  }
}
