package org.casework.assistance.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;
import org.casework.assistance.ApplicationView;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for 困难帮扶: filing, 补正 and 公示异议. */
@RestController
@RequestMapping("/api/hardship")
class HardshipApi {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final Logger log = LoggerFactory.getLogger(HardshipApi.class);

  private final HardshipAssistance assistance;

  HardshipApi(HardshipAssistance assistance) {
    this.assistance = assistance;
  }

  /**
   * Files an application. With an {@code Idempotency-Key} header (one key per submission, e.g. a
   * UUID the client made when the form opened) a repeated submission — double click, a retry after
   * a timeout, two racing requests — answers 200 with the case the first one opened (header {@code
   * Idempotent-Replayed: true}) instead of opening a second case.
   */
  @PostMapping("/applications")
  ResponseEntity<Filed> apply(
      @Valid @RequestBody ApplyForAssistance application,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      StaffMember officer) {
    // the filing officer is the logged-in user; a "filedBy" in the body is ignored
    ApplyForAssistance filing = application.filedBy(officer.username());
    if (idempotencyKey == null) {
      return created(assistance.apply(filing));
    }
    String key = checkedKey(idempotencyKey);
    Optional<CaseView> earlier = assistance.filedWithKey(officer.username(), key);
    if (earlier.isPresent()) {
      return replayed(earlier.get());
    }
    try {
      return created(assistance.apply(filing, key));
    } catch (RuntimeException e) {
      // a racing submission with the same key committed first: its unique key (or its person, or
      // the duplicate rule) refused this one, and nothing of this one was written
      Optional<CaseView> winner = assistance.filedWithKey(officer.username(), key);
      if (winner.isPresent()) {
        log.info(
            "filing with idempotency key by {} raced a submission with the same key: case {}",
            officer.username(),
            winner.get().caseNumber());
        return replayed(winner.get());
      }
      throw e;
    }
  }

  private static ResponseEntity<Filed> created(CaseView opened) {
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()))
        .body(Filed.of(opened));
  }

  private static ResponseEntity<Filed> replayed(CaseView earlier) {
    return ResponseEntity.ok()
        .location(URI.create("/api/cases/" + earlier.caseNumber()))
        .header(REPLAYED, "true")
        .body(Filed.of(earlier));
  }

  private static String checkedKey(String key) {
    String k = key.strip();
    if (k.isEmpty() || k.length() > 100 || !k.chars().allMatch(c -> c > 32 && c < 127)) {
      throw BusinessRuleException.invalid(
          "IDEMPOTENCY_KEY_INVALID",
          "请求标识（Idempotency-Key）须为 1–100 个可见英文字符",
          "bad Idempotency-Key of length " + key.length());
    }
    return k;
  }

  @PostMapping("/cases/{caseNumber}/materials")
  ResponseEntity<Void> materials(
      @PathVariable String caseNumber, @Valid @RequestBody Received body, StaffMember officer) {
    assistance.materialsSubmitted(caseNumber, body.text(), officer.username());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/cases/{caseNumber}/objections")
  ResponseEntity<Void> objection(
      @PathVariable String caseNumber, @Valid @RequestBody Received body, StaffMember officer) {
    assistance.objectionLodged(caseNumber, body.text(), officer.username());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/cases/{caseNumber}/reconsideration")
  ResponseEntity<Void> reconsideration(
      @PathVariable String caseNumber, @Valid @RequestBody Received body, StaffMember officer) {
    assistance.reconsiderationRequested(caseNumber, body.text(), officer.username());
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/cases/{caseNumber}/application")
  ApplicationView application(@PathVariable String caseNumber, RegionScope scope) {
    return assistance.application(caseNumber, scope);
  }

  record Filed(String caseNumber, String status, String statusLabel) {
    static Filed of(CaseView c) {
      return new Filed(c.caseNumber(), c.status().name(), c.status().label());
    }
  }

  /**
   * {@code receivedBy} is the logged-in officer; the field is accepted for old clients, ignored.
   */
  record Received(
      @NotBlank(message = "{received.text.required}")
          @Size(max = 2000, message = "{field.too.long}")
          String text,
      @Size(max = 64, message = "{field.too.long}") String receivedBy) {}
}
