package org.casework.legalaid.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.clocks.Clocks;
import org.casework.common.Formats;
import org.casework.common.StepOutcome;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.casework.legalaid.AidOutcome;
import org.casework.legalaid.HardshipCheck;
import org.casework.legalaid.LegalAidErrors;
import org.casework.legalaid.TerminationGround;
import org.casework.legalaid.internal.LegalAidDecisions.Decision;
import org.casework.legalaid.internal.LegalAidDecisions.ObjectionOutcome;
import org.casework.legalaid.internal.LegalAidDecisions.Progress;
import org.casework.legalaid.internal.LegalAidStore.Application;
import org.casework.legalaid.internal.LegalAidStore.Lawyer;
import org.casework.legalaid.internal.LegalAidVariables.AssignmentOutput;
import org.casework.legalaid.internal.LegalAidVariables.CaseFacts;
import org.casework.legalaid.internal.LegalAidVariables.ClosingInput;
import org.casework.legalaid.internal.LegalAidVariables.CompletenessInput;
import org.casework.legalaid.internal.LegalAidVariables.CompletenessOutput;
import org.casework.legalaid.internal.LegalAidVariables.DecisionInput;
import org.casework.legalaid.internal.LegalAidVariables.DecisionOutput;
import org.casework.legalaid.internal.LegalAidVariables.Groups;
import org.casework.legalaid.internal.LegalAidVariables.LoadedCase;
import org.casework.legalaid.internal.LegalAidVariables.ObjectionInput;
import org.casework.legalaid.internal.LegalAidVariables.ObjectionOutput;
import org.casework.legalaid.internal.LegalAidVariables.ProgressInput;
import org.casework.legalaid.internal.LegalAidVariables.ProgressOutput;
import org.casework.legalaid.internal.LegalAidVariables.SurveyInput;
import org.casework.legalaid.internal.LegalAidVariables.TaskNotice;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of the legal-aid process does to the case record. Every step is idempotent: its
 * history line carries a step key and its table updates set values. Steps run inside the engine's
 * transaction (the same one as the case records); a business outcome is a {@link StepOutcome},
 * which keeps what the step recorded before it (no rollback).
 */
@Service
@Transactional(noRollbackFor = StepOutcome.class)
class LegalAidSteps {

  static final String CHECK_TASK = "Task_CheckCompleteness";
  static final String DECIDE_TASK = "Task_Decide";
  static final String OBJECTION_TASK = "Task_DecideObjection";
  static final String ASSIGN_TASK = "Task_AssignLawyer";
  static final String WORK_TASK = "Task_CaseWork";
  static final String CLOSE_TASK = "Task_CloseAndArchive";
  static final String SURVEY_TASK = "Task_SatisfactionSurvey";

  private static final Map<String, String> SATISFACTION =
      Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意", "DISSATISFIED", "不满意");

  private final CaseFiles caseFiles;
  private final LegalAidStore store;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final MessageSource messages;
  private final Clocks clocks;
  private final Clock clock;

  LegalAidSteps(
      CaseFiles caseFiles,
      LegalAidStore store,
      Registry registry,
      Jurisdiction jurisdiction,
      MessageSource messages,
      Clocks clocks,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.store = store;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.messages = messages;
    this.clocks = clocks;
    this.clock = clock;
  }

