package org.casework.registry;

import java.util.List;

/**
 * A search hit: masked, no personal data beyond the name. {@code marks}: the contact programme's
 * short marks (key-contact reasons, an overdue contact), empty when none.
 */
public record PersonSummary(
    long id,
    String name,
    String maskedIdNumber,
    PersonCategory category,
    String townshipCode,
    String villageCode,
    boolean deceased,
    boolean movedAway,
    List<String> marks) {

  public PersonSummary {
    marks = marks == null ? List.of() : List.copyOf(marks);
  }

  public PersonSummary(
      long id,
      String name,
      String maskedIdNumber,
      PersonCategory category,
      String townshipCode,
      String villageCode,
      boolean deceased,
      boolean movedAway) {
    this(
        id,
        name,
        maskedIdNumber,
        category,
        townshipCode,
        villageCode,
        deceased,
        movedAway,
        List.of());
  }

  public PersonSummary withMarks(List<String> marks) {
    return new PersonSummary(
        id, name, maskedIdNumber, category, townshipCode, villageCode, deceased, movedAway, marks);
  }
}
