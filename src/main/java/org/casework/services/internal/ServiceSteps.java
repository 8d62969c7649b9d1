package org.casework.services.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.PeriodUnit;
import org.casework.common.Formats;
import org.casework.common.StepOutcome;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactFlag;
import org.casework.contact.KeyContactReason;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonView;
import org.casework.registry.RecordStatus;
import org.casework.registry.Registry;
import org.casework.registry.StatusKind;
import org.casework.services.MenuItem;
import org.casework.services.ResultKind;
import org.casework.services.ServiceErrors;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceMode;
import org.casework.services.internal.RequestStore.Row;
import org.casework.services.internal.RequestStore.State;
import org.casework.services.internal.ServiceDecisions.Acceptance;
import org.casework.services.internal.ServiceDecisions.Channel;
import org.casework.services.internal.ServiceDecisions.Identity;
import org.casework.services.internal.ServiceDecisions.Outcome;
import org.casework.services.internal.ServiceDecisions.ReferralAnswer;
import org.casework.services.internal.ServiceDecisions.Satisfaction;
import org.casework.services.internal.ServiceDecisions.Supplement;
import org.casework.services.internal.ServiceVariables.AcceptanceInput;
import org.casework.services.internal.ServiceVariables.AcceptanceOutput;
import org.casework.services.internal.ServiceVariables.Accepted;
import org.casework.services.internal.ServiceVariables.AnswerInput;
import org.casework.services.internal.ServiceVariables.Eligible;
import org.casework.services.internal.ServiceVariables.FollowUpInput;
import org.casework.services.internal.ServiceVariables.Groups;
import org.casework.services.internal.ServiceVariables.HandlingInput;
import org.casework.services.internal.ServiceVariables.IdentityInput;
import org.casework.services.internal.ServiceVariables.Loaded;
import org.casework.services.internal.ServiceVariables.ReferralOutput;
import org.casework.services.internal.ServiceVariables.ResultInput;
import org.casework.services.internal.ServiceVariables.SupplementInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of bpmn/service-request.bpmn does to the records. Idempotent: history lines and
 * notices carry the step key; state updates set values, they do not add.
 */
@Service
@Transactional(noRollbackFor = StepOutcome.class)
class ServiceSteps {

  private static final Logger log = LoggerFactory.getLogger(ServiceSteps.class);

  static final String IDENTITY_TASK = "Task_ConfirmIdentity";
  static final String ACCEPT_TASK = "Task_Accept";
  static final String SUPPLEMENT_TASK = "Task_Supplement";
  static final String HANDLE_TASK = "Task_Handle";
  static final String ANSWER_TASK = "Task_AwaitReferralAnswer";
  static final String RESULT_TASK = "Task_RecordResult";
  static final String FOLLOW_UP_TASK = "Task_FollowUp";

  /** Employment values of the 就业状况 status a result may record. */
  static final List<String> EMPLOYED = List.of("在岗", "灵活就业", "自主创业");

  private final CaseFiles caseFiles;
  private final RequestStore requests;
  private final ServiceMenu menu;
  private final Registry registry;
  private final PersonRecords records;
  private final ContactProgramme contact;
  private final Jurisdiction jurisdiction;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final int supplementDays;
  private final int referralAnswerDays;

  ServiceSteps(
      CaseFiles caseFiles,
      RequestStore requests,
      ServiceMenu menu,
      Registry registry,
      PersonRecords records,
      ContactProgramme contact,
      Jurisdiction jurisdiction,
      BusinessCalendar calendar,
      Clock clock,
      @Value("${casework.services.supplement-days:5}") int supplementDays,
      @Value("${casework.services.referral-answer-days:10}") int referralAnswerDays) {
    this.caseFiles = caseFiles;
    this.requests = requests;
    this.menu = menu;
    this.registry = registry;
    this.records = records;
    this.contact = contact;
    this.jurisdiction = jurisdiction;
    this.calendar = calendar;
    this.clock = clock;
    this.supplementDays = supplementDays;
    this.referralAnswerDays = referralAnswerDays;
  }

