package org.casework.assistance.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.casework.assistance.ApplicationView;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for 困难帮扶: filing, 补正 and 公示异议. */
@RestController
@RequestMapping("/api/hardship")
class HardshipApi {

  private final HardshipAssistance assistance;

  HardshipApi(HardshipAssistance assistance) {
    this.assistance = assistance;
  }

  @PostMapping("/applications")
  ResponseEntity<Filed> apply(
      @Valid @RequestBody ApplyForAssistance application, StaffMember officer) {
    // the filing officer is the logged-in user; a "filedBy" in the body is ignored
    CaseView opened = assistance.apply(application.filedBy(officer.username()));
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()))
        .body(new Filed(opened.caseNumber(), opened.status().name(), opened.status().label()));
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

  record Filed(String caseNumber, String status, String statusLabel) {}

  /**
   * {@code receivedBy} is the logged-in officer; the field is accepted for old clients, ignored.
   */
  record Received(
      @NotBlank(message = "{received.text.required}")
          @Size(max = 2000, message = "{field.too.long}")
          String text,
      @Size(max = 64, message = "{field.too.long}") String receivedBy) {}
}
