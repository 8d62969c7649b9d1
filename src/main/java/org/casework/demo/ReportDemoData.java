package org.casework.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.casework.common.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of activity for 鲤城区 so the report (/reports) and the stations' satisfaction rates
 * (/satisfaction) show figures after {@code ./casework run}: closed condolence, hardship, legal-aid
 * and petition cases of this year with their ledger payments, recovered money, consultations,
 * whole-case clocks and satisfaction ratings (临江街道 under the 90 % line). Written as rows (no
 * process runs: fast), the same way each time (fixed random seed), once: cases filed by {@code
 * demo-year} mark it as done. The demo's live cases (with their processes) come on top.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
class ReportDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ReportDemoData.class);
  static final String MARK = "demo-year";
  static final String COUNTY = "350502";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ReportDemoData(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private record Person(long id, String township, String village) {}

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Integer done =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM casefile_case WHERE filed_by = ?", Integer.class, MARK);
    if (done != null && done > 0) {
      return;
    }
    List<Person> people =
        jdbc.query(
            "SELECT id, township_code, village_code FROM registry_person"
                + " WHERE township_code LIKE ? AND died_on IS NULL ORDER BY id LIMIT 200",
            (rs, n) ->
                new Person(
                    rs.getLong("id"), rs.getString("township_code"), rs.getString("village_code")),
            COUNTY + "%");
    if (people.isEmpty()) {
      log.info("report demo data skipped: no people in {}", COUNTY);
      return;
    }
    LocalDate today = Formats.chinaDate(clock.instant());
    int year = today.getYear();
    int days = Math.max(1, today.getDayOfYear() - 1);
    Random random = new Random(18);
    List<Object[]> ledger = new ArrayList<>();
    int seq = 900_000;
    int cases = 0;
    // 关怀慰问 120, 困难帮扶 40, 法律援助 20, 信访 12
    String[][] kinds = {
      {"WW", "CONDOLENCE", "120"},
      {"BF", "HARDSHIP", "40"},
      {"FY", "LEGAL_AID", "20"},
      {"XF", "PETITION", "12"}
    };
    String[] outcomes = {"WON", "SETTLED", "SETTLED", "LOST", "WITHDRAWN"};
    String[] matters = {
      "PENSION", "LABOUR", "MAINTENANCE", "PERSONAL_INJURY", "PROPERTY", "SOCIAL_INSURANCE"
    };
    String[] channels = {"LETTER", "VISIT", "PHONE", "ONLINE"};
    for (String[] kind : kinds) {
      int n = Integer.parseInt(kind[2]);
      for (int i = 0; i < n; i++) {
        Person p = people.get(random.nextInt(people.size()));
        Timestamp filed = at(year, random.nextInt(Math.max(1, days - 30)), 9 + random.nextInt(8));
        int took = 3 + random.nextInt(25);
        Timestamp closed = plus(filed, took);
        if (closed.toInstant().isAfter(clock.instant())) {
          closed = Timestamp.from(clock.instant().minusSeconds(3600));
        }
        // every case of the year is closed: the demo's live cases (with processes) are the open
        // ones
        boolean open = false;
        boolean refused = !open && i % 11 == 5;
        String status =
            open ? openStatus(kind[1]) : refused ? refusedStatus(kind[1]) : closedStatus(kind[1]);
        String number = kind[0] + "-" + COUNTY + "-" + year + "-" + String.format("%06d", ++seq);
        jdbc.update(
            "INSERT INTO casefile_case (case_number, case_type, county_code, township_code, village_code,"
                + " applicant_person_id, title, status, filed_by, filed_at, updated_at, closed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            number,
            kind[1],
            COUNTY,
            p.township(),
            p.village(),
            p.id(),
            "（演示）" + label(kind[1]),
            status,
            MARK,
            filed,
            open ? filed : closed,
            open ? null : closed);
        cases++;
        long caseId =
            jdbc.queryForObject(
                "SELECT id FROM casefile_case WHERE case_number = ?", Long.class, number);
        Timestamp due = plus(filed, 21);
        jdbc.update(
            "INSERT INTO sla_clock (case_number, clock_key, case_type, region_code, county_code,"
                + " township_code, stage, stage_label, work_level, policy_version, period_amount,"
                + " period_unit, warn_first_pct, warn_second_pct, state, started_at, start_day, due_at,"
                + " stopped_at) VALUES (?, 'CASE', ?, ?, ?, ?, 'CASE', '全案', 'TOWNSHIP', 1, 15,"
                + " 'WORKING_DAYS', 50, 75, ?, ?, ?, ?, ?)",
            number,
            kind[1],
            p.village() != null ? p.village() : p.township(),
            COUNTY,
            p.township(),
            open ? "RUNNING" : "STOPPED",
            filed,
            Formats.chinaDate(filed.toInstant()),
            open ? plus(Timestamp.from(clock.instant()), 10) : due,
            open ? null : closed);
        String region = p.village() != null ? p.village() : p.township();
        if (!open && !refused && kind[1].equals("CONDOLENCE")) {
          BigDecimal amount =
              new BigDecimal(new int[] {300, 500, 800, 1000, 2000}[random.nextInt(5)]);
          ledger.add(pay(number, p.id(), "CONDOLENCE", amount, region, closed, year));
        }
        if (!open && !refused && kind[1].equals("HARDSHIP")) {
          BigDecimal amount = new BigDecimal(500 + 100 * random.nextInt(20));
          ledger.add(pay(number, p.id(), "HARDSHIP", amount, region, closed, year));
        }
        if (kind[1].equals("LEGAL_AID")) {
          jdbc.update(
              "INSERT INTO legalaid_application (case_id, case_number, applicant_person_id, matter_type,"
                  + " matter_summary, opposing_party, hardship_check, hardship_ground, outcome,"
                  + " money_recovered, closed_at, filed_at) VALUES (?, ?, ?, ?, '（演示）法律援助事项',"
                  + " '（演示）对方当事人', 'EXEMPT', '优抚对象，免予核查经济困难状况', ?, ?, ?, ?)",
              caseId,
              number,
              p.id(),
              matters[random.nextInt(matters.length)],
              open || refused ? null : outcomes[i % outcomes.length],
              open || refused ? null : new BigDecimal(2000 + 1000 * random.nextInt(40)),
              open || refused ? null : closed,
              filed);
        }
        if (kind[1].equals("PETITION")) {
          jdbc.update(
              "INSERT INTO petition (case_id, case_number, channel, lead_person_id, matter_key, subject,"
                  + " requests, group_size, unit_level, unit_region, registered_by, registered_at,"
                  + " decision_due_at, phase, decision, decided_at, extension_days)"
                  + " VALUES (?, ?, ?, ?, ?, '（演示）信访事项', '（演示）诉求', ?, 'TOWNSHIP', ?, ?, ?, ?, ?, ?, ?, ?)",
              caseId,
              number,
              channels[i % channels.length],
              p.id(),
              "demo-" + number,
              i % 5 == 0 ? 3 : 1,
              p.township(),
              MARK,
              filed,
              plus(filed, 15),
              open ? "HANDLING" : "FINAL",
              refused ? "NOT_ACCEPT" : "ACCEPT",
              plus(filed, 3),
              i % 6 == 0 ? 30 : null);
        }
        if (!open && random.nextInt(10) < 8) {
          boolean east = p.township().endsWith("001");
          int roll = random.nextInt(100);
          String rating =
              (east ? roll < 3 : roll < 15)
                  ? "DISSATISFIED"
                  : roll < 60 ? "SATISFIED" : "BASICALLY_SATISFIED";
          jdbc.update(
              "INSERT INTO satisfaction_rating (case_number, case_type, county_code, township_code,"
                  + " village_code, rating, channel, reason, collected_by, collected_at, source_key)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'zhangwei', ?, 'demo')",
              number,
              kind[1],
              COUNTY,
              p.township(),
              p.village(),
              rating,
              new String[] {"PHONE", "VISIT", "QUESTIONNAIRE"}[random.nextInt(3)],
              rating.equals("DISSATISFIED") ? "（演示）办理时间较长，沟通不够" : null,
              plus(closed, 2).toInstant().isAfter(clock.instant()) ? closed : plus(closed, 2));
        }
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO ledger_disbursement (disbursement_id, entry_type, case_number,"
            + " beneficiary_person_id, programme, purpose, period, revision, amount, region_code,"
            + " created_at, cause, household_id, recorded_by)"
            + " VALUES (?, 'PAYMENT', ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
        ledger);
    List<Object[]> consultations = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Person p = people.get(random.nextInt(people.size()));
      consultations.add(
          new Object[] {
            COUNTY,
            p.township(),
            p.village() != null ? p.village() : p.township(),
            "（演示）来访群众",
            matters[random.nextInt(matters.length)],
            "（演示）咨询问题",
            "（演示）已解答",
            "wuhua",
            at(year, random.nextInt(days), 9 + random.nextInt(8))
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO legalaid_consultation (county_code, township_code, region_code, visitor_name,"
            + " topic, question, answer, logged_by, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        consultations);
    log.info(
        "report demo data: {} cases, {} payments, 600 consultations in {} {}",
        cases,
        ledger.size(),
        COUNTY,
        year);
  }

  private static Object[] pay(
      String number,
      long person,
      String programme,
      BigDecimal amount,
      String region,
      Timestamp at,
      int year) {
    return new Object[] {
      UUID.nameUUIDFromBytes((MARK + number).getBytes()).toString(),
      number,
      person,
      programme,
      "ILLNESS",
      String.valueOf(year),
      amount.setScale(2),
      region,
      at,
      // a cause of its own: the demo year never blocks a live payment as a cross-programme
      // duplicate
      "DEMO_YEAR",
      person,
      MARK
    };
  }

  private static Timestamp at(int year, int dayOfYear, int hour) {
    return Timestamp.from(
        LocalDate.ofYearDay(year, 1 + dayOfYear).atTime(hour, 0).atZone(Formats.CHINA).toInstant());
  }

  private static Timestamp plus(Timestamp t, int days) {
    return Timestamp.from(Instant.ofEpochMilli(t.getTime()).plusSeconds(days * 86_400L));
  }

  private static String label(String type) {
    return switch (type) {
      case "CONDOLENCE" -> "关怀慰问";
      case "HARDSHIP" -> "困难帮扶";
      case "LEGAL_AID" -> "法律援助";
      default -> "信访事项";
    };
  }

  private static String openStatus(String type) {
    return switch (type) {
      case "CONDOLENCE" -> "AWAITING_VISIT";
      case "HARDSHIP" -> "UNDER_REVIEW";
      case "LEGAL_AID" -> "IN_PROGRESS";
      default -> "PETITION_HANDLING";
    };
  }

  private static String closedStatus(String type) {
    return switch (type) {
      case "PETITION" -> "PETITION_FINAL";
      default -> "CLOSED";
    };
  }

  private static String refusedStatus(String type) {
    return switch (type) {
      case "CONDOLENCE" -> "DECLINED";
      case "HARDSHIP" -> "REFUSED";
      case "LEGAL_AID" -> "AID_REFUSED";
      default -> "NOT_ACCEPTED";
    };
  }
}
