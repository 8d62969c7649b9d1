package org.casework.condolence.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.StepOutcome;
import org.casework.condolence.CondolenceErrors;
import org.casework.condolence.internal.CondolenceVariables.Accepted;
import org.casework.condolence.internal.CondolenceVariables.CampaignFacts;
import org.casework.condolence.internal.CondolenceVariables.CampaignLoaded;
import org.casework.condolence.internal.CondolenceVariables.TownshipList;
import org.casework.condolence.internal.CondolenceVariables.TownshipPaid;
import org.casework.condolence.internal.CondolenceVariables.TownshipRef;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of bpmn/condolence-campaign.bpmn does. Lists are drawn once per township;
 * amendments, approval, visits and payments are per entry, so a retried job changes nothing twice.
 */
@Service
@Transactional(noRollbackFor = StepOutcome.class)
class CampaignSteps {

  private static final Set<String> VISITED_STATES =
      Set.of(CampaignEntryEntity.VISITED, CampaignEntryEntity.PAID);
  private static final String NOT_VISITED = "未走访";

  private final CampaignRepository campaigns;
  private final CampaignTownshipRepository townships;
  private final CampaignEntryRepository entries;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final Ledger ledger;
  private final Clock clock;

  CampaignSteps(
      CampaignRepository campaigns,
      CampaignTownshipRepository townships,
      CampaignEntryRepository entries,
      Registry registry,
      Jurisdiction jurisdiction,
      Ledger ledger,
      Clock clock) {
    this.campaigns = campaigns;
    this.townships = townships;
    this.entries = entries;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.ledger = ledger;
    this.clock = clock;
  }

  CampaignLoaded draw(long campaignId, String processInstanceId) {
    CampaignEntity c = campaigns.findById(campaignId).orElse(null);
    if (c == null || !c.claim(processInstanceId)) {
      throw new StepOutcome(
          CondolenceErrors.CASE_MISSING,
          "campaign " + campaignId + " missing or owned by another instance",
          Map.of());
    }
    List<TownshipRef> refs = new ArrayList<>();
    for (CampaignTownshipEntity t : townships.findByCampaignIdOrderByTownshipCode(campaignId)) {
      if (entries
              .findByCampaignIdAndTownshipCodeOrderById(campaignId, t.getTownshipCode())
              .isEmpty()
          && CampaignTownshipEntity.DRAWN.equals(t.getState())) {
        drawTownship(c, t.getTownshipCode());
      }
      RegionCode code = new RegionCode(t.getTownshipCode());
      refs.add(
          new TownshipRef(
              code.value(),
              jurisdiction.region(code).name(),
              CandidateGroups.of(code, Role.TOWNSHIP_CASEWORKER)));
    }
    String amounts =
        c.getAmounts().entrySet().stream()
            .map(e -> e.getKey().label() + " " + Formats.yuan(e.getValue()))
            .collect(Collectors.joining("，"));
    CampaignFacts facts =
        new CampaignFacts(
            c.getName(),
            c.getFestival().label() + " " + c.getPeriod(),
            c.getBudgetLine(),
            Formats.date(c.getDeadline()),
            amounts);
    String deadlineAt =
        c.getDeadline()
            .atTime(LocalTime.of(23, 59, 59))
            .atZone(Formats.CHINA)
            .toOffsetDateTime()
            .toString();
    return new CampaignLoaded(
        facts,
        refs,
        CandidateGroups.of(new RegionCode(c.getCountyCode()), Role.COUNTY_APPROVER),
        deadlineAt);
  }

  private void drawTownship(CampaignEntity c, String township) {
    LocalDate since = Formats.chinaDate(clock.instant()).minusDays(c.getRecentVisitDays());
    for (PersonView p : registry.inTownship(township, c.getAmounts().keySet())) {
      String reason = exclusion(c, p, since).orElse(null);
      entries.save(
          new CampaignEntryEntity(
              c.getId(),
              township,
              p.id(),
              p.category(),
              CampaignEntryEntity.DRAWN,
              reason == null ? CampaignEntryEntity.LISTED : CampaignEntryEntity.EXCLUDED,
              reason,
              c.getAmounts().get(p.category())));
    }
  }

