package org.casework.ledger.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-programme rule as data per region: the most specific row wins (township, then county, then
 * the national row '').
 */
@Component
class DuplicateRules {

  private final JdbcTemplate jdbc;

  DuplicateRules(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean blocksCrossProgramme(String regionCode) {
    Set<String> candidates = new LinkedHashSet<>();
    String code = regionCode == null ? "" : regionCode.strip();
    if (code.length() >= 9) {
      candidates.add(code.substring(0, 9));
    }
    if (code.length() >= 6) {
      candidates.add(code.substring(0, 6));
    }
    candidates.add("");
    List<Boolean> found =
        jdbc.queryForList(
            "SELECT block_cross_programme FROM ledger_duplicate_rule WHERE region_code IN ("
                + String.join(",", candidates.stream().map(c -> "?").toList())
                + ") ORDER BY CHAR_LENGTH(region_code) DESC LIMIT 1",
            Boolean.class,
            candidates.toArray());
    return !found.isEmpty() && Boolean.TRUE.equals(found.getFirst());
  }

  @Transactional
  void set(String regionCode, boolean block, String note) {
    String code = regionCode == null ? "" : regionCode.strip();
    jdbc.update(
        "INSERT INTO ledger_duplicate_rule (region_code, block_cross_programme, note) VALUES (?, ?,"
            + " ?) ON DUPLICATE KEY UPDATE block_cross_programme = VALUES(block_cross_programme),"
            + " note = VALUES(note)",
        code,
        block,
        note);
  }
}
