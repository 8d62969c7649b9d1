package org.casework.petition.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.StartClock;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.StepOutcome;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.StaffMember;
import org.casework.petition.NoticeKind;
import org.casework.petition.PetitionErrors;
import org.casework.petition.internal.PetitionDecisions.Acceptance;
import org.casework.petition.internal.PetitionDecisions.Extension;
import org.casework.petition.internal.PetitionDecisions.OpinionAction;
import org.casework.petition.internal.PetitionEntity.Phase;
import org.casework.petition.internal.PetitionVariables.Accepted;
import org.casework.petition.internal.PetitionVariables.DecisionInput;
import org.casework.petition.internal.PetitionVariables.DecisionOutput;
import org.casework.petition.internal.PetitionVariables.ExtensionInput;
import org.casework.petition.internal.PetitionVariables.ExtensionOutput;
import org.casework.petition.internal.PetitionVariables.Groups;
import org.casework.petition.internal.PetitionVariables.InvestigationInput;
import org.casework.petition.internal.PetitionVariables.Loaded;
import org.casework.petition.internal.PetitionVariables.MeetingInput;
import org.casework.petition.internal.PetitionVariables.NoticeOutput;
import org.casework.petition.internal.PetitionVariables.OpinionInput;
import org.casework.petition.internal.PetitionVariables.OpinionOutput;
import org.casework.petition.internal.PetitionVariables.PetitionFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of bpmn/petition.bpmn does to the records. Idempotent: history lines and notices
 * carry the step key; decisions already recorded are returned as they were.
 */
@Service
@Transactional(noRollbackFor = StepOutcome.class)
class PetitionSteps {

  static final String DECISION_TASK = "Task_AcceptanceDecision";
  static final String INVESTIGATION_TASK = "Task_Investigation";
  static final String MEETING_TASK = "Task_Meeting";
  static final String OPINION_TASK = "Task_Opinion";
  static final String EXTENSION_TASK = "Task_ExtensionApproval";
  static final String REVIEW_TASK = "Task_ReviewDecision";
  static final String REREVIEW_TASK = "Task_ReReviewDecision";

