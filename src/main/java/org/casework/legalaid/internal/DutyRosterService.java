package org.casework.legalaid.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.clocks.BusinessCalendar;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.legalaid.DutyGap;
import org.casework.legalaid.DutyRoster;
import org.casework.legalaid.DutyView;
import org.casework.legalaid.PlanDuty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty roster in {@code legalaid_duty}. A duty is only added on a working day of the county's
 * business calendar, for an active registered lawyer, in a county inside the officer's scope; a
 * removal keeps the row (removed_by/at). Gaps are computed from the calendar and the active duties,
 * week by week (Monday to Sunday): a week with working days and no duty on one of them is a gap; a
 * week without working days (a long holiday) is none.
 */
@Service
@Transactional(readOnly = true)
class DutyRosterService implements DutyRoster {

  private static final Logger log = LoggerFactory.getLogger(DutyRosterService.class);
  static final String DEFAULT_PLACE = "县法律援助工作站";

  private final JdbcTemplate jdbc;
  private final BusinessCalendar calendar;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final LegalAidStore store;
  private final Clock clock;

  DutyRosterService(
      JdbcTemplate jdbc,
      BusinessCalendar calendar,
      Jurisdiction jurisdiction,
      ScopeGuard scopeGuard,
      LegalAidStore store,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.store = store;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Planned plan(PlanDuty plan, RegionScope scope) {
    RegionCode county = county(plan.countyCode());
    scopeGuard.require(scope, county, null, "编排法律援助值班");
    var lawyer =
        store
            .lawyer(plan.lawyer())
            .filter(LegalAidStore.Lawyer::active)
            .orElseThrow(
                () ->
                    BusinessRuleException.invalid(
                        "DUTY_LAWYER_UNKNOWN",
                        "所选人员不是在册的法律援助律师或法律工作者",
                        "duty lawyer " + plan.lawyer() + " not an active legalaid_lawyer"));
    String place =
        plan.place() == null || plan.place().isBlank() ? DEFAULT_PLACE : plan.place().strip();
    List<DutyView> added = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int w = 0; w < plan.weeks(); w++) {
      LocalDate day = plan.date().plusWeeks(w);
      if (!calendar.isWorkingDay(county.value(), day)) {
        skipped.add(day + "（非工作日）");
        continue;
      }
      int inserted =
          jdbc.update(
              "INSERT IGNORE INTO legalaid_duty (county_code, duty_date, lawyer, place, created_by,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
              county.value(),
              Date.valueOf(day),
              lawyer.username(),
              place,
              scope.username(),
              Timestamp.from(clock.instant()));
      if (inserted == 0) {
        skipped.add(day + "（已在值班表中）");
        continue;
      }
      Long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
      added.add(find(id));
    }
    if (added.isEmpty()) {
      throw BusinessRuleException.invalid(
          "DUTY_NOT_WORKING_DAY",
          "未安排任何值班：" + String.join("、", skipped) + "。值班只能安排在工作日。",
          "no duty added for " + plan + ": " + skipped);
    }
    log.info(
        "duty roster of {}: {} added by {} for {}, skipped {}",
        county,
        added.size(),
        scope.username(),
        lawyer.username(),
        skipped);
    return new Planned(added, skipped);
  }

  @Override
  @Transactional
  public void remove(long dutyId, RegionScope scope) {
    DutyView duty = find(dutyId);
    scopeGuard.require(scope, county(duty.countyCode()), null, "修改法律援助值班");
    Integer used =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM legalaid_consultation WHERE duty_id = ?", Integer.class, dutyId);
    if (used != null && used > 0) {
      throw BusinessRuleException.conflict(
          "DUTY_HAS_CONSULTATIONS",
          "该值班已登记 " + used + " 条法律咨询，不能删除",
          "duty " + dutyId + " named by " + used + " consultations");
    }
    jdbc.update(
        "UPDATE legalaid_duty SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL",
        scope.username(),
        Timestamp.from(clock.instant()),
        dutyId);
    log.info("duty {} removed by {}", dutyId, scope.username());
  }

  @Override
  public List<DutyView> duties(RegionScope scope, LocalDate from, LocalDate to) {
    // each lawyer's name looked up once for the list, not once per duty
    Map<String, String> names = new HashMap<>();
    return jdbc.query(
        "SELECT * FROM legalaid_duty WHERE county_code LIKE CONCAT(?, '%') AND removed_at IS NULL"
            + " AND duty_date BETWEEN ? AND ? ORDER BY duty_date, county_code, lawyer LIMIT 2000",
        (rs, i) -> view(rs, names), countyPrefix(scope), Date.valueOf(from), Date.valueOf(to));
  }

