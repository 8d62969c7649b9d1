package org.casework.contact.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.casework.contact.ChangeSchedule;
import org.casework.contact.ContactProgramme;
import org.casework.contact.Coverage;
import org.casework.contact.KeyContactFlag;
import org.casework.contact.PlanView;
import org.casework.contact.RecordVisit;
import org.casework.contact.ReportEvent;
import org.casework.contact.ScheduleRule;
import org.casework.contact.SetKeyContact;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.RegionScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the contact programme. Who may do what is checked by the facade (role and region from
 * the login); the acting officer is always the logged-in one.
 */
@RestController
@RequestMapping("/api/contact")
class ContactApi {

  private final ContactProgramme contacts;
  private final java.time.Clock clock;

  ContactApi(ContactProgramme contacts, java.time.Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @PostMapping("/persons/{personId}/key-contact")
  ResponseEntity<KeyContactFlag> flag(
      @PathVariable long personId, @Valid @RequestBody SetKeyContact body, RegionScope scope) {
    KeyContactFlag f = contacts.flag(personId, body, scope);
    return ResponseEntity.created(URI.create("/api/contact/key-contacts/" + f.id())).body(f);
  }

  @DeleteMapping("/key-contacts/{flagId}")
  KeyContactFlag clear(
      @PathVariable long flagId, @Valid @RequestBody ClearFlag body, RegionScope scope) {
    return contacts.clearFlag(flagId, body.reason(), scope);
  }

  @GetMapping("/key-contacts")
  List<KeyContactFlag> keyContacts(RegionScope scope) {
    return contacts.keyContacts(scope);
  }

  @GetMapping("/persons/{personId}/key-contact")
  List<KeyContactFlag> flags(@PathVariable long personId, RegionScope scope) {
    return contacts.flags(personId, scope);
  }

  @PostMapping("/events")
  ResponseEntity<PlanView> report(@Valid @RequestBody ReportEvent body, RegionScope scope) {
    PlanView p = contacts.reportEvent(body, scope);
    return ResponseEntity.created(URI.create("/api/contact/persons/" + p.personId() + "/plans"))
        .body(p);
  }

  @PostMapping("/visits")
  ResponseEntity<VisitView> visit(@Valid @RequestBody RecordVisit body, RegionScope scope) {
    VisitView v = contacts.recordVisit(body, scope);
    return ResponseEntity.created(URI.create("/api/contact/persons/" + v.personId() + "/visits"))
        .body(v);
  }

  @GetMapping("/persons/{personId}/visits")
  List<VisitView> visits(@PathVariable long personId, RegionScope scope) {
    return contacts.visits(personId, scope);
  }

  @GetMapping("/persons/{personId}/plans")
  List<PlanView> plans(@PathVariable long personId, RegionScope scope) {
    return contacts.plans(personId, scope);
  }

  @GetMapping("/schedule")
  List<ScheduleRule> schedule(
      @RequestParam String region,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day) {
    return contacts.schedule(
        region, day == null ? org.casework.common.Formats.chinaDate(clock.instant()) : day);
  }

  @PostMapping("/schedule")
  ResponseEntity<ScheduleRule> change(@Valid @RequestBody ChangeSchedule body, RegionScope scope) {
    return ResponseEntity.status(201).body(contacts.changeSchedule(body, scope));
  }

  @GetMapping("/coverage")
  Coverage coverage(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope) {
    return contacts.coverage(from, to, scope);
  }

  record ClearFlag(
      @NotBlank(message = "请填写取消原因") @Size(max = 200, message = "取消原因不能超过200字") String reason) {}
}