  Loaded load(String caseNumber, String processInstanceId) {
    var found = caseFiles.find(caseNumber);
    var request = requests.find(caseNumber);
    if (found.isEmpty()
        || request.isEmpty()
        || !caseFiles.claimProcessInstance(caseNumber, processInstanceId)) {
      throw new StepOutcome(
          ServiceErrors.CASE_MISSING,
          "case " + caseNumber + " missing or owned by another instance",
          Map.of());
    }
    CaseView c = found.get();
    Row r = request.get();
    MenuItem item = menu.item(r.menuItemId());
    PersonView person = registry.person(r.personId());
    RegionCode township = new RegionCode(c.townshipCode());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("caseNumber", caseNumber);
    facts.put("person", person.name());
    facts.put("idNumber", person.maskedIdNumber());
    facts.put("category", person.category().label());
    facts.put("township", jurisdiction.region(township).name());
    facts.put("item", item.name() + "（第 " + item.version() + " 版）");
    facts.put("provider", item.provider().label() + "：" + item.providerLabel());
    facts.put("mode", item.mode().label());
    facts.put("documents", item.documentsText());
    facts.put("whoMayAsk", item.whoMayAsk());
    facts.put("deadline", item.deadlineDays() + " 个工作日");
    facts.put("resultKind", item.resultKind().label());
    facts.put("channel", "ONLINE".equals(r.channel()) ? "网上申请（身份待核实）" : "服务站登记");
    facts.put("claimedName", r.claimedName() == null ? "" : r.claimedName());
    facts.put(
        "nameMatches",
        r.claimedName() == null
            ? ""
            : r.claimedName().strip().equals(person.name()) ? "与登记姓名一致" : "与登记姓名不一致，请核实");
    facts.put("claimedPhone", r.claimedPhone() == null ? "" : maskPhone(r.claimedPhone()));
    facts.put("note", r.note() == null ? "" : r.note());
    return new Loaded(
        facts,
        new Groups(CandidateGroups.of(township, Role.TOWNSHIP_CASEWORKER)),
        r.verified(),
        item.mode().name(),
        item.resultKind().name(),
        false,
        false);
  }

