package org.casework.contact.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.casework.contact.Audience;
import org.casework.contact.PlanRun;
import org.casework.contact.ScheduleRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans with set-based SQL: per county and schedule row, one INSERT … SELECT over the recipients of
 * the row's audience, in person-id ranges so no statement holds locks for long. A row already
 * planned for the person, kind and period is skipped (NOT EXISTS), and the unique key on those
 * three makes a concurrent second run fail rather than duplicate. No engine work happens here:
 * instances start lazily when a row's task is due to open ({@link ContactOpener}).
 *
 * <p>It reads registry_person's region and life-event columns directly: planning a million people
 * through the registry's one-person API would take hours, and the join is read-only.
 */
@Component
class ContactPlanner {

  static final int CHUNK = 50_000;
  private static final Logger log = LoggerFactory.getLogger(ContactPlanner.class);

  private static final String ANY_FLAG =
      "exists (select 1 from contact_key_flag f where f.active_person = p.id)";
  private static final String LONELY_FLAG =
      "exists (select 1 from contact_key_flag f where f.active_person = p.id"
          + " and f.reason = 'LONELY_ELDERLY')";

  private final JdbcTemplate jdbc;
  private final ScheduleStore schedule;
  private final Clock clock;

  ContactPlanner(JdbcTemplate jdbc, ScheduleStore schedule, Clock clock) {
    this.jdbc = jdbc;
    this.schedule = schedule;
    this.clock = clock;
  }

  PlanRun plan(LocalDate day) {
    long started = System.nanoTime();
    List<String> counties =
        jdbc.queryForList(
            "select distinct left(township_code, 6) from registry_person", String.class);
    Long minId = jdbc.queryForObject("select min(id) from registry_person", Long.class);
    Long maxId = jdbc.queryForObject("select max(id) from registry_person", Long.class);
    long planned = 0;
    if (minId != null) {
      for (String county : counties) {
        for (ScheduleRule rule : schedule.inForce(county, day)) {
          if (rule.audience() != Audience.EVENT) {
            planned += plan(county, rule, day, minId, maxId);
          }
        }
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    log.info("contact plan for {}: {} rows added in {} ms", day, planned, millis);
    return new PlanRun(day, planned, millis);
  }

  private long plan(String county, ScheduleRule rule, LocalDate day, long minId, long maxId) {
    Period period = Period.containing(day, rule.everyMonths());
    String audience =
        switch (rule.audience()) {
          case LONELY -> LONELY_FLAG;
          case KEY -> ANY_FLAG + " and not " + LONELY_FLAG;
          case ORDINARY -> "not " + ANY_FLAG;
          case EVENT -> throw new IllegalArgumentException("events are not planned by period");
        };
    String sql =
        "insert into contact_plan (person_id, kind, period, period_start, period_end, open_on,"
            + " township_code, village_code, audience, schedule_id, status, created_at)"
            + " select p.id, ?, ?, ?, ?, ?, p.township_code, p.village_code, ?, ?, 'PLANNED', ?"
            + " from registry_person p"
            + " where p.id between ? and ? and p.township_code like ?"
            + " and p.died_on is null and p.moved_away_on is null and "
            + audience
            + " and not exists (select 1 from contact_plan c where c.person_id = p.id"
            + " and c.kind = ? and c.period = ?)";
    Timestamp now = Timestamp.from(clock.instant());
    long added = 0;
    for (long from = minId; from <= maxId; from += CHUNK) {
      added +=
          jdbc.update(
              sql,
              rule.kind().name(),
              period.key(),
              period.start(),
              period.end(),
              period.openOn(rule.openDays()),
              rule.audience().name(),
              rule.id(),
              now,
              from,
              from + CHUNK - 1,
              county + "%",
              rule.kind().name(),
              period.key());
    }
    return added;
  }
}
