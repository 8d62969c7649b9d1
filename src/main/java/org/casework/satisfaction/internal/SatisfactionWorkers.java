package org.casework.satisfaction.internal;

import java.util.Locale;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.common.BusinessRuleException;
import org.casework.common.StepOutcome;
import org.casework.satisfaction.Rating;
import org.casework.satisfaction.RatingView;
import org.casework.satisfaction.RecordRating;
import org.casework.satisfaction.Satisfaction;
import org.casework.satisfaction.SatisfactionChannel;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The process adapter of the satisfaction step at the closing of every process and of
 * bpmn/satisfaction-follow-up.bpmn (the only satisfaction class that sees the engine).
 *
 * <p>The satisfaction task's form sets {@code satisfaction} (SATISFIED, BASICALLY_SATISFIED,
 * DISSATISFIED), {@code satisfactionChannel} (PHONE, VISIT, QUESTIONNAIRE, SPOT_CHECK) and {@code
 * satisfactionReason} (required for DISSATISFIED). The task's complete listener ({@code
 * ${satisfactionWorkers}}) notes who completed it; {@link #record} then records the rating once per
 * activity instance; bad input is the BPMN error {@code SATISFACTION_INVALID} whose Chinese message
 * the task shows when it opens again ({@code taskNotice}). A 不满意 starts {@code
 * satisfaction-follow-up} for the head of the case's township.
 */
@Component("satisfactionWorkers")
public class SatisfactionWorkers implements TaskListener {

  public static final String INVALID = "SATISFACTION_INVALID";
  public static final String FOLLOW_UP_PROCESS = "satisfaction-follow-up";
  static final String ACTOR = "satisfactionActor";

  private final Satisfaction satisfaction;
  private final CaseFiles caseFiles;
  private final FollowUps followUps;

  SatisfactionWorkers(Satisfaction satisfaction, CaseFiles caseFiles, FollowUps followUps) {
    this.satisfaction = satisfaction;
    this.caseFiles = caseFiles;
    this.followUps = followUps;
  }

  /** Complete listener: who completed the task (the user logged in to Tasklist or the app). */
  @Override
  public void notify(DelegateTask task) {
    Authentication auth =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth != null ? auth.getUserId() : task.getAssignee();
    task.getExecution().setVariable(ACTOR, user);
  }

  /** The service task after the satisfaction user task. Idempotent per activity instance. */
  public void record(DelegateExecution execution) {
    String caseNumber = caseNumber(execution);
    RatingView rating;
    boolean created;
    try {
      Rating value =
          parse(Rating.class, execution.getVariable("satisfaction"), "满意度评价（满意、基本满意或不满意）");
      SatisfactionChannel channel =
          parse(
              SatisfactionChannel.class,
              execution.getVariable("satisfactionChannel"),
              "回访方式（电话回访、上门回访、问卷或随机抽查）");
      Object reason = execution.getVariable("satisfactionReason");
      var recorded =
          satisfaction.record(
              new RecordRating(
                  caseNumber,
                  value,
                  channel,
                  reason == null ? null : reason.toString(),
                  collector(execution, caseNumber),
                  execution.getCurrentActivityId()
                      + ":"
                      + unique(execution.getActivityInstanceId())));
      rating = recorded.rating();
      created = recorded.created();
    } catch (BusinessRuleException refused) {
      throw new StepOutcome(INVALID, refused.userMessage(), Map.of());
    }
    execution.setVariable("taskNotice", null);
    execution.setVariable("satisfactionRatingId", rating.id());
    if (rating.rating() == Rating.DISSATISFIED && (created || rating.followUpInstance() == null)) {
      startFollowUp(execution, rating);
    }
  }

  /** ServiceTask_RecordFollowUp of satisfaction-follow-up. */
  public void recordFollowUp(DelegateExecution execution) {
    long ratingId = ((Number) execution.getVariable("ratingId")).longValue();
    Object note = execution.getVariable("followUpNote");
    Object actor = execution.getVariable(ACTOR);
    try {
      satisfaction.recordFollowUp(
          ratingId,
          note == null ? null : note.toString(),
          actor == null ? "system" : actor.toString());
    } catch (BusinessRuleException refused) {
      throw new StepOutcome(INVALID, refused.userMessage(), Map.of());
    }
    execution.setVariable("taskNotice", null);
  }

  private void startFollowUp(DelegateExecution execution, RatingView rating) {
    String pid = followUps.start(execution.getProcessEngineServices().getRuntimeService(), rating);
    satisfaction.followUpStarted(rating.id(), pid);
  }

  private String collector(DelegateExecution execution, String caseNumber) {
    Object actor = execution.getVariable(ACTOR);
    if (actor != null) {
      return actor.toString();
    }
    for (String task : new String[] {"Task_Satisfaction", "Task_SatisfactionSurvey"}) {
      var by = caseFiles.lastCompletedBy(caseNumber, task);
      if (by.isPresent()) {
        return by.get();
      }
    }
    return null;
  }

  private static String caseNumber(DelegateExecution execution) {
    Object v = execution.getVariable("caseNumber");
    return v != null ? v.toString() : execution.getProcessBusinessKey();
  }

  private static String unique(String activityInstanceId) {
    return activityInstanceId.substring(activityInstanceId.lastIndexOf(':') + 1);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object raw, String what) {
    if (raw == null || raw.toString().isBlank()) {
      throw BusinessRuleException.invalid("SATISFACTION_MISSING", "请选择" + what, "missing " + what);
    }
    try {
      return Enum.valueOf(type, raw.toString().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw BusinessRuleException.invalid(
          "SATISFACTION_UNKNOWN", "无法识别的" + what + "，请重新选择", "unknown value " + raw);
    }
  }
}