  /** Why a drawn person is left out, in words the township reads. */
  private Optional<String> exclusion(CampaignEntity c, PersonView p, LocalDate since) {
    if (p.isDeceased()) {
      return Optional.of("已于" + Formats.date(p.diedOn()) + "去世（丧葬慰问另案办理）");
    }
    if (p.hasMovedAway()) {
      return Optional.of(
          "已于"
              + Formats.date(p.movedAwayOn())
              + "迁出"
              + (p.movedAwayTo() == null ? "" : "至" + p.movedAwayTo()));
    }
    List<Long> other =
        entries.visitedInOtherCampaigns(
            p.id(), c.getFestival(), c.getPeriod(), c.getId(), VISITED_STATES);
    if (!other.isEmpty()) {
      return Optional.of("本年度" + c.getFestival().label() + "慰问已在活动 #" + other.getFirst() + " 中走访");
    }
    List<Object[]> single = entries.singleVisitsSince(p.id(), since);
    if (!single.isEmpty()) {
      return Optional.of(
          Formats.date((LocalDate) single.getFirst()[1])
              + "已单次走访慰问（案件 "
              + single.getFirst()[0]
              + "）");
    }
    return Optional.empty();
  }

  /** Room for the list table in a string variable (4,000 characters), with its last line. */
  static final int LIST_TEXT_LIMIT = 3_800;

  TownshipList list(long campaignId, String township) {
    List<CampaignEntryEntity> es =
        entries.findByCampaignIdAndTownshipCodeOrderById(campaignId, township);
    StringBuilder text = new StringBuilder("| 编号 | 姓名 | 类别 | 慰问金 | 状态 |\n|---|---|---|---|---|\n");
    BigDecimal total = BigDecimal.ZERO;
    int listed = 0;
    int notShown = 0;
    for (CampaignEntryEntity e : es) {
      boolean in = isOnList(e);
      if (in) {
        listed++;
        total = total.add(e.getAmount());
      }
      String row =
          "| "
              + e.getId()
              + " | "
              + registry.person(e.getPersonId()).name()
              + " | "
              + e.getCategory().label()
              + " | "
              + (in ? Formats.yuan(e.getAmount()) : "—")
              + " | "
              + stateLabel(e)
              + " |\n";
      // the engine keeps a string variable in 4,000 characters: a long list is cut, the campaign
      // page shows all of it
      if (notShown > 0 || text.length() + row.length() > LIST_TEXT_LIMIT) {
        notShown++;
      } else {
        text.append(row);
      }
    }
    if (notShown > 0) {
      text.append("| … | 另有 ").append(notShown).append(" 人未列出，完整名单见慰问活动页面 | | | |\n");
    }
    String summary = "名单 " + listed + " 人，慰问金合计 " + Formats.yuan(total);
    return new TownshipList(text.toString(), summary, "");
  }

