package org.casework.casefile.internal;

import java.util.Map;
import org.casework.casefile.CaseType;
import org.casework.common.BusinessRuleException;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine side of a case: its process instance is started in the transaction that opens the case
 * (business key = case number, one variable: the case number; the first step loads the rest), and
 * messages are correlated to the instance waiting for them. The engine shares the app's
 * transaction, so a case and its instance are committed together or not at all.
 */
@Component
class CaseProcesses {

  private static final Logger log = LoggerFactory.getLogger(CaseProcesses.class);

  private final RuntimeService runtime;

  CaseProcesses(RuntimeService runtime) {
    this.runtime = runtime;
  }

  String start(String caseNumber, CaseType type) {
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            type.processId(), caseNumber, Map.of("caseNumber", caseNumber));
    log.info("case {} started as process instance {}", caseNumber, instance.getId());
    return instance.getId();
  }

  /**
   * Delivers {@code message} to the case's instance if it is waiting for it; otherwise a Chinese
   * 409 (the officer's request is refused, nothing is recorded).
   */
  void correlate(String message, String caseNumber) {
    try {
      runtime
          .createMessageCorrelation(message)
          .processInstanceBusinessKey(caseNumber)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw BusinessRuleException.conflict(
          "CASE_NOT_WAITING",
          "案件 " + caseNumber + " 当前不在等待此事项，无法受理",
          "message " + message + " for case " + caseNumber + ": " + notWaiting.getMessage());
    }
  }
}
