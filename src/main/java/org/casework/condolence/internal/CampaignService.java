package org.casework.condolence.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.condolence.CampaignView;
import org.casework.condolence.DefineCampaign;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.Registry;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines campaigns and starts their process in the same transaction (the engine shares it: a
 * campaign and its instance are committed together or not at all); reads them back with totals.
 */
@Service
class CampaignService {

  static final String PROCESS_ID = "condolence-campaign";
  private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
  private static final Set<Role> MAY_DEFINE =
      EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER, Role.COUNTY_HEAD);
  private static final int DEFAULT_RECENT_VISIT_DAYS = 30;

  private final CampaignRepository campaigns;
  private final CampaignTownshipRepository townships;
  private final CampaignEntryRepository entries;
  private final Jurisdiction jurisdiction;
  private final Registry registry;
  private final RuntimeService runtime;
  private final Clock clock;

  CampaignService(
      CampaignRepository campaigns,
      CampaignTownshipRepository townships,
      CampaignEntryRepository entries,
      Jurisdiction jurisdiction,
      Registry registry,
      RuntimeService runtime,
      Clock clock) {
    this.campaigns = campaigns;
    this.townships = townships;
    this.entries = entries;
    this.jurisdiction = jurisdiction;
    this.registry = registry;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Transactional
  CampaignView define(DefineCampaign d) {
    StaffMember officer =
        jurisdiction
            .staff(d.definedBy().strip())
            .filter(s -> s.enabled() && MAY_DEFINE.contains(s.role()))
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "CAMPAIGN_DEFINER",
                        "节日慰问活动由县级经办人或审批人设立",
                        "user may not define a campaign"));
    RegionCode county = RegionCode.parse(d.countyCode());
    if (county.level() != RegionLevel.COUNTY || !officer.covers(county)) {
      throw BusinessRuleException.forbidden(
          "CAMPAIGN_COUNTY", "只能为本人所在县（区）设立慰问活动", officer.region() + " defined for " + county);
    }
    jurisdiction.region(county);
    Set<String> codes = new LinkedHashSet<>();
    for (String raw : d.townshipCodes()) {
      RegionCode t = RegionCode.parse(raw);
      if (t.level() != RegionLevel.TOWNSHIP || !county.contains(t)) {
        throw BusinessRuleException.invalid(
            "CAMPAIGN_TOWNSHIP", "乡镇（街道）" + t + " 不属于 " + county, t + " not under " + county);
      }
      jurisdiction.region(t);
      codes.add(t.value());
    }
    Map<PersonCategory, BigDecimal> amounts = new EnumMap<>(PersonCategory.class);
    d.amounts()
        .forEach(
            (category, amount) -> {
              if (category == null || amount == null || amount.signum() <= 0) {
                throw BusinessRuleException.invalid(
                    "CAMPAIGN_AMOUNT", "每个慰问类别都要有大于零的慰问金标准", "bad campaign amount");
              }
              amounts.put(category, amount.setScale(2, RoundingMode.HALF_UP));
            });
    if (d.deadline().isBefore(Formats.chinaDate(clock.instant()))) {
      throw BusinessRuleException.invalid(
          "CAMPAIGN_DEADLINE", "名单确认截止日期不能早于今天", "deadline in the past");
    }
    CampaignEntity c =
        campaigns.save(
            new CampaignEntity(
                d.name().strip(),
                d.festival(),
                String.valueOf(Formats.chinaDate(clock.instant()).getYear()),
                county.value(),
                d.budgetLine().strip(),
                d.deadline(),
                d.recentVisitDays() == null ? DEFAULT_RECENT_VISIT_DAYS : d.recentVisitDays(),
                amounts,
                officer.username(),
                clock.instant()));
    codes.forEach(code -> townships.save(new CampaignTownshipEntity(c.getId(), code)));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            PROCESS_ID, c.ledgerKey(), Map.of("campaignId", c.getId()));
    c.claim(instance.getId());
    log.info(
        "campaign {} defined by {} for {} townships, process instance {}",
        c.getId(),
        officer.username(),
        codes.size(),
        instance.getId());
    return view(c);
  }

  @Transactional(readOnly = true)
  CampaignView view(long id) {
    return view(
        campaigns
            .findById(id)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "CAMPAIGN_UNKNOWN", "未找到该慰问活动", "no campaign " + id)));
  }

  private CampaignView view(CampaignEntity c) {
    List<CampaignView.Township> list = new ArrayList<>();
    for (CampaignTownshipEntity t : townships.findByCampaignIdOrderByTownshipCode(c.getId())) {
      List<CampaignEntryEntity> es =
          entries.findByCampaignIdAndTownshipCodeOrderById(c.getId(), t.getTownshipCode());
      List<CampaignView.Entry> views =
          es.stream()
              .map(
                  e ->
                      new CampaignView.Entry(
                          e.getId(),
                          e.getPersonId(),
                          registry.person(e.getPersonId()).name(),
                          e.getCategory(),
                          e.getSource(),
                          e.getState(),
                          e.getReason(),
                          e.getAmount(),
                          e.getVisitedBy(),
                          e.getVisitedOn(),
                          e.getHandedOver(),
                          e.getReceiptRef(),
                          e.getDisbursementId()))
              .toList();
      List<CampaignEntryEntity> paid =
          es.stream().filter(e -> CampaignEntryEntity.PAID.equals(e.getState())).toList();
      list.add(
          new CampaignView.Township(
              t.getTownshipCode(),
              jurisdiction.region(new RegionCode(t.getTownshipCode())).name(),
              t.getState(),
              (int)
                  es.stream()
                      .filter(
                          e ->
                              !CampaignEntryEntity.EXCLUDED.equals(e.getState())
                                  && !CampaignEntryEntity.REMOVED.equals(e.getState()))
                      .count(),
              (int)
                  es.stream()
                      .filter(
                          e ->
                              CampaignEntryEntity.EXCLUDED.equals(e.getState())
                                  || CampaignEntryEntity.REMOVED.equals(e.getState()))
                      .count(),
              paid.size(),
              paid.stream()
                  .map(CampaignEntryEntity::getAmount)
                  .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
              views));
    }
    return new CampaignView(
        c.getId(),
        c.getName(),
        c.getFestival(),
        c.getPeriod(),
        c.getCountyCode(),
        c.getBudgetLine(),
        c.getDeadline(),
        c.getStatus(),
        Map.copyOf(c.getAmounts()),
        list);
  }
}
