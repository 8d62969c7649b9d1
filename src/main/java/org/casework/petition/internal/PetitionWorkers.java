package org.casework.petition.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import org.casework.petition.NoticeKind;
import org.casework.petition.internal.PetitionVariables.Accepted;
import org.casework.petition.internal.PetitionVariables.CaseOnly;
import org.casework.petition.internal.PetitionVariables.DecisionInput;
import org.casework.petition.internal.PetitionVariables.DecisionOutput;
import org.casework.petition.internal.PetitionVariables.ExtensionInput;
import org.casework.petition.internal.PetitionVariables.ExtensionOutput;
import org.casework.petition.internal.PetitionVariables.InvestigationInput;
import org.casework.petition.internal.PetitionVariables.Loaded;
import org.casework.petition.internal.PetitionVariables.MeetingInput;
import org.casework.petition.internal.PetitionVariables.NoticeOutput;
import org.casework.petition.internal.PetitionVariables.OpinionInput;
import org.casework.petition.internal.PetitionVariables.OpinionOutput;
import org.casework.petition.internal.PetitionVariables.ReReviewInput;
import org.casework.petition.internal.PetitionVariables.ReviewInput;
import org.springframework.stereotype.Component;

/** Job workers of bpmn/petition.bpmn: a variables record in, one step, a record out. */
@Component
public class PetitionWorkers {

  private final PetitionSteps steps;

  PetitionWorkers(PetitionSteps steps) {
    this.steps = steps;
  }

  @JobWorker(type = "petition.load-petition")
  public Loaded load(ActivatedJob job, @VariablesAsType CaseOnly in) {
    return steps.load(in.caseNumber(), job.getProcessInstanceKey());
  }

  @JobWorker(type = "petition.record-decision")
  public DecisionOutput recordDecision(ActivatedJob job, @VariablesAsType DecisionInput in) {
    return steps.recordDecision(in, key(job));
  }

  /** One worker for every written notice; the task header {@code notice} names the kind. */
  @JobWorker(type = "petition.issue-notice")
  public NoticeOutput issueNotice(ActivatedJob job, @VariablesAsType CaseOnly in) {
    NoticeKind kind = NoticeKind.valueOf(job.getCustomHeaders().get("notice"));
    return steps.issueNotice(in.caseNumber(), kind, key(job));
  }

  @JobWorker(type = "petition.record-investigation")
  public Accepted recordInvestigation(ActivatedJob job, @VariablesAsType InvestigationInput in) {
    return steps.recordInvestigation(in, key(job));
  }

  @JobWorker(type = "petition.record-meeting")
  public Accepted recordMeeting(ActivatedJob job, @VariablesAsType MeetingInput in) {
    return steps.recordMeeting(in, key(job));
  }

  @JobWorker(type = "petition.record-opinion")
  public OpinionOutput recordOpinion(ActivatedJob job, @VariablesAsType OpinionInput in) {
    return steps.recordOpinion(in, key(job));
  }

  @JobWorker(type = "petition.record-extension")
  public ExtensionOutput recordExtension(ActivatedJob job, @VariablesAsType ExtensionInput in) {
    return steps.recordExtension(in, key(job));
  }

  @JobWorker(type = "petition.record-review")
  public Accepted recordReview(ActivatedJob job, @VariablesAsType ReviewInput in) {
    return steps.recordReview(in.caseNumber(), in.reviewOpinion(), false, key(job));
  }

  @JobWorker(type = "petition.record-rereview")
  public Accepted recordReReview(ActivatedJob job, @VariablesAsType ReReviewInput in) {
    return steps.recordReview(in.caseNumber(), in.rereviewOpinion(), true, key(job));
  }

  @JobWorker(type = "petition.finalize")
  public void finalizeMatter(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.finalizeMatter(in.caseNumber(), key(job));
  }

  private static String key(ActivatedJob job) {
    return job.getElementId() + ":" + job.getElementInstanceKey();
  }
}
