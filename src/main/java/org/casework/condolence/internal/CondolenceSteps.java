package org.casework.condolence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.common.Formats;
import org.casework.common.StepOutcome;
import org.casework.condolence.CondolenceErrors;
import org.casework.condolence.internal.CondolenceDecisions.Approval;
import org.casework.condolence.internal.CondolenceDecisions.Confirmation;
import org.casework.condolence.internal.CondolenceVariables.Accepted;
import org.casework.condolence.internal.CondolenceVariables.ApprovalInput;
import org.casework.condolence.internal.CondolenceVariables.ConfirmationInput;
import org.casework.condolence.internal.CondolenceVariables.DuplicateOutput;
import org.casework.condolence.internal.CondolenceVariables.Groups;
import org.casework.condolence.internal.CondolenceVariables.LoadedVisit;
import org.casework.condolence.internal.CondolenceVariables.PaymentOutput;
import org.casework.condolence.internal.CondolenceVariables.VisitFacts;
import org.casework.condolence.internal.CondolenceVariables.VisitInput;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.DuplicateCheck;
import org.casework.ledger.DuplicateQuery;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of bpmn/condolence.bpmn does to the records. Idempotent: history lines carry the
 * step key, the payment goes through the ledger's business key.
 */
@Service
@Transactional(noRollbackFor = StepOutcome.class)
class CondolenceSteps {

  static final String CONFIRM_TASK = "Task_TownshipConfirmation";
  static final String APPROVAL_TASK = "Task_CountyApproval";
  static final String VISIT_TASK = "Task_RecordVisit";

  private final CaseFiles caseFiles;
  private final VisitRepository visits;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final Ledger ledger;
  private final Clock clock;

  CondolenceSteps(
      CaseFiles caseFiles,
      VisitRepository visits,
      Registry registry,
      Jurisdiction jurisdiction,
      Ledger ledger,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.visits = visits;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.ledger = ledger;
    this.clock = clock;
  }

  LoadedVisit load(String caseNumber, String processInstanceId) {
    var found = caseFiles.find(caseNumber);
    var visit = visits.findByCaseNumber(caseNumber);
    if (found.isEmpty()
        || visit.isEmpty()
        || !caseFiles.claimProcessInstance(caseNumber, processInstanceId)) {
      throw new StepOutcome(
          CondolenceErrors.CASE_MISSING,
          "case " + caseNumber + " missing or owned by another instance",
          Map.of());
    }
    CaseView c = found.get();
    VisitEntity v = visit.get();
    PersonView person = registry.person(v.getPersonId());
    RegionCode township = new RegionCode(c.townshipCode());
    String village =
        c.villageCode() == null ? "" : jurisdiction.region(new RegionCode(c.villageCode())).name();
    String household =
        person.householdMembers().isEmpty()
            ? "无登记共同生活家庭成员"
            : person.householdMembers().stream()
                .map(m -> m.relation() + " " + m.name())
                .collect(Collectors.joining("、"));
    VisitFacts facts =
        new VisitFacts(
            caseNumber,
            person.name() + (person.isDeceased() ? "（已故）" : ""),
            person.maskedIdNumber(),
            person.category().label(),
            jurisdiction.region(township).name(),
            village,
            household,
            v.getTrigger().label(),
            v.getDescription(),
            Formats.yuan(v.getAmount()),
            v.getRequestedBy());
    Groups groups =
        new Groups(
            CandidateGroups.of(township, Role.TOWNSHIP_CASEWORKER),
            CandidateGroups.of(township.county(), Role.COUNTY_APPROVER));
    return new LoadedVisit(facts, groups, v.getAmount());
  }

