package org.casework.contact.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.casework.assistance.HardshipCause;
import org.casework.common.BusinessRuleException;
import org.casework.contact.ContactMethod;
import org.casework.contact.HardshipNeed;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.VisitView;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.delegate.VariableScope;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Steps of contact-visit. The complete listener of Task_RecordContact notes who completed it (the
 * user logged in to Tasklist: the one who made the contact; a variable the form cannot set). The
 * step after it turns the form's facts into the visit record; bad input, a 走访 by phone or a person
 * outside the user's village is a BPMN error whose Chinese message the task shows when it opens
 * again ({@code taskNotice}), with nothing written.
 */
@Component("contactWorkers")
public class ContactWorkers implements TaskListener {

  static final String INVALID = "CONTACT_INVALID";

  private final VisitRecorder recorder;

  ContactWorkers(VisitRecorder recorder) {
    this.recorder = recorder;
  }

  /** Complete listener: who completed the task. */
  @Override
  public void notify(DelegateTask task) {
    Authentication auth =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth != null ? auth.getUserId() : task.getAssignee();
    task.getExecution().setVariable("contactRecordedBy", user);
  }

  /** ServiceTask_RecordVisit. */
  public void recordVisit(DelegateExecution execution) {
    try {
      String user = (String) execution.getVariable("contactRecordedBy");
      if (user == null) {
        throw BusinessRuleException.forbidden(
            "CONTACT_NO_USER", "请登录后在待办中认领并办理", "contact task completed without a user");
      }
      long planId = ((Number) execution.getVariable("planId")).longValue();
      VisitView recorded =
          recorder.record(
              planId,
              fromForm(execution),
              user,
              // one record per run of the step (a retried step finds it)
              "step:" + uniquePart(execution.getActivityInstanceId()));
      execution.setVariable("visitId", recorded.id());
      execution.setVariable("taskNotice", null);
    } catch (BusinessRuleException refused) {
      throw new BpmnError(INVALID, refused.userMessage());
    }
  }

  private static String uniquePart(String activityInstanceId) {
    return activityInstanceId.substring(activityInstanceId.lastIndexOf(':') + 1);
  }

  static RecordVisit fromForm(VariableScope task) {
    long personId = ((Number) task.getVariable("personId")).longValue();
    NeedKind need = enumOf(NeedKind.class, task.getVariable("needType"), NeedKind.NONE, "需求类型");
    HardshipNeed hardship =
        need == NeedKind.HARDSHIP
            ? new HardshipNeed(
                enumOf(HardshipCause.class, task.getVariable("hardshipCause"), null, "致困原因"),
                money(task.getVariable("amountRequested")),
                money(task.getVariable("monthlyIncome")))
            : null;
    return new RecordVisit(
        personId,
        enumOf(ContactMethod.class, task.getVariable("method"), null, "联系方式"),
        date(task.getVariable("visitedOn")),
        text(task.getVariable("findings"), "了解到的情况"),
        need,
        (String) task.getVariable("needText"),
        hardship);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, Object raw, E absent, String label) {
    if (raw == null || raw.toString().isBlank()) {
      if (absent != null) {
        return absent;
      }
      throw BusinessRuleException.invalid(
          "CONTACT_FIELD_MISSING",
          "请选择" + label,
          "form field " + type.getSimpleName() + " missing");
    }
    try {
      return Enum.valueOf(type, raw.toString().strip());
    } catch (IllegalArgumentException e) {
      throw BusinessRuleException.invalid(
          "CONTACT_FIELD_UNKNOWN",
          label + "无效，请重新选择",
          "unknown " + type.getSimpleName() + " " + raw);
    }
  }

  private static LocalDate date(Object raw) {
    if (raw instanceof java.util.Date d) {
      return d.toInstant().atZone(org.casework.common.Formats.CHINA).toLocalDate();
    }
    try {
      String s = raw == null ? "" : raw.toString().strip();
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw BusinessRuleException.invalid(
          "CONTACT_DATE_MISSING", "请填写联系日期", "visitedOn not a date: " + raw);
    }
  }

  private static String text(Object raw, String label) {
    if (raw == null || raw.toString().isBlank()) {
      throw BusinessRuleException.invalid(
          "CONTACT_FIELD_MISSING", "请填写" + label, "form field missing: " + label);
    }
    String s = raw.toString().strip();
    if (s.length() > 2000) {
      throw BusinessRuleException.invalid(
          "CONTACT_FIELD_TOO_LONG", label + "不能超过2000字", "form field too long: " + label);
    }
    return s;
  }

  private static BigDecimal money(Object raw) {
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(raw.toString().strip())
          .stripTrailingZeros()
          .setScale(2, java.math.RoundingMode.UNNECESSARY);
    } catch (NumberFormatException | ArithmeticException e) {
      throw BusinessRuleException.invalid(
          "CONTACT_MONEY", "金额应为数字（元，最多两位小数）", "not an amount: " + raw);
    }
  }
}
