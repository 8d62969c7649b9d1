package org.casework.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * Staff training (业务培训, seed 002 §18–19): courses and who attended, certificates (退役军人事务员) with
 * their expiry, and the training each station owes per half-year by the rule in force (data in
 * {@code stations_training_rule}); a station whose last ended half-year fell short is overdue.
 */
public interface StationTraining {

  /** A course held by a township or county, with the staff who attended. */
  record Course(
      long id,
      String regionCode,
      String title,
      LocalDate heldOn,
      BigDecimal hours,
      String place,
      String organiser,
      List<Attendee> attendees) {}

  record Attendee(long staffId, String name, String stationName) {}

  /** What a new course needs; checked by the service (Chinese messages). */
  record NewCourse(
      String title, LocalDate heldOn, BigDecimal hours, String place, String organiser) {}

  /** A certificate of a member of staff; {@code status} 有效 / 即将到期 / 已过期 on the day asked. */
  record Certificate(
      long id,
      long staffId,
      String staffName,
      long stationId,
      String stationName,
      String kindLabel,
      String number,
      String grade,
      LocalDate issuedOn,
      LocalDate expiresOn,
      String status) {

    public boolean needsAttention() {
      return !"有效".equals(status);
    }
  }

  /**
   * One station's training in one half-year: the courses its staff attended against the rule's
   * number; {@code overdue} when the half-year has ended short of it.
   */
  record HalfYear(
      long stationId,
      String stationName,
      String regionCode,
      String period,
      LocalDate from,
      LocalDate to,
      int required,
      int attended,
      boolean overdue) {

    public boolean done() {
      return attended >= required;
    }

    public String status() {
      return done() ? "已完成" : overdue ? "逾期未完成" : "未完成";
    }
  }

  /** The rule in force for a region on a day, in words (for the page). */
  String ruleLabel(String regionCode, LocalDate day);

  Course addCourse(NewCourse course, RegionScope scope);

  /**
   * Corrects a course of the officer's region (or a region below it) with a reason; the same checks
   * as a new course, and a course with attendance cannot move after today.
   */
  Course editCourse(long courseId, NewCourse course, String reason, RegionScope scope);

  /**
   * Deletes a course of the officer's region (or below) and its attendance, with a reason; what it
   * was stays in the correction history and the audit log.
   */
  void deleteCourse(long courseId, String reason, RegionScope scope);

  /** Removes one person's attendance (staff of the officer's region) with a reason. */
  Course removeAttendance(long courseId, long staffId, String reason, RegionScope scope);

  /** The corrections of a course (its own and its attendance's), oldest first. */
  List<String> corrections(long courseId, RegionScope scope);

  /** Records that these staff attended; staff already recorded are left as they are. */
  Course recordAttendance(long courseId, List<Long> staffIds, RegionScope scope);

  /** Courses of the scope's region, the regions above it and below it, newest first. */
  List<Course> courses(RegionScope scope);

  Certificate addCertificate(
      long staffId,
      String kind,
      String number,
      String grade,
      LocalDate issuedOn,
      LocalDate expiresOn,
      RegionScope scope);

  /** Certificates of the staff of stations in the scope, soonest expiry first. */
  List<Certificate> certificates(RegionScope scope, LocalDate today);

  /** The active staff of the stations in the scope (for the attendance and certificate forms). */
  List<Attendee> activeStaff(RegionScope scope);

  /** Certificate kinds: code → label. */
  java.util.Map<String, String> certificateKinds();

  /**
   * Every station in the scope that owes training, for the half-year containing {@code today} and
   * the one before it.
   */
  List<HalfYear> owed(RegionScope scope, LocalDate today);

  /** The stations of the scope whose last ended half-year fell short of the rule. */
  List<HalfYear> overdue(RegionScope scope, LocalDate today);
}