  Accepted recordConfirmation(ConfirmationInput in, Confirmation decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择：确认慰问或不予慰问");
    }
    switch (decision) {
      case CONFIRM -> {
        visit(in.caseNumber()).confirmed(actor(in.caseNumber(), CONFIRM_TASK));
        record(in.caseNumber(), CONFIRM_TASK, "乡镇确认", "确认慰问", in.confirmNote(), stepKey);
        return new Accepted("");
      }
      case DECLINE -> {
        if (isBlank(in.confirmNote())) {
          throw invalidTask("不予慰问须写明理由");
        }
        throw declined(in.confirmNote().strip());
      }
      default -> throw new IllegalStateException("confirmation " + decision);
    }
  }

  DuplicateOutput checkDuplicates(String caseNumber) {
    VisitEntity v = visit(caseNumber);
    CaseView c = caseFiles.get(caseNumber);
    DuplicateCheck check =
        ledger.checkDuplicates(
            new DuplicateQuery(
                caseNumber,
                v.getPersonId(),
                Programme.CONDOLENCE,
                v.getTrigger().ledgerCause(),
                period(c),
                c.townshipCode()));
    if (check.blocked()) {
      throw declined(check.message());
    }
    return new DuplicateOutput(check.found() ? check.message() : "无", "");
  }

  Accepted recordApproval(ApprovalInput in, Approval decision, String stepKey) {
    if (decision == null) {
      throw invalidTask("请选择审批意见：同意或不予批准");
    }
    switch (decision) {
      case APPROVE -> {
        visit(in.caseNumber()).approved(actor(in.caseNumber(), APPROVAL_TASK));
        record(
            in.caseNumber(),
            APPROVAL_TASK,
            "县局审批",
            "同意，慰问金 " + Formats.yuan(visit(in.caseNumber()).getAmount()),
            in.approvalReason(),
            stepKey);
        return new Accepted("");
      }
      case REFUSE -> {
        if (isBlank(in.approvalReason())) {
          throw invalidTask("不予批准须写明理由");
        }
        throw declined(in.approvalReason().strip());
      }
      default -> throw new IllegalStateException("approval " + decision);
    }
  }

  Accepted recordVisit(VisitInput in, String stepKey) {
    if (isBlank(in.visitedBy()) || isBlank(in.handedOver())) {
      throw invalidTask("请填写走访人员和慰问物品/慰问金发放情况");
    }
    LocalDate on;
    try {
      on = LocalDate.parse(in.visitedOn() == null ? "" : in.visitedOn().strip());
    } catch (DateTimeParseException e) {
      throw invalidTask("走访日期格式应为 年-月-日");
    }
    if (on.isAfter(Formats.chinaDate(clock.instant()))) {
      throw invalidTask("走访日期不能晚于今天");
    }
    if (in.visitedBy().length() > 255
        || in.handedOver().length() > 500
        || (in.receiptRef() != null && in.receiptRef().length() > 255)) {
      throw invalidTask("走访人员、慰问物品或凭证编号过长");
    }
    VisitEntity v = visit(in.caseNumber());
    v.visited(
        in.visitedBy().strip(),
        on,
        in.handedOver().strip(),
        isBlank(in.receiptRef()) ? null : in.receiptRef().strip());
    record(
        in.caseNumber(),
        VISIT_TASK,
        "走访慰问",
        Formats.date(on) + " 由 " + in.visitedBy().strip() + " 走访",
        in.handedOver().strip()
            + (isBlank(in.receiptRef()) ? "" : "；凭证 " + in.receiptRef().strip()),
        stepKey);
    return new Accepted("");
  }

  PaymentOutput pay(String caseNumber, String stepKey) {
    VisitEntity v = visit(caseNumber);
    CaseView c = caseFiles.get(caseNumber);
    Disbursement d =
        ledger.disburse(
            new DisbursementRequest(
                caseNumber,
                v.getPersonId(),
                v.getPersonId(),
                Programme.CONDOLENCE,
                "CONDOLENCE_" + v.getTrigger().name(),
                v.getTrigger().ledgerCause(),
                period(c),
                v.getAmount(),
                c.townshipCode()));
    v.paid(d.disbursementId());
    caseFiles.changeStatus(
        caseNumber,
        CaseStatus.PAID,
        HistoryEntry.system(
            "发放慰问金", Formats.yuan(d.amount()) + "（" + d.disbursementId() + "）", null, stepKey));
    return new PaymentOutput(d.disbursementId(), d.amount());
  }

  void close(String caseNumber, String stepKey) {
    caseFiles.changeStatus(
        caseNumber, CaseStatus.CLOSED, HistoryEntry.system("结案", "已结案", null, stepKey));
  }

  void closeDeclined(String caseNumber, String reason, String stepKey) {
    caseFiles.changeStatus(
        caseNumber, CaseStatus.DECLINED, HistoryEntry.system("结案", "不予慰问", reason, stepKey));
  }

  private VisitEntity visit(String caseNumber) {
    return visits
        .findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("no condolence visit for " + caseNumber));
  }

  private String period(CaseView c) {
    return String.valueOf(Formats.chinaDate(c.filedAt()).getYear());
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

  private static StepOutcome invalidTask(String notice) {
    return new StepOutcome(CondolenceErrors.INVALID_INPUT, notice, Map.of("taskNotice", notice));
  }

  private static StepOutcome declined(String reason) {
    return new StepOutcome(CondolenceErrors.DECLINED, reason, Map.of("declineReason", reason));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
