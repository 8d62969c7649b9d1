package org.casework.services.internal;

import org.casework.common.Decisions;
import org.casework.common.process.ProcessVariables;
import org.casework.services.ServiceErrors;
import org.casework.services.internal.ServiceDecisions.Acceptance;
import org.casework.services.internal.ServiceDecisions.Channel;
import org.casework.services.internal.ServiceDecisions.Identity;
import org.casework.services.internal.ServiceDecisions.Outcome;
import org.casework.services.internal.ServiceDecisions.ReferralAnswer;
import org.casework.services.internal.ServiceDecisions.Satisfaction;
import org.casework.services.internal.ServiceDecisions.Supplement;
import org.casework.services.internal.ServiceVariables.AcceptanceInput;
import org.casework.services.internal.ServiceVariables.AnswerInput;
import org.casework.services.internal.ServiceVariables.CaseOnly;
import org.casework.services.internal.ServiceVariables.DeclineInput;
import org.casework.services.internal.ServiceVariables.Declined;
import org.casework.services.internal.ServiceVariables.FollowUpInput;
import org.casework.services.internal.ServiceVariables.HandlingInput;
import org.casework.services.internal.ServiceVariables.IdentityInput;
import org.casework.services.internal.ServiceVariables.ResultInput;
import org.casework.services.internal.ServiceVariables.SupplementInput;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The engine adapter of bpmn/service-request.bpmn (service task expressions {@code
 * ${serviceWorkers.x(execution)}}): a variables record in, one step, a record out.
 */
@Component
public class ServiceWorkers {

  private final ServiceSteps steps;

  ServiceWorkers(ServiceSteps steps) {
    this.steps = steps;
  }

  public void load(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(
        execution, steps.load(in.caseNumber(), execution.getProcessInstanceId()));
  }

  public void recordIdentity(DelegateExecution execution) {
    IdentityInput in = ProcessVariables.read(execution, IdentityInput.class);
    Identity decision =
        Decisions.parse(
            Identity.class, in.identityDecision(), ServiceErrors.INVALID_INPUT, "身份核实结论");
    ProcessVariables.write(execution, steps.recordIdentity(in, decision, key(execution)));
  }

  public void checkEligibility(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(execution, steps.checkEligibility(in.caseNumber(), key(execution)));
  }

  public void recordAcceptance(DelegateExecution execution) {
    AcceptanceInput in = ProcessVariables.read(execution, AcceptanceInput.class);
    Acceptance decision =
        Decisions.parse(Acceptance.class, in.acceptDecision(), ServiceErrors.INVALID_INPUT, "受理意见");
    ProcessVariables.write(execution, steps.recordAcceptance(in, decision, key(execution)));
  }

  public void recordSupplement(DelegateExecution execution) {
    SupplementInput in = ProcessVariables.read(execution, SupplementInput.class);
    Supplement decision =
        Decisions.parse(
            Supplement.class, in.supplementDecision(), ServiceErrors.INVALID_INPUT, "补正情况");
    ProcessVariables.write(execution, steps.recordSupplement(in, decision, key(execution)));
  }

  public void supplementExpired(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(
        execution, new Declined(steps.supplementExpired(in.caseNumber(), key(execution))));
  }

  public void refer(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(execution, steps.refer(in.caseNumber(), key(execution)));
  }

  public void remindReferral(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.remindReferral(in.caseNumber(), key(execution));
  }

  public void referralOverdue(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.referralOverdue(in.caseNumber(), key(execution));
  }

  public void recordHandling(DelegateExecution execution) {
    HandlingInput in = ProcessVariables.read(execution, HandlingInput.class);
    ProcessVariables.write(execution, steps.recordHandling(in, key(execution)));
  }

  public void recordAnswer(DelegateExecution execution) {
    AnswerInput in = ProcessVariables.read(execution, AnswerInput.class);
    ReferralAnswer decision =
        Decisions.parse(
            ReferralAnswer.class, in.referralAnswer(), ServiceErrors.INVALID_INPUT, "部门答复");
    ProcessVariables.write(execution, steps.recordAnswer(in, decision, key(execution)));
  }

  public void recordResult(DelegateExecution execution) {
    ResultInput in = ProcessVariables.read(execution, ResultInput.class);
    Outcome decision =
        Decisions.parse(Outcome.class, in.resultOutcome(), ServiceErrors.INVALID_INPUT, "服务结果");
    ProcessVariables.write(execution, steps.recordResult(in, decision, key(execution)));
  }

  public void recordFollowUp(DelegateExecution execution) {
    FollowUpInput in = ProcessVariables.read(execution, FollowUpInput.class);
    Satisfaction satisfaction =
        Decisions.parse(Satisfaction.class, in.satisfaction(), ServiceErrors.INVALID_INPUT, "满意度");
    Channel channel =
        Decisions.parse(
            Channel.class, in.satisfactionChannel(), ServiceErrors.INVALID_INPUT, "回访方式");
    ProcessVariables.write(
        execution, steps.recordFollowUp(in, satisfaction, channel, key(execution)));
  }

  public void close(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.close(in.caseNumber(), key(execution));
  }

  public void closeRefused(DelegateExecution execution) {
    DeclineInput in = ProcessVariables.read(execution, DeclineInput.class);
    steps.closeRefused(in.caseNumber(), in.declineReason(), key(execution));
  }

  private static String key(DelegateExecution execution) {
    return execution.getCurrentActivityId() + ":" + execution.getActivityInstanceId();
  }
}
