package org.casework.contact.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casework.common.BusinessRuleException;
import org.casework.contact.ContactMethod;
import org.casework.contact.NeedKind;
import org.casework.contact.NeedOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the opener the data names for a visit's need (contact_need_opener), after the visit
 * committed: in one transaction the visit row is locked, the opener opens its record and the
 * reference is stored on the visit, so a redelivered event finds it and opens nothing twice. The
 * built-in HARDSHIP_CASE is {@link NeedCases}; NONE records the need on the visit only. A refusal's
 * Chinese reason is kept in {@code link_refused}.
 */
@Component
class NeedOpeners {

  static final String HARDSHIP_CASE = "HARDSHIP_CASE";
  static final String NONE = "NONE";
  private static final Logger log = LoggerFactory.getLogger(NeedOpeners.class);

  private final JdbcTemplate jdbc;
  private final Map<String, NeedOpener> openers;
  private final TransactionTemplate transaction;

  NeedOpeners(
      JdbcTemplate jdbc, List<NeedOpener> openers, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.openers = openers.stream().collect(Collectors.toMap(NeedOpener::key, Function.identity()));
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The opener key of each need kind, as the data says today. */
  Map<NeedKind, String> mapping() {
    Map<NeedKind, String> m = new java.util.EnumMap<>(NeedKind.class);
    jdbc.query(
        "select need_kind, opener from contact_need_opener",
        rs -> {
          m.put(NeedKind.valueOf(rs.getString(1)), rs.getString(2));
        });
    return m;
  }

  @Async
  @TransactionalEventListener
  void on(NeedFound found) {
    open(found.visitId());
  }

  /** Opens (or finds) the record of the visit's need; its reference, or empty. */
  Optional<String> open(long visitId) {
    Map<String, Object> v =
        jdbc.queryForMap(
            "select person_id, township_code, village_code, method, visited_on, visited_by,"
                + " findings, need_kind, need_text from contact_visit where id = ?",
            visitId);
    NeedKind kind = NeedKind.valueOf((String) v.get("need_kind"));
    String key = mapping().getOrDefault(kind, NONE);
    if (kind == NeedKind.NONE || NONE.equals(key) || HARDSHIP_CASE.equals(key)) {
      return Optional.empty();
    }
    NeedOpener opener = openers.get(key);
    if (opener == null) {
      log.warn("visit {}: need {} names opener {}, which no module provides", visitId, kind, key);
      return Optional.empty();
    }
    NeedOpener.FoundNeed need =
        new NeedOpener.FoundNeed(
            visitId,
            ((Number) v.get("person_id")).longValue(),
            (String) v.get("township_code"),
            (String) v.get("village_code"),
            kind,
            (String) v.get("need_text"),
            (String) v.get("findings"),
            ((java.sql.Date) v.get("visited_on")).toLocalDate(),
            ContactMethod.valueOf((String) v.get("method")),
            (String) v.get("visited_by"));
    try {
      return Optional.ofNullable(
          transaction.execute(
              tx -> {
                String linked =
                    jdbc.queryForObject(
                        "select linked_ref from contact_visit where id = ? for update",
                        String.class,
                        visitId);
                if (linked != null) {
                  return linked;
                }
                NeedOpener.Opened opened = opener.open(need);
                jdbc.update(
                    "update contact_visit set linked_type = ?, linked_ref = ?, link_refused = null"
                        + " where id = ?",
                    key,
                    opened.reference(),
                    visitId);
                log.info("visit {}: {} {} opened by {}", visitId, key, opened.reference(), key);
                return opened.reference();
              }));
    } catch (BusinessRuleException refused) {
      log.info("visit {}: {} refused: {}", visitId, key, refused.getMessage());
      String reason = refused.userMessage();
      transaction.executeWithoutResult(
          tx ->
              jdbc.update(
                  "update contact_visit set link_refused = ? where id = ?",
                  reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500),
                  visitId));
      return Optional.empty();
    }
  }
}
