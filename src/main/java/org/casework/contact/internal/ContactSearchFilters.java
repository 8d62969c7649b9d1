package org.casework.contact.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.contact.KeyContactReason;
import org.casework.registry.PersonSearchFilters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contact programme's filters of the person search: an active key-contact flag (of one reason
 * or any), and a contact or visit task open past its due time. Both are {@code id in (subquery)}
 * conditions, so the optimizer may start from the (few) flags or open plan rows instead of probing
 * every person of a county whose key contacts are a small share.
 */
@Component
class ContactSearchFilters implements PersonSearchFilters {

  private final JdbcTemplate jdbc;

  ContactSearchFilters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, String> keyContactReasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (KeyContactReason r : KeyContactReason.values()) {
      reasons.put(r.name(), r.label());
    }
    return reasons;
  }

  @Override
  public Condition keyContact(String reason) {
    if (reason == null) {
      return new Condition(
          "registry_person.id in (select f.person_id from contact_key_flag f"
              + " where f.cleared_at is null)",
          List.of());
    }
    KeyContactReason r;
    try {
      r = KeyContactReason.valueOf(reason);
    } catch (IllegalArgumentException e) {
      throw BusinessRuleException.invalid(
          "PERSON_SEARCH_KEY_REASON", "重点联系原因不正确，请从列表中选择", "unknown key-contact reason filter");
    }
    return new Condition(
        "registry_person.id in (select f.person_id from contact_key_flag f"
            + " where f.cleared_at is null and f.reason = ?)",
        List.of(r.name()));
  }

  @Override
  public Condition overdue(Instant now) {
    return new Condition(
        "registry_person.id in (select c.person_id from contact_plan c"
            + " where c.status = 'OPEN' and c.due_at < ?)",
        List.of(Timestamp.from(now)));
  }

  @Override
  public Map<Long, List<String>> marks(Collection<Long> personIds, Instant now) {
    Map<Long, List<String>> marks = new HashMap<>();
    if (personIds.isEmpty()) {
      return marks;
    }
    String in = String.join(",", java.util.Collections.nCopies(personIds.size(), "?"));
    List<Object> args = new ArrayList<>(personIds);
    jdbc.query(
        "select person_id, reason from contact_key_flag where cleared_at is null and person_id in ("
            + in
            + ") order by person_id, id",
        rs -> {
          marks
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add("重点：" + KeyContactReason.valueOf(rs.getString(2)).label());
        },
        args.toArray());
    args.add(Timestamp.from(now));
    jdbc.query(
        "select distinct person_id from contact_plan where person_id in ("
            + in
            + ") and status = 'OPEN' and due_at < ?",
        rs -> {
          marks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add("联系走访逾期");
        },
        args.toArray());
    return marks;
  }
}
