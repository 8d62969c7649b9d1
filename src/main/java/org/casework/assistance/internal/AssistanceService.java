package org.casework.assistance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casework.assistance.ApplicationView;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.AssistancePolicy;
import org.casework.assistance.HardshipAssistance;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.OpenCase;
import org.casework.casefile.Receipt;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AssistanceService implements HardshipAssistance {

  static final String MATERIALS_SUBMITTED = "hardship.materials-submitted";
  static final String PUBLICITY_OBJECTION = "hardship.publicity-objection";
  static final String RECONSIDERATION_REQUESTED = "hardship.reconsideration-requested";

  private static final Logger log = LoggerFactory.getLogger(AssistanceService.class);
  private static final Set<Role> MAY_FILE =
      EnumSet.of(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER);

  private final Jurisdiction jurisdiction;
  private final Registry registry;
  private final CaseFiles caseFiles;
  private final ApplicationRepository applications;
  private final PolicyLookup policies;
  private final Clock clock;
  private final ScopeGuard scopeGuard;

  AssistanceService(
      Jurisdiction jurisdiction,
      Registry registry,
      CaseFiles caseFiles,
      ApplicationRepository applications,
      PolicyLookup policies,
      Clock clock,
      ScopeGuard scopeGuard) {
    this.jurisdiction = jurisdiction;
    this.registry = registry;
    this.caseFiles = caseFiles;
    this.applications = applications;
    this.policies = policies;
    this.clock = clock;
    this.scopeGuard = scopeGuard;
  }

  @Override
  @Transactional
  public CaseView apply(ApplyForAssistance a) {
    return file(a, filingOfficer(a.filedBy()), null);
  }

  @Override
  @Transactional
  public CaseView apply(ApplyForAssistance a, String idempotencyKey) {
    return file(a, filingOfficer(a.filedBy()), idempotencyKey);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseView> filedWithKey(String filedBy, String idempotencyKey) {
    return applications
        .findByFiledByAndIdempotencyKey(filedBy, idempotencyKey)
        .map(e -> caseFiles.get(e.getCaseNumber()));
  }

  /**
   * An application that came in through another case (a petition that is really a hardship matter):
   * filed on behalf of the township by the officer who referred it, who need not be a filing role
   * but must be enabled and cover the applicant's place. Otherwise filed and checked exactly like
   * {@link #apply} (duplicate cause, maximum, region).
   */
  @Transactional
  CaseView applyReferred(ApplyForAssistance a, String referredBy) {
    StaffMember officer =
        jurisdiction
            .staff(referredBy)
            .filter(StaffMember::enabled)
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "OFFICER_UNKNOWN", "经办人账号不存在或已停用", "no enabled staff " + referredBy));
    return file(a.filedBy(officer.username()), officer, null);
  }

  private CaseView file(ApplyForAssistance a, StaffMember officer, String idempotencyKey) {
    IdNumber idNumber = IdNumber.parse(a.applicant().idNumber());
    RegionCode township = RegionCode.parse(a.applicant().townshipCode());
    RegionCode place =
        hasText(a.applicant().villageCode())
            ? RegionCode.parse(a.applicant().villageCode())
            : township;
    jurisdiction.region(township);
    jurisdiction.region(place);
    scopeGuard.require(RegionScope.of(officer), place, null, "登记困难帮扶申请");
    AssistancePolicy policy = policies.forRegion(township);
    if (a.amountRequested().compareTo(policy.maxAmount()) > 0) {
      throw BusinessRuleException.invalid(
          "AMOUNT_ABOVE_MAXIMUM",
          "申请金额超过本地区困难帮扶单次上限 " + Formats.yuan(policy.maxAmount()),
          "amount " + a.amountRequested() + " > max " + policy.maxAmount());
    }
    PersonView person = registry.register(a.applicant(), RegionScope.of(officer));
    if (!person.name().equals(a.applicant().name().strip())) {
      throw BusinessRuleException.invalid(
          "ID_NUMBER_NAME_MISMATCH",
          "该身份证号已登记在另一姓名下，请核对申请人姓名和身份证号",
          "name differs from the registered person " + person.id() + " for " + idNumber);
    }
    int year = Formats.chinaDate(clock.instant()).getYear();
    List<ApplicationEntity> earlier = applications.findSameCause(person.id(), a.cause(), year, "");
    if (!earlier.isEmpty()) {
      throw BusinessRuleException.conflict(
          "DUPLICATE_APPLICATION",
          "该申请人今年已因“"
              + a.cause().label()
              + "”申请过帮扶（案件 "
              + earlier.getFirst().getCaseNumber()
              + "），同一事由同一年度不能重复申请",
          "person "
              + person.id()
              + " already applied for "
              + a.cause()
              + " in "
              + year
              + ": "
              + earlier.getFirst().getCaseNumber());
    }
    String title = "困难帮扶申请：" + a.cause().label() + "，申请金额 " + Formats.yuan(a.amountRequested());
    CaseView opened =
        caseFiles.open(
            new OpenCase(
                CaseType.HARDSHIP,
                township.value(),
                hasText(a.applicant().villageCode()) ? place.value() : null,
                person.id(),
                title,
                officer.username(),
                officer.role().name()));
    ApplicationEntity application =
        new ApplicationEntity(
            opened.id(),
            opened.caseNumber(),
            person.id(),
            a.cause(),
            year,
            a.description().strip(),
            a.amountRequested().setScale(2, RoundingMode.HALF_UP),
            a.emergency(),
            person.householdSize(),
            a.monthlyIncome().setScale(2, RoundingMode.HALF_UP));
    if (idempotencyKey != null) {
      application.submittedWithKey(officer.username(), idempotencyKey);
    }
    // IDENTITY ids: the insert (and so the unique key) is checked here, inside the transaction
    applications.saveAndFlush(application);
    return opened;
  }

  @Override
  @Transactional
  public void materialsSubmitted(String caseNumber, String note, String receivedBy) {
    caseFiles.receive(
        Receipt.materials(
            caseNumber,
            receivingOfficer(receivedBy),
            CaseType.HARDSHIP,
            note,
            MATERIALS_SUBMITTED));
  }

  @Override
  @Transactional
  public void objectionLodged(String caseNumber, String objection, String receivedBy) {
    receive(
        caseNumber,
        receivedBy,
        CaseStatus.IN_PUBLICITY,
        "NOT_IN_PUBLICITY",
        "案件 " + caseNumber + " 当前不在公示期，不能登记公示异议",
        "登记公示异议",
        "退回审核",
        objection,
        PUBLICITY_OBJECTION);
  }

  @Override
  @Transactional
  public void reconsiderationRequested(String caseNumber, String reason, String receivedBy) {
    // region first: nothing about a case outside the officer's region is told
    caseFiles.get(caseNumber, RegionScope.of(receivingOfficer(receivedBy)));
    ApplicationEntity a =
        applications
            .findByCaseNumber(caseNumber)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "APPLICATION_UNKNOWN",
                        "未找到案件 " + caseNumber + " 的帮扶申请",
                        "no application " + caseNumber));
    if ("LAPSED".equals(a.getReconsiderationOutcome())) {
      throw BusinessRuleException.conflict(
          "RECONSIDERATION_LAPSED",
          "案件 " + caseNumber + " 的复核申请期限已过，不予帮扶决定已生效",
          "reconsideration period of " + caseNumber + " lapsed");
    }
    if (a.getReconsiderationRequestedAt() != null) {
      throw BusinessRuleException.conflict(
          "RECONSIDERATION_USED",
          "案件 "
              + caseNumber
              + " 已于 "
              + Formats.dateTime(a.getReconsiderationRequestedAt())
              + " 申请过复核，每案限一次",
          "reconsideration of " + caseNumber + " already requested");
    }
    receive(
        caseNumber,
        receivedBy,
        CaseStatus.REFUSED,
        "NOT_REFUSED",
        "案件 " + caseNumber + " 不是不予帮扶状态，不能申请复核",
        "登记复核申请",
        "转县局复核",
        reason,
        RECONSIDERATION_REQUESTED);
    a.reconsiderationRequested(clock.instant());
  }

  /**
   * Something the applicant or the public hands in while the case waits: checked against the
   * receiving officer's region and the case's status, recorded, then correlated to the process.
   */
  private void receive(
      String caseNumber,
      String receivedBy,
      CaseStatus expected,
      String wrongStatusCode,
      String wrongStatusMessage,
      String action,
      String outcome,
      String text,
      String message) {
    caseFiles.receive(
        new Receipt(
            caseNumber,
            receivingOfficer(receivedBy),
            CaseType.HARDSHIP,
            expected,
            wrongStatusCode,
            wrongStatusMessage,
            action,
            outcome,
            text,
            message));
  }

  @Override
  @Transactional(readOnly = true)
  public ApplicationView application(String caseNumber, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    return application(caseNumber);
  }

  @Override
  @Transactional(readOnly = true)
  public ApplicationView application(String caseNumber) {
    ApplicationEntity a =
        applications
            .findByCaseNumber(caseNumber)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "APPLICATION_UNKNOWN",
                        "未找到案件 " + caseNumber + " 的帮扶申请",
                        "no application " + caseNumber));
    return new ApplicationView(
        a.getCaseNumber(),
        a.getCause(),
        a.getDescription(),
        a.getAmountRequested(),
        a.getApprovedAmount(),
        a.getEmergencyPaid(),
        a.isEmergency(),
        a.getHouseholdSize(),
        a.getMonthlyIncome(),
        a.getReviewer(),
        a.getOutcome(),
        a.getRefusalReason(),
        a.getDuplicateOf());
  }

  private StaffMember receivingOfficer(String username) {
    return jurisdiction
        .staff(username)
        .filter(StaffMember::enabled)
        .orElseThrow(
            () ->
                BusinessRuleException.forbidden(
                    "OFFICER_UNKNOWN", "经办人账号不存在或已停用", "no enabled staff " + username));
  }

  private StaffMember filingOfficer(String username) {
    StaffMember officer =
        jurisdiction
            .staff(username)
            .filter(StaffMember::enabled)
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "OFFICER_UNKNOWN", "经办人账号不存在或已停用", "no enabled staff " + username));
    if (!MAY_FILE.contains(officer.role())) {
      throw BusinessRuleException.forbidden(
          "OFFICER_MAY_NOT_FILE",
          "只有村联络员和乡镇经办人可以登记困难帮扶申请",
          username + " has role " + officer.role());
    }
    return officer;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  static BigDecimal money(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
  }
}
