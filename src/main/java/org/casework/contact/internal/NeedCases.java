package org.casework.contact.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files the 困难帮扶 application a visit found a need for, through the assistance module's filing API
 * with the visit as idempotency key (so a redelivered event files once), after the visit committed.
 * A refusal (same cause already this year, amount above the maximum …) is a business outcome: its
 * Chinese reason is kept on the visit for the liaison to see, nothing is half-filed.
 */
@Component
class NeedCases {

  private static final Logger log = LoggerFactory.getLogger(NeedCases.class);

  private final JdbcTemplate jdbc;
  private final HardshipAssistance assistance;
  private final Registry registry;
  private final TransactionTemplate transaction;

  NeedCases(
      JdbcTemplate jdbc,
      HardshipAssistance assistance,
      Registry registry,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.assistance = assistance;
    this.registry = registry;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Async
  @TransactionalEventListener
  void on(HardshipNeedFound found) {
    file(found.visitId(), found.recordedBy());
  }

  /** Files (or finds) the case of the visit's need; the case number, or empty when refused. */
  Optional<String> file(long visitId, String filedBy) {
    String key = "contact-visit-" + visitId;
    try {
      return Optional.ofNullable(
          transaction.execute(
              tx -> {
                String linked =
                    jdbc.queryForObject(
                        "select linked_case_number from contact_visit where id = ? for update",
                        String.class,
                        visitId);
                if (linked != null) {
                  return linked;
                }
                CaseView c =
                    assistance
                        .filedWithKey(filedBy, key)
                        .orElseGet(() -> assistance.apply(application(visitId, filedBy), key));
                jdbc.update(
                    "update contact_visit set linked_case_number = ?, link_refused = null where id = ?",
                    c.caseNumber(),
                    visitId);
                log.info(
                    "visit {}: hardship case {} filed by {}", visitId, c.caseNumber(), filedBy);
                return c.caseNumber();
              }));
    } catch (BusinessRuleException refused) {
      log.info("visit {}: hardship application refused: {}", visitId, refused.getMessage());
      transaction.executeWithoutResult(
          tx ->
              jdbc.update(
                  "update contact_visit set link_refused = ? where id = ?",
                  truncate(refused.userMessage()),
                  visitId));
      return Optional.empty();
    }
  }

  private ApplyForAssistance application(long visitId, String filedBy) {
    Map<String, Object> v =
        jdbc.queryForMap(
            "select v.person_id, v.method, v.visited_on, v.need_text, v.findings, h.cause,"
                + " h.amount_requested, h.monthly_income from contact_visit v"
                + " join contact_visit_hardship h on h.visit_id = v.id where v.id = ?",
            visitId);
    PersonView person = registry.person(((Number) v.get("person_id")).longValue());
    RegisterPerson applicant = RegisterPerson.of(person, registry.unmasked(person.id()));
    String description =
        "联系走访发现（走访记录 "
            + visitId
            + "，"
            + Formats.date(((java.sql.Date) v.get("visited_on")).toLocalDate())
            + ContactMethod.valueOf((String) v.get("method")).label()
            + "）："
            + v.get("need_text");
    return new ApplyForAssistance(
        applicant,
        HardshipCause.valueOf((String) v.get("cause")),
        description.length() > 2000 ? description.substring(0, 2000) : description,
        (BigDecimal) v.get("amount_requested"),
        (BigDecimal) v.get("monthly_income"),
        false,
        filedBy);
  }

  private static String truncate(String s) {
    return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
  }
}
