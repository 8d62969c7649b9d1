package org.casework.common.process;

import org.casework.common.StepOutcome;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.impl.context.BpmnExecutionContext;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.delegate.DelegateInvocation;
import org.operaton.bpm.engine.impl.interceptor.DelegateInterceptor;

/**
 * Steps throw {@link StepOutcome} (no engine type in the modules' services); around every delegate
 * and expression call this writes the outcome's variables and throws the BPMN error the process
 * catches. Anything else stays a technical fault: the job fails, is retried, then an incident.
 */
class StepOutcomeInterceptor implements DelegateInterceptor {

  private final DelegateInterceptor next;

  StepOutcomeInterceptor(DelegateInterceptor next) {
    this.next = next;
  }

  @Override
  public void handleInvocation(DelegateInvocation invocation) throws Exception {
    try {
      next.handleInvocation(invocation);
    } catch (Exception e) {
      StepOutcome outcome = outcomeIn(e);
      if (outcome == null) {
        throw e;
      }
      DelegateExecution execution = executionOf(invocation);
      if (execution != null && !outcome.variables().isEmpty()) {
        execution.setVariables(ProcessVariables.asVariables(outcome.variables()));
      }
      throw new BpmnError(outcome.code(), outcome.getMessage());
    }
  }

  /**
   * The execution the step runs in. An expression ({@code camunda:expression}) is invoked without a
   * context execution: then it is the execution the engine is running the activity for.
   */
  private static DelegateExecution executionOf(DelegateInvocation invocation) {
    if (invocation.getContextExecution() instanceof DelegateExecution execution) {
      return execution;
    }
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null ? null : context.getExecution();
  }

  private static StepOutcome outcomeIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StepOutcome o) {
        return o;
      }
    }
    return null;
  }
}
