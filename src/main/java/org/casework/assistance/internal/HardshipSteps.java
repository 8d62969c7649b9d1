package org.casework.assistance.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.casework.assistance.AssistancePolicy;
import org.casework.assistance.HardshipErrors;
import org.casework.assistance.internal.HardshipDecisions.Approval;
import org.casework.assistance.internal.HardshipDecisions.Reconsideration;
import org.casework.assistance.internal.HardshipDecisions.Review;
import org.casework.assistance.internal.HardshipVariables.ApprovalOutput;
import org.casework.assistance.internal.HardshipVariables.CaseFacts;
import org.casework.assistance.internal.HardshipVariables.Groups;
import org.casework.assistance.internal.HardshipVariables.LoadedCase;
import org.casework.assistance.internal.HardshipVariables.PaymentOutput;
import org.casework.assistance.internal.HardshipVariables.ReconsiderationOutput;
import org.casework.assistance.internal.HardshipVariables.ReviewInput;
import org.casework.assistance.internal.HardshipVariables.ReviewOutput;
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
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of the hardship process does to the case record. Every step is idempotent: its
 * history line carries a step key, payments go through the ledger's business key. The steps run in
 * the engine's transaction; a business outcome is a {@link StepOutcome} (the process's BPMN error).
 */
@Service
@Transactional(noRollbackFor = StepOutcome.class)
class HardshipSteps {

  static final String REVIEW_TASK = "Task_TownshipReview";
  static final String VERIFICATION_TASK = "Task_VillageVerification";
  static final String FOLLOW_UP_TASK = "Task_FollowUpVisit";
  static final String EMERGENCY_TASK = "Task_EmergencyPayment";

  private final CaseFiles caseFiles;
  private final ApplicationRepository applications;
  private final PolicyLookup policies;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final Ledger ledger;
  private final MessageSource messages;
  private final Clocks clocks;

  HardshipSteps(
      CaseFiles caseFiles,
      ApplicationRepository applications,
      PolicyLookup policies,
      Registry registry,
      Jurisdiction jurisdiction,
      Ledger ledger,
      MessageSource messages,
      Clocks clocks) {
    this.caseFiles = caseFiles;
    this.applications = applications;
    this.policies = policies;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.ledger = ledger;
    this.messages = messages;
    this.clocks = clocks;
  }

  LoadedCase load(String caseNumber, String processInstanceId) {
    var found = caseFiles.find(caseNumber);
    if (found.isEmpty() || !caseFiles.claimProcessInstance(caseNumber, processInstanceId)) {
      throw new StepOutcome(
          HardshipErrors.CASE_MISSING, "案件 " + caseNumber + " 不存在或已由其他流程实例办理", Map.of());
    }
    CaseView c = found.get();
    ApplicationEntity a = application(caseNumber);
    PersonView person = registry.person(c.applicantPersonId());
    AssistancePolicy policy = policies.forRegion(RegionCode.parse(c.townshipCode()));
    RegionCode township = new RegionCode(c.townshipCode());
    RegionCode county = township.county();
    String village =
        c.villageCode() == null
            ? "（未填）"
            : jurisdiction.region(new RegionCode(c.villageCode())).name();
    String earlier =
        applications.findByApplicantPersonIdOrderByIdDesc(c.applicantPersonId()).stream()
            .filter(e -> !e.getCaseNumber().equals(caseNumber))
            .limit(5)
            .map(
                e ->
                    e.getCaseNumber()
                        + " "
                        + e.getCause().label()
                        + " "
                        + Formats.yuan(e.getAmountRequested())
                        + outcomeLabel(e))
            .collect(Collectors.joining("；"));
    CaseFacts facts =
        new CaseFacts(
            caseNumber,
            person.name(),
            person.maskedIdNumber(),
            person.category().label(),
            jurisdiction.region(township).name(),
            village,
            person.householdSize(),
            person.householdMembers().stream()
                .map(m -> m.relation() + " " + m.name())
                .collect(Collectors.joining("、")),
            Formats.yuan(a.getMonthlyIncome()),
            a.getCause().label(),
            a.getDescription(),
            Formats.yuan(a.getAmountRequested()),
            a.isEmergency() ? "是（急难，可先行支付）" : "否",
            earlier.isEmpty() ? "无" : earlier,
            Formats.yuan(policy.townshipLimit()));
    String verificationGroup =
        c.villageCode() == null
            ? CandidateGroups.of(township, Role.TOWNSHIP_CASEWORKER)
            : CandidateGroups.of(new RegionCode(c.villageCode()), Role.VILLAGE_LIAISON);
    Groups groups =
        new Groups(
            verificationGroup,
            CandidateGroups.of(township, Role.TOWNSHIP_CASEWORKER),
            CandidateGroups.of(township, Role.TOWNSHIP_HEAD),
            CandidateGroups.of(county, Role.COUNTY_APPROVER),
            CandidateGroups.of(county, Role.COUNTY_HEAD));
    return new LoadedCase(
        facts,
        groups,
        a.getAmountRequested(),
        a.isEmergency(),
        a.isMaterialsRequested(),
        policy.townshipLimit(),
        policy.countersignThreshold(),
        policy.publicityThreshold(),
        policy.emergencyMax(),
        "P" + policy.publicityDays() + "D",
        "P30D",
        "P" + policy.reconsiderationDays() + "D",
        a.getReconsiderationRequestedAt() != null);
  }