  /**
   * The township's amendments: removal lines {@code 编号 理由}, addition lines {@code 身份证号 理由}.
   * Everything is checked before anything changes.
   */
  TownshipList recordList(long campaignId, String township, String removals, String additions) {
    CampaignEntity c = campaign(campaignId);
    Map<CampaignEntryEntity, String> toRemove = new LinkedHashMap<>();
    for (String[] line : lines(removals)) {
      CampaignEntryEntity e = entryOf(campaignId, township, line[0]);
      if (CampaignEntryEntity.REMOVED.equals(e.getState())) {
        // the form keeps what was typed before a return: removed already
        continue;
      }
      if (!CampaignEntryEntity.LISTED.equals(e.getState())) {
        throw invalidTask("编号 " + line[0] + " 不在待确认名单中");
      }
      if (line[1].isBlank()) {
        throw invalidTask("移出编号 " + line[0] + " 须写明理由");
      }
      toRemove.put(e, line[1]);
    }
    Map<PersonView, String> toAdd = new LinkedHashMap<>();
    for (String[] line : lines(additions)) {
      PersonView p;
      try {
        p =
            registry
                .findByIdNumber(IdNumber.parse(line[0]))
                .orElseThrow(() -> invalidTask("档案中没有身份证号 " + mask(line[0]) + " 的服务对象，请先建档"));
      } catch (BusinessRuleException malformed) {
        throw invalidTask("新增人员身份证号有误：" + malformed.userMessage());
      }
      if (line[1].isBlank()) {
        throw invalidTask("新增人员 " + p.name() + " 须写明理由");
      }
      if (!township.equals(p.townshipCode())) {
        throw invalidTask(p.name() + " 户籍不在本乡镇（街道），不能列入本乡镇名单");
      }
      if (!c.getAmounts().containsKey(p.category())) {
        throw invalidTask(p.name() + " 的类别（" + p.category().label() + "）不在本次慰问范围内");
      }
      if (p.isDeceased()) {
        throw invalidTask(p.name() + " 已登记去世，不能列入慰问名单");
      }
      var existing = entries.findByCampaignIdAndPersonId(campaignId, p.id());
      if (existing.isPresent() && isOnList(existing.get())) {
        // on the list already (drawn, or added before a return): nothing to do
        continue;
      }
      toAdd.put(p, line[1]);
    }
    toRemove.forEach((e, why) -> e.moveTo(CampaignEntryEntity.REMOVED, "乡镇移出：" + why));
    toAdd.forEach(
        (p, why) -> {
          var existing = entries.findByCampaignIdAndPersonId(campaignId, p.id());
          if (existing.isPresent()) {
            existing.get().moveTo(CampaignEntryEntity.LISTED, "乡镇补充：" + why);
          } else {
            entries.save(
                new CampaignEntryEntity(
                    campaignId,
                    township,
                    p.id(),
                    p.category(),
                    CampaignEntryEntity.ADDED,
                    CampaignEntryEntity.LISTED,
                    "乡镇补充：" + why,
                    c.getAmounts().get(p.category())));
          }
        });
    township(campaignId, township).moveTo(CampaignTownshipEntity.CONFIRMED, null);
    return list(campaignId, township);
  }

  Accepted recordApproval(long campaignId, String township, String decision, String reason) {
    CampaignTownshipEntity t = township(campaignId, township);
    switch (decision == null ? "" : decision) {
      case "APPROVE" -> {
        entries.findByCampaignIdAndTownshipCodeOrderById(campaignId, township).stream()
            .filter(e -> CampaignEntryEntity.LISTED.equals(e.getState()))
            .forEach(e -> e.moveTo(CampaignEntryEntity.APPROVED, null));
        t.moveTo(CampaignTownshipEntity.APPROVED, isBlank(reason) ? null : reason.strip());
        return new Accepted("");
      }
      case "RETURN" -> {
        if (isBlank(reason)) {
          throw invalidTask("退回乡镇须写明理由");
        }
        t.moveTo(CampaignTownshipEntity.DRAWN, "县局退回：" + reason.strip());
        String notice = "县局退回：" + reason.strip();
        throw new StepOutcome(CondolenceErrors.RETURNED, notice, Map.of("taskNotice", notice));
      }
      default -> throw invalidTask("请选择审批意见：批准本乡镇名单或退回乡镇");
    }
  }

