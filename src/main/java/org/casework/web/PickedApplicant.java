package org.casework.web;

import java.time.Clock;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonView;
import org.casework.registry.PersonalData;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The applicant picked on a filing form (hidden field {@code applicantPersonId}): the form carries
 * the masked ID number and no phone; here, on the server, they are replaced by the registered
 * person's own (the person found inside the officer's region, the use audited). Typed values that
 * are not the masked placeholders win: the officer may correct a phone number or an address.
 */
@Service
class PickedApplicant {

  private final Registry registry;
  private final AuditLog audit;
  private final Clock clock;

  PickedApplicant(Registry registry, AuditLog audit, Clock clock) {
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  RegisterPerson fill(RegisterPerson typed, Long personId, StaffMember officer) {
    if (personId == null || typed == null) {
      return typed;
    }
    PersonView person = registry.person(personId, RegionScope.of(officer), "登记申请（选择申请人）");
    if (typed.idNumber() != null
        && !typed.idNumber().isBlank()
        && !typed.idNumber().equals(person.maskedIdNumber())) {
      return typed; // a different person typed over the picked one: take what was typed
    }
    PersonalData data = registry.unmasked(personId);
    audit.record(
        new PersonRecordAccessed(
            AuditKind.PERSONAL_DATA_VIEW,
            clock.instant(),
            officer.username(),
            officer.role().name(),
            person.villageCode() != null ? person.villageCode() : person.townshipCode(),
            "登记申请时选择已登记人员",
            "人员 " + personId,
            "身份证号、电话、住址用于立案"));
    return new RegisterPerson(
        data.idNumber(),
        typed.name() == null || typed.name().isBlank() ? person.name() : typed.name(),
        typed.category() == null ? person.category() : typed.category(),
        typed.townshipCode() == null || typed.townshipCode().isBlank()
            ? person.townshipCode()
            : typed.townshipCode(),
        typed.villageCode() == null || typed.villageCode().isBlank()
            ? person.villageCode()
            : typed.villageCode(),
        typed.phone() == null || typed.phone().isBlank() ? data.phone() : typed.phone(),
        typed.address() == null || typed.address().isBlank() ? data.address() : typed.address(),
        typed.householdMembers().isEmpty() ? person.householdMembers() : typed.householdMembers());
  }
}