  Accepted recordIdentity(IdentityInput in, Identity decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择：身份已核实或无法核实");
    }
    if (decision == Identity.NOT_CONFIRMED) {
      if (isBlank(in.identityNote())) {
        throw invalidTask("无法核实身份须写明情况（如电话无法接通、本人否认提出申请）");
      }
      throw declined("申请人身份未能核实：" + in.identityNote().strip());
    }
    requests.verified(in.caseNumber(), clock.instant());
    record(in.caseNumber(), IDENTITY_TASK, "核实申请人身份", "身份已核实", in.identityNote(), stepKey);
    return new Accepted("");
  }

  /** The item's rule on the person: category and key-contact flags; refused with the rule named. */
  Eligible checkEligibility(String caseNumber, String stepKey) {
    Row r = request(caseNumber);
    MenuItem item = menu.item(r.menuItemId());
    PersonView person = registry.person(r.personId());
    RegionScope system = systemScope(r.townshipCode());
    if (person.isDeceased()) {
      throw declined("不符合申请条件：服务对象已登记去世（" + item.eligibilityRule() + "）");
    }
    if (!item.categories().isEmpty()) {
      List<PersonCategory> held = new java.util.ArrayList<>(List.of(person.category()));
      held.addAll(records.categories(person.id(), system));
      if (held.stream().noneMatch(item.categories()::contains)) {
        log.info(
            "request {} refused: category {} not in {} of item {}",
            caseNumber,
            person.category(),
            item.categories(),
            item.code());
        throw declined(
            "不符合申请条件："
                + item.eligibilityRule()
                + "。服务对象类别为「"
                + person.category().label()
                + "」，本项目限「"
                + String.join("、", item.categories().stream().map(PersonCategory::label).toList())
                + "」。");
      }
    }
    if (!item.keyContactFlags().isEmpty()) {
      List<KeyContactReason> flags =
          contact.flags(person.id(), system).stream()
              .filter(KeyContactFlag::active)
              .map(KeyContactFlag::reason)
              .toList();
      if (flags.stream().noneMatch(item.keyContactFlags()::contains)) {
        log.info(
            "request {} refused: flags {} not in {} of item {}",
            caseNumber,
            flags,
            item.keyContactFlags(),
            item.code());
        throw declined(
            "不符合申请条件："
                + item.eligibilityRule()
                + "。服务对象目前不是「"
                + String.join(
                    "、", item.keyContactFlags().stream().map(KeyContactReason::label).toList())
                + "」重点联系对象。");
      }
    }
    caseFiles.record(
        caseNumber, HistoryEntry.system("申请条件审查", "符合条件", item.eligibilityRule(), stepKey));
    return new Eligible("符合申请条件（" + item.eligibilityRule() + "）");
  }

  AcceptanceOutput recordAcceptance(AcceptanceInput in, Acceptance decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择：受理、材料不全需补正或不予受理");
    }
    boolean used = Boolean.TRUE.equals(in.supplementUsed());
    Instant now = clock.instant();
    switch (decision) {
      case ACCEPT -> {
        record(in.caseNumber(), ACCEPT_TASK, "受理", "材料齐全，予以受理", in.acceptNote(), stepKey);
        caseFiles.notifyApplicant(
            in.caseNumber(),
            "accepted:" + stepKey,
            "您申请的服务（" + in.caseNumber() + "）已受理，我们将按时办理并告知结果。");
        requests.state(in.caseNumber(), State.HANDLING, now);
        return new AcceptanceOutput(false, used, null, "");
      }
      case MISSING_DOCUMENTS -> {
        if (isBlank(in.missingDocuments())) {
          throw invalidTask("请列明需要补正的材料");
        }
        if (used) {
          throw invalidTask("补正材料只能要求一次：材料仍不全的，请作出不予受理决定并写明理由");
        }
        Instant due = workingDaysFrom(in.caseNumber(), supplementDays);
        record(
            in.caseNumber(),
            ACCEPT_TASK,
            "一次性告知补正",
            "材料不全",
            in.missingDocuments().strip() + "；补正期限 " + Formats.dateTime(due),
            stepKey);
        caseFiles.notifyApplicant(
            in.caseNumber(),
            "supplement:" + stepKey,
            "您申请的服务（"
                + in.caseNumber()
                + "）材料不全，请于 "
                + Formats.dateTime(due)
                + " 前补交："
                + in.missingDocuments().strip()
                + "。逾期未补交的，不予受理。");
        requests.state(in.caseNumber(), State.SUPPLEMENT, now);
        return new AcceptanceOutput(true, true, due.toString(), "");
      }
      case REFUSE -> {
        if (isBlank(in.acceptNote())) {
          throw invalidTask("不予受理须写明理由");
        }
        throw declined(in.acceptNote().strip());
      }
      default -> throw new IllegalStateException("acceptance " + decision);
    }
  }

  Accepted recordSupplement(SupplementInput in, Supplement decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择：已补正或未补正");
    }
    if (decision == Supplement.NOT_SUPPLIED) {
      throw declined(
          "申请人未补正材料，不予受理"
              + (isBlank(in.supplementNote()) ? "" : "：" + in.supplementNote().strip()));
    }
    record(in.caseNumber(), SUPPLEMENT_TASK, "补正材料", "已补正", in.supplementNote(), stepKey);
    requests.state(in.caseNumber(), State.ACCEPTANCE, clock.instant());
    return new Accepted("");
  }

  String supplementExpired(String caseNumber, String stepKey) {
    caseFiles.record(caseNumber, HistoryEntry.system("补正期限届满", "逾期未补正", null, stepKey));
    return "补正期限届满，申请人未补正材料，不予受理";
  }

  ReferralOutput refer(String caseNumber, String stepKey) {
    Row r = request(caseNumber);
    MenuItem item = menu.item(r.menuItemId());
    Instant now = clock.instant();
    ReferralDeadlines d = referralDeadlines(r.townshipCode(), Formats.chinaDate(now));
    Instant due = d.due();
    Instant remind = d.remind();
    requests.referred(caseNumber, now, due);
    caseFiles.record(
        caseNumber,
        HistoryEntry.system(
            "转介",
            "已转介至" + item.provider().label(),
            item.providerLabel() + "；答复期限 " + Formats.dateTime(due),
            stepKey));
    caseFiles.notifyApplicant(
        caseNumber,
        "referred:" + stepKey,
        "您申请的服务（" + caseNumber + "）已转介至" + item.providerLabel() + "办理，服务站将跟踪答复结果并告知您。");
    return new ReferralOutput(due.toString(), remind.toString());
  }

  /** When the department's answer to a referral made on {@code day} is due, and the reminder. */
  ReferralDeadlines referralDeadlines(String townshipCode, LocalDate day) {
    return new ReferralDeadlines(
        calendar.dueInstant(townshipCode, day, referralAnswerDays, PeriodUnit.WORKING_DAYS),
        calendar.dueInstant(
            townshipCode, day, Math.max(1, referralAnswerDays * 3 / 4), PeriodUnit.WORKING_DAYS));
  }

  record ReferralDeadlines(Instant due, Instant remind) {}

  void remindReferral(String caseNumber, String stepKey) {
    caseFiles.record(caseNumber, HistoryEntry.system("转介催办", "临近答复期限", "请向承接部门催要答复", stepKey));
  }

  void referralOverdue(String caseNumber, String stepKey) {
    log.warn("referral answer of {} overdue", caseNumber);
    caseFiles.record(caseNumber, HistoryEntry.system("转介答复超期", "部门逾期未答复", "已列入督办看板", stepKey));
  }

  Accepted recordHandling(HandlingInput in, String stepKey) {
    if (isBlank(in.handlingNote())) {
      throw invalidTask("请填写办理情况");
    }
    Row r = request(in.caseNumber());
    String action = ServiceMode.PROXY.name().equals(r.mode()) ? "代办" : "站内办理";
    record(in.caseNumber(), HANDLE_TASK, action, "已办理", in.handlingNote().strip(), stepKey);
    requests.state(in.caseNumber(), State.RESULT, clock.instant());
    return new Accepted("");
  }

  Accepted recordAnswer(AnswerInput in, ReferralAnswer decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择部门答复结果");
    }
    if (isBlank(in.answerNote())) {
      throw invalidTask("请记录部门答复内容（答复单位、日期、文号或经办人）");
    }
    String outcome = decision == ReferralAnswer.APPROVED ? "部门同意" : "部门不同意";
    record(in.caseNumber(), ANSWER_TASK, "记录转介答复", outcome, in.answerNote().strip(), stepKey);
    requests.answered(in.caseNumber(), outcome + "：" + in.answerNote().strip(), clock.instant());
    return new Accepted("");
  }

  Accepted recordResult(ResultInput in, Outcome decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择服务结果");
    }
    Row r = request(in.caseNumber());
    MenuItem item = menu.item(r.menuItemId());
    boolean achieved = decision == Outcome.ACHIEVED;
    BigDecimal amount = null;
    String place = isBlank(in.place()) ? null : in.place().strip();
    if (achieved && item.resultKind() == ResultKind.MONEY) {
      amount = money(in.amount());
    }
    if (achieved && item.resultKind() == ResultKind.PLACE && place == null) {
      throw invalidTask("请填写取得的名额或岗位");
    }
    String employment = isBlank(in.employmentStatus()) ? null : in.employmentStatus().strip();
    if (achieved && item.resultKind() == ResultKind.EMPLOYMENT) {
      if (employment == null || !EMPLOYED.contains(employment)) {
        throw invalidTask("请选择就业情况（在岗、灵活就业或自主创业）");
      }
    }
    if (!achieved && isBlank(in.resultNote())) {
      throw invalidTask("未达成的须写明原因");
    }
    String actor =
        caseFiles.lastCompletedBy(in.caseNumber(), RESULT_TASK).orElse(HistoryEntry.SYSTEM);
    RegionScope scope =
        jurisdiction
            .staff(actor)
            .map(RegionScope::of)
            .orElseGet(() -> systemScope(r.townshipCode()));
    LocalDate today = Formats.chinaDate(clock.instant());
    if (achieved && employment != null) {
      records.recordStatus(
          r.personId(),
          new RecordStatus(
              StatusKind.EMPLOYMENT,
              employment,
              today,
              "服务申请 " + in.caseNumber() + "（" + item.name() + "）结果"),
          scope);
    }
    Long needId = r.needId();
    if (needId != null) {
      records.answerNeed(
          r.personId(),
          needId,
          in.caseNumber(),
          (achieved ? "已达成" : "未达成")
              + (isBlank(in.resultNote()) ? "" : "：" + in.resultNote().strip()),
          scope);
    }
    StringBuilder reason = new StringBuilder();
    if (amount != null) {
      reason.append("金额 ").append(Formats.yuan(amount)).append("；");
    }
    if (place != null) {
      reason.append("名额/岗位 ").append(place).append("；");
    }
    if (employment != null && achieved) {
      reason.append("就业状况 ").append(employment).append("；");
    }
    if (!isBlank(in.resultNote())) {
      reason.append(in.resultNote().strip());
    }
    record(
        in.caseNumber(),
        RESULT_TASK,
        "登记服务结果",
        achieved ? "已达成" : "未达成",
        reason.toString(),
        stepKey);
    requests.result(
        in.caseNumber(),
        decision.name(),
        isBlank(in.resultNote()) ? null : in.resultNote().strip(),
        amount,
        place,
        needId,
        clock.instant());
    caseFiles.notifyApplicant(
        in.caseNumber(),
        "result:" + stepKey,
        "您申请的服务（"
            + in.caseNumber()
            + "）已办理完毕："
            + (achieved ? "已达成" : "未达成")
            + (reason.isEmpty() ? "" : "（" + reason + "）")
            + "。服务站将对您进行回访。");
    return new Accepted("");
  }

  Accepted recordFollowUp(
      FollowUpInput in, Satisfaction satisfaction, Channel channel, String stepKey) {
    if (satisfaction == null || channel == null) {
      throw invalidTask("请选择回访方式和满意度");
    }
    if (satisfaction == Satisfaction.DISSATISFIED && isBlank(in.satisfactionReason())) {
      throw invalidTask("不满意的须记录原因");
    }
    record(
        in.caseNumber(),
        FOLLOW_UP_TASK,
        "回访",
        satisfaction.label(),
        channel.label()
            + (isBlank(in.satisfactionReason()) ? "" : "；原因：" + in.satisfactionReason().strip())
            + (isBlank(in.followUpNote()) ? "" : "；" + in.followUpNote().strip()),
        stepKey);
    return new Accepted("");
  }

  void close(String caseNumber, String stepKey) {
    requests.state(caseNumber, State.DONE, clock.instant());
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.SERVICE_DONE,
        HistoryEntry.system("办结", CaseStatus.SERVICE_DONE.label(), null, stepKey));
  }

  void closeRefused(String caseNumber, String declineReason, String stepKey) {
    requests.state(caseNumber, State.REFUSED, clock.instant());
    String reason = isBlank(declineReason) ? "不予受理" : declineReason.strip();
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.SERVICE_REFUSED,
        HistoryEntry.system("不予受理", CaseStatus.SERVICE_REFUSED.label(), reason, stepKey));
    caseFiles.notifyApplicant(
        caseNumber, "refused:" + stepKey, "您申请的服务（" + caseNumber + "）不予受理：" + reason);
  }

  private Instant workingDaysFrom(String caseNumber, int days) {
    Row r = request(caseNumber);
    return calendar.dueInstant(
        r.townshipCode(), Formats.chinaDate(clock.instant()), days, PeriodUnit.WORKING_DAYS);
  }

  private Row request(String caseNumber) {
    return requests
        .find(caseNumber)
        .orElseThrow(() -> new IllegalStateException("no services_request for " + caseNumber));
  }

  /** The scope the process acts in when no officer stands behind a step: the case's county. */
  static RegionScope systemScope(String townshipCode) {
    return new RegionScope(
        HistoryEntry.SYSTEM, Role.COUNTY_CASEWORKER, new RegionCode(townshipCode.substring(0, 6)));
  }

  private void record(
      String caseNumber, String task, String action, String outcome, String reason, String key) {
    caseFiles.record(
        caseNumber,
        caseFiles.entryByTaskActor(
            caseNumber, task, action, outcome, isBlank(reason) ? null : reason.strip(), key));
  }

  private static BigDecimal money(String raw) {
    if (isBlank(raw)) {
      throw invalidTask("请填写取得的金额（元）");
    }
    try {
      BigDecimal v = new BigDecimal(raw.strip().replace(",", "").replace("¥", ""));
      if (v.signum() <= 0 || v.scale() > 2 || v.compareTo(new BigDecimal("10000000")) >= 0) {
        throw invalidTask("金额须为正数，最多两位小数");
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalidTask("金额格式不正确");
    }
  }

  static String maskPhone(String phone) {
    String p = phone.strip();
    return p.length() < 7 ? "****" : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
  }

  static StepOutcome invalidTask(String notice) {
    return new StepOutcome(ServiceErrors.INVALID_INPUT, notice, Map.of("taskNotice", notice));
  }

  static StepOutcome declined(String reason) {
    return new StepOutcome(ServiceErrors.DECLINED, reason, Map.of("declineReason", reason));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
