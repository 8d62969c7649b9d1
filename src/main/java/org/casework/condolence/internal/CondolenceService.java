package org.casework.condolence.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.casefile.OpenCase;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.condolence.CampaignView;
import org.casework.condolence.Condolence;
import org.casework.condolence.DefineCampaign;
import org.casework.condolence.RequestVisit;
import org.casework.condolence.VisitTrigger;
import org.casework.condolence.VisitView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonDied;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CondolenceService implements Condolence {

  private static final Logger log = LoggerFactory.getLogger(CondolenceService.class);
  private static final Set<Role> MAY_REQUEST =
      EnumSet.of(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);

  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final CaseFiles caseFiles;
  private final VisitRepository visits;
  private final AmountTable amounts;
  private final CampaignService campaigns;
  private final Clock clock;
  private final ScopeGuard scopeGuard;

  CondolenceService(
      Registry registry,
      Jurisdiction jurisdiction,
      CaseFiles caseFiles,
      VisitRepository visits,
      AmountTable amounts,
      CampaignService campaigns,
      Clock clock,
      ScopeGuard scopeGuard) {
    this.scopeGuard = scopeGuard;
    this.campaigns = campaigns;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.caseFiles = caseFiles;
    this.visits = visits;
    this.amounts = amounts;
    this.clock = clock;
  }

  @Override
  @Transactional
  public CaseView requestVisit(RequestVisit r) {
    StaffMember officer =
        jurisdiction
            .staff(r.requestedBy().strip())
            .filter(s -> s.enabled() && MAY_REQUEST.contains(s.role()))
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "CONDOLENCE_REQUESTER",
                        "只有村联络员、乡镇经办人或县级经办人可以提出慰问",
                        "user may not request a visit"));
    if (!r.trigger().requestable()) {
      throw BusinessRuleException.invalid(
          "CONDOLENCE_TRIGGER",
          "“" + r.trigger().label() + "”由系统自动发起，不能手工登记",
          "trigger " + r.trigger() + " is automatic");
    }
    PersonView person = registry.person(r.personId());
    RegionCode place =
        RegionCode.parse(
            person.villageCode() != null ? person.villageCode() : person.townshipCode());
    if (!officer.covers(place)) {
      // a forged person id of another region: 403, recorded like every scope refusal
      throw scopeGuard.refuse(
          RegionScope.of(officer), place, null, "提出慰问（服务对象 " + person.id() + "）");
    }
    if (person.isDeceased()) {
      throw BusinessRuleException.invalid(
          "CONDOLENCE_PERSON_DECEASED",
          "该对象已登记去世，丧葬慰问已由系统自动发起",
          "visit requested for deceased person " + person.id());
    }
    return open(person, r.trigger(), r.description().strip(), officer.username(), officer.role());
  }

  /** The funeral-support case for the family; one per deceased person. */
  @Transactional
  void openFuneralSupport(PersonDied died) {
    if (visits.findByDeathOf(died.personId()).isPresent()) {
      log.info("funeral support for person {} already opened", died.personId());
      return;
    }
    PersonView person = registry.person(died.personId());
    String text = person.name() + " 于 " + Formats.date(died.diedOn()) + " 去世，慰问家属并发放丧葬慰问金";
    CaseView opened = open(person, VisitTrigger.DEATH, text, HistoryEntry.SYSTEM, null);
    log.info("funeral support case {} opened for person {}", opened.caseNumber(), person.id());
  }

  private CaseView open(
      PersonView person, VisitTrigger trigger, String description, String by, Role role) {
    BigDecimal amount = amounts.amountFor(person.townshipCode(), trigger, person.category());
    CaseView opened =
        caseFiles.open(
            new OpenCase(
                CaseType.CONDOLENCE,
                person.townshipCode(),
                person.villageCode(),
                person.id(),
                "关怀慰问：" + trigger.label() + "，慰问金 " + Formats.yuan(amount),
                by,
                role == null ? "SYSTEM" : role.name()));
    visits.save(
        new VisitEntity(
            opened.caseNumber(), person.id(), trigger, description, amount, by, clock.instant()));
    return opened;
  }

  @Override
  @Transactional(readOnly = true)
  public VisitView visit(String caseNumber) {
    return visits
        .findByCaseNumber(caseNumber)
        .map(CondolenceService::toView)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "CONDOLENCE_UNKNOWN", "未找到该慰问案件", "no visit for " + caseNumber));
  }

  @Override
  @Transactional(readOnly = true)
  public VisitView visit(String caseNumber, RegionScope scope) {
    caseFiles.get(caseNumber, scope); // the case's region, in the case query: 403 elsewhere
    return visit(caseNumber);
  }

  @Override
  @Transactional(readOnly = true)
  public CampaignView campaign(long id, RegionScope scope) {
    CampaignView c = campaigns.view(id);
    scopeGuard.require(scope, RegionCode.parse(c.countyCode()), null, "查看慰问活动 " + id);
    return c;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<VisitView> funeralSupportFor(long personId) {
    return visits.findByDeathOf(personId).map(CondolenceService::toView);
  }

  private static VisitView toView(VisitEntity v) {
    return new VisitView(
        v.getCaseNumber(),
        v.getPersonId(),
        v.getTrigger(),
        v.getDescription(),
        v.getAmount(),
        v.getRequestedBy(),
        v.getConfirmedBy(),
        v.getApprovedBy(),
        v.getVisitedBy(),
        v.getVisitedOn(),
        v.getHandedOver(),
        v.getReceiptRef(),
        v.getDisbursementId());
  }

  @Override
  public BigDecimal amountFor(String townshipCode, VisitTrigger trigger, PersonCategory category) {
    return amounts.amountFor(townshipCode, trigger, category);
  }

  @Override
  @Transactional
  public void setAmount(
      String regionCode, VisitTrigger trigger, PersonCategory category, BigDecimal amount) {
    amounts.set(regionCode, trigger, category, amount);
  }

  @Override
  public CampaignView defineCampaign(DefineCampaign campaign) {
    return campaigns.define(campaign);
  }

  @Override
  public CampaignView campaign(long id) {
    return campaigns.view(id);
  }
}