  /**
   * Visit lines {@code 编号, 走访人, 日期, 慰问品/慰问金, 凭证} or {@code 编号, 未走访, 原因}. Lines are checked first;
   * recorded visits stay recorded while the task comes back for the rest.
   */
  Accepted recordVisits(long campaignId, String township, String visitRecords) {
    record Visit(CampaignEntryEntity e, String by, LocalDate on, String what, String receipt) {}
    List<Visit> visits = new ArrayList<>();
    LocalDate today = Formats.chinaDate(clock.instant());
    for (String raw : (visitRecords == null ? "" : visitRecords).split("\\R")) {
      if (raw.isBlank()) {
        continue;
      }
      String[] f = raw.strip().split("\\s*[,，|]\\s*", 5);
      if (f.length < 3) {
        throw invalidTask("走访记录格式：编号, 走访人, 日期, 慰问品/慰问金, 凭证编号（或：编号, 未走访, 原因）");
      }
      CampaignEntryEntity e = entryOf(campaignId, township, f[0]);
      if (!CampaignEntryEntity.APPROVED.equals(e.getState())
          && !CampaignEntryEntity.VISITED.equals(e.getState())) {
        throw invalidTask("编号 " + f[0] + " 不在已批准的名单中");
      }
      if (NOT_VISITED.equals(f[1])) {
        visits.add(new Visit(e, null, null, f[2], null));
        continue;
      }
      if (f.length < 4 || f[1].isBlank() || f[3].isBlank()) {
        throw invalidTask("编号 " + f[0] + "：请填写走访人、日期和慰问品/慰问金");
      }
      LocalDate on;
      try {
        on = LocalDate.parse(f[2]);
      } catch (DateTimeParseException ex) {
        throw invalidTask("编号 " + f[0] + "：走访日期格式应为 年-月-日（如 2026-02-05）");
      }
      if (on.isAfter(today)) {
        throw invalidTask("编号 " + f[0] + "：走访日期不能晚于今天");
      }
      visits.add(new Visit(e, f[1], on, f[3], f.length > 4 ? f[4] : null));
    }
    for (Visit v : visits) {
      if (v.by() == null) {
        v.e().moveTo(CampaignEntryEntity.NOT_VISITED, "未走访：" + v.what());
      } else {
        v.e().visited(cut(v.by(), 255), v.on(), cut(v.what(), 500), cut(v.receipt(), 255));
      }
    }
    List<Long> open =
        entries.findByCampaignIdAndTownshipCodeOrderById(campaignId, township).stream()
            .filter(e -> CampaignEntryEntity.APPROVED.equals(e.getState()))
            .map(CampaignEntryEntity::getId)
            .toList();
    if (!open.isEmpty()) {
      throw invalidTask(
          "已登记 "
              + visits.size()
              + " 条；以下编号尚未登记走访情况："
              + open.stream().map(String::valueOf).collect(Collectors.joining("、")));
    }
    return new Accepted("");
  }

  TownshipPaid pay(long campaignId, String township) {
    CampaignEntity c = campaign(campaignId);
    int count = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (CampaignEntryEntity e :
        entries.findByCampaignIdAndTownshipCodeOrderById(campaignId, township)) {
      if (!VISITED_STATES.contains(e.getState())) {
        continue;
      }
      Disbursement d =
          ledger.disburse(
              new DisbursementRequest(
                  c.ledgerKey(),
                  e.getPersonId(),
                  e.getPersonId(),
                  Programme.CONDOLENCE,
                  c.ledgerKey(),
                  "FESTIVAL",
                  c.getPeriod(),
                  e.getAmount(),
                  township));
      e.paid(d.disbursementId());
      count++;
      total = total.add(d.amount());
    }
    township(campaignId, township).moveTo(CampaignTownshipEntity.PAID, null);
    return new TownshipPaid(count, total);
  }

  void expire(long campaignId, String township) {
    entries.findByCampaignIdAndTownshipCodeOrderById(campaignId, township).stream()
        .filter(e -> CampaignEntryEntity.LISTED.equals(e.getState()))
        .forEach(e -> e.moveTo(CampaignEntryEntity.EXPIRED, "截止日期前乡镇未确认名单"));
    township(campaignId, township).moveTo(CampaignTownshipEntity.EXPIRED, "截止日期前未确认名单，本次不发放");
  }

