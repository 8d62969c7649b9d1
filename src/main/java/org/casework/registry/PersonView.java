package org.casework.registry;

import java.time.LocalDate;
import java.util.List;

/** A person record as other modules see it; personal data is masked. */
public record PersonView(
    long id,
    String name,
    String maskedIdNumber,
    Gender gender,
    LocalDate birthDate,
    PersonCategory category,
    String townshipCode,
    String villageCode,
    String maskedPhone,
    List<HouseholdMember> householdMembers,
    LocalDate diedOn,
    LocalDate movedAwayOn,
    String movedAwayTo) {

  public boolean isDeceased() {
    return diedOn != null;
  }

  public boolean hasMovedAway() {
    return movedAwayOn != null;
  }

  public int householdSize() {
    return 1 + householdMembers.size();
  }
}
