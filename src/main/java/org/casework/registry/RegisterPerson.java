package org.casework.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Input for a new person record; the ID number is checked by {@link IdNumber}. */
public record RegisterPerson(
    @NotBlank(message = "{registry.idNumber.required}")
        @Size(max = 18, message = "{registry.idNumber.format}")
        String idNumber,
    @NotBlank(message = "{registry.name.required}") @Size(max = 64, message = "{field.too.long}")
        String name,
    @NotNull(message = "{registry.category.required}") PersonCategory category,
    @NotBlank(message = "{registry.township.required}") String townshipCode,
    String villageCode,
    @Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{registry.phone.format}")
        String phone,
    @Size(max = 255, message = "{field.too.long}") String address,
    @Valid @Size(max = 20, message = "{registry.members.tooMany}")
        List<HouseholdMember> householdMembers) {

  /** Rows left empty on a form are not members. */
  public RegisterPerson {
    householdMembers =
        householdMembers == null
            ? List.of()
            : householdMembers.stream()
                .filter(m -> m != null && !(isBlank(m.name()) && isBlank(m.relation())))
                .toList();
  }

  /**
   * A registered person as filing input again, e.g. for a case opened from another case: filing
   * with the same ID number finds the record, so nothing is registered twice.
   */
  public static RegisterPerson of(PersonView person, PersonalData data) {
    return new RegisterPerson(
        data.idNumber(),
        person.name(),
        person.category(),
        person.townshipCode(),
        person.villageCode(),
        data.phone(),
        data.address(),
        person.householdMembers());
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