  PaymentOutput payEmergency(String caseNumber, BigDecimal amount, String note, String stepKey) {
    ApplicationEntity a = application(caseNumber);
    AssistancePolicy policy =
        policies.forRegion(RegionCode.parse(caseFiles.get(caseNumber).townshipCode()));
    BigDecimal cap = policy.emergencyMax().min(a.getAmountRequested());
    if (amount == null || amount.signum() <= 0 || amount.compareTo(cap) > 0) {
      throw invalidTask(
          HardshipErrors.INVALID_EMERGENCY_PAYMENT,
          "先行支付金额须大于零且不超过 " + Formats.yuan(cap) + "（急难先行支付上限与申请金额中较低者）");
    }
    CaseView c = caseFiles.get(caseNumber);
    Disbursement d =
        ledger.disburse(
            new DisbursementRequest(
                caseNumber,
                c.applicantPersonId(),
                c.applicantPersonId(),
                Programme.EMERGENCY,
                "EMERGENCY",
                a.getCause().name(),
                year(c),
                amount,
                c.townshipCode()));
    a.emergencyPaid(d.amount());
    caseFiles.recordByTaskActor(
        caseNumber,
        EMERGENCY_TASK,
        "急难先行支付",
        Formats.yuan(d.amount()) + "（" + d.disbursementId() + "）",
        note,
        stepKey);
    return new PaymentOutput(d.disbursementId(), d.amount(), "");
  }

  void recordVerification(String caseNumber, Boolean confirmed, String findings, String stepKey) {
    String outcome = Boolean.TRUE.equals(confirmed) ? "情况属实" : "情况与申请不符";
    caseFiles.recordByTaskActor(caseNumber, VERIFICATION_TASK, "入户核实", outcome, findings, stepKey);
  }

