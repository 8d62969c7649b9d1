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
 * or any), and a contact or visit task open past its due time. The key-contact filter drives the
 * search from the active flags in person order (an index, then the person joined to each: a page
 * stops at its last hit); as an {@code id in (subquery)} condition MariaDB materialised every
 * active flag and sorted them (250 ms at 1,000,000 people). Overdue is an {@code id in (subquery)}.
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
  public Driver keyContact(String reason, String register, boolean narrowed) {
    KeyContactReason r = null;
    if (reason != null) {
      try {
        r = KeyContactReason.valueOf(reason);
      } catch (IllegalArgumentException e) {
        throw BusinessRuleException.invalid(
            "PERSON_SEARCH_KEY_REASON", "重点联系原因不正确，请从列表中选择", "unknown key-contact reason filter");
      }
    }
    // any reason: a person with two active reasons once (the first)
    String once =
        "f.active_person is not null and not exists (select 1 from contact_key_flag g"
            + " where g.active_person = f.active_person and g.reason < f.reason)";
    String where = r == null ? once : "f.reason = ?";
    List<Object> args = r == null ? List.of() : List.of(r.name());
    if (narrowed) {
      // the register first, each person probed through the unique key (active_person, reason)
      return new Driver(
          register + " straight_join contact_key_flag f on f.active_person = registry_person.id",
          where,
          args,
          "registry_person.id",
          null);
    }
    // the active flags in the region, read in (township, person) order: their township is their
    // person's (V324), the person the generated column of an active flag
    String index = r == null ? "ix_contact_flag_township" : "ix_contact_flag_reason_township";
    return new Driver(
        "contact_key_flag f force index ("
            + index
            + ") straight_join "
            + register
            + " on registry_person.id = f.active_person",
        where,
        args,
        "f.active_person",
        "f.township_code");
  }

  @Override
  public Condition overdue(Instant now) {
    // probed per person through ix_contact_plan_person_open (V325), the index alone: a page stops
    // at its last hit and the bounded count at 1,001, and the cost follows the region's people. As
    // `id in (select …)` MariaDB materialised every overdue plan of every region first: 1.4 s for
    // a township's first page at 1,000,000 people with 430,000 overdue plans, 0.3–2.5 ms this way.
    return new Condition(
        "0 < (select count(*) from contact_plan c where c.person_id = registry_person.id"
            + " and c.status = 'OPEN' and c.due_at < ?)",
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
