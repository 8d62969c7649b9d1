package org.casework.jurisdiction.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The staff table as the engine's users and groups: an enabled member of staff is a user, their
 * candidate group (role × region) is a group, and {@link CandidateGroups#ENGINE_ADMINS} holds the
 * administrators. Read on every call, so a disabled or re-assigned member counts at once.
 */
@Component
class StaffDirectory {

  record StaffUser(String id, String name, List<String> groups) {}

  record StaffGroup(String id, String name, String type) {}

  static final String TYPE_WORKFLOW = "WORKFLOW";
  static final String TYPE_SYSTEM = "SYSTEM";

  private static final Pattern GROUP_ID = Pattern.compile("([a-z]+)-(\\d{6}|\\d{9}|\\d{12})-(.+)");

  // a provider: the engine's configuration is built before the JPA repositories are needed
  private final ObjectProvider<Jurisdiction> jurisdiction;

  StaffDirectory(ObjectProvider<Jurisdiction> jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  Optional<StaffUser> user(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return jurisdiction
        .getObject()
        .staff(username)
        .filter(StaffMember::enabled)
        .map(StaffDirectory::toUser);
  }

  /** Enabled staff, by username. */
  List<StaffUser> users() {
    return jurisdiction.getObject().allStaff().stream()
        .filter(StaffMember::enabled)
        .map(StaffDirectory::toUser)
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .toList();
  }

  /** Groups of enabled staff (and the administrators' group), by id. */
  List<StaffGroup> groups() {
    Map<String, StaffGroup> groups = new LinkedHashMap<>();
    groups.put(CandidateGroups.ENGINE_ADMINS, adminGroup());
    for (StaffMember s : jurisdiction.getObject().allStaff()) {
      if (s.enabled()) {
        groups.computeIfAbsent(s.candidateGroup(), id -> group(id).orElse(null));
      }
    }
    return groups.values().stream()
        .filter(g -> g != null)
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .toList();
  }

  /** A group by id: the administrators, or any role × region of this jurisdiction. */
  Optional<StaffGroup> group(String id) {
    if (id == null) {
      return Optional.empty();
    }
    if (id.equals(CandidateGroups.ENGINE_ADMINS)) {
      return Optional.of(adminGroup());
    }
    Matcher m = GROUP_ID.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    RegionCode code;
    try {
      code = new RegionCode(m.group(2));
    } catch (RuntimeException notACode) {
      return Optional.empty();
    }
    RegionLevel level = code.level();
    if (!level.groupPrefix().equals(m.group(1))) {
      return Optional.empty();
    }
    Optional<Role> role =
        Arrays.stream(Role.values())
            .filter(r -> r.groupSuffix().equals(m.group(3)) && r.fitsLevel(level))
            .findFirst();
    Optional<Region> region = role.flatMap(r -> jurisdiction.getObject().findRegion(code));
    return region.map(r -> new StaffGroup(id, r.name() + " " + role.get().label(), TYPE_WORKFLOW));
  }

  private static StaffGroup adminGroup() {
    return new StaffGroup(CandidateGroups.ENGINE_ADMINS, "系统管理员（流程平台）", TYPE_SYSTEM);
  }

  private static StaffUser toUser(StaffMember s) {
    return new StaffUser(s.username(), s.displayName(), s.groups());
  }
}
