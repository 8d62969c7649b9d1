package org.casework.legalaid.internal;

/**
 * The decisions the legal-aid forms submit (strings at the BPMN boundary, parsed in the adapter).
 */
final class LegalAidDecisions {

  private LegalAidDecisions() {}

  /** 审查并作出决定: 给予法律援助 / 不予法律援助. */
  enum Decision {
    GRANT,
    REFUSE
  }

  /** 审查异议 (the justice bureau's decision): 维持原决定 / 责令改正. */
  enum ObjectionOutcome {
    UPHELD,
    OVERTURNED
  }

  /** 承办法律事务: 记录进展 / 法律事务已办结 / 终止法律援助. */
  enum Progress {
    NOTE,
    MATTER_ENDED,
    TERMINATE
  }
}