  ReviewOutput recordReview(ReviewInput in, Review decision, String stepKey) {
    ApplicationEntity a = application(in.caseNumber());
    if (decision == null) {
      throw invalidTask(HardshipErrors.INVALID_REVIEW, "请选择审核结论：受理、要求补正或不予帮扶");
    }
    switch (decision) {
      case REQUEST_MATERIALS -> {
        if (a.isMaterialsRequested()) {
          throw invalidTask(HardshipErrors.INVALID_REVIEW, "补正材料只能一次性告知一次，本案已告知过；请选择“受理”或“不予帮扶”");
        }
        if (isBlank(in.missingMaterials())) {
          throw invalidTask(HardshipErrors.INVALID_REVIEW, "要求补正时须一次性列明需补正的全部材料");
        }
        a.materialsRequested();
        caseFiles.changeStatusByTaskActor(
            in.caseNumber(),
            CaseStatus.AWAITING_MATERIALS,
            REVIEW_TASK,
            "乡镇审核",
            "一次性告知补正",
            in.missingMaterials(),
            stepKey);
        return new ReviewOutput(Review.REQUEST_MATERIALS.name(), null, true, "");
      }
      case REFUSE -> {
        if (isBlank(in.reviewReason())) {
          throw invalidTask(HardshipErrors.INVALID_REVIEW, "不予帮扶须写明理由");
        }
        a.refused(
            caseFiles.lastCompletedBy(in.caseNumber(), REVIEW_TASK).orElse(HistoryEntry.SYSTEM),
            in.reviewReason().strip());
        caseFiles.changeStatusByTaskActor(
            in.caseNumber(),
            CaseStatus.REFUSED,
            REVIEW_TASK,
            "乡镇审核",
            "不予帮扶",
            in.reviewReason(),
            stepKey);
        return new ReviewOutput(Review.REFUSE.name(), null, a.isMaterialsRequested(), "");
      }
      case ACCEPT -> {
        AssistancePolicy policy =
            policies.forRegion(RegionCode.parse(caseFiles.get(in.caseNumber()).townshipCode()));
        BigDecimal amount = in.recommendedAmount();
        if (amount == null || amount.signum() <= 0 || amount.compareTo(policy.maxAmount()) > 0) {
          throw invalidTask(
              HardshipErrors.INVALID_REVIEW,
              "拟帮扶金额须大于零且不超过本地区单次上限 " + Formats.yuan(policy.maxAmount()));
        }
        BigDecimal scaled = AssistanceService.money(amount);
        String reviewer =
            caseFiles.lastCompletedBy(in.caseNumber(), REVIEW_TASK).orElse(HistoryEntry.SYSTEM);
        a.reviewed(reviewer, scaled);
        caseFiles.recordByTaskActor(
            in.caseNumber(),
            REVIEW_TASK,
            "乡镇审核",
            "受理，拟帮扶 " + Formats.yuan(scaled),
            in.reviewReason(),
            stepKey);
        return new ReviewOutput(Review.ACCEPT.name(), scaled, a.isMaterialsRequested(), "");
      }
      default -> throw new IllegalStateException("review decision " + decision);
    }
  }

  void checkDuplicate(String caseNumber) {
    ApplicationEntity a = application(caseNumber);
    List<ApplicationEntity> same =
        applications
            .findSameCause(a.getApplicantPersonId(), a.getCause(), a.getCauseYear(), caseNumber)
            .stream()
            .filter(e -> e.getId() < a.getId())
            .toList();
    if (!same.isEmpty()) {
      throw new StepOutcome(
          HardshipErrors.DUPLICATE_APPLICATION,
          "与本年度案件 " + same.getFirst().getCaseNumber() + " 属同一事由",
          Map.of("duplicateOf", same.getFirst().getCaseNumber()));
    }
  }

  void refuseDuplicate(String caseNumber, String duplicateOf, String stepKey) {
    ApplicationEntity a = application(caseNumber);
    String reason = "与本年度案件 " + duplicateOf + " 属同一事由，不予重复帮扶";
    a.refusedAsDuplicate(duplicateOf, reason);
    caseFiles.changeStatus(
        caseNumber, CaseStatus.REFUSED, HistoryEntry.system("重复申请核查", "不予帮扶", reason, stepKey));
  }

