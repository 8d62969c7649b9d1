package org.casework.web;

import java.util.ArrayList;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonQuery;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonSummary;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pickers of the filing forms (static/js/pickers.js): regions by name in a county → township →
 * village cascade limited to the officer's scope, and the applicant from the registry by name or ID
 * tail, masked. Picking fills the form from the record; the full ID number never leaves the server
 * (the filing page puts it in from the picked person's id, {@link PickedApplicant}).
 */
@RestController
class PickerApi {

  /** One choice of the cascade: the code is the value sent, the name what the user reads. */
  record RegionChoice(String code, String name) {}

  /** One registry hit: masked, with Chinese labels. */
  record PersonChoice(
      long id,
      String name,
      String maskedIdNumber,
      String categoryLabel,
      String place,
      boolean deceased,
      boolean movedAway) {}

  /** What the form is filled with (masked ID and phone; the server fills in the full ones). */
  record ApplicantFill(
      long id,
      String name,
      String maskedIdNumber,
      PersonCategory category,
      String categoryLabel,
      String countyCode,
      String townshipCode,
      String villageCode,
      String place,
      String maskedPhone,
      List<HouseholdMember> householdMembers) {}

  private final Jurisdiction jurisdiction;
  private final PersonRecords records;
  private final Registry registry;

  PickerApi(Jurisdiction jurisdiction, PersonRecords records, Registry registry) {
    this.jurisdiction = jurisdiction;
    this.records = records;
    this.registry = registry;
  }

  /**
   * The regions below {@code parent} (none: the counties) that the officer works in: their own
   * region, the regions above it on the way down, and every region below it.
   */
  @GetMapping("/api/pickers/regions")
  List<RegionChoice> regions(@RequestParam(required = false) String parent, RegionScope scope) {
    RegionCode from = parent == null || parent.isBlank() ? null : RegionCode.parse(parent);
    List<RegionChoice> out = new ArrayList<>();
    for (Region r : jurisdiction.children(from)) {
      if (scope.covers(r.code()) || r.code().contains(scope.region())) {
        out.add(new RegionChoice(r.code().value(), r.name()));
      }
    }
    return out;
  }

  /** People in the officer's region by name (prefix) or the last four characters of the ID. */
  @GetMapping("/api/pickers/people")
  List<PersonChoice> people(@RequestParam String q, RegionScope scope) {
    String typed = q == null ? "" : q.strip();
    if (typed.isEmpty() || typed.length() > 32) {
      return List.of();
    }
    boolean tail = typed.matches("[\\dXx]{4}");
    var page =
        records.search(
            new PersonQuery(tail ? null : typed, tail ? typed : null, null, null, 0, 10), scope);
    return page.people().stream().map(this::choice).toList();
  }

  /** The picked person, to fill the form: found only inside the officer's region. */
  @GetMapping("/api/pickers/people/{id}")
  ApplicantFill person(@PathVariable long id, RegionScope scope) {
    PersonView p = registry.person(id, scope, "选择申请人");
    if (p.isDeceased()) {
      throw BusinessRuleException.invalid(
          "APPLICANT_DECEASED", "该人员已登记死亡，不能作为申请人", "picked person " + id + " is deceased");
    }
    RegionCode township = RegionCode.parse(p.townshipCode());
    return new ApplicantFill(
        p.id(),
        p.name(),
        p.maskedIdNumber(),
        p.category(),
        p.category().label(),
        township.county().value(),
        township.value(),
        p.villageCode(),
        place(p.townshipCode(), p.villageCode()),
        p.maskedPhone(),
        p.householdMembers());
  }

  private PersonChoice choice(PersonSummary s) {
    return new PersonChoice(
        s.id(),
        s.name(),
        s.maskedIdNumber(),
        s.category() == null ? "" : s.category().label(),
        place(s.townshipCode(), s.villageCode()),
        s.deceased(),
        s.movedAway());
  }

  private String place(String townshipCode, String villageCode) {
    StringBuilder out = new StringBuilder();
    for (String code : new String[] {townshipCode, villageCode}) {
      if (code == null || code.isBlank()) {
        continue;
      }
      try {
        jurisdiction.findRegion(RegionCode.parse(code)).ifPresent(r -> out.append(r.name()));
      } catch (BusinessRuleException malformed) {
        // an old record with a malformed code: the place stays empty
      }
    }
    return out.toString();
  }
}