  LoadedCase load(String caseNumber, String processInstanceId) {
    Optional<CaseView> found = caseFiles.find(caseNumber);
    if (found.isEmpty() || !caseFiles.claimProcessInstance(caseNumber, processInstanceId)) {
      throw new StepOutcome(
          LegalAidErrors.CASE_MISSING,
          "case " + caseNumber + " missing or owned by another instance",
          Map.of());
    }
    CaseView c = found.get();
    Application a = application(caseNumber);
    PersonView person = registry.person(c.applicantPersonId());
    RegionCode township = new RegionCode(c.townshipCode());
    var policy = store.regionPolicy(c.townshipCode());
    String lawyers =
        store.activeLawyers().stream()
            .map(this::lawyerLabel)
            .flatMap(Optional::stream)
            .collect(Collectors.joining("；"));
    CaseFacts facts =
        new CaseFacts(
            caseNumber,
            person.name(),
            person.maskedIdNumber(),
            person.category().label(),
            jurisdiction.region(township).name(),
            a.matterType().label(),
            a.matterSummary(),
            a.opposingParty(),
            a.hearingDate() == null ? "无" : Formats.date(a.hearingDate()),
            a.limitationDate() == null ? "无" : Formats.date(a.limitationDate()),
            a.materialsPresent() == null ? "（未登记）" : a.materialsPresent(),
            a.urgent() ? "是（开庭或时效届满不足期限，先指派后审查）" : "否",
            a.hardshipCheck().label(),
            a.hardshipGround(),
            lawyers.isEmpty() ? "（尚未登记承办律师）" : lawyers);
    return new LoadedCase(
        facts,
        new Groups(CandidateGroups.of(township.county(), Role.LEGAL_AID_OFFICER)),
        a.urgent(),
        a.hardshipCheck().name(),
        false,
        false,
        "P" + policy.materialsDays() + "D",
        "P" + policy.objectionWindowDays() + "D",
        "");
  }

  private Optional<String> lawyerLabel(Lawyer l) {
    return jurisdiction
        .staff(l.username())
        .filter(StaffMember::enabled)
        .map(
            s ->
                s.username()
                    + " "
                    + s.displayName()
                    + "（"
                    + (l.legalWorker() ? "法律援助工作者，" : "律师，")
                    + l.firm()
                    + "）");
  }

  CompletenessOutput recordCompleteness(CompletenessInput in, String stepKey) {
    Application a = application(in.caseNumber());
    String check = in.materialsCheck() == null ? "" : in.materialsCheck();
    if (!check.equals("COMPLETE") && !check.equals("INCOMPLETE")) {
      throw invalidTask("请选择审查结论：材料齐全，或一次性告知补正");
    }
    if (check.equals("COMPLETE")) {
      caseFiles.recordByTaskActor(in.caseNumber(), CHECK_TASK, "审查申请材料", "材料齐全", null, stepKey);
      return new CompletenessOutput(true, "");
    }
    if (a.materialsRequested() && stepKey.equals(a.materialsStep())) {
      return new CompletenessOutput(false, ""); // this very step, retried: already done
    }
    if (a.materialsRequested()) {
      throw invalidTask("补正材料只能一次性告知一次，本案已告知过（" + a.missingMaterials() + "）；请按现有材料审查");
    }
    if (isBlank(in.missingMaterials())) {
      throw invalidTask("要求补正时须一次性列明需补正的全部材料");
    }
    store.materialsRequested(in.caseNumber(), in.missingMaterials().strip(), stepKey);
    caseFiles.changeStatusByTaskActor(
        in.caseNumber(),
        CaseStatus.AWAITING_MATERIALS,
        CHECK_TASK,
        "审查申请材料",
        "一次性告知补正",
        in.missingMaterials(),
        stepKey);
    return new CompletenessOutput(false, "");
  }

  void notifyApplicant(String caseNumber, String notice, String stepKey) {
    Application a = application(caseNumber);
    var policy = store.regionPolicy(caseFiles.get(caseNumber).townshipCode());
    Object[] args = {
      caseNumber,
      nullToEmpty(a.missingMaterials()),
      nullToEmpty(a.decisionReason()),
      a.terminationGround() == null
          ? ""
          : a.terminationGround().label() + "：" + nullToEmpty(a.terminationReason()),
      policy.materialsDays()
    };
    String text = messages.getMessage("notice.legalaid." + notice, args, Locale.SIMPLIFIED_CHINESE);
    caseFiles.notifyApplicant(caseNumber, stepKey, noticeTitle(notice), text);
    caseFiles.record(
        caseNumber, HistoryEntry.system("告知申请人", noticeLabel(notice), text, stepKey + ":history"));
    // waiting for the applicant's materials does not count against the 7 days
    if ("MISSING_MATERIALS".equals(notice)) {
      clocks.pause(caseNumber, Clocks.CASE_CLOCK, "等待申请人补正材料", HistoryEntry.SYSTEM);
    }
  }

