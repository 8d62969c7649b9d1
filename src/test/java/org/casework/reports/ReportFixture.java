package org.casework.reports;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.registry.Registry;
import org.casework.support.TestPeople;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A year of one county's work written straight into the tables (no process runs): the figures of
 * seed 000's report — 关怀慰问 249 人次 / ¥150,300 (one payment reversed and paid again), 法律援助 34 cases /
 * ¥837,450 recovered / 2,507 consultations — plus hardship and petition cases, open cases with
 * running whole-case clocks (what the cockpit counts), stopped clocks on time and late, and
 * satisfaction ratings (township 1 at 90 %, township 2 under the line). Each run gets a county of
 * its own, so earlier runs' rows in the test database do not count.
 */
@Component
public class ReportFixture {

  public static final int YEAR = 2025;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;
  private final Jurisdiction jurisdiction;
  private final Registry registry;

  public ReportFixture(JdbcTemplate jdbc, Jurisdiction jurisdiction, Registry registry) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.registry = registry;
  }

  /** The seeded county and its staff. */
  public record Seeded(
      String county,
      String township1,
      String township2,
      String village,
      String head,
      String supervisor,
      String townshipHead,
      String caseworker) {}

  public Seeded seed() {
    String county = freeCounty();
    String t1 = county + "001";
    String t2 = county + "002";
    String village = t1 + "001";
    jurisdiction.addRegion(new RegionCode(county), "报表测试县" + county);
    jurisdiction.addRegion(new RegionCode(t1), "东城镇");
    jurisdiction.addRegion(new RegionCode(t2), "西山乡");
    jurisdiction.addRegion(new RegionCode(village), "东村");
    String head = "rh" + county;
    String supervisor = "rs" + county;
    String townshipHead = "rt" + county;
    String caseworker = "rc" + county;
    jurisdiction.addStaff(head, "报表局长", Role.COUNTY_HEAD, new RegionCode(county), "demo123");
    jurisdiction.addStaff(supervisor, "报表督办", Role.SUPERVISOR, new RegionCode(county), "demo123");
    jurisdiction.addStaff(townshipHead, "报表站长", Role.TOWNSHIP_HEAD, new RegionCode(t1), "demo123");
    jurisdiction.addStaff(
        caseworker, "报表经办", Role.COUNTY_CASEWORKER, new RegionCode(county), "demo123");
    List<Long> people = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      people.add(
          registry.register(TestPeople.veteran("报表" + "甲乙丙丁戊己庚辛壬癸".charAt(i), t1, village)).id());
    }
    List<Long> west = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      west.add(registry.register(TestPeople.veteran("西山" + "甲乙丙".charAt(i), t2, null)).id());
    }

    // 关怀慰问: 249 cases, 201 × ¥600 + 48 × ¥618.75 = ¥150,300; case 0 was first paid ¥500,
    // reversed, then paid ¥600 (revision 2)
    List<Object[]> ledger = new ArrayList<>();
    for (int i = 0; i < 249; i++) {
      long person = people.get(i % people.size());
      String number = number("WW", county, i);
      Timestamp filed = at(1 + i % 12, 1 + i % 20, 9);
      caseRow(
          number, "CONDOLENCE", county, t1, village, person, "CLOSED", filed, plusDays(filed, 5));
      BigDecimal amount = i < 201 ? new BigDecimal("600.00") : new BigDecimal("618.75");
      if (i == 0) {
        String first = UUID.randomUUID().toString();
        ledger.add(
            pay(
                first,
                number,
                person,
                "CONDOLENCE",
                new BigDecimal("500.00"),
                village,
                plusDays(filed, 5),
                1));
        ledger.add(
            reversal(
                number,
                person,
                "CONDOLENCE",
                new BigDecimal("-500.00"),
                village,
                plusDays(filed, 6),
                first));
        ledger.add(
            pay(
                UUID.randomUUID().toString(),
                number,
                person,
                "CONDOLENCE",
                amount,
                village,
                plusDays(filed, 6),
                2));
      } else {
        ledger.add(
            pay(
                UUID.randomUUID().toString(),
                number,
                person,
                "CONDOLENCE",
                amount,
                village,
                plusDays(filed, 5),
                1));
      }
    }

    // 困难帮扶: 6 received — 3 paid ¥1,000 and closed, 1 refused, 2 still open at the year's end
    for (int i = 0; i < 6; i++) {
      long person = i < 4 ? people.get(i) : west.get(i - 4);
      String township = i < 4 ? t1 : t2;
      String number = number("BF", county, i);
      Timestamp filed = at(3 + i, 10, 10);
      String status = i < 3 ? "CLOSED" : i == 3 ? "REFUSED" : "UNDER_REVIEW";
      Timestamp closed = i < 4 ? plusDays(filed, 12) : null;
      caseRow(
          number,
          "HARDSHIP",
          county,
          township,
          i < 4 ? village : null,
          person,
          status,
          filed,
          closed);
      if (i < 3) {
        ledger.add(
            pay(
                UUID.randomUUID().toString(),
                number,
                person,
                "HARDSHIP",
                new BigDecimal("1000.00"),
                village,
                plusDays(filed, 10),
                1));
      }
      // whole-case clocks: two closed on time, one late; the refused one on time; open ones running
      Timestamp due = plusDays(filed, 21);
      if (closed != null) {
        clock(
            number,
            "HARDSHIP",
            county,
            township,
            filed,
            i == 2 ? plusDays(filed, 10) : due,
            "STOPPED",
            closed);
      } else {
        clock(
            number,
            "HARDSHIP",
            county,
            township,
            filed,
            plusDays(Timestamp.from(Instant.now()), 30),
            "RUNNING",
            null);
      }
    }
    batchLedger(ledger);

    // 法律援助: 34 cases filed and closed in the year; 33 × ¥25,000 + ¥12,450 = ¥837,450
    String[] outcomes = {"WON", "SETTLED", "LOST", "WITHDRAWN"};
    String[] matters = {"PENSION", "LABOUR", "MAINTENANCE", "PERSONAL_INJURY"};
    for (int i = 0; i < 34; i++) {
      long person = people.get(i % people.size());
      String number = number("FY", county, i);
      Timestamp filed = at(1 + i % 10, 3, 9);
      Timestamp closed = plusDays(filed, 40);
      long caseId =
          caseRow(number, "LEGAL_AID", county, t1, village, person, "CLOSED", filed, closed);
      jdbc.update(
          "INSERT INTO legalaid_application (case_id, case_number, applicant_person_id, matter_type,"
              + " matter_summary, opposing_party, hardship_check, hardship_ground, outcome,"
              + " money_recovered, closed_at, filed_at) VALUES (?, ?, ?, ?, '报表测试', '某公司', 'EXEMPT',"
              + " '优抚对象', ?, ?, ?, ?)",
          caseId,
          number,
          person,
          matters[i % matters.length],
          outcomes[i % outcomes.length],
          i == 33 ? new BigDecimal("12450.00") : new BigDecimal("25000.00"),
          closed,
          filed);
    }
    // 2,507 consultations over the year
    List<Object[]> consultations = new ArrayList<>();
    for (int i = 0; i < 2507; i++) {
      consultations.add(
          new Object[] {
            county,
            t1,
            village,
            "咨询人" + i,
            matters[i % matters.length],
            "问题",
            "答复",
            head,
            at(1 + i % 12, 1 + i % 28, 8 + i % 9)
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO legalaid_consultation (county_code, township_code, region_code, visitor_name,"
            + " topic, question, answer, logged_by, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        consultations);

    // 信访: a letter (accepted, closed on time), a group visit of 4 (accepted, open at the year's
    // end), a call not accepted
    String[] channels = {"LETTER", "VISIT", "PHONE"};
    String[] decisions = {"ACCEPT", "ACCEPT", "NOT_ACCEPT"};
    for (int i = 0; i < 3; i++) {
      long person = people.get(i);
      String number = number("XF", county, i);
      Timestamp filed = at(6 + i, 15, 9);
      boolean open = i == 1;
      Timestamp closed = open ? null : plusDays(filed, i == 0 ? 50 : 10);
      String status = open ? "PETITION_HANDLING" : i == 0 ? "PETITION_FINAL" : "NOT_ACCEPTED";
      long caseId = caseRow(number, "PETITION", county, t1, village, person, status, filed, closed);
      jdbc.update(
          "INSERT INTO petition (case_id, case_number, channel, lead_person_id, matter_key, subject,"
              + " requests, group_size, unit_level, unit_region, registered_by, registered_at,"
              + " decision_due_at, phase, decision, decided_at, review_requested_at, review_at,"
              + " review_opinion, review_outcome) VALUES (?, ?, ?, ?, ?, '报表测试', '诉求', ?, 'COUNTY',"
              + " ?, ?, ?, ?, 'HANDLING', ?, ?, ?, ?, ?, ?)",
          caseId,
          number,
          channels[i],
          person,
          "matter-" + number,
          i == 1 ? 4 : 1,
          county,
          head,
          filed,
          plusDays(filed, 15),
          decisions[i],
          plusDays(filed, 5),
          i == 0 ? plusDays(filed, 35) : null,
          i == 0 ? plusDays(filed, 45) : null,
          i == 0 ? "经复查，原处理意见认定事实清楚，予以维持。" : null,
          i == 0 ? "UPHELD" : null);
      if (open) {
        clock(
            number,
            "PETITION",
            county,
            t1,
            filed,
            plusDays(Timestamp.from(Instant.now()), 30),
            "RUNNING",
            null);
      } else if (i == 0) {
        clock(number, "PETITION", county, t1, filed, plusDays(filed, 60), "STOPPED", closed);
      }
    }

    // satisfaction: township 1: 9 满意/基本满意 + 1 不满意 (90 %); township 2: 1 + 1 (50 %)
    for (int i = 0; i < 12; i++) {
      boolean west2 = i >= 10;
      String rating =
          i == 0 || i == 11 ? "DISSATISFIED" : i % 2 == 0 ? "SATISFIED" : "BASICALLY_SATISFIED";
      jdbc.update(
          "INSERT INTO satisfaction_rating (case_number, case_type, county_code, township_code, village_code,"
              + " rating, channel, reason, collected_by, collected_at, source_key)"
              + " VALUES (?, 'CONDOLENCE', ?, ?, ?, ?, 'PHONE', ?, ?, ?, 'fixture')",
          number("WW", county, i),
          county,
          west2 ? t2 : t1,
          west2 ? null : village,
          rating,
          rating.equals("DISSATISFIED") ? "等待时间长" : null,
          head,
          at(11, 1 + i, 10));
    }
    return new Seeded(county, t1, t2, village, head, supervisor, townshipHead, caseworker);
  }

  private String freeCounty() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int n = ThreadLocalRandom.current().nextInt(1, 100);
      int c = ThreadLocalRandom.current().nextInt(1, 100);
      String code = "36" + String.format("%02d%02d", c, n);
      Integer used =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM jurisdiction_region WHERE code LIKE ?",
              Integer.class,
              code + "%");
      if (used == 0) {
        return code;
      }
    }
    throw new IllegalStateException("no free county code left for the report fixture");
  }

  static Timestamp at(int month, int day, int hour) {
    return Timestamp.from(LocalDateTime.of(YEAR, month, day, hour, 0).atZone(CHINA).toInstant());
  }

  static Timestamp plusDays(Timestamp t, int days) {
    return Timestamp.from(t.toInstant().plusSeconds(days * 86_400L));
  }

  static String number(String code, String county, int i) {
    return code + "-" + county + "-" + YEAR + "-" + String.format("%06d", i + 1);
  }

  private long caseRow(
      String number,
      String type,
      String county,
      String township,
      String village,
      long person,
      String status,
      Timestamp filed,
      Timestamp closed) {
    jdbc.update(
        "INSERT INTO casefile_case (case_number, case_type, county_code, township_code, village_code,"
            + " applicant_person_id, title, status, filed_by, filed_at, updated_at, closed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, '报表测试', ?, 'fixture', ?, ?, ?)",
        number,
        type,
        county,
        township,
        village,
        person,
        status,
        filed,
        closed == null ? filed : closed,
        closed);
    return jdbc.queryForObject(
        "SELECT id FROM casefile_case WHERE case_number = ?", Long.class, number);
  }

  private Object[] pay(
      String id,
      String number,
      long person,
      String programme,
      BigDecimal amount,
      String region,
      Timestamp at,
      int revision) {
    return new Object[] {
      id,
      "PAYMENT",
      number,
      person,
      programme,
      programme,
      String.valueOf(YEAR),
      revision,
      amount,
      region,
      at,
      null,
      programme,
      person,
      null,
      "fixture"
    };
  }

  private Object[] reversal(
      String number,
      long person,
      String programme,
      BigDecimal amount,
      String region,
      Timestamp at,
      String reverses) {
    return new Object[] {
      UUID.randomUUID().toString(),
      "REVERSAL",
      number,
      person,
      programme,
      programme,
      String.valueOf(YEAR),
      1,
      amount,
      region,
      at,
      reverses,
      programme,
      person,
      "金额有误",
      "fixture"
    };
  }

  private void batchLedger(List<Object[]> rows) {
    jdbc.batchUpdate(
        "INSERT INTO ledger_disbursement (disbursement_id, entry_type, case_number,"
            + " beneficiary_person_id, programme, purpose, period, revision, amount, region_code,"
            + " created_at, reverses_id, cause, household_id, reason, recorded_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  private void clock(
      String number,
      String type,
      String county,
      String township,
      Timestamp started,
      Timestamp due,
      String state,
      Timestamp stopped) {
    jdbc.update(
        "INSERT INTO sla_clock (case_number, clock_key, case_type, region_code, county_code,"
            + " township_code, stage, stage_label, work_level, policy_version, period_amount,"
            + " period_unit, warn_first_pct, warn_second_pct, state, started_at, start_day, due_at,"
            + " stopped_at) VALUES (?, 'CASE', ?, ?, ?, ?, 'CASE', '全案', 'TOWNSHIP', 1, 15,"
            + " 'WORKING_DAYS', 50, 75, ?, ?, ?, ?, ?)",
        number,
        type,
        township,
        county,
        township,
        state,
        started,
        LocalDate.ofInstant(started.toInstant(), CHINA),
        due,
        stopped);
  }
}