  @Override
  public List<DutyView> onDay(String countyCode, LocalDate day) {
    Map<String, String> names = new HashMap<>();
    return jdbc.query(
        "SELECT * FROM legalaid_duty WHERE county_code = ? AND duty_date = ? AND removed_at IS NULL"
            + " ORDER BY lawyer",
        (rs, i) -> view(rs, names),
        countyCode,
        Date.valueOf(day));
  }

  /** The active duty {@code dutyId}, when it is of {@code countyCode}. */
  java.util.Optional<DutyView> activeDuty(long dutyId, String countyCode) {
    return jdbc
        .query(
            "SELECT * FROM legalaid_duty WHERE id = ? AND county_code = ? AND removed_at IS NULL",
            (rs, i) -> view(rs),
            dutyId,
            countyCode)
        .stream()
        .findFirst();
  }

  @Override
  public List<DutyGap> gaps(RegionScope scope, LocalDate from, LocalDate to) {
    List<DutyGap> gaps = new ArrayList<>();
    LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (String county : counties(scope)) {
      Set<LocalDate> onDuty = new HashSet<>();
      jdbc.query(
          "SELECT DISTINCT duty_date FROM legalaid_duty WHERE county_code = ?"
              + " AND removed_at IS NULL AND duty_date BETWEEN ? AND ?",
          rs -> {
            onDuty.add(rs.getDate(1).toLocalDate());
          },
          county,
          Date.valueOf(firstMonday),
          Date.valueOf(to.plusDays(6)));
      for (LocalDate monday = firstMonday; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
        int working = 0;
        boolean covered = false;
        for (int d = 0; d < 7; d++) {
          LocalDate day = monday.plusDays(d);
          if (calendar.isWorkingDay(county, day)) {
            working++;
            covered |= onDuty.contains(day);
          }
        }
        if (working > 0 && !covered) {
          gaps.add(new DutyGap(county, monday, monday.plusDays(6), working));
        }
      }
    }
    return gaps;
  }

  @Override
  public List<LawyerOption> lawyers() {
    return store.activeLawyers().stream()
        .map(
            l ->
                new LawyerOption(
                    l.username(),
                    jurisdiction
                        .staff(l.username())
                        .map(StaffMember::displayName)
                        .orElse(l.username())))
        .toList();
  }

  @Override
  public List<String> counties(RegionScope scope) {
    String prefix = scope.prefix();
    if (prefix.length() >= 6) {
      return List.of(prefix.substring(0, 6));
    }
    // a city or province supervisor: the counties that keep a roster or log consultations
    return jdbc.queryForList(
        "SELECT county_code FROM legalaid_duty WHERE county_code LIKE CONCAT(?, '%')"
            + " UNION SELECT county_code FROM legalaid_consultation"
            + " WHERE county_code LIKE CONCAT(?, '%') ORDER BY 1",
        String.class, prefix, prefix);
  }

  private static String countyPrefix(RegionScope scope) {
    String prefix = scope.prefix();
    return prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
  }

  private static RegionCode county(String code) {
    RegionCode c = RegionCode.parse(code == null ? "" : code.strip());
    if (c.value().length() != 6) {
      throw BusinessRuleException.invalid(
          "DUTY_COUNTY", "值班表按县（区）编排，请填写6位县（区）代码", "not a county code: " + code);
    }
    return c;
  }

  private DutyView find(long id) {
    return jdbc.query("SELECT * FROM legalaid_duty WHERE id = ?", (rs, i) -> view(rs), id).stream()
        .findFirst()
        .orElseThrow(
            () -> BusinessRuleException.notFound("DUTY_NOT_FOUND", "没有这条值班记录", "duty " + id));
  }

  private DutyView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return view(rs, new HashMap<>());
  }

  /** A duty row, the lawyer's name from {@code names} when a list looked it up already. */
  private DutyView view(java.sql.ResultSet rs, Map<String, String> names)
      throws java.sql.SQLException {
    String lawyer = rs.getString("lawyer");
    String name =
        names.computeIfAbsent(
            lawyer, u -> jurisdiction.staff(u).map(StaffMember::displayName).orElse(u));
    return new DutyView(
        rs.getLong("id"),
        rs.getString("county_code"),
        rs.getDate("duty_date").toLocalDate(),
        lawyer,
        name,
        rs.getString("place"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
