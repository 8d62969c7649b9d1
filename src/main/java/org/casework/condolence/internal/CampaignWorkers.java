package org.casework.condolence.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import org.casework.condolence.internal.CondolenceVariables.Accepted;
import org.casework.condolence.internal.CondolenceVariables.CampaignClosed;
import org.casework.condolence.internal.CondolenceVariables.CampaignLoaded;
import org.casework.condolence.internal.CondolenceVariables.CampaignOnly;
import org.casework.condolence.internal.CondolenceVariables.ListInput;
import org.casework.condolence.internal.CondolenceVariables.TownshipApprovalInput;
import org.casework.condolence.internal.CondolenceVariables.TownshipInput;
import org.casework.condolence.internal.CondolenceVariables.TownshipList;
import org.casework.condolence.internal.CondolenceVariables.TownshipPaid;
import org.casework.condolence.internal.CondolenceVariables.VisitsInput;
import org.springframework.stereotype.Component;

/** Job workers of bpmn/condolence-campaign.bpmn. */
@Component
public class CampaignWorkers {

  private final CampaignSteps steps;

  CampaignWorkers(CampaignSteps steps) {
    this.steps = steps;
  }

  @JobWorker(type = "condolence.draw-campaign-lists")
  public CampaignLoaded drawLists(ActivatedJob job, @VariablesAsType CampaignOnly in) {
    return steps.draw(in.campaignId(), job.getProcessInstanceKey());
  }

  @JobWorker(type = "condolence.load-township-list")
  public TownshipList loadList(@VariablesAsType TownshipInput in) {
    return steps.list(in.campaignId(), in.township().code());
  }

  @JobWorker(type = "condolence.record-township-list")
  public TownshipList recordList(@VariablesAsType ListInput in) {
    return steps.recordList(in.campaignId(), in.township().code(), in.removals(), in.additions());
  }

  @JobWorker(type = "condolence.record-township-approval")
  public Accepted recordApproval(@VariablesAsType TownshipApprovalInput in) {
    return steps.recordApproval(
        in.campaignId(), in.township().code(), in.approvalDecision(), in.approvalReason());
  }

  @JobWorker(type = "condolence.record-campaign-visits")
  public Accepted recordVisits(@VariablesAsType VisitsInput in) {
    return steps.recordVisits(in.campaignId(), in.township().code(), in.visitRecords());
  }

  @JobWorker(type = "condolence.pay-campaign-township")
  public TownshipPaid pay(@VariablesAsType TownshipInput in) {
    return steps.pay(in.campaignId(), in.township().code());
  }

  @JobWorker(type = "condolence.expire-township")
  public void expire(@VariablesAsType TownshipInput in) {
    steps.expire(in.campaignId(), in.township().code());
  }

  @JobWorker(type = "condolence.close-campaign")
  public CampaignClosed close(@VariablesAsType CampaignOnly in) {
    return new CampaignClosed(steps.close(in.campaignId()));
  }
}
