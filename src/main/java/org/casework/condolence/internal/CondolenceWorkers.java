package org.casework.condolence.internal;

import org.casework.common.Decisions;
import org.casework.common.process.ProcessVariables;
import org.casework.condolence.CondolenceErrors;
import org.casework.condolence.internal.CondolenceDecisions.Approval;
import org.casework.condolence.internal.CondolenceDecisions.Confirmation;
import org.casework.condolence.internal.CondolenceVariables.ApprovalInput;
import org.casework.condolence.internal.CondolenceVariables.CaseOnly;
import org.casework.condolence.internal.CondolenceVariables.ConfirmationInput;
import org.casework.condolence.internal.CondolenceVariables.DeclineInput;
import org.casework.condolence.internal.CondolenceVariables.VisitInput;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The engine adapter of bpmn/condolence.bpmn (service task expressions {@code
 * ${condolenceWorkers.x(execution)}}): a variables record in, one step, a record out.
 */
@Component
public class CondolenceWorkers {

  private final CondolenceSteps steps;

  CondolenceWorkers(CondolenceSteps steps) {
    this.steps = steps;
  }

  public void loadVisit(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(
        execution, steps.load(in.caseNumber(), execution.getProcessInstanceId()));
  }

  public void recordConfirmation(DelegateExecution execution) {
    ConfirmationInput in = ProcessVariables.read(execution, ConfirmationInput.class);
    Confirmation decision =
        Decisions.parse(
            Confirmation.class, in.confirmDecision(), CondolenceErrors.INVALID_INPUT, "确认意见");
    ProcessVariables.write(execution, steps.recordConfirmation(in, decision, key(execution)));
  }

  public void checkDuplicates(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(execution, steps.checkDuplicates(in.caseNumber()));
  }

  public void recordApproval(DelegateExecution execution) {
    ApprovalInput in = ProcessVariables.read(execution, ApprovalInput.class);
    Approval decision =
        Decisions.parse(
            Approval.class, in.approvalDecision(), CondolenceErrors.INVALID_INPUT, "审批意见");
    ProcessVariables.write(execution, steps.recordApproval(in, decision, key(execution)));
  }

  public void recordVisit(DelegateExecution execution) {
    VisitInput in = ProcessVariables.read(execution, VisitInput.class);
    ProcessVariables.write(execution, steps.recordVisit(in, key(execution)));
  }

  public void pay(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(execution, steps.pay(in.caseNumber(), key(execution)));
  }

  public void close(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.close(in.caseNumber(), key(execution));
  }

  public void closeDeclined(DelegateExecution execution) {
    DeclineInput in = ProcessVariables.read(execution, DeclineInput.class);
    steps.closeDeclined(in.caseNumber(), in.declineReason(), key(execution));
  }

  private static String key(DelegateExecution execution) {
    return execution.getCurrentActivityId() + ":" + execution.getActivityInstanceId();
  }
}
