package org.casework.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * Volunteer teams (志愿服务队, seed 001, 002 §10, sheet items 52–54): a station's teams, their members
 * (people in the registry), and activities with date, place, hours and who was served. Every person
 * served is recorded as a contact in the contact programme, so the activity counts as a visit.
 */
public interface VolunteerTeams {

  record Team(
      long id,
      long stationId,
      String stationName,
      String regionCode,
      String name,
      LocalDate foundedOn,
      String purpose,
      int members,
      int activities,
      BigDecimal hours) {}

  record Member(long personId, String name, String role, LocalDate joinedOn, LocalDate leftOn) {

    public boolean active() {
      return leftOn == null;
    }
  }

  record Served(long personId, String name, Long contactVisitId) {}

  /**
   * An activity; a voided one ({@code voidedBy} set) stays with its reason and no longer counts for
   * the team, its hours or the score sheet — its people served keep their contact visits.
   */
  record Activity(
      long id,
      LocalDate heldOn,
      String place,
      BigDecimal hours,
      String content,
      String recordedBy,
      List<Served> served,
      String voidedBy,
      String voidReason) {

    public boolean voided() {
      return voidedBy != null;
    }
  }

  /** A person who may join or be served: registered in the team's station region. */
  record Person(long id, String name, String maskedIdNumber) {}

  record TeamDetail(Team team, List<Member> members, List<Activity> activities) {}

  record NewActivity(
      LocalDate heldOn, String place, BigDecimal hours, String content, List<Long> servedIds) {}

  List<Team> teams(RegionScope scope);

  TeamDetail team(long teamId, RegionScope scope);

  Team createTeam(
      long stationId, String name, LocalDate foundedOn, String purpose, RegionScope scope);

  Member addMember(long teamId, long personId, String role, LocalDate joinedOn, RegionScope scope);

  Member removeMember(long teamId, long personId, LocalDate leftOn, RegionScope scope);

  /** Records an activity and, for each person served, a contact in the contact programme. */
  Activity recordActivity(long teamId, NewActivity activity, RegionScope scope);

  /** What an activity's correction may change (who was served cannot: void and record anew). */
  record ActivityChange(LocalDate heldOn, String place, BigDecimal hours, String content) {}

  /**
   * Corrects an activity's date, place, hours or content with a reason; the date of an activity
   * whose people served were recorded as visits cannot change (the visits carry it).
   */
  Activity editActivity(
      long teamId, long activityId, ActivityChange change, String reason, RegionScope scope);

  /**
   * Voids an activity with a reason (it is not deleted: the contact visits it recorded closed plan
   * rows and tasks of the contact programme, which cannot be undone safely; they stay).
   */
  Activity voidActivity(long teamId, long activityId, String reason, RegionScope scope);

  /** The living people of the team's station region (for the member and served lists). */
  List<Person> people(long teamId, RegionScope scope);
}
