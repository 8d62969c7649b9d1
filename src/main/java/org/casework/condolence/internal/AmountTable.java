package org.casework.condolence.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.condolence.VisitTrigger;
import org.casework.registry.PersonCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Amounts per trigger, category and region (table condolence_amount): data, never code. */
@Component
class AmountTable {

  private final JdbcTemplate jdbc;

  AmountTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  BigDecimal amountFor(String townshipCode, VisitTrigger trigger, PersonCategory category) {
    List<String> regions = new ArrayList<>();
    if (townshipCode != null && townshipCode.length() >= 9) {
      regions.add(townshipCode.substring(0, 9));
    }
    if (townshipCode != null && townshipCode.length() >= 6) {
      regions.add(townshipCode.substring(0, 6));
    }
    regions.add("");
    String cat = category == null ? "" : category.name();
    List<BigDecimal> found =
        jdbc.queryForList(
            "SELECT amount FROM condolence_amount WHERE visit_trigger = ? AND category IN (?, '')"
                + " AND region_code IN ("
                + String.join(",", regions.stream().map(r -> "?").toList())
                + ") ORDER BY CHAR_LENGTH(region_code) DESC, CHAR_LENGTH(category) DESC LIMIT 1",
            BigDecimal.class,
            concat(trigger.name(), cat, regions));
    if (found.isEmpty()) {
      throw BusinessRuleException.invalid(
          "CONDOLENCE_AMOUNT_MISSING",
          "本地区尚未设置“" + trigger.label() + "”的慰问金标准，请先由县局设置",
          "no condolence_amount for " + trigger + "/" + cat + " in " + townshipCode);
    }
    return found.getFirst();
  }

  void set(String regionCode, VisitTrigger trigger, PersonCategory category, BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      throw BusinessRuleException.invalid(
          "CONDOLENCE_AMOUNT", "慰问金标准必须大于零", "non-positive condolence amount");
    }
    jdbc.update(
        "INSERT INTO condolence_amount (region_code, visit_trigger, category, amount) VALUES"
            + " (?,?,?,?) ON DUPLICATE KEY UPDATE amount = VALUES(amount)",
        regionCode == null ? "" : regionCode.strip(),
        trigger.name(),
        category == null ? "" : category.name(),
        amount);
  }

  private static Object[] concat(String a, String b, List<String> rest) {
    List<Object> all = new ArrayList<>(List.of(a, b));
    all.addAll(rest);
    return all.toArray();
  }
}
