package org.casework.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A person record as other modules see it; personal data is masked: the ID number shows its last
 * four characters, the birth date only as an age (周岁 on the day the view was read).
 */
public record PersonView(
    long id,
    String name,
    String maskedIdNumber,
    Gender gender,
    int age,
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
