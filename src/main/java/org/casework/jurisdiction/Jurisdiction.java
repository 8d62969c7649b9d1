package org.casework.jurisdiction;

import java.util.List;
import java.util.Optional;

/** The jurisdiction tree and its staff: the module's public face. */
public interface Jurisdiction {

  /** The region, or a Chinese "unknown region" error for a well-formed code that is not ours. */
  Region region(RegionCode code);

  Optional<Region> findRegion(RegionCode code);

  /**
   * The regions of {@code level} inside {@code region} (itself when it is of that level), by code.
   */
  List<Region> regionsUnder(RegionCode region, RegionLevel level);

  /** The regions one level below {@code parent} (null: the counties), ordered by code. */
  List<Region> children(RegionCode parent);

  /** Adds a region; the parent must exist and be one level up. Idempotent for the same name. */
  Region addRegion(RegionCode code, String name);

  /** The station of a region (服务中心/服务站); idempotent by region. */
  Station addStation(RegionCode region, String name, String address, String phone);

  Optional<Station> station(RegionCode region);

  Optional<StaffMember> staff(String username);

  List<StaffMember> staffWith(RegionCode region, Role role);

  /** Adds a member of staff; the role must fit the region's level. Idempotent by username. */
  StaffMember addStaff(
      String username, String displayName, Role role, RegionCode region, String rawPassword);

  List<StaffMember> allStaff();

  /**
   * Disables or enables a login (the app and the engine's web apps: one directory); history keeps
   * the username.
   */
  StaffMember setEnabled(String username, boolean enabled);

  /** Moves a member of staff to another role and/or region; the role must fit the level. */
  StaffMember reassign(String username, Role role, RegionCode region);

  /** Sets a new password (bcrypt); publishes {@link StaffPasswordReset}. */
  StaffMember resetPassword(String username, String rawPassword);

  /** Password hash for the login check; never shown. */
  Optional<String> passwordHash(String username);
}
