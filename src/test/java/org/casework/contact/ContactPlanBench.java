package org.casework.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test (profile {@code -Pbench-contact}, own database {@code
 * casework_bench_contact}): seeds {@code bench.people} recipients (default 1,000,000) in one county
 * of 20 townships × 10 villages with bulk SQL (MariaDB's sequence engine), 10 % of them key
 * contacts (2 % 空巢/独居), then times planning a quarter through the facade, planning it again (must
 * add nothing), and opening contact-visit instances in batches, and prints the figures.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:mysql://${CASEWORK_DB_HOST:127.0.0.1}:${CASEWORK_DB_PORT:3306}/"
          + "${CASEWORK_BENCH_DB_NAME:casework_bench_contact}?createDatabaseIfNotExist=true"
          + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC"
          + "&useSSL=false&allowPublicKeyRetrieval=true",
      // its own database, created and seeded as root (./casework grants the app login on the run
      // and test databases only)
      "spring.datasource.username=root",
      "spring.datasource.password=",
      "spring.flyway.user=root",
      "spring.flyway.password=",
      "casework.sla.watch-initial-delay=PT240H",
      "casework.contact.initial-delay=PT240H"
    })
class ContactPlanBench {

  static final String COUNTY = "350699";
  static final int OPEN = Integer.getInteger("bench.open", 2_000);

  @Autowired ContactProgramme contacts;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired org.casework.registry.Registry registry;

  @Test
  void measurePlanningAQuarter() {
    int people = Integer.getInteger("bench.people", 1_000_000);
    long t0 = System.nanoTime();
    seed(people);
    double seedS = (System.nanoTime() - t0) / 1e9;
    LocalDate day = Formats.chinaDate(clock.instant());
    jdbc.execute("delete from contact_plan where township_code like '" + COUNTY + "%'");

    PlanRun first = contacts.plan(day);
    PlanRun again = contacts.plan(day);
    long rows =
        count("select count(*) from contact_plan where township_code like '" + COUNTY + "%'");
    long dupes =
        count(
            "select count(*) from (select person_id from contact_plan group by person_id, kind, period"
                + " having count(*) > 1) d");

    // opening: instances for the rows due to open by the quarter's end, one batch
    LocalDate quarterEnd =
        LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 3, 1)
            .plusMonths(1)
            .minusDays(1);
    long t1 = System.nanoTime();
    int opened = contacts.openDue(quarterEnd, OPEN);
    double openS = (System.nanoTime() - t1) / 1e9;

    System.out.println("\n=== contact planning benchmark ===");
    System.out.printf(
        "recipients (county %s): %,d, key contacts %,d (seed %.1f s)%n",
        COUNTY,
        people,
        count("select count(*) from contact_key_flag where active_person is not null"),
        seedS);
    System.out.printf(
        "plan %s: %,d rows in %,d ms (%.0f rows/s)%n",
        day,
        first.planned(),
        first.millis(),
        first.planned() * 1000.0 / Math.max(1, first.millis()));
    System.out.printf("plan again: %,d rows in %,d ms%n", again.planned(), again.millis());
    System.out.printf(
        "plan rows in the county: %,d; duplicate person+kind+period: %,d%n", rows, dupes);
    System.out.printf(
        "opened %,d contact-visit instances in %.1f s (%.1f per s)%n",
        opened, openS, opened / openS);
    List<Map<String, Object>> byStatus =
        jdbc.queryForList("select status, count(*) n from contact_plan group by status");
    System.out.println("plan rows by status: " + byStatus);
    System.out.println(
        "EXPLAIN plan insert: "
            + jdbc.queryForList(
                "explain select p.id from registry_person p where p.id between 1 and 50000"
                    + " and p.township_code like '"
                    + COUNTY
                    + "%' and p.died_on is null"
                    + " and not exists (select 1 from contact_key_flag f where f.active_person = p.id)"
                    + " and not exists (select 1 from contact_plan c where c.person_id = p.id"
                    + " and c.kind = 'CONTACT' and c.period = 'x')"));
    assertThat(again.planned()).isZero();
    assertThat(dupes).isZero();
  }

  private void seed(int people) {
    jurisdiction.addRegion(new RegionCode(COUNTY), "基准县");
    for (int t = 1; t <= 20; t++) {
      String township = COUNTY + String.format("%03d", t);
      jurisdiction.addRegion(new RegionCode(township), "基准乡镇" + t);
      for (int v = 1; v <= 10; v++) {
        jurisdiction.addRegion(
            new RegionCode(township + String.format("%03d", v)), "基准村" + t + "-" + v);
      }
    }
    // every seeded person carries the sealed personal data of one real registration (the opener
    // reads the masked ID number and name through the registry)
    var sealed =
        registry.register(
            org.casework.support.TestPeople.veteran("基准模板", COUNTY + "001", COUNTY + "001001"));
    Map<String, Object> pii =
        jdbc.queryForMap(
            "select id_number_enc, birth_date_enc from registry_person where id = ?", sealed.id());
    long have =
        count("select count(*) from registry_person where township_code like '" + COUNTY + "%'");
    if (have >= people) {
      return;
    }
    jdbc.execute(
        "delete from contact_key_flag where person_id in (select id from registry_person"
            + " where township_code like '"
            + COUNTY
            + "%')");
    jdbc.execute("delete from contact_plan where township_code like '" + COUNTY + "%'");
    jdbc.execute(
        "delete from registry_person where township_code like '"
            + COUNTY
            + "%' and id <> "
            + sealed.id());
    int chunk = 100_000;
    for (int from = 1; from <= people; from += chunk) {
      int to = Math.min(people, from + chunk - 1);
      jdbc.execute(
          "insert into registry_person (name, gender, birth_date_enc, category, township_code,"
              + " village_code, id_number_hmac, id_number_enc)"
              + " select concat('基准', seq), if(seq % 2 = 0, 'MALE', 'FEMALE'),"
              + " '"
              + pii.get("birth_date_enc")
              + "', 'VETERAN',"
              + " concat('"
              + COUNTY
              + "', lpad(seq % 20 + 1, 3, '0')),"
              + " concat('"
              + COUNTY
              + "', lpad(seq % 20 + 1, 3, '0'), lpad((seq div 20) % 10 + 1, 3, '0')),"
              + " concat('bench-contact-', seq), '"
              + pii.get("id_number_enc")
              + "'"
              + " from seq_"
              + from
              + "_to_"
              + to);
    }
    // 10 % key contacts: 2 % 空巢/独居, 8 % another reason
    jdbc.execute(
        "insert into contact_key_flag (person_id, reason, since, set_by, set_at)"
            + " select id, if(id % 50 = 0, 'LONELY_ELDERLY', 'DISABLED'), date '2025-01-01', 'bench', now()"
            + " from registry_person where township_code like '"
            + COUNTY
            + "%' and id % 10 = 0");
    jdbc.execute("analyze table registry_person, contact_key_flag");
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
