package org.casework.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.contact.Audience;
import org.casework.contact.ContactKind;
import org.casework.contact.ScheduleRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and versions contact_schedule as sla's PolicyStore does deadline policies: for each
 * audience and kind the row of the most local region ('' national, province, city, county prefix)
 * with the highest version valid on the day wins. A change adds a version; rows are never updated.
 */
@Component
class ScheduleStore {

  private static final String COLUMNS =
      "id, region_code, audience, kind, version, valid_from, every_months, due_days, open_days,"
          + " changed_by, reason";

  private final JdbcTemplate jdbc;

  ScheduleStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows in force for the region on {@code day}, one per audience and kind. */
  List<ScheduleRule> inForce(String regionCode, LocalDate day) {
    List<String> chain = chain(regionCode);
    List<ScheduleRule> all =
        jdbc.query(
            "select "
                + COLUMNS
                + " from contact_schedule where valid_from <= ? and region_code in (?, ?, ?, ?)"
                + " order by char_length(region_code) desc, version desc",
            ScheduleStore::map,
            day,
            chain.get(0),
            chain.get(1),
            chain.get(2),
            chain.get(3));
    Map<String, ScheduleRule> first = new LinkedHashMap<>();
    for (ScheduleRule r : all) {
      first.putIfAbsent(r.audience() + "/" + r.kind(), r);
    }
    return new ArrayList<>(first.values());
  }

  List<ScheduleRule> history(String regionCode) {
    List<String> chain = chain(regionCode);
    return jdbc.query(
        "select "
            + COLUMNS
            + " from contact_schedule where region_code in (?, ?, ?, ?)"
            + " order by audience, kind, char_length(region_code) desc, version desc",
        ScheduleStore::map,
        chain.get(0),
        chain.get(1),
        chain.get(2),
        chain.get(3));
  }

  /** Adds the next version of the (region, audience, kind) row. */
  long addVersion(
      String regionCode,
      Audience audience,
      ContactKind kind,
      LocalDate validFrom,
      Integer everyMonths,
      Integer dueDays,
      int openDays,
      String changedBy,
      String reason) {
    Integer last =
        jdbc.queryForObject(
            "select max(version) from contact_schedule where region_code = ? and audience = ?"
                + " and kind = ? for update",
            Integer.class,
            regionCode,
            audience.name(),
            kind.name());
    int version = last == null ? 1 : last + 1;
    jdbc.update(
        "insert into contact_schedule (region_code, audience, kind, version, valid_from,"
            + " every_months, due_days, open_days, changed_by, reason) values (?,?,?,?,?,?,?,?,?,?)",
        regionCode,
        audience.name(),
        kind.name(),
        version,
        validFrom,
        everyMonths,
        dueDays,
        openDays,
        changedBy,
        reason);
    return jdbc.queryForObject(
        "select id from contact_schedule where region_code = ? and audience = ? and kind = ?"
            + " and version = ?",
        Long.class,
        regionCode,
        audience.name(),
        kind.name(),
        version);
  }

  /** '', province, city, county prefixes of a division code (townships follow their county). */
  static List<String> chain(String regionCode) {
    String code = regionCode == null ? "" : regionCode;
    return List.of(
        "",
        code.length() >= 2 ? code.substring(0, 2) : "",
        code.length() >= 4 ? code.substring(0, 4) : "",
        code.length() >= 6 ? code.substring(0, 6) : "");
  }

  private static ScheduleRule map(ResultSet rs, int row) throws SQLException {
    return new ScheduleRule(
        rs.getLong("id"),
        rs.getString("region_code"),
        Audience.valueOf(rs.getString("audience")),
        ContactKind.valueOf(rs.getString("kind")),
        rs.getInt("version"),
        rs.getObject("valid_from", LocalDate.class),
        (Integer) rs.getObject("every_months", Integer.class),
        (Integer) rs.getObject("due_days", Integer.class),
        rs.getInt("open_days"),
        rs.getString("changed_by"),
        rs.getString("reason"));
  }
}
