package org.casework.legalaid;

import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * The county legal-aid workstation's duty roster: lawyers on working days (business calendar),
 * edited by the legal-aid officer, its gaps (weeks with working days but no duty) for supervisors.
 */
public interface DutyRoster {

  /**
   * What {@link #plan} did: the duties added and the days skipped (not working days, already on).
   */
  record Planned(List<DutyView> added, List<String> skipped) {}

  /**
   * Adds duties in a county inside {@code scope} (else 403, recorded); audited as a rule change.
   */
  Planned plan(PlanDuty plan, RegionScope scope);

  /** Removes a duty (kept in the history as removed); refused once consultations name it. */
  void remove(long dutyId, RegionScope scope);

  /** Duties of the counties inside {@code scope} between the two days, by day. */
  List<DutyView> duties(RegionScope scope, LocalDate from, LocalDate to);

  /** The duties of {@code countyCode} on {@code day} (the consultation form's default). */
  List<DutyView> onDay(String countyCode, LocalDate day);

  /** Weeks between the two days with working days but no duty, per county inside {@code scope}. */
  List<DutyGap> gaps(RegionScope scope, LocalDate from, LocalDate to);

  /** A lawyer the roster may name (active, registered). */
  record LawyerOption(String username, String name) {}

  List<LawyerOption> lawyers();

  /** The counties whose roster {@code scope} sees. */
  List<String> counties(RegionScope scope);
}