  void closeWithdrawn(String caseNumber, String stepKey) {
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.WITHDRAWN,
        HistoryEntry.system("补正期限届满", "终止审查", "申请人逾期未补正材料，视为撤回申请", stepKey));
    store.closed(caseNumber, null, null, clock.instant());
    clocks.stop(caseNumber, Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
  }

  DecisionOutput recordDecision(DecisionInput in, Decision decision, String stepKey) {
    Application a = application(in.caseNumber());
    if (decision == null) {
      throw invalidTask("请选择决定：给予法律援助或不予法律援助");
    }
    switch (decision) {
      case GRANT -> {
        String ground = a.hardshipGround();
        if (a.hardshipCheck() == HardshipCheck.REQUIRED) {
          if (!Boolean.TRUE.equals(in.hardshipVerified())) {
            throw invalidTask("本案须核查经济困难状况：经核查符合经济困难标准的方可给予法律援助；不符合的请选择“不予法律援助”并写明理由");
          }
          ground = "经核查，申请人符合经济困难标准";
        }
        store.decided(
            in.caseNumber(),
            Decision.GRANT.name(),
            strip(in.decisionReason()),
            ground,
            clock.instant());
        caseFiles.recordByTaskActor(
            in.caseNumber(),
            DECIDE_TASK,
            "作出决定",
            "给予法律援助",
            ground + (isBlank(in.decisionReason()) ? "" : "；" + in.decisionReason().strip()),
            stepKey);
        clocks.stop(in.caseNumber(), Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
        return new DecisionOutput(Decision.GRANT.name(), true, "");
      }
      case REFUSE -> {
        if (isBlank(in.decisionReason())) {
          throw invalidTask("不予法律援助须写明理由");
        }
        store.decided(
            in.caseNumber(),
            Decision.REFUSE.name(),
            in.decisionReason().strip(),
            a.hardshipGround(),
            clock.instant());
        caseFiles.changeStatusByTaskActor(
            in.caseNumber(),
            CaseStatus.AID_REFUSED,
            DECIDE_TASK,
            "作出决定",
            "不予法律援助",
            in.decisionReason(),
            stepKey);
        clocks.stop(in.caseNumber(), Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
        return new DecisionOutput(Decision.REFUSE.name(), false, "");
      }
      default -> throw new IllegalStateException("decision " + decision);
    }
  }

  ObjectionOutput recordObjection(ObjectionInput in, ObjectionOutcome outcome, String stepKey) {
    if (outcome == null) {
      throw invalidTask("请选择异议审查决定：维持原决定或责令改正");
    }
    if (isBlank(in.objectionReason())) {
      throw invalidTask("异议审查决定须写明理由");
    }
    store.objectionDecided(in.caseNumber(), outcome.name());
    if (outcome == ObjectionOutcome.UPHELD) {
      caseFiles.recordByTaskActor(
          in.caseNumber(), OBJECTION_TASK, "异议审查", "维持不予法律援助决定", in.objectionReason(), stepKey);
      return new ObjectionOutput(outcome.name(), false, "");
    }
    store.decided(
        in.caseNumber(),
        "GRANT",
        in.objectionReason().strip(),
        "司法行政部门审查异议后责令改正：" + in.objectionReason().strip(),
        clock.instant());
    caseFiles.recordByTaskActor(
        in.caseNumber(), OBJECTION_TASK, "异议审查", "责令改正，给予法律援助", in.objectionReason(), stepKey);
    return new ObjectionOutput(outcome.name(), true, "");
  }

  void closeRefused(String caseNumber, String stepKey) {
    Application a = application(caseNumber);
    String reason =
        ObjectionOutcome.OVERTURNED.name().equals(a.objectionOutcome())
            ? null
            : a.objection() == null ? "未在期限内提出异议" : "异议经审查维持原决定";
    if (a.lawyer() != null) {
      caseFiles.record(
          caseNumber,
          HistoryEntry.system(
              "先行援助", "终止先行援助", "不予法律援助决定生效，承办人 " + a.lawyer() + " 停止承办", stepKey + ":urgent"));
    }
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.AID_REFUSED,
        HistoryEntry.system("不予法律援助决定生效", "已结案", reason, stepKey));
    store.closed(caseNumber, null, null, clock.instant());
  }

  AssignmentOutput assignLawyer(String caseNumber, String username, String stepKey) {
    CaseView c = caseFiles.get(caseNumber);
    String wanted = username == null ? "" : username.strip();
    if (wanted.isEmpty()) {
      throw refused("请填写承办律师或法律援助工作者的用户名");
    }
    StaffMember lawyer =
        jurisdiction
            .staff(wanted)
            .filter(StaffMember::enabled)
            .filter(s -> s.role() == Role.LEGAL_AID_LAWYER)
            .orElseThrow(() -> refused("“" + wanted + "”不是在册的法律援助承办律师或已停用，请从列表中选择"));
    Lawyer registered =
        store
            .lawyer(wanted)
            .filter(Lawyer::active)
            .orElseThrow(() -> refused("“" + lawyer.displayName() + "”未登记为可承办法律援助案件的律师或法律援助工作者"));
    if (!lawyer.covers(new RegionCode(c.regionCode()))) {
      throw refused("“" + lawyer.displayName() + "”不属于本案所在县（区），不能指派");
    }
    List<String> conflicts = store.casesActingForOtherSide(wanted, caseNumber);
    if (!conflicts.isEmpty()) {
      Application a = application(caseNumber);
      String notice =
          "利益冲突：律师"
              + lawyer.displayName()
              + "正在承办的案件 "
              + String.join("、", conflicts)
              + " 中代理本案对方当事人“"
              + a.opposingParty()
              + "”，不能指派，请另选承办人";
      caseFiles.record(
          caseNumber,
          caseFiles.entryByTaskActor(
              caseNumber, ASSIGN_TASK, "利益冲突审查", "不予指派 " + wanted, notice, stepKey + ":conflict"));
      throw refused(notice);
    }
    store.assigned(caseNumber, wanted, clock.instant());
    HistoryEntry byOfficer =
        caseFiles.entryByTaskActor(
            caseNumber,
            ASSIGN_TASK,
            "指派承办人",
            "指派 " + lawyer.displayName(),
            (registered.legalWorker() ? "法律援助工作者，" : "律师，") + registered.firm(),
            stepKey);
    caseFiles.assign(caseNumber, wanted, byOfficer);
    return new AssignmentOutput(wanted, true, "");
  }

  ProgressOutput recordProgress(ProgressInput in, Progress action, String stepKey) {
    if (action == null) {
      throw invalidTask("请选择：记录进展、法律事务已办结或终止法律援助");
    }
    switch (action) {
      case NOTE -> {
        if (isBlank(in.progressNote())) {
          throw invalidTask("请填写办理进展");
        }
        caseFiles.recordByTaskActor(
            in.caseNumber(), WORK_TASK, "办理进展", "进展记录", in.progressNote(), stepKey);
      }
      case MATTER_ENDED -> {
        store.matterEnded(in.caseNumber(), clock.instant());
        caseFiles.recordByTaskActor(
            in.caseNumber(), WORK_TASK, "法律事务办结", "30日内结案归档", strip(in.progressNote()), stepKey);
      }
      case TERMINATE -> {
        TerminationGround ground = terminationGround(in.terminationGround());
        if (isBlank(in.terminationReason())) {
          throw invalidTask("终止法律援助须写明具体理由");
        }
        store.terminated(in.caseNumber(), ground, in.terminationReason().strip(), clock.instant());
        caseFiles.changeStatusByTaskActor(
            in.caseNumber(),
            CaseStatus.AID_TERMINATED,
            WORK_TASK,
            "终止法律援助",
            ground.label(),
            in.terminationReason(),
            stepKey);
      }
      default -> throw new IllegalStateException("progress " + action);
    }
    return new ProgressOutput(action.name(), "", "");
  }

  TaskNotice recordClosing(ClosingInput in, String stepKey) {
    AidOutcome outcome;
    try {
      outcome = AidOutcome.valueOf(in.outcome() == null ? "" : in.outcome());
    } catch (IllegalArgumentException e) {
      throw invalidTask("请选择案件结果：胜诉、调解和解、败诉或撤诉");
    }
    BigDecimal money = in.moneyRecovered();
    if (money == null
        || money.signum() < 0
        || money.stripTrailingZeros().scale() > 2
        || money.compareTo(new BigDecimal("9999999999.99")) > 0) {
      throw invalidTask("为受援人挽回的金额须填写，不能为负数，最多两位小数（无则填 0）");
    }
    BigDecimal yuan = money.setScale(2, RoundingMode.UNNECESSARY);
    store.closed(in.caseNumber(), outcome, yuan, clock.instant());
    caseFiles.changeStatusByTaskActor(
        in.caseNumber(),
        CaseStatus.CLOSED,
        CLOSE_TASK,
        "结案归档",
        outcome.label() + "，挽回 " + Formats.yuan(yuan),
        in.closingSummary(),
        stepKey);
    return new TaskNotice("");
  }

  TaskNotice recordSurvey(SurveyInput in, String stepKey) {
    String label = SATISFACTION.get(in.satisfaction() == null ? "" : in.satisfaction());
    if (label == null) {
      throw invalidTask("请选择受援人的满意度");
    }
    store.surveyed(in.caseNumber(), in.satisfaction());
    caseFiles.changeStatusByTaskActor(
        in.caseNumber(),
        CaseStatus.CLOSED,
        SURVEY_TASK,
        "满意度回访",
        label,
        in.surveyComment(),
        stepKey);
    return new TaskNotice("");
  }

  private static TerminationGround terminationGround(String value) {
    try {
      return TerminationGround.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw invalidTask("请从法定情形中选择终止理由");
    }
  }

  private Application application(String caseNumber) {
    return store
        .application(caseNumber)
        .orElseThrow(() -> new IllegalStateException("no legal-aid application for " + caseNumber));
  }

  private static StepOutcome invalidTask(String notice) {
    return new StepOutcome(LegalAidErrors.INVALID_TASK, notice, Map.of("taskNotice", notice));
  }

  private static StepOutcome refused(String notice) {
    return new StepOutcome(LegalAidErrors.ASSIGNMENT_REFUSED, notice, Map.of("taskNotice", notice));
  }

  /** The notice's title as the applicant's own lookup lists it. */
  private static String noticeTitle(String notice) {
    return switch (notice) {
      case "MISSING_MATERIALS" -> "补正材料告知";
      case "REFUSED" -> "不予法律援助决定书";
      case "OBJECTION_UPHELD" -> "异议审查结果告知";
      case "TERMINATED" -> "终止法律援助决定";
      default -> "法律援助办理告知";
    };
  }

  private static String noticeLabel(String notice) {
    return switch (notice) {
      case "MISSING_MATERIALS" -> "已发送一次性补正告知";
      case "REFUSED" -> "已发送不予法律援助决定书";
      case "OBJECTION_UPHELD" -> "已告知异议审查结果";
      case "TERMINATED" -> "已发送终止法律援助决定";
      default -> notice;
    };
  }

  private static String strip(String s) {
    return isBlank(s) ? null : s.strip();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