  private final CaseFiles caseFiles;
  private final PetitionRepository petitions;
  private final PetitionerRepository petitioners;
  private final ConflictRepository conflicts;
  private final PetitionNoticeRepository notices;
  private final Jurisdiction jurisdiction;
  private final Clocks clocks;
  private final PetitionDeadlines deadlines;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PetitionSteps.class);

  private final Clock clock;
  private final JdbcTemplate jdbc;

  PetitionSteps(
      CaseFiles caseFiles,
      PetitionRepository petitions,
      PetitionerRepository petitioners,
      ConflictRepository conflicts,
      PetitionNoticeRepository notices,
      Jurisdiction jurisdiction,
      Clocks clocks,
      PetitionDeadlines deadlines,
      Clock clock,
      JdbcTemplate jdbc) {
    this.caseFiles = caseFiles;
    this.petitions = petitions;
    this.petitioners = petitioners;
    this.conflicts = conflicts;
    this.notices = notices;
    this.jurisdiction = jurisdiction;
    this.clocks = clocks;
    this.deadlines = deadlines;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  Loaded load(String caseNumber, String processInstanceId) {
    Optional<PetitionEntity> found = petitions.findByCaseNumber(caseNumber);
    if (found.isEmpty()
        || caseFiles.find(caseNumber).isEmpty()
        || !caseFiles.claimProcessInstance(caseNumber, processInstanceId)) {
      throw new StepOutcome(
          PetitionErrors.CASE_MISSING,
          "case " + caseNumber + " missing or owned by another instance",
          Map.of());
    }
    PetitionEntity p = found.get();
    Unit unit = unit(p);
    String names =
        petitioners.findByPetitionIdOrderByPositionAsc(p.id).stream()
            .map(x -> x.name)
            .collect(Collectors.joining("、"));
    String sameMatter = lowerLevelInTime(p).map(this::lowerLevelText).orElse("无");
    PetitionFacts facts =
        new PetitionFacts(
            caseNumber,
            p.channel.label(),
            names,
            p.groupSize,
            p.subject,
            p.requests,
            jurisdiction.region(new RegionCode(p.unitRegion)).name() + "（" + unit.label() + "）",
            Formats.dateTime(p.registeredAt),
            Formats.dateTime(p.decisionDueAt),
            sameMatter);
    return new Loaded(
        facts,
        new Groups(
            unit.handlingGroup(),
            unit.headGroup(),
            unit.reviewTaskGroups(),
            unit.rereviewTaskGroups()),
        "");
  }

  DecisionOutput recordDecision(DecisionInput in, Acceptance decision, String stepKey) {
    PetitionEntity p = petition(in.caseNumber());
    if (p.phase != Phase.REGISTERED) {
      // a retried job: the decision stands as recorded
      return new DecisionOutput(
          p.decision,
          p.handlingOfficer,
          p.handlingDueAt == null ? null : p.handlingDueAt.toString(),
          "");
    }
    if (decision == null) {
      throw invalidTask("请选择：受理、转送有权处理机关或不予受理");
    }
    String actor = actor(in.caseNumber(), DECISION_TASK);
    Instant now = clock.instant();
    switch (decision) {
      case ACCEPT -> {
        if (isBlank(in.handlingOfficer())) {
          throw invalidTask("受理须指定承办人（登录名）");
        }
        String officer = in.handlingOfficer().strip();
        try {
          checkAssignable(p, officer);
        } catch (BusinessRuleException refused) {
          throw invalidTask(refused.userMessage());
        }
        Optional<PetitionEntity> lower = lowerLevelInTime(p);
        if (lower.isPresent()) {
          throw invalidTask(lowerLevelText(lower.get()));
        }
        CaseView c = caseFiles.get(in.caseNumber());
        Optional<ClockView> handling =
            clocks.start(
                new StartClock(
                    in.caseNumber(),
                    PetitionDeadlines.HANDLING,
                    "PETITION",
                    c.townshipCode(),
                    PetitionDeadlines.HANDLING,
                    "信访办理（出具处理意见书）",
                    now,
                    actor,
                    officer,
                    60,
                    PeriodUnit.CALENDAR_DAYS));
        p.phase = Phase.ACCEPTED;
        p.decision = Acceptance.ACCEPT.name();
        p.decisionReason = trimmed(in.decisionReason());
        p.decidedBy = actor;
        p.decidedAt = now;
        p.handlingOfficer = officer;
        p.handlingDueAt = handling.map(ClockView::dueAt).orElseThrow();
        record(
            in.caseNumber(),
            DECISION_TASK,
            "受理决定",
            "受理，承办人 " + officer + "，处理意见书期限 " + Formats.dateTime(p.handlingDueAt),
            p.decisionReason,
            stepKey);
        caseFiles.assign(
            in.caseNumber(),
            officer,
            caseFiles.entryByTaskActor(
                in.caseNumber(), DECISION_TASK, "指定承办人", officer, null, stepKey + ":assign"));
        return new DecisionOutput(
            Acceptance.ACCEPT.name(), officer, p.handlingDueAt.toString(), "");
      }
      case TRANSFER -> {
        if (isBlank(in.transferTo())) {
          throw invalidTask("转送须写明有权处理的机关（转送至何处）");
        }
        if (in.transferTo().length() > 200) {
          throw invalidTask("转送机关名称过长");
        }
        p.phase = Phase.TRANSFERRED;
        p.decision = Acceptance.TRANSFER.name();
        p.transferredTo = in.transferTo().strip();
        p.decisionReason = trimmed(in.decisionReason());
        p.decidedBy = actor;
        p.decidedAt = now;
        record(
            in.caseNumber(),
            DECISION_TASK,
            "受理决定",
            "转送 " + p.transferredTo,
            p.decisionReason,
            stepKey);
        return new DecisionOutput(Acceptance.TRANSFER.name(), null, null, "");
      }
      case NOT_ACCEPT -> {
        if (isBlank(in.decisionReason())) {
          throw invalidTask("不予受理须写明理由");
        }
        if (in.decisionReason().length() > 1000) {
          throw invalidTask("理由过长，请精简");
        }
        p.phase = Phase.NOT_ACCEPTED;
        p.decision = Acceptance.NOT_ACCEPT.name();
        p.decisionReason = in.decisionReason().strip();
        p.decidedBy = actor;
        p.decidedAt = now;
        record(in.caseNumber(), DECISION_TASK, "受理决定", "不予受理", p.decisionReason, stepKey);
        return new DecisionOutput(Acceptance.NOT_ACCEPT.name(), null, null, "");
      }
      default -> throw new IllegalStateException("acceptance " + decision);
    }
  }

  NoticeOutput issueNotice(String caseNumber, NoticeKind kind, String stepKey) {
    PetitionEntity p = petition(caseNumber);
    Optional<PetitionNoticeEntity> earlier =
        notices.findByCaseNumberAndStepKey(caseNumber, stepKey);
    Instant now = earlier.map(n -> n.issuedAt).orElseGet(clock::instant);
    CaseView c = caseFiles.get(caseNumber);
    Instant deadline = null;
    NoticeOutput output = new NoticeOutput(null, null);
    String body;
    switch (kind) {
      case ACCEPTANCE -> {
        deadline = p.handlingDueAt;
        body =
            "您于"
                + Formats.date(Formats.chinaDate(p.registeredAt))
                + "提出的信访事项“"
                + p.subject
                + "”，本机关已依法受理，将在"
                + day(deadline)
                + "前出具书面处理意见。";
      }
      case TRANSFER ->
          body = "您提出的信访事项“" + p.subject + "”不属于本机关职权范围，已转送" + p.transferredTo + "处理，请向该机关了解办理情况。";
      case NOT_ACCEPTED -> body = "您提出的信访事项“" + p.subject + "”，本机关决定不予受理，理由：" + p.decisionReason;
      case EXTENSION -> {
        deadline = p.handlingDueAt;
        body =
            "因"
                + p.extensionReason
                + "，您的信访事项“"
                + p.subject
                + "”经批准延期"
                + p.extensionDays
                + "日办理，处理意见书将在"
                + day(deadline)
                + "前出具。";
      }
      case OPINION -> {
        Instant from = p.opinionAt != null ? p.opinionAt : now;
        p.opinionAt = from;
        deadline = deadlines.due(PetitionDeadlines.REVIEW_REQUEST, c.townshipCode(), from);
        body = p.opinion + "\n如对本处理意见不服，可在" + day(deadline) + "前（收到本意见书之日起30日内）请求原办理机关的上一级机关复查。";
        output = window(deadline, now);
      }
      case REVIEW -> {
        Instant from = p.reviewAt != null ? p.reviewAt : now;
        p.reviewAt = from;
        deadline = deadlines.due(PetitionDeadlines.REREVIEW_REQUEST, c.townshipCode(), from);
        body =
            p.reviewOpinion + "\n如对复查意见不服，可在" + day(deadline) + "前（收到本意见书之日起30日内）向复查机关的上一级机关请求复核。";
        output = window(deadline, now);
      }
      case REREVIEW -> {
        p.rereviewAt = p.rereviewAt != null ? p.rereviewAt : now;
        body = p.rereviewOpinion + "\n本复核意见为终结意见，信访人仍以同一事实和理由提出信访的，不再受理。";
      }
      default -> throw new IllegalArgumentException("not a process notice: " + kind);
    }
    if (earlier.isEmpty()) {
      notices.save(
          new PetitionNoticeEntity(
              caseNumber,
              kind,
              stepKey,
              now,
              deadline == null ? null : Formats.chinaDate(deadline),
              body));
    }
    caseFiles.notifyApplicant(caseNumber, stepKey, kind.label() + "：" + body);
    HistoryEntry entry =
        HistoryEntry.system(
            "送达" + kind.label(), deadline == null ? "已送达" : "期限 " + day(deadline), null, stepKey);
    switch (kind) {
      case TRANSFER -> close(caseNumber, CaseStatus.TRANSFERRED, entry);
      case NOT_ACCEPTED -> close(caseNumber, CaseStatus.NOT_ACCEPTED, entry);
      case OPINION -> {
        p.phase = Phase.OPINION_ISSUED;
        clocks.stop(caseNumber, PetitionDeadlines.HANDLING, HistoryEntry.SYSTEM);
        clocks.stop(caseNumber, Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
        caseFiles.changeStatus(caseNumber, CaseStatus.OPINION_ISSUED, entry);
      }
      case REVIEW -> {
        p.phase = Phase.REVIEW_ISSUED;
        caseFiles.changeStatus(caseNumber, CaseStatus.REVIEW_ISSUED, entry);
      }
      default -> caseFiles.record(caseNumber, entry);
    }
    return output;
  }

  Accepted recordInvestigation(InvestigationInput in, String stepKey) {
    if (isBlank(in.investigationFindings())) {
      throw invalidTask("请填写调查核实情况");
    }
    if (in.investigationFindings().length() > 1000) {
      throw invalidTask("调查核实情况过长，请精简");
    }
    PetitionEntity p = petition(in.caseNumber());
    p.investigation = in.investigationFindings().strip();
    record(in.caseNumber(), INVESTIGATION_TASK, "调查核实", "已完成", p.investigation, stepKey);
    return new Accepted("");
  }

  Accepted recordMeeting(MeetingInput in, String stepKey) {
    if (isBlank(in.meetingSummary())) {
      throw invalidTask("请填写约见信访人的情况");
    }
    LocalDate on;
    try {
      on = LocalDate.parse(in.meetingOn() == null ? "" : in.meetingOn().strip());
    } catch (DateTimeParseException e) {
      throw invalidTask("约见日期格式应为 年-月-日");
    }
    if (on.isAfter(Formats.chinaDate(clock.instant()))) {
      throw invalidTask("约见日期不能晚于今天");
    }
    if (in.meetingSummary().length() > 950) {
      throw invalidTask("约见情况过长，请精简");
    }
    PetitionEntity p = petition(in.caseNumber());
    p.meeting = Formats.date(on) + "：" + in.meetingSummary().strip();
    record(
        in.caseNumber(),
        MEETING_TASK,
        "约见信访人",
        Formats.date(on),
        in.meetingSummary().strip(),
        stepKey);
    return new Accepted("");
  }

  OpinionOutput recordOpinion(OpinionInput in, OpinionAction action, String stepKey) {
    PetitionEntity p = petition(in.caseNumber());
    if (action == null) {
      throw invalidTask("请选择：出具处理意见书或申请延期");
    }
    switch (action) {
      case EXTEND -> {
        checkExtensionAllowed(p, in.extensionDays(), in.extensionReason());
        record(
            in.caseNumber(),
            OPINION_TASK,
            "申请延期",
            "申请延期" + in.extensionDays() + "日",
            in.extensionReason().strip(),
            stepKey);
        return new OpinionOutput("EXTEND", "");
      }
      case ISSUE -> {
        if (isBlank(in.opinionText())) {
          throw invalidTask("请填写处理意见书正文");
        }
        if (in.opinionText().length() > 1800) {
          throw invalidTask("处理意见书正文过长，请精简");
        }
        p.opinion = in.opinionText().strip();
        record(in.caseNumber(), OPINION_TASK, "出具处理意见书", "已出具", null, stepKey);
        return new OpinionOutput("ISSUE", "");
      }
      default -> throw new IllegalStateException("opinion action " + action);
    }
  }

  ExtensionOutput recordExtension(ExtensionInput in, Extension decision, String stepKey) {
    PetitionEntity p = petition(in.caseNumber());
    String approver = actor(in.caseNumber(), EXTENSION_TASK);
    if (decision == null) {
      throw invalidTask("请选择：同意延期或不同意延期");
    }
    switch (decision) {
      case APPROVE -> {
        if (p.extensionDays != null
            && approver.equals(p.extensionApprover)
            && p.extensionDays.equals(in.extensionDays())) {
          return new ExtensionOutput(true, p.handlingDueAt.toString(), ""); // a retried job
        }
        try {
          checkExtensionAllowed(p, in.extensionDays(), in.extensionReason());
          String reason = in.extensionReason().strip();
          ClockView extended =
              clocks.extend(
                  in.caseNumber(),
                  PetitionDeadlines.HANDLING,
                  in.extensionDays(),
                  reason,
                  approver);
          clocks
              .find(in.caseNumber(), Clocks.CASE_CLOCK)
              .filter(k -> k.extendedDays() == 0 && k.stoppedAt() == null)
              .ifPresent(
                  k ->
                      clocks.extend(
                          in.caseNumber(),
                          Clocks.CASE_CLOCK,
                          in.extensionDays(),
                          reason,
                          approver));
          p.extensionDays = in.extensionDays();
          p.extensionReason = reason;
          p.extensionApprover = approver;
          p.handlingDueAt = extended.dueAt();
        } catch (StepOutcome refused) {
          return new ExtensionOutput(false, p.handlingDueAt.toString(), refused.getMessage());
        } catch (BusinessRuleException refused) {
          return new ExtensionOutput(false, p.handlingDueAt.toString(), refused.userMessage());
        }
        record(
            in.caseNumber(),
            EXTENSION_TASK,
            "批准延期",
            "延期" + p.extensionDays + "日，期限至 " + Formats.dateTime(p.handlingDueAt),
            p.extensionReason,
            stepKey);
        return new ExtensionOutput(true, p.handlingDueAt.toString(), "");
      }
      case REFUSE -> {
        if (isBlank(in.extensionNote())) {
          throw invalidTask("不同意延期须写明理由");
        }
        record(
            in.caseNumber(), EXTENSION_TASK, "延期审批", "不同意延期", in.extensionNote().strip(), stepKey);
        return new ExtensionOutput(
            false,
            p.handlingDueAt.toString(),
            "分管领导不同意延期：" + in.extensionNote().strip() + "。请按期出具处理意见书。");
      }
      default -> throw new IllegalStateException("extension " + decision);
    }
  }

  Accepted recordReview(
      String caseNumber, String outcome, String opinion, boolean rereview, String stepKey) {
    String code = outcome == null ? "" : outcome.strip();
    String label =
        code.isEmpty()
            ? null
            : jdbc
                .query(
                    "SELECT label FROM petition_review_outcome WHERE code = ?",
                    (rs, i) -> rs.getString(1),
                    code)
                .stream()
                .findFirst()
                .orElse(null);
    if (label == null) {
      log.warn("petition {}: review outcome '{}' is not a known code", caseNumber, outcome);
      throw invalidTask((rereview ? "请选择复核结论" : "请选择复查结论") + "（维持、变更、撤销或责令重新办理）");
    }
    if (isBlank(opinion)) {
      throw invalidTask(rereview ? "请填写复核意见" : "请填写复查意见");
    }
    if (opinion.length() > 1800) {
      throw invalidTask("意见正文过长，请精简");
    }
    PetitionEntity p = petition(caseNumber);
    if (rereview) {
      p.rereviewOpinion = opinion.strip();
      p.rereviewOutcome = code;
    } else {
      p.reviewOpinion = opinion.strip();
      p.reviewOutcome = code;
    }
    record(
        caseNumber,
        rereview ? REREVIEW_TASK : REVIEW_TASK,
        rereview ? "复核" : "复查",
        rereview ? "已出具复核意见" : "已出具复查意见",
        "结论：" + label,
        stepKey);
    return new Accepted("");
  }

  /** No further step is open to the petitioner: the matter is final (不再受理). */
  void finalizeMatter(String caseNumber, String stepKey) {
    PetitionEntity p = petition(caseNumber);
    if (p.phase == Phase.FINAL) {
      return;
    }
    String why =
        switch (p.phase) {
          case OPINION_ISSUED -> "处理意见书送达后未在期限内请求复查";
          case REVIEW_ISSUED -> "复查意见书送达后未在期限内请求复核";
          default -> "已作出复核意见";
        };
    p.phase = Phase.FINAL;
    p.finalAt = clock.instant();
    close(caseNumber, CaseStatus.PETITION_FINAL, HistoryEntry.system("办结", "不再受理", why, stepKey));
  }

  // --- rules shared with the facade --------------------------------------------------------

  /** Refuses an officer who may not handle the petition: unknown, another unit, or must recuse. */
  void checkAssignable(PetitionEntity p, String username) {
    StaffMember staff =
        jurisdiction
            .staff(username)
            .filter(StaffMember::enabled)
            .orElseThrow(
                () ->
                    BusinessRuleException.invalid(
                        "PETITION_OFFICER_UNKNOWN",
                        "承办人账号“" + username + "”不存在或已停用",
                        "no enabled staff " + username));
    String group = unit(p).handlingGroup();
    if (!group.equals(staff.candidateGroup())) {
      throw BusinessRuleException.invalid(
          "PETITION_OFFICER_OTHER_UNIT",
          "承办人须为本信访事项受理单位的信访工作人员（" + group + "）",
          username + " is " + staff.candidateGroup() + ", not " + group);
    }
    conflicts
        .findByCaseNumberAndUsername(p.caseNumber, username)
        .ifPresent(
            c -> {
              throw BusinessRuleException.conflict(
                  "PETITION_OFFICER_RECUSED",
                  staff.displayName()
                      + "（"
                      + username
                      + "）已登记与本信访事项存在利害关系（"
                      + c.reason
                      + "），应当回避，不能指派为承办人",
                  username + " has a recorded conflict with " + p.caseNumber);
            });
  }

  /**
   * A matter still within the deadline of a lower unit (first-handler responsibility): an open
   * petition of the same petitioner and matter at a lower level whose current deadline has not
   * passed, or that has reached an opinion (then review, not a new acceptance, is the way).
   */
  Optional<PetitionEntity> lowerLevelInTime(PetitionEntity p) {
    Instant now = clock.instant();
    int rank = unit(p).rank();
    List<PetitionEntity> same =
        petitions.findByLeadPersonIdAndMatterKeyOrderByIdAsc(p.leadPersonId, p.matterKey);
    return same.stream()
        .filter(o -> !o.caseNumber.equals(p.caseNumber))
        .filter(o -> o.phase.open())
        .filter(o -> unit(o).rank() < rank)
        .filter(
            o ->
                o.phase != Phase.REGISTERED && o.phase != Phase.ACCEPTED
                    || now.isBefore(o.currentDeadline()))
        .findFirst();
  }

  String lowerLevelText(PetitionEntity lower) {
    if (lower.phase == Phase.REGISTERED || lower.phase == Phase.ACCEPTED) {
      return "同一信访人就同一事项已在下级机关办理（案件 "
          + lower.caseNumber
          + "，办理期限至 "
          + day(lower.currentDeadline())
          + "），在办理期限内上级机关不予受理，可转送或告知信访人等待办理结果";
    }
    return "同一信访人就同一事项已由下级机关出具处理意见（案件 " + lower.caseNumber + "），应通过复查、复核程序办理，上级机关不另行受理";
  }

  void checkExtensionAllowed(PetitionEntity p, Integer days, String reason) {
    if (p.extensionDays != null) {
      throw invalidTask(
          "本信访事项已延期一次（延期"
              + p.extensionDays
              + "日，至 "
              + day(p.handlingDueAt)
              + "），依照《信访工作条例》只能延期一次，不能再次延期，请按期出具处理意见书");
    }
    int max =
        deadlines
            .policy(PetitionDeadlines.HANDLING, caseFiles.get(p.caseNumber).townshipCode())
            .maxExtensionDays();
    if (days == null || days < 1 || days > max) {
      throw invalidTask("延期天数应为1到" + max + "日");
    }
    if (isBlank(reason)) {
      throw invalidTask("申请延期须写明理由");
    }
    if (reason.length() > 500) {
      throw invalidTask("延期理由过长，请精简");
    }
  }

  Unit unit(PetitionEntity p) {
    return Unit.of(p.unitLevel, p.unitRegion);
  }

  static String day(Instant instant) {
    return Formats.date(Formats.chinaDate(instant));
  }

  private NoticeOutput window(Instant deadline, Instant now) {
    // whole seconds: the engine reads the window as an ISO-8601 duration
    Duration left =
        Duration.between(now, deadline).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return new NoticeOutput(
        (left.isNegative() ? Duration.ZERO : left).toString(), deadline.toString());
  }

  private void close(String caseNumber, CaseStatus status, HistoryEntry entry) {
    clocks.stop(caseNumber, Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
    caseFiles.changeStatus(caseNumber, status, entry);
  }

  private PetitionEntity petition(String caseNumber) {
    return petitions
        .findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("no petition for " + caseNumber));
  }

  private String actor(String caseNumber, String task) {
    return caseFiles.lastCompletedBy(caseNumber, task).orElse(HistoryEntry.SYSTEM);
  }

  private void record(
      String caseNumber,
      String task,
      String action,
      String outcome,
      String reason,
      String stepKey) {
    caseFiles.record(
        caseNumber, caseFiles.entryByTaskActor(caseNumber, task, action, outcome, reason, stepKey));
  }

  private static String trimmed(String s) {
    return isBlank(s) ? null : s.strip().substring(0, Math.min(s.strip().length(), 1000));
  }

  private static StepOutcome invalidTask(String notice) {
    return new StepOutcome(PetitionErrors.INVALID_INPUT, notice, Map.of("taskNotice", notice));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
