package org.casework.clocks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casework.clocks.DeadlinePolicy;
import org.casework.clocks.PeriodUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads sla_deadline_policy. A case's policy version is the highest version valid on its start day
 * for its type and region chain; each stage then takes the most local row (county over city over
 * province over national) with the highest version not above the case's.
 */
@Component
class PolicyStore {

  private static final String COLUMNS =
      "id, region_code, case_type, stage, version, valid_from, period_amount, period_unit,"
          + " starts_on, pauses_on, stops_on, work_level, warn_first_pct, warn_second_pct, max_extensions,"
          + " max_extension_days";

  private final JdbcTemplate jdbc;

  PolicyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The version a case of this type and region starting on {@code day} runs under (0 = none). */
  int versionOn(String caseType, String regionCode, LocalDate day) {
    List<String> chain = chain(regionCode);
    Integer version =
        jdbc.queryForObject(
            "select max(version) from sla_deadline_policy where case_type = ? and valid_from <= ?"
                + " and region_code in (?, ?, ?, ?)",
            Integer.class,
            caseType,
            day,
            chain.get(0),
            chain.get(1),
            chain.get(2),
            chain.get(3));
    return version == null ? 0 : version;
  }

  Optional<DeadlinePolicy> stage(String caseType, String regionCode, String stage, int version) {
    List<String> chain = chain(regionCode);
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from sla_deadline_policy where case_type = ? and stage = ? and version <= ?"
                + " and region_code in (?, ?, ?, ?)"
                + " order by char_length(region_code) desc, version desc limit 1",
            PolicyStore::map,
            caseType,
            stage,
            version,
            chain.get(0),
            chain.get(1),
            chain.get(2),
            chain.get(3))
        .stream()
        .findFirst();
  }

  Optional<DeadlinePolicy> byId(long id) {
    return jdbc
        .query("select " + COLUMNS + " from sla_deadline_policy where id = ?", PolicyStore::map, id)
        .stream()
        .findFirst();
  }

  List<DeadlinePolicy> current(String caseType, String regionCode, LocalDate day) {
    int version = versionOn(caseType, regionCode, day);
    List<String> stages =
        jdbc.queryForList(
            "select distinct stage from sla_deadline_policy where case_type = ? order by stage",
            String.class,
            caseType);
    List<DeadlinePolicy> rows = new ArrayList<>();
    for (String s : stages) {
      stage(caseType, regionCode, s, version).ifPresent(rows::add);
    }
    return rows;
  }

  /** '', province, city, county prefixes of a division code (townships follow their county). */
  private static List<String> chain(String regionCode) {
    String code = regionCode == null ? "" : regionCode;
    return List.of(
        "",
        code.length() >= 2 ? code.substring(0, 2) : "",
        code.length() >= 4 ? code.substring(0, 4) : "",
        code.length() >= 6 ? code.substring(0, 6) : "");
  }

  private static DeadlinePolicy map(ResultSet rs, int row) throws SQLException {
    return new DeadlinePolicy(
        rs.getLong("id"),
        rs.getString("region_code"),
        rs.getString("case_type"),
        rs.getString("stage"),
        rs.getInt("version"),
        rs.getObject("valid_from", LocalDate.class),
        rs.getInt("period_amount"),
        PeriodUnit.valueOf(rs.getString("period_unit")),
        rs.getString("starts_on"),
        rs.getString("pauses_on"),
        rs.getString("stops_on"),
        rs.getString("work_level"),
        rs.getInt("warn_first_pct"),
        rs.getInt("warn_second_pct"),
        rs.getInt("max_extensions"),
        rs.getInt("max_extension_days"));
  }
}
