package org.casework.condolence.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import org.casework.condolence.internal.CondolenceVariables.Accepted;
import org.casework.condolence.internal.CondolenceVariables.ApprovalInput;
import org.casework.condolence.internal.CondolenceVariables.CaseOnly;
import org.casework.condolence.internal.CondolenceVariables.ConfirmationInput;
import org.casework.condolence.internal.CondolenceVariables.DeclineInput;
import org.casework.condolence.internal.CondolenceVariables.DuplicateOutput;
import org.casework.condolence.internal.CondolenceVariables.LoadedVisit;
import org.casework.condolence.internal.CondolenceVariables.PaymentOutput;
import org.casework.condolence.internal.CondolenceVariables.VisitInput;
import org.springframework.stereotype.Component;

/** Job workers of bpmn/condolence.bpmn: a variables record in, one step, a record out. */
@Component
public class CondolenceWorkers {

  private final CondolenceSteps steps;

  CondolenceWorkers(CondolenceSteps steps) {
    this.steps = steps;
  }

  @JobWorker(type = "condolence.load-visit")
  public LoadedVisit loadVisit(ActivatedJob job, @VariablesAsType CaseOnly in) {
    return steps.load(in.caseNumber(), job.getProcessInstanceKey());
  }

  @JobWorker(type = "condolence.record-confirmation")
  public Accepted recordConfirmation(ActivatedJob job, @VariablesAsType ConfirmationInput in) {
    return steps.recordConfirmation(in, key(job));
  }

  @JobWorker(type = "condolence.check-duplicates")
  public DuplicateOutput checkDuplicates(@VariablesAsType CaseOnly in) {
    return steps.checkDuplicates(in.caseNumber());
  }

  @JobWorker(type = "condolence.record-approval")
  public Accepted recordApproval(ActivatedJob job, @VariablesAsType ApprovalInput in) {
    return steps.recordApproval(in, key(job));
  }

  @JobWorker(type = "condolence.record-visit")
  public Accepted recordVisit(ActivatedJob job, @VariablesAsType VisitInput in) {
    return steps.recordVisit(in, key(job));
  }

  @JobWorker(type = "condolence.pay-condolence")
  public PaymentOutput pay(ActivatedJob job, @VariablesAsType CaseOnly in) {
    return steps.pay(in.caseNumber(), key(job));
  }

  @JobWorker(type = "condolence.close-case")
  public void close(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.close(in.caseNumber(), key(job));
  }

  @JobWorker(type = "condolence.close-declined")
  public void closeDeclined(ActivatedJob job, @VariablesAsType DeclineInput in) {
    steps.closeDeclined(in.caseNumber(), in.declineReason(), key(job));
  }

  private static String key(ActivatedJob job) {
    return job.getElementId() + ":" + job.getElementInstanceKey();
  }
}
