package org.casework.contact;

import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * The contact programme (联系走访): key-contact flags, the schedule, the plan and its contact-visit
 * tasks, must-visit events, visit records and coverage. Every officer acts inside their {@link
 * RegionScope}; a person outside it is refused in Chinese and the refusal recorded.
 */
public interface ContactProgramme {

  /** The process id of bpmn/contact-visit.bpmn. */
  String PROCESS = "contact-visit";

  /** The business key of the contact-visit instance of a plan row. */
  static String reference(long planId) {
    return "CONTACT-" + planId;
  }

  /** Marks the person a key contact; the same reason while active is refused (409). */
  KeyContactFlag flag(long personId, SetKeyContact flag, RegionScope scope);

  /** Clears an active flag (kept as history with who cleared it and why). */
  KeyContactFlag clearFlag(long flagId, String reason, RegionScope scope);

  /** The person's flags, active and cleared, newest first. */
  List<KeyContactFlag> flags(long personId, RegionScope scope);

  /** Active key contacts inside the scope, by village and name (at most 1,000). */
  List<KeyContactFlag> keyContacts(RegionScope scope);

  /** Sort keys of {@link #keyContactsPage}: 村（社区） (default), 档案号, 姓名, 原因, 起始日期. */
  org.casework.common.web.PageParams.Sorting KEY_CONTACT_SORTING =
      new org.casework.common.web.PageParams.Sorting(
          List.of("village", "person", "name", "reason", "since"), false, 20);

  /** One page of the active key contacts inside the scope, sorted as asked, with their number. */
  org.casework.common.web.Paged<KeyContactFlag> keyContactsPage(
      RegionScope scope, org.casework.common.web.PageParams page);

  /**
   * Plans the periods that contain {@code day} for every recipient, by the schedule valid that day,
   * with set-based SQL; running it again adds nothing (unique person + kind + period).
   */
  PlanRun plan(LocalDate day);

  /**
   * Starts contact-visit instances for up to {@code limit} planned rows whose task is due to open
   * by {@code day}; returns how many it started.
   */
  int openDue(LocalDate day, int limit);

  /** A must-visit event: recorded once per person, event and day; its visit opens at once. */
  PlanView reportEvent(ReportEvent event, RegionScope scope);

  /**
   * Records a contact or visit. When the person has an open contact-visit task it is completed with
   * these facts (as Tasklist would); otherwise the record is made directly. A need for hardship
   * assistance files a 困难帮扶 application linked to the visit.
   */
  VisitView recordVisit(RecordVisit visit, RegionScope scope);

  List<VisitView> visits(long personId, RegionScope scope);

  List<PlanView> plans(long personId, RegionScope scope);

  /** The schedule rows in force for {@code regionCode} on {@code day} (most local row wins). */
  List<ScheduleRule> schedule(String regionCode, LocalDate day);

  /** Every version of the schedule rows of the region and above, newest first. */
  List<ScheduleRule> scheduleHistory(String regionCode);

  /** Adds a new version of a schedule row; administrators of the region only. */
  ScheduleRule changeSchedule(ChangeSchedule change, RegionScope scope);

  /** Coverage of the scope's villages and townships: township heads and supervisors. */
  Coverage coverage(LocalDate from, LocalDate to, RegionScope scope);

  /** The same figures as an Excel workbook (.xlsx); no personal data in it. */
  byte[] coverageExcel(LocalDate from, LocalDate to, RegionScope scope);
}
