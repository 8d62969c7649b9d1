package org.casework.legalaid.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.ConsultationCount;
import org.casework.legalaid.ConsultationView;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LegalAidView;
import org.casework.legalaid.LogConsultation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for 法律援助: consultations, applications, 补正 and objections. */
@RestController
@RequestMapping("/api/legal-aid")
class LegalAidApi {

  private final LegalAid legalAid;

  LegalAidApi(LegalAid legalAid) {
    this.legalAid = legalAid;
  }

  @PostMapping("/applications")
  ResponseEntity<Filed> apply(
      @Valid @RequestBody ApplyForLegalAid application, StaffMember officer) {
    // the filing officer is the logged-in user; a "filedBy" in the body is ignored
    return filed(legalAid.apply(application.filedBy(officer.username())));
  }

  @PostMapping("/consultations")
  ResponseEntity<ConsultationView> consult(
      @Valid @RequestBody LogConsultation consultation, StaffMember officer) {
    ConsultationView c = legalAid.logConsultation(consultation.loggedBy(officer.username()));
    return ResponseEntity.created(URI.create("/api/legal-aid/consultations/" + c.id())).body(c);
  }

  @GetMapping("/consultations")
  List<ConsultationView> consultations(RegionScope scope) {
    return legalAid.consultations(scope, 50);
  }

  @GetMapping("/consultations/statistics")
  List<ConsultationCount> statistics(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope) {
    return legalAid.consultationStatistics(scope, from, to);
  }

  @PostMapping("/consultations/{id}/application")
  ResponseEntity<Filed> applyFromConsultation(
      @PathVariable long id,
      @Valid @RequestBody ApplyForLegalAid application,
      StaffMember officer) {
    return filed(legalAid.applyFromConsultation(id, application.filedBy(officer.username())));
  }

  @GetMapping("/cases/{caseNumber}")
  LegalAidView application(@PathVariable String caseNumber, RegionScope scope) {
    return legalAid.application(caseNumber, scope);
  }

  @PostMapping("/cases/{caseNumber}/materials")
  ResponseEntity<Void> materials(
      @PathVariable String caseNumber, @Valid @RequestBody Received body, StaffMember officer) {
    legalAid.materialsSubmitted(caseNumber, body.text(), officer.username());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/cases/{caseNumber}/objections")
  ResponseEntity<Void> objection(
      @PathVariable String caseNumber, @Valid @RequestBody Received body, StaffMember officer) {
    legalAid.objectionLodged(caseNumber, body.text(), officer.username());
    return ResponseEntity.accepted().build();
  }

  private static ResponseEntity<Filed> filed(CaseView opened) {
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()))
        .body(new Filed(opened.caseNumber(), opened.status().name(), opened.status().label()));
  }

  record Filed(String caseNumber, String status, String statusLabel) {}

  record Received(
      @NotBlank(message = "{received.text.required}")
          @Size(max = 2000, message = "{field.too.long}")
          String text) {}
}
