package org.casework.services.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.services.Appointment;
import org.casework.services.Counselling;
import org.casework.services.Counsellor;
import org.casework.services.ServiceErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 心理疏导. A session note is read by two people only: the appointment's counsellor (by login) and the
 * request's handler ({@link CaseFiles#isHandledBy}); everybody else, auditors included, gets a
 * Chinese 403 that is recorded (ScopeRefused). The case history says that a session took place,
 * never what was said.
 */
@Service
class CounsellingService implements Counselling {

  private static final Logger log = LoggerFactory.getLogger(CounsellingService.class);

  private final JdbcTemplate jdbc;
  private final CaseFiles caseFiles;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final Clock clock;

  CounsellingService(
      JdbcTemplate jdbc,
      CaseFiles caseFiles,
      Jurisdiction jurisdiction,
      ScopeGuard scopeGuard,
      Clock clock) {
    this.jdbc = jdbc;
    this.caseFiles = caseFiles;
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Counsellor> roster(RegionScope scope) {
    return jdbc.query(
        "select id, county_code, name, username, qualification from services_counsellor"
            + " where county_code = ? and active order by id",
        (rs, i) ->
            new Counsellor(
                rs.getLong("id"),
                rs.getString("county_code"),
                rs.getString("name"),
                rs.getString("username"),
                rs.getString("qualification")),
        scope.prefix().substring(0, 6));
  }

  @Override
  @Transactional
  public Appointment book(
      String caseNumber, long counsellorId, LocalDateTime at, String place, RegionScope scope) {
    CaseView c = caseFiles.get(caseNumber, scope);
    if (!"COUNSELLING".equals(itemCode(caseNumber))) {
      throw BusinessRuleException.invalid(
          "SERVICE_NOT_COUNSELLING", "只有心理疏导服务可以预约心理咨询师", "not a counselling request");
    }
    Counsellor counsellor =
        roster(scope).stream()
            .filter(k -> k.id() == counsellorId && k.countyCode().equals(c.countyCode()))
            .findFirst()
            .orElseThrow(
                () ->
                    BusinessRuleException.invalid(
                        "SERVICE_NO_COUNSELLOR", "请从本县心理咨询师名录中选择", "counsellor " + counsellorId));
    if (at == null || place == null || place.isBlank()) {
      throw BusinessRuleException.invalid(
          "SERVICE_APPOINTMENT_INCOMPLETE", "请填写预约时间和地点", "no time or place");
    }
    Instant starts = at.atZone(Formats.CHINA).toInstant();
    Instant now = clock.instant();
    jdbc.update(
        "insert into services_appointment (case_number, counsellor_id, starts_at, place, booked_by,"
            + " booked_at) values (?,?,?,?,?,?)",
        caseNumber,
        counsellorId,
        Timestamp.from(starts),
        place.strip(),
        scope.username(),
        Timestamp.from(now));
    Long id = jdbc.queryForObject("select last_insert_id()", Long.class);
    caseFiles.record(
        caseNumber,
        new HistoryEntry(
            now,
            scope.username(),
            scope.role().name(),
            "预约心理疏导",
            "已预约",
            counsellor.name() + "；" + Formats.dateTime(starts) + "；" + place.strip(),
            "appointment:" + id));
    return appointment(id);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Appointment> appointments(String caseNumber, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    return jdbc.query(
        SELECT + " where a.case_number = ? order by a.starts_at",
        CounsellingService::map,
        caseNumber);
  }

  @Override
  @Transactional
  public org.casework.services.SessionNote writeNote(
      long appointmentId, String note, String username) {
    Appointment a = appointment(appointmentId);
    requireReader(a, username, "填写心理疏导记录");
    if (note == null || note.isBlank() || note.length() > 4000) {
      throw BusinessRuleException.invalid(
          "SERVICE_NOTE_INVALID", "请填写疏导记录（不超过 4000 字）", "bad note");
    }
    Instant now = clock.instant();
    jdbc.update(
        "insert into services_session_note (appointment_id, note, written_by, written_at)"
            + " values (?,?,?,?)",
        appointmentId,
        note.strip(),
        username,
        Timestamp.from(now));
    Long id = jdbc.queryForObject("select last_insert_id()", Long.class);
    jdbc.update("update services_appointment set held = true where id = ?", appointmentId);
    // the history (and so the audit log) says that a session took place, not what was said
    caseFiles.record(
        a.caseNumber(),
        new HistoryEntry(
            now,
            username,
            role(username),
            "心理疏导会谈",
            "已进行",
            "记录保密，仅咨询师和经办人可查阅",
            "session:" + appointmentId));
    return new org.casework.services.SessionNote(id, appointmentId, note.strip(), username, now);
  }

  @Override
  @Transactional(readOnly = true)
  public List<org.casework.services.SessionNote> notes(long appointmentId, String username) {
    Appointment a = appointment(appointmentId);
    requireReader(a, username, "查阅心理疏导记录");
    return jdbc.query(
        "select id, appointment_id, note, written_by, written_at from services_session_note"
            + " where appointment_id = ? order by id",
        (rs, i) ->
            new org.casework.services.SessionNote(
                rs.getLong("id"),
                rs.getLong("appointment_id"),
                rs.getString("note"),
                rs.getString("written_by"),
                rs.getTimestamp("written_at").toInstant()),
        appointmentId);
  }

  /** The appointment's counsellor or the request's handler; anyone else a recorded 403. */
  private void requireReader(Appointment a, String username, String what) {
    String counsellorLogin =
        jdbc.queryForObject(
            "select username from services_counsellor where id = ?",
            String.class,
            a.counsellorId());
    boolean counsellor = username != null && username.equals(counsellorLogin);
    boolean handler = username != null && caseFiles.isHandledBy(a.caseNumber(), username);
    if (counsellor || handler) {
      return;
    }
    log.warn("session notes of appointment {} refused to {}", a.id(), username);
    CaseView c = caseFiles.get(a.caseNumber());
    StaffMember staff = jurisdiction.staff(username).orElse(null);
    RegionScope scope =
        staff == null
            ? new RegionScope(
                username, org.casework.jurisdiction.Role.AUDITOR, new RegionCode(c.countyCode()))
            : RegionScope.of(staff);
    scopeGuard.refuse(scope, new RegionCode(c.townshipCode()), a.caseNumber(), what);
    throw BusinessRuleException.forbidden(
        ServiceErrors.NOTES_FORBIDDEN,
        "心理疏导记录保密，仅承担会谈的心理咨询师和本案经办人可以查阅；本次访问已记录",
        "notes of appointment " + a.id() + " refused to " + username);
  }

  private String role(String username) {
    return jurisdiction.staff(username).map(s -> s.role().name()).orElse("UNKNOWN");
  }

  private String itemCode(String caseNumber) {
    return jdbc
        .queryForList(
            "select item_code from services_request where case_number = ?",
            String.class,
            caseNumber)
        .stream()
        .findFirst()
        .orElse("");
  }

  private static final String SELECT =
      "select a.id, a.case_number, a.counsellor_id, k.name, a.starts_at, a.place, a.booked_by,"
          + " a.held from services_appointment a join services_counsellor k on k.id = a.counsellor_id";

  private Appointment appointment(long id) {
    return jdbc.query(SELECT + " where a.id = ?", CounsellingService::map, id).stream()
        .findFirst()
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "SERVICE_NO_APPOINTMENT", "没有这个预约", "appointment " + id));
  }

  private static Appointment map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Appointment(
        rs.getLong("id"),
        rs.getString("case_number"),
        rs.getLong("counsellor_id"),
        rs.getString("name"),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getString("place"),
        rs.getString("booked_by"),
        rs.getBoolean("held"));
  }
}