  void startPublicity(String caseNumber, String duration, String stepKey) {
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.IN_PUBLICITY,
        HistoryEntry.system(
            "张榜公示", "公示中", "公示期 " + duration.replaceAll("\\D", "") + " 日，期间可提出异议", stepKey));
    clocks.pause(caseNumber, Clocks.CASE_CLOCK, "公示期间", HistoryEntry.SYSTEM);
  }

  /**
   * Separation of duties: whoever reviewed the case may not approve or countersign it. The
   * completion itself is refused ({@link HardshipCompletionRules}); this stays as a defensive
   * assertion.
   */
  ApprovalOutput recordApproval(
      String caseNumber,
      String approvalTask,
      Approval decision,
      String reason,
      boolean finalLevel,
      String stepKey) {
    ApplicationEntity a = application(caseNumber);
    String approver =
        caseFiles.lastCompletedBy(caseNumber, approvalTask).orElse(HistoryEntry.SYSTEM);
    if (approver.equals(a.getReviewer())) {
      caseFiles.record(
          caseNumber,
          HistoryEntry.system(
              "职责分离检查", "审批无效", "审批人 " + approver + " 即本案审核人，须由其他有权人员重新审批", stepKey));
      throw invalidTask(
          HardshipErrors.SEPARATION_OF_DUTIES, "审批人不能是本案的审核人（" + approver + "），请由其他有权人员审批");
    }
    if (decision == null) {
      throw invalidTask(HardshipErrors.INVALID_APPROVAL, "请选择审批意见：批准或不予批准");
    }
    if (decision == Approval.REFUSE) {
      String why = isBlank(reason) ? "（未写明理由）" : reason.strip();
      a.refused(approver, why);
      caseFiles.changeStatusByTaskActor(
          caseNumber, CaseStatus.REFUSED, approvalTask, "审批", "不予批准", why, stepKey);
      throw new StepOutcome(HardshipErrors.APPROVAL_REFUSED, "审批不予批准：" + why, Map.of());
    }
    if (finalLevel) {
      a.approved();
      caseFiles.changeStatusByTaskActor(
          caseNumber,
          CaseStatus.APPROVED,
          approvalTask,
          "审批",
          "批准 " + Formats.yuan(a.getApprovedAmount()),
          reason,
          stepKey);
    } else {
      caseFiles.recordByTaskActor(caseNumber, approvalTask, "审批", "同意，报分管领导会签", reason, stepKey);
    }
    return new ApprovalOutput(Approval.APPROVE.name(), "");
  }

  PaymentOutput recordPayment(String caseNumber, String stepKey) {
    ApplicationEntity a = application(caseNumber);
    CaseView c = caseFiles.get(caseNumber);
    BigDecimal already = a.getEmergencyPaid() == null ? BigDecimal.ZERO : a.getEmergencyPaid();
    BigDecimal remainder = a.getApprovedAmount().subtract(already);
    if (remainder.signum() <= 0) {
      caseFiles.changeStatus(
          caseNumber,
          CaseStatus.PAID,
          HistoryEntry.system(
              "发放帮扶金", "无需再发放", "先行支付 " + Formats.yuan(already) + " 已覆盖批准金额", stepKey));
      return new PaymentOutput(null, BigDecimal.ZERO.setScale(2), "");
    }
    Disbursement d =
        ledger.disburse(
            new DisbursementRequest(
                caseNumber,
                c.applicantPersonId(),
                c.applicantPersonId(),
                Programme.HARDSHIP,
                "HARDSHIP_GRANT",
                a.getCause().name(),
                year(c),
                remainder,
                c.townshipCode()));
    String reason =
        already.signum() > 0
            ? "批准 " + Formats.yuan(a.getApprovedAmount()) + "，已先行支付 " + Formats.yuan(already)
            : null;
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.PAID,
        HistoryEntry.system(
            "发放帮扶金", Formats.yuan(d.amount()) + "（" + d.disbursementId() + "）", reason, stepKey));
    return new PaymentOutput(d.disbursementId(), d.amount(), "");
  }

  void notifyApplicant(String caseNumber, String notice, String stepKey) {
    ApplicationEntity a = application(caseNumber);
    Object[] args = {
      caseNumber,
      a.getApprovedAmount() == null ? "" : Formats.yuan(a.getApprovedAmount()),
      a.getRefusalReason() == null ? "" : a.getRefusalReason(),
      a.getCause().label(),
      policies
          .forRegion(RegionCode.parse(caseFiles.get(caseNumber).townshipCode()))
          .reconsiderationDays()
    };
    String text =
        messages.getMessage("notice.hardship." + notice, args, java.util.Locale.SIMPLIFIED_CHINESE);
    caseFiles.notifyApplicant(caseNumber, stepKey, noticeTitle(notice), text);
    caseFiles.record(
        caseNumber, HistoryEntry.system("告知申请人", noticeLabel(notice), text, stepKey + ":history"));
    // whole-case clock: waiting for the applicant does not count; a refusal ends the case
    if ("MISSING_MATERIALS".equals(notice)) {
      clocks.pause(caseNumber, Clocks.CASE_CLOCK, "等待申请人补正材料", HistoryEntry.SYSTEM);
    } else if ("REFUSED".equals(notice)) {
      clocks.stop(caseNumber, Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
    }
  }

  static final String RECONSIDERATION_TASK = "Task_Reconsideration";

  /**
   * 复核: decided by a county approver who took no part in the refusal (neither refused nor reviewed
   * the case); UPHOLD makes the refusal final, OVERTURN sends the case back to township review.
   */
  ReconsiderationOutput recordReconsideration(
      String caseNumber, Reconsideration decision, String reason, String stepKey) {
    ApplicationEntity a = application(caseNumber);
    String decider =
        caseFiles.lastCompletedBy(caseNumber, RECONSIDERATION_TASK).orElse(HistoryEntry.SYSTEM);
    if (decider.equals(a.getRefusedBy()) || decider.equals(a.getReviewer())) {
      caseFiles.record(
          caseNumber,
          HistoryEntry.system("职责分离检查", "复核无效", "复核人 " + decider + " 参与了原决定，须由其他有权人员复核", stepKey));
      throw invalidTask(
          HardshipErrors.SEPARATION_OF_DUTIES, "复核人不能是原决定的作出人或审核人（" + decider + "），请由其他有权人员复核");
    }
    if (isBlank(reason) || decision == null) {
      throw invalidTask(HardshipErrors.INVALID_REVIEW, "请选择复核结论（维持或撤销）并写明理由");
    }
    a.reconsidered(decision.name());
    if (decision == Reconsideration.UPHOLD) {
      caseFiles.changeStatusByTaskActor(
          caseNumber,
          CaseStatus.REFUSED,
          RECONSIDERATION_TASK,
          "复核",
          "维持不予帮扶",
          reason.strip(),
          stepKey);
      notifyApplicant(caseNumber, "RECONSIDERATION_UPHELD", stepKey + ":notice");
    } else {
      caseFiles.recordByTaskActor(
          caseNumber, RECONSIDERATION_TASK, "复核", "撤销不予帮扶决定，重新审核", reason.strip(), stepKey);
    }
    return new ReconsiderationOutput(decision.name(), true, "");
  }

  /** The period to ask for 复核 ran out: the refusal stands. */
  void refusalFinal(String caseNumber, String stepKey) {
    application(caseNumber).reconsidered("LAPSED");
    caseFiles.record(
        caseNumber, HistoryEntry.system("复核申请期限届满", "不予帮扶决定生效", "申请人未在期限内申请复核", stepKey));
  }

  void closeCase(String caseNumber, String stepKey) {
    caseFiles.changeStatus(
        caseNumber, CaseStatus.FOLLOW_UP, HistoryEntry.system("结案", "已结案，30日后回访", null, stepKey));
    clocks.stop(caseNumber, Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
  }

  void closeWithdrawn(String caseNumber, String stepKey) {
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.WITHDRAWN,
        HistoryEntry.system("补正期限届满", "终止办理", "申请人逾期未提交补正材料", stepKey));
    clocks.stop(caseNumber, Clocks.CASE_CLOCK, HistoryEntry.SYSTEM);
  }

  void recordFollowUp(String caseNumber, String notes, String stepKey) {
    caseFiles.changeStatusByTaskActor(
        caseNumber, CaseStatus.CLOSED, FOLLOW_UP_TASK, "回访", "已回访", notes, stepKey);
  }

  private ApplicationEntity application(String caseNumber) {
    return applications
        .findByCaseNumber(caseNumber)
        .orElseThrow(
            () -> new IllegalStateException("no assistance application for " + caseNumber));
  }

  private static StepOutcome invalidTask(String code, String notice) {
    return new StepOutcome(code, notice, Map.of("taskNotice", notice));
  }

  private String year(CaseView c) {
    return String.valueOf(Formats.chinaDate(c.filedAt()).getYear());
  }

  private static String outcomeLabel(ApplicationEntity e) {
    return e.getOutcome() == null ? "（办理中）" : "REFUSED".equals(e.getOutcome()) ? "（不予帮扶）" : "（已批准）";
  }

  /** The notice's title as the applicant's own lookup lists it. */
  private static String noticeTitle(String notice) {
    return switch (notice) {
      case "APPROVED" -> "困难帮扶批准告知";
      case "REFUSED" -> "不予帮扶告知书";
      case "RECONSIDERATION_UPHELD" -> "复核决定告知";
      case "MISSING_MATERIALS" -> "补正材料告知";
      default -> "困难帮扶办理告知";
    };
  }

  private static String noticeLabel(String notice) {
    return switch (notice) {
      case "APPROVED" -> "已发送批准告知";
      case "REFUSED" -> "已发送不予帮扶告知书";
      case "RECONSIDERATION_UPHELD" -> "已发送复核决定告知";
      case "MISSING_MATERIALS" -> "已发送一次性补正告知";
      default -> notice;
    };
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