  String close(long campaignId) {
    CampaignEntity c = campaign(campaignId);
    c.close(clock.instant());
    List<String> parts = new ArrayList<>();
    for (CampaignTownshipEntity t : townships.findByCampaignIdOrderByTownshipCode(campaignId)) {
      List<CampaignEntryEntity> paid =
          entries.findByCampaignIdAndTownshipCodeOrderById(campaignId, t.getTownshipCode()).stream()
              .filter(e -> CampaignEntryEntity.PAID.equals(e.getState()))
              .toList();
      BigDecimal sum =
          paid.stream()
              .map(CampaignEntryEntity::getAmount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      parts.add(
          jurisdiction.region(new RegionCode(t.getTownshipCode())).name()
              + " "
              + paid.size()
              + " 人 "
              + Formats.yuan(sum)
              + (CampaignTownshipEntity.EXPIRED.equals(t.getState()) ? "（未按期确认）" : ""));
    }
    return String.join("；", parts);
  }

  private CampaignEntity campaign(long id) {
    return campaigns.findById(id).orElseThrow(() -> new IllegalStateException("no campaign " + id));
  }

  private CampaignTownshipEntity township(long campaignId, String township) {
    return townships
        .findByCampaignIdAndTownshipCode(campaignId, township)
        .orElseThrow(
            () -> new IllegalStateException("no township " + township + " on " + campaignId));
  }

  private CampaignEntryEntity entryOf(long campaignId, String township, String number) {
    long id;
    try {
      id = Long.parseLong(number.strip());
    } catch (NumberFormatException e) {
      throw invalidTask("编号应为名单中的数字编号：" + number);
    }
    return entries
        .findById(id)
        .filter(e -> e.getCampaignId() == campaignId && township.equals(e.getTownshipCode()))
        .orElseThrow(() -> invalidTask("本乡镇名单中没有编号 " + number));
  }

  private static List<String[]> lines(String text) {
    List<String[]> out = new ArrayList<>();
    for (String raw : (text == null ? "" : text).split("\\R")) {
      if (!raw.isBlank()) {
        String[] f = raw.strip().split("\\s*[,，|\\s]\\s*", 2);
        out.add(new String[] {f[0], f.length > 1 ? f[1].strip() : ""});
      }
    }
    return out;
  }

  private static boolean isOnList(CampaignEntryEntity e) {
    return !Set.of(
            CampaignEntryEntity.EXCLUDED,
            CampaignEntryEntity.REMOVED,
            CampaignEntryEntity.EXPIRED,
            CampaignEntryEntity.NOT_VISITED)
        .contains(e.getState());
  }

  private static String stateLabel(CampaignEntryEntity e) {
    String label =
        switch (e.getState()) {
          case CampaignEntryEntity.LISTED ->
              CampaignEntryEntity.ADDED.equals(e.getSource()) ? "乡镇补充" : "列入";
          case CampaignEntryEntity.EXCLUDED -> "未列入";
          case CampaignEntryEntity.REMOVED -> "已移出";
          case CampaignEntryEntity.APPROVED -> "已批准";
          case CampaignEntryEntity.VISITED -> "已走访";
          case CampaignEntryEntity.NOT_VISITED -> "未走访";
          case CampaignEntryEntity.PAID -> "已发放";
          default -> "逾期未确认";
        };
    return e.getReason() == null ? label : label + "：" + e.getReason();
  }

  private static String mask(String id) {
    return id.length() < 8
        ? "***"
        : id.substring(0, 4) + "**********" + id.substring(id.length() - 4);
  }

  private static String cut(String s, int max) {
    return s == null ? null : s.length() > max ? s.substring(0, max) : s.strip();
  }

  private static StepOutcome invalidTask(String notice) {
    return new StepOutcome(CondolenceErrors.INVALID_INPUT, notice, Map.of("taskNotice", notice));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
