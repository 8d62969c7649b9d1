package org.casework.registry;

/**
 * A member of a household: {@code personId} is the member's own record in the registry, or null for
 * a member known only by name (recorded before members were people).
 */
public record HouseholdLink(Long personId, String name, String relation, String maskedIdNumber) {

  public boolean linked() {
    return personId != null;
  }
}
