package org.casework.petition.internal;

/**
 * The decisions the petition forms submit (strings at the BPMN boundary, parsed in the adapter).
 */
final class PetitionDecisions {

  private PetitionDecisions() {}

  /** 信访受理决定: 受理 / 转送有权处理机关 / 不予受理. */
  enum Acceptance {
    ACCEPT,
    TRANSFER,
    NOT_ACCEPT
  }

  /** 出具处理意见书: 出具 / 申请延期. */
  enum OpinionAction {
    ISSUE,
    EXTEND
  }

  /** 延期审批: 同意 / 不同意. */
  enum Extension {
    APPROVE,
    REFUSE
  }
}
