package org.casework.clocks.internal;

import org.casework.clocks.Clocks;
import org.casework.common.process.ProcessVariables;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Clock steps of processes. {@code resumeCaseClock} is an end listener on the events that end a
 * pause (materials arrived, publicity over or objected to); resuming a running clock does nothing,
 * so a retried step is harmless.
 */
@Component
public class ClockWorkers {

  private final Clocks clocks;

  ClockWorkers(Clocks clocks) {
    this.clocks = clocks;
  }

  public void resumeCaseClock(DelegateExecution execution) {
    String caseNumber = ProcessVariables.read(execution, "caseNumber", String.class);
    clocks.resume(caseNumber, Clocks.CASE_CLOCK, "system");
  }
}
