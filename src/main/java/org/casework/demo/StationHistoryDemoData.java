package org.casework.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.stations.ItemKind;
import org.casework.stations.ScoreSheet;
import org.casework.stations.SheetItem;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.StationStars;
import org.casework.stations.StationSummary;
import org.casework.stations.StationTraining;
import org.casework.stations.Stations;
import org.casework.stations.VolunteerTeams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stations demo's history, so the star, progress, training and volunteer pages show real data:
 *
 * <ul>
 *   <li>新华社区's acceptance of the <em>previous</em> quarter, finished (scored 99 by 刘洋, stated on
 *       time, sampled and checked by 赵磊), loaded as a past paper result by SQL — the services work
 *       on the current quarter, and this quarter's acceptances stay open for the walk-through in
 *       docs/stations.md; then rated by the real {@link StationStars} (5★ by the default rules);
 *   <li>a county course of the last half-year attended by the staff of 海滨街道 and 新华社区 (中山社区's staff
 *       did not attend: overdue on 刘洋's home page), and a 退役军人事务员 certificate of 张伟 that expires
 *       within the warning days;
 *   <li>新华社区's volunteer team with two members and one activity whose people served are recorded as
 *       visits in the contact programme.
 * </ul>
 *
 * Idempotent: each part is skipped when its data is there.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class StationHistoryDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StationHistoryDemoData.class);
  private static final String XINHUA = "350502001001";

  private final Stations stations;
  private final StationAcceptance acceptance;
  private final StationStars stars;
  private final StationTraining training;
  private final VolunteerTeams teams;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate tx;

  StationHistoryDemoData(
      Stations stations,
      StationAcceptance acceptance,
      StationStars stars,
      StationTraining training,
      VolunteerTeams teams,
      Registry registry,
      Jurisdiction jurisdiction,
      JdbcTemplate jdbc,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.stations = stations;
    this.acceptance = acceptance;
    this.stars = stars;
    this.training = training;
    this.teams = teams;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    var xinhua = stations.find(XINHUA, StationKind.VILLAGE);
    if (xinhua.isEmpty() || jurisdiction.staff("zhaolei").isEmpty()) {
      return;
    }
    LocalDate today = Formats.chinaDate(clock.instant());
    RegionScope county = scope("zhaolei");
    try {
      // one transaction: the history is there whole or not at all
      tx.executeWithoutResult(status -> finishedAcceptance(xinhua.get(), today, county));
    } catch (BusinessRuleException refused) {
      log.info("stations demo: no finished acceptance: {}", refused.userMessage());
    } catch (RuntimeException e) {
      // the demo must not stop the app from starting; the log says what went wrong
      log.warn("stations demo: no finished acceptance", e);
    }
    try {
      training(today, county);
    } catch (BusinessRuleException refused) {
      log.info("stations demo: no training: {}", refused.userMessage());
    } catch (RuntimeException e) {
      // the demo must not stop the app from starting; the log says what went wrong
      log.warn("stations demo: no training", e);
    }
    try {
      volunteers(xinhua.get(), today);
    } catch (BusinessRuleException refused) {
      log.info("stations demo: no volunteer team: {}", refused.userMessage());
    } catch (RuntimeException e) {
      // the demo must not stop the app from starting; the log says what went wrong
      log.warn("stations demo: no volunteer team", e);
    }
  }

  // --- the previous quarter's finished acceptance of 新华社区, then its stars ----------------------

  private void finishedAcceptance(StationSummary station, LocalDate today, RegionScope county) {
    LocalDate quarterStart =
        today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    LocalDate prevStart = quarterStart.minusMonths(3);
    String period = prevStart.getYear() + "Q" + ((prevStart.getMonthValue() - 1) / 3 + 1);
    Integer exists =
        jdbc.queryForObject(
            "select count(*) from stations_acceptance where station_id = ? and period = ?",
            Integer.class,
            station.id(),
            period);
    if (exists > 0) {
      return;
    }
    LocalDate prevEnd = quarterStart.minusDays(1);
    ScoreSheet sheet = acceptance.sheetInForce(station.regionCode(), prevStart);
    Timestamp submitted = at(prevEnd.minusDays(20));
    Timestamp scored = at(prevEnd.minusDays(12));
    Timestamp stated = at(prevEnd.minusDays(5));
    Timestamp checked = at(prevEnd.plusDays(10));
    BigDecimal base = BigDecimal.ZERO;
    for (SheetItem i : sheet.ofKind(ItemKind.SCORED)) {
      base = base.add(i.points());
    }
    BigDecimal deduction = BigDecimal.ONE;
    base = base.subtract(deduction);
    jdbc.update(
        "insert into stations_acceptance (station_id, region_code, township_code, period,"
            + " sheet_id, status, self_score, base_score, bonus, vetoed, final_score, passed,"
            + " remarks, opened_by, opened_at, submitted_by, submitted_at, scored_by, scored_at,"
            + " sampled, checked_by, checked_at) values (?,?,?,?,?,'FINAL',?,?,0,false,?,true,?,"
            + "?,?,?,?,?,?,true,?,?)",
        station.id(),
        station.regionCode(),
        station.regionCode().substring(0, 9),
        period,
        sheet.id(),
        base.add(deduction),
        base,
        base,
        "台账规范，活动室使用记录需补全（纸质验收结果补录）",
        "lixiaohong",
        at(prevStart.plusDays(40)),
        "lixiaohong",
        submitted,
        "liuyang",
        scored,
        "zhaolei",
        checked);
    long id =
        jdbc.queryForObject(
            "select id from stations_acceptance where station_id = ? and period = ?",
            Long.class,
            station.id(),
            period);
    for (SheetItem i : sheet.items()) {
      boolean isScored = i.kind() == ItemKind.SCORED;
      boolean taken = i.code().equals("13");
      BigDecimal points = !isScored ? null : taken ? i.points().subtract(deduction) : i.points();
      jdbc.update(
          "insert into stations_entry (acceptance_id, item_code, self_points, points, reason)"
              + " values (?,?,?,?,?)",
          id,
          i.code(),
          isScored ? i.points() : null,
          points,
          taken ? "活动室使用记录不全" : null);
    }
    jdbc.update(
        "insert into stations_statement (township_code, period, due_on, sent_by, sent_at, late)"
            + " values (?,?,?,?,?,false)",
        station.regionCode().substring(0, 9),
        period,
        prevEnd,
        "liuyang",
        stated);
    long statementId =
        jdbc.queryForObject(
            "select id from stations_statement where township_code = ? and period = ?",
            Long.class,
            station.regionCode().substring(0, 9),
            period);
    jdbc.update(
        "insert into stations_statement_row (statement_id, line_no, acceptance_id, station_name,"
            + " score, passed, contact_name, phone, remarks) values (?,1,?,?,?,true,?,?,?)",
        statementId,
        id,
        station.name(),
        base,
        station.contactName(),
        station.phone(),
        "达标");
    jdbc.update("update stations_acceptance set statement_id = ? where id = ?", statementId, id);
    jdbc.update(
        "insert ignore into stations_spot_check (county_code, period, seed, sample_rate,"
            + " population, sample, drawn_by, drawn_at) values (?,?,0,1.00,1,?,?,?)",
        station.regionCode().substring(0, 6),
        period,
        String.valueOf(id),
        "zhaolei",
        at(prevEnd.plusDays(3)));
    var rating = stars.rate(station.id(), prevStart.getYear(), county);
    log.info(
        "stations demo: {} {} finished with {} points, rated {} stars",
        station.name(),
        period,
        base,
        rating.stars());
  }

  private static Timestamp at(LocalDate day) {
    return Timestamp.from(day.atTime(2, 0).toInstant(ZoneOffset.UTC));
  }

  // --- training --------------------------------------------------------------------------------

  private void training(LocalDate today, RegionScope county) {
    if (!training.courses(county).isEmpty()) {
      return;
    }
    LocalDate lastHalf =
        today.getMonthValue() <= 6
            ? LocalDate.of(today.getYear() - 1, 9, 15)
            : LocalDate.of(today.getYear(), 3, 15);
    var course =
        training.addCourse(
            new StationTraining.NewCourse(
                "退役军人服务保障政策业务培训", lastHalf, new BigDecimal("6"), "鲤城区退役军人服务中心", "鲤城区退役军人事务局"),
            county);
    List<Long> attendees =
        training.activeStaff(county).stream()
            .filter(
                a ->
                    a.stationName().startsWith("海滨街道")
                        || a.stationName().startsWith("新华社区")
                        || a.stationName().startsWith("临江"))
            .map(StationTraining.Attendee::staffId)
            .toList();
    training.recordAttendance(course.id(), attendees, county);
    training.activeStaff(county).stream()
        .filter(a -> a.name().equals("张伟"))
        .findFirst()
        .ifPresent(
            a ->
                training.addCertificate(
                    a.staffId(),
                    "VETERAN_AFFAIRS_OFFICER",
                    "SWY-350502-0001",
                    "四级",
                    today.minusYears(3).plusDays(30),
                    today.plusDays(30),
                    county));
    log.info("stations demo: course {} with {} attendees", course.id(), attendees.size());
  }

  // --- volunteers ------------------------------------------------------------------------------

  private void volunteers(StationSummary xinhua, LocalDate today) {
    RegionScope liaison = scope("lixiaohong");
    if (teams.teams(liaison).stream().anyMatch(t -> t.stationId() == xinhua.id())) {
      return;
    }
    List<PersonView> people =
        registry.inTownship(XINHUA.substring(0, 9), EnumSet.allOf(PersonCategory.class)).stream()
            .filter(p -> XINHUA.equals(p.villageCode()) && !p.isDeceased() && !p.hasMovedAway())
            .limit(4)
            .toList();
    if (people.size() < 3) {
      return;
    }
    var team =
        teams.createTeam(
            xinhua.id(), "新华社区退役军人志愿服务队", today.minusYears(1), "助老帮困、政策宣讲、应急救援", liaison);
    teams.addMember(team.id(), people.get(0).id(), "队长", today.minusMonths(11), liaison);
    teams.addMember(team.id(), people.get(1).id(), null, today.minusMonths(10), liaison);
    teams.recordActivity(
        team.id(),
        new VolunteerTeams.NewActivity(
            today.minusDays(2),
            "新华社区",
            new BigDecimal("3"),
            "上门看望老党员老军人，打扫卫生、宣讲优待政策",
            people.subList(2, people.size()).stream().map(PersonView::id).toList()),
        liaison);
    log.info("stations demo: volunteer team {} with one activity", team.id());
  }

  private RegionScope scope(String username) {
    return RegionScope.of(jurisdiction.staff(username).orElseThrow());
  }
}
