package org.casework.petition.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.petition.NoticeKind;
import org.casework.petition.PetitionNotice;
import org.casework.petition.PetitionRegistered;
import org.casework.petition.PetitionView;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for 信访: registration and what comes in while a petition runs. */
@RestController
@RequestMapping("/api/petitions")
class PetitionApi {

  private final Petitions petitions;

  PetitionApi(Petitions petitions) {
    this.petitions = petitions;
  }

  /** 201 for a new case; 200 when the petition was recorded on an existing case. */
  @PostMapping
  ResponseEntity<PetitionRegistered> register(
      @Valid @RequestBody RegisterPetition petition, StaffMember officer) {
    // the registering officer is the logged-in user; a "registeredBy" in the body is ignored
    PetitionRegistered r = petitions.register(petition.registeredBy(officer.username()));
    return PetitionRegistered.REGISTERED.equals(r.outcome())
        ? ResponseEntity.created(URI.create("/api/petitions/" + r.caseNumber())).body(r)
        : ResponseEntity.ok(r);
  }

  @GetMapping("/{caseNumber}")
  PetitionView petition(@PathVariable String caseNumber, RegionScope scope) {
    return petitions.petition(caseNumber, scope);
  }

  @GetMapping("/{caseNumber}/notices")
  List<PetitionNotice> notices(@PathVariable String caseNumber, RegionScope scope) {
    return petitions.notices(caseNumber, scope);
  }

  /** The notice as the petitioner receives it: a PDF with the issuing body's header. */
  @GetMapping("/{caseNumber}/notices/{kind}.pdf")
  ResponseEntity<byte[]> noticePdf(
      @PathVariable String caseNumber, @PathVariable NoticeKind kind, RegionScope scope) {
    byte[] pdf = petitions.noticePdf(caseNumber, kind, scope);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(caseNumber + "-" + kind.label() + ".pdf", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(pdf);
  }

  @PostMapping("/{caseNumber}/review-requests")
  ResponseEntity<Void> review(
      @PathVariable String caseNumber, @Valid @RequestBody Text body, RegionScope scope) {
    petitions.requestReview(caseNumber, body.text(), scope);
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{caseNumber}/rereview-requests")
  ResponseEntity<Void> rereview(
      @PathVariable String caseNumber, @Valid @RequestBody Text body, RegionScope scope) {
    petitions.requestReReview(caseNumber, body.text(), scope);
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{caseNumber}/conflicts")
  ResponseEntity<Void> conflict(
      @PathVariable String caseNumber, @Valid @RequestBody Conflict body, RegionScope scope) {
    petitions.markConflict(caseNumber, body.username(), body.reason(), scope);
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  @PostMapping("/{caseNumber}/officer")
  ResponseEntity<Void> officer(
      @PathVariable String caseNumber, @Valid @RequestBody Officer body, RegionScope scope) {
    petitions.assignOfficer(caseNumber, body.username(), scope);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/linked-cases")
  ResponseEntity<Linked> linked(
      @PathVariable String caseNumber, @Valid @RequestBody LinkRequest body, RegionScope scope) {
    CaseView opened = petitions.spawnLinkedCase(caseNumber, body.type(), body.details(), scope);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Linked(opened.caseNumber(), opened.type().name(), opened.type().label()));
  }

  record Text(
      @NotBlank(message = "{petition.request.text.required}")
          @Size(max = 1000, message = "{field.too.long}")
          String text) {}

  record Conflict(
      @NotBlank(message = "{petition.conflict.username.required}")
          @Size(max = 64, message = "{field.too.long}")
          String username,
      @NotBlank(message = "{petition.conflict.reason.required}")
          @Size(max = 500, message = "{field.too.long}")
          String reason) {}

  record Officer(
      @NotBlank(message = "{petition.conflict.username.required}")
          @Size(max = 64, message = "{field.too.long}")
          String username) {}

  record LinkRequest(
      @NotNull(message = "{petition.link.type.required}") CaseType type,
      @Size(max = 10, message = "{field.too.long}") Map<String, String> details) {}

  record Linked(String caseNumber, String type, String typeLabel) {}
}
