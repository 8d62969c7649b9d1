package org.casework.legalaid.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
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
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.ConsultationCount;
import org.casework.legalaid.ConsultationView;
import org.casework.legalaid.HardshipCheck;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LegalAidView;
import org.casework.legalaid.LogConsultation;
import org.casework.legalaid.MatterType;
import org.casework.legalaid.internal.LegalAidStore.Application;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class LegalAidService implements LegalAid {

  static final String MATERIALS_SUBMITTED = "legalaid.materials-submitted";
  static final String OBJECTION_LODGED = "legalaid.objection-lodged";

  private static final Logger log = LoggerFactory.getLogger(LegalAidService.class);

  /** Legal-aid workstations (county desk) and liaison points (township and village stations). */
  private static final Set<Role> MAY_FILE =
      EnumSet.of(Role.LEGAL_AID_OFFICER, Role.TOWNSHIP_CASEWORKER, Role.VILLAGE_LIAISON);

  private final Jurisdiction jurisdiction;
  private final Registry registry;
  private final CaseFiles caseFiles;
  private final LegalAidStore store;
  private final Clock clock;
  private final ScopeGuard scopeGuard;
  private final DutyRosterService roster;

  LegalAidService(
      Jurisdiction jurisdiction,
      Registry registry,
      CaseFiles caseFiles,
      LegalAidStore store,
      Clock clock,
      ScopeGuard scopeGuard,
      DutyRosterService roster) {
    this.roster = roster;
    this.jurisdiction = jurisdiction;
    this.registry = registry;
    this.caseFiles = caseFiles;
    this.store = store;
    this.clock = clock;
    this.scopeGuard = scopeGuard;
  }

  @Override
  @Transactional
  public CaseView apply(ApplyForLegalAid a) {
    return file(a, officer(a.filedBy(), true));
  }

  /**
   * An application that came in through another case (a petition that is really a legal dispute):
   * filed by the officer who referred it, who need not be a legal-aid desk but must be enabled and
   * cover the applicant's place; otherwise checked exactly like {@link #apply}.
   */
  @Transactional
  CaseView applyReferred(ApplyForLegalAid a, String referredBy) {
    StaffMember officer = officer(referredBy, false);
    return file(a.filedBy(officer.username()), officer);
  }

  private CaseView file(ApplyForLegalAid a, StaffMember officer) {
    IdNumber.parse(a.applicant().idNumber());
    RegionCode township = RegionCode.parse(a.applicant().townshipCode());
    RegionCode place =
        hasText(a.applicant().villageCode())
            ? RegionCode.parse(a.applicant().villageCode())
            : township;
    jurisdiction.region(township);
    jurisdiction.region(place);
    scopeGuard.require(RegionScope.of(officer), place, null, "登记法律援助申请");
    LocalDate today = Formats.chinaDate(clock.instant());
    requireNotPast(a.hearingDate(), today, "HEARING_DATE_PAST", "开庭日期不能早于今天");
    requireNotPast(a.limitationDate(), today, "LIMITATION_DATE_PAST", "时效届满日期不能早于今天");
    if (a.consultationId() != null) {
      ConsultationView c = consultation(a.consultationId(), RegionScope.of(officer));
      if (c.caseNumber() != null) {
        throw BusinessRuleException.conflict(
            "CONSULTATION_ALREADY_APPLIED",
            "该咨询已转为法律援助申请（案件 " + c.caseNumber() + "），不能重复转申请",
            "consultation " + c.id() + " already became " + c.caseNumber());
      }
    }
    PersonView person = registry.register(a.applicant(), RegionScope.of(officer));
    if (!person.name().equals(a.applicant().name().strip())) {
      throw BusinessRuleException.invalid(
          "ID_NUMBER_NAME_MISMATCH",
          "该身份证号已登记在另一姓名下，请核对申请人姓名和身份证号",
          "name differs from the registered person " + person.id());
    }
    String opposing = a.opposingParty().strip();
    if (LegalAidStore.nameKey(opposing).equals(LegalAidStore.nameKey(person.name()))) {
      throw BusinessRuleException.invalid(
          "OPPOSING_PARTY_IS_APPLICANT", "对方当事人不能是申请人本人", "opposing party = applicant");
    }
    // eligibility looks at the matter and the person's group only (never at petitions)
    Eligibility eligibility = eligibility(township.value(), a.matterType(), person.category());
    LocalDate nearest =
        Stream.of(a.hearingDate(), a.limitationDate())
            .filter(d -> d != null)
            .min(LocalDate::compareTo)
            .orElse(null);
    int urgentDays = store.regionPolicy(township.value()).urgentDays();
    boolean urgent = nearest != null && ChronoUnit.DAYS.between(today, nearest) < urgentDays;

    CaseView opened =
        caseFiles.open(
            new OpenCase(
                CaseType.LEGAL_AID,
                township.value(),
                hasText(a.applicant().villageCode()) ? place.value() : null,
                person.id(),
                "法律援助申请：" + a.matterType().label() + (urgent ? "（先行援助）" : ""),
                officer.username(),
                officer.role().name()));
    store.insertApplication(
        opened.id(),
        opened.caseNumber(),
        person.id(),
        a.matterType(),
        a.matterSummary().strip(),
        opposing,
        a.hearingDate(),
        a.limitationDate(),
        hasText(a.materialsPresent()) ? a.materialsPresent().strip() : null,
        urgent,
        eligibility.check(),
        eligibility.ground(),
        a.consultationId(),
        clock.instant());
    store.insertParty(opened.caseNumber(), "APPLICANT", person.name(), person.id());
    store.insertParty(opened.caseNumber(), "OPPOSING", opposing, null);
    if (a.consultationId() != null
        && !store.linkConsultation(a.consultationId(), opened.caseNumber())) {
      throw BusinessRuleException.conflict(
          "CONSULTATION_ALREADY_APPLIED",
          "该咨询已转为法律援助申请，不能重复转申请",
          "consultation " + a.consultationId() + " linked concurrently");
    }
    caseFiles.record(
        opened.caseNumber(),
        HistoryEntry.system(
            "经济困难条件", eligibility.check().label(), eligibility.ground(), "legalaid:eligibility"));
    if (urgent) {
      caseFiles.record(
          opened.caseNumber(),
          HistoryEntry.system(
              "先行援助",
              "先指派后审查",
              "开庭或时效届满日 " + Formats.date(nearest) + " 距今不足 " + urgentDays + " 日",
              "legalaid:urgent"));
    }
    return opened;
  }

  record Eligibility(HardshipCheck check, String ground) {}

  /** Rules as data: a matter row exempts from the check, a category row waives verification. */
  Eligibility eligibility(String township, MatterType matter, PersonCategory category) {
    return store
        .hardshipRule(township, "MATTER", matter.name())
        .map(g -> new Eligibility(HardshipCheck.EXEMPT, g))
        .or(
            () ->
                store
                    .hardshipRule(township, "CATEGORY", category.name())
                    .map(g -> new Eligibility(HardshipCheck.WAIVED, g)))
        .orElseGet(
            () ->
                new Eligibility(
                    HardshipCheck.REQUIRED, "申请人（" + category.label() + "）不在免予核查范围，须核查经济困难状况"));
  }

  @Override
  @Transactional
  public ConsultationView logConsultation(LogConsultation c) {
    return logConsultation(c, null);
  }

  @Override
  @Transactional
  public ConsultationView logConsultation(LogConsultation c, Long dutyId) {
    StaffMember officer = officer(c.loggedBy(), true);
    RegionCode township = RegionCode.parse(c.townshipCode());
    RegionCode place = hasText(c.villageCode()) ? RegionCode.parse(c.villageCode()) : township;
    jurisdiction.region(township);
    jurisdiction.region(place);
    if (!place.value().startsWith(township.value()) || township.value().length() != 9) {
      throw BusinessRuleException.invalid(
          "REGION_MISMATCH", "村（社区）不属于所填乡镇（街道）", "place " + place + " not under " + township);
    }
    scopeGuard.require(RegionScope.of(officer), place, null, "登记法律咨询");
    if (dutyId != null) {
      var duty =
          roster
              .activeDuty(dutyId, township.value().substring(0, 6))
              .filter(d -> !d.date().isAfter(Formats.chinaDate(clock.instant())))
              .orElseThrow(
                  () ->
                      BusinessRuleException.invalid(
                          "DUTY_MISMATCH",
                          "所选值班不属于本县（区）、已删除或尚未到值班日期",
                          "duty " + dutyId + " not an active past duty of " + township));
      log.info("consultation taken on duty {} ({})", duty.id(), duty.label());
    }
    Long personId = null;
    if (hasText(c.idNumber())) {
      personId =
          registry
              .findByIdNumber(IdNumber.parse(c.idNumber()), RegionScope.of(officer))
              .map(PersonView::id)
              .orElse(null);
    }
    long id =
        store.insertConsultation(
            township.value(),
            place.value(),
            c.visitorName().strip(),
            personId,
            c.topic(),
            c.question().strip(),
            c.answer().strip(),
            officer.username(),
            clock.instant(),
            dutyId);
    log.info("consultation {} logged by {} in {}", id, officer.username(), place);
    return store.consultation(id).orElseThrow();
  }

  @Override
  @Transactional
  public CaseView applyFromConsultation(long consultationId, ApplyForLegalAid application) {
    return apply(application.fromConsultation(consultationId));
  }

  @Override
  @Transactional(readOnly = true)
  public List<ConsultationView> consultations(RegionScope scope, int limit) {
    return store.consultations(scope.prefix(), Math.max(1, Math.min(limit, 200)));
  }

  @Override
  @Transactional(readOnly = true)
  public org.casework.common.web.Paged<ConsultationView> consultationsPage(
      RegionScope scope, org.casework.common.web.PageParams page) {
    return store.consultationsPage(scope.prefix(), page);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ConsultationCount> consultationStatistics(
      RegionScope scope, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw BusinessRuleException.invalid(
          "PERIOD_INVALID", "统计期间不正确：截止日期不能早于起始日期", "from " + from + " to " + to);
    }
    return store.consultationCounts(
        scope.prefix(),
        from.atStartOfDay(Formats.CHINA).toInstant(),
        to.plusDays(1).atStartOfDay(Formats.CHINA).toInstant());
  }

  private ConsultationView consultation(long id, RegionScope scope) {
    ConsultationView c =
        store
            .consultation(id)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "CONSULTATION_UNKNOWN", "未找到该法律咨询记录", "no consultation " + id));
    scopeGuard.require(scope, new RegionCode(c.regionCode()), null, "将法律咨询转为申请");
    return c;
  }

  @Override
  @Transactional
  public void materialsSubmitted(String caseNumber, String note, String receivedBy) {
    caseFiles.receive(
        Receipt.materials(
            caseNumber, officer(receivedBy, false), CaseType.LEGAL_AID, note, MATERIALS_SUBMITTED));
  }

  @Override
  @Transactional
  public void objectionLodged(String caseNumber, String objection, String receivedBy) {
    caseFiles.get(caseNumber, RegionScope.of(officer(receivedBy, false)));
    Application a = loaded(caseNumber);
    if (a.objection() != null) {
      throw BusinessRuleException.conflict(
          "OBJECTION_ALREADY_LODGED",
          "案件 " + caseNumber + " 已提出过异议，正在或已经审查",
          "objection already lodged");
    }
    caseFiles.receive(
        new Receipt(
            caseNumber,
            officer(receivedBy, false),
            CaseType.LEGAL_AID,
            CaseStatus.AID_REFUSED,
            "NOT_REFUSED",
            "案件 " + caseNumber + " 不是不予法律援助决定，不能登记异议",
            "收到异议",
            "转司法行政部门审查",
            objection,
            OBJECTION_LODGED));
    store.objection(caseNumber, objection.strip());
  }

  @Override
  @Transactional(readOnly = true)
  public LegalAidView application(String caseNumber, RegionScope scope) {
    CaseView c = caseFiles.get(caseNumber, scope);
    if (c.type() != CaseType.LEGAL_AID) {
      throw BusinessRuleException.notFound(
          "NOT_LEGAL_AID", "案件 " + caseNumber + " 不是法律援助案件", "type " + c.type());
    }
    return application(caseNumber);
  }

  @Override
  @Transactional(readOnly = true)
  public LegalAidView application(String caseNumber) {
    Application a = loaded(caseNumber);
    return new LegalAidView(
        a.caseNumber(),
        a.matterType(),
        a.matterSummary(),
        a.opposingParty(),
        a.hearingDate(),
        a.limitationDate(),
        a.urgent(),
        a.hardshipCheck(),
        a.hardshipGround(),
        a.materialsRequested(),
        a.missingMaterials(),
        a.decision(),
        a.decisionReason(),
        a.objectionOutcome(),
        a.lawyer(),
        a.terminationGround(),
        a.terminationReason(),
        a.outcome(),
        a.moneyRecovered(),
        a.satisfaction());
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<String, String> satisfactions(java.util.Collection<String> caseNumbers) {
    return store.satisfactions(caseNumbers);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> casesOf(long personId) {
    return store.casesOf(personId);
  }

  @Override
  @Transactional
  public void registerLawyer(String username, boolean legalWorker, String firm) {
    StaffMember s =
        jurisdiction
            .staff(username)
            .filter(m -> m.role() == Role.LEGAL_AID_LAWYER)
            .orElseThrow(
                () ->
                    BusinessRuleException.invalid(
                        "LAWYER_NOT_STAFF",
                        "承办律师须先登记为系统用户（角色：法律援助承办律师）",
                        "no LEGAL_AID_LAWYER staff " + username));
    store.upsertLawyer(s.username(), legalWorker, firm);
  }

  @Override
  @Transactional
  public void waiveVerificationFor(String regionCode, PersonCategory category, String ground) {
    RegionCode region = RegionCode.parse(regionCode);
    jurisdiction.region(region);
    store.upsertHardshipRule(region.value(), "CATEGORY", category.name(), ground);
  }

  private Application loaded(String caseNumber) {
    return store
        .application(caseNumber)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "APPLICATION_UNKNOWN",
                    "未找到案件 " + caseNumber + " 的法律援助申请",
                    "no legal-aid application " + caseNumber));
  }

  private StaffMember officer(String username, boolean filing) {
    StaffMember officer =
        jurisdiction
            .staff(username)
            .filter(StaffMember::enabled)
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "OFFICER_UNKNOWN", "经办人账号不存在或已停用", "no enabled staff " + username));
    if (filing && !MAY_FILE.contains(officer.role())) {
      throw BusinessRuleException.forbidden(
          "OFFICER_MAY_NOT_FILE",
          "只有法律援助工作站、乡镇经办人和村联络员可以登记法律咨询和法律援助申请",
          username + " has role " + officer.role());
    }
    return officer;
  }

  private static void requireNotPast(LocalDate d, LocalDate today, String code, String message) {
    if (d != null && d.isBefore(today)) {
      throw BusinessRuleException.invalid(code, message, code + ": " + d + " < " + today);
    }
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
