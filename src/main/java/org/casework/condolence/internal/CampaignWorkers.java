package org.casework.condolence.internal;

import org.casework.common.Decisions;
import org.casework.common.process.ProcessVariables;
import org.casework.condolence.CondolenceErrors;
import org.casework.condolence.internal.CondolenceDecisions.ListApproval;
import org.casework.condolence.internal.CondolenceVariables.CampaignClosed;
import org.casework.condolence.internal.CondolenceVariables.CampaignOnly;
import org.casework.condolence.internal.CondolenceVariables.ListInput;
import org.casework.condolence.internal.CondolenceVariables.TownshipApprovalInput;
import org.casework.condolence.internal.CondolenceVariables.TownshipInput;
import org.casework.condolence.internal.CondolenceVariables.VisitsInput;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The engine adapter of bpmn/condolence-campaign.bpmn. Steps inside SubProcess_Township see the
 * instance's {@code township} and write into the township's local variables (the subprocess
 * declares them), so parallel townships never see each other's lists or notices.
 */
@Component
public class CampaignWorkers {

  private final CampaignSteps steps;

  CampaignWorkers(CampaignSteps steps) {
    this.steps = steps;
  }

  public void drawLists(DelegateExecution execution) {
    CampaignOnly in = ProcessVariables.read(execution, CampaignOnly.class);
    ProcessVariables.write(
        execution, steps.draw(in.campaignId(), execution.getProcessInstanceId()));
  }

  public void loadList(DelegateExecution execution) {
    TownshipInput in = ProcessVariables.read(execution, TownshipInput.class);
    ProcessVariables.write(execution, steps.list(in.campaignId(), in.township().code()));
  }

  public void recordList(DelegateExecution execution) {
    ListInput in = ProcessVariables.read(execution, ListInput.class);
    ProcessVariables.write(
        execution,
        steps.recordList(
            in.campaignId(),
            in.township().code(),
            in.removals(),
            in.additions(),
            completedBy(execution)));
  }

  public void recordApproval(DelegateExecution execution) {
    TownshipApprovalInput in = ProcessVariables.read(execution, TownshipApprovalInput.class);
    ProcessVariables.write(
        execution,
        steps.recordApproval(
            in.campaignId(),
            in.township().code(),
            Decisions.parse(
                ListApproval.class, in.approvalDecision(), CondolenceErrors.INVALID_INPUT, "审批意见"),
            in.approvalReason(),
            completedBy(execution)));
  }

  public void recordVisits(DelegateExecution execution) {
    VisitsInput in = ProcessVariables.read(execution, VisitsInput.class);
    ProcessVariables.write(
        execution, steps.recordVisits(in.campaignId(), in.township().code(), in.visitRecords()));
  }

  public void pay(DelegateExecution execution) {
    TownshipInput in = ProcessVariables.read(execution, TownshipInput.class);
    ProcessVariables.write(execution, steps.pay(in.campaignId(), in.township().code()));
  }

  public void expire(DelegateExecution execution) {
    TownshipInput in = ProcessVariables.read(execution, TownshipInput.class);
    steps.expire(in.campaignId(), in.township().code());
  }

  public void close(DelegateExecution execution) {
    CampaignOnly in = ProcessVariables.read(execution, CampaignOnly.class);
    ProcessVariables.write(execution, new CampaignClosed(steps.close(in.campaignId())));
  }

  /** Who completed the task just before (written by the task listener, not by a form). */
  private static String completedBy(DelegateExecution execution) {
    Object by = execution.getVariable("completedBy");
    return by instanceof String s ? s : null;
  }
}
