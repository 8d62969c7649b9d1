package org.casework.legalaid.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casework.legalaid.AidOutcome;
import org.casework.legalaid.ConsultationCount;
import org.casework.legalaid.ConsultationView;
import org.casework.legalaid.HardshipCheck;
import org.casework.legalaid.MatterType;
import org.casework.legalaid.TerminationGround;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The legal-aid tables. Updates set a value (never add to one), so a step that runs twice leaves
 * the same row.
 */
@Repository
class LegalAidStore {

  private final JdbcTemplate jdbc;

  LegalAidStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- applications -------------------------------------------------------------------------

  record Application(
      long id,
      String caseNumber,
      long applicantPersonId,
      MatterType matterType,
      String matterSummary,
      String opposingParty,
      LocalDate hearingDate,
      LocalDate limitationDate,
      String materialsPresent,
      boolean urgent,
      HardshipCheck hardshipCheck,
      String hardshipGround,
      boolean materialsRequested,
      String missingMaterials,
      String materialsStep,
      String decision,
      String decisionReason,
      String objection,
      String objectionOutcome,
      String lawyer,
      TerminationGround terminationGround,
      String terminationReason,
      AidOutcome outcome,
      BigDecimal moneyRecovered,
      String satisfaction,
      Instant closedAt) {}

  void insertApplication(
      long caseId,
      String caseNumber,
      long personId,
      MatterType matterType,
      String summary,
      String opposingParty,
      LocalDate hearingDate,
      LocalDate limitationDate,
      String materialsPresent,
      boolean urgent,
      HardshipCheck check,
      String ground,
      Long consultationId,
      Instant at) {
    jdbc.update(
        "INSERT INTO legalaid_application (case_id, case_number, applicant_person_id, matter_type,"
            + " matter_summary, opposing_party, hearing_date, limitation_date, materials_present,"
            + " urgent, hardship_check, hardship_ground, consultation_id, filed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseId,
        caseNumber,
        personId,
        matterType.name(),
        summary,
        opposingParty,
        hearingDate == null ? null : Date.valueOf(hearingDate),
        limitationDate == null ? null : Date.valueOf(limitationDate),
        materialsPresent,
        urgent,
        check.name(),
        ground,
        consultationId,
        Timestamp.from(at));
  }

  Optional<Application> application(String caseNumber) {
    return jdbc
        .query(
            "SELECT * FROM legalaid_application WHERE case_number = ?",
            (rs, i) -> application(rs),
            caseNumber)
        .stream()
        .findFirst();
  }

  private static Application application(ResultSet rs) throws SQLException {
    Date hearing = rs.getDate("hearing_date");
    Date limitation = rs.getDate("limitation_date");
    String ground = rs.getString("termination_ground");
    String outcome = rs.getString("outcome");
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Application(
        rs.getLong("id"),
        rs.getString("case_number"),
        rs.getLong("applicant_person_id"),
        MatterType.valueOf(rs.getString("matter_type")),
        rs.getString("matter_summary"),
        rs.getString("opposing_party"),
        hearing == null ? null : hearing.toLocalDate(),
        limitation == null ? null : limitation.toLocalDate(),
        rs.getString("materials_present"),
        rs.getBoolean("urgent"),
        HardshipCheck.valueOf(rs.getString("hardship_check")),
        rs.getString("hardship_ground"),
        rs.getBoolean("materials_requested"),
        rs.getString("missing_materials"),
        rs.getString("materials_step"),
        rs.getString("decision"),
        rs.getString("decision_reason"),
        rs.getString("objection"),
        rs.getString("objection_outcome"),
        rs.getString("lawyer"),
        ground == null ? null : TerminationGround.valueOf(ground),
        rs.getString("termination_reason"),
        outcome == null ? null : AidOutcome.valueOf(outcome),
        rs.getBigDecimal("money_recovered"),
        rs.getString("satisfaction"),
        closed == null ? null : closed.toInstant());
  }

  java.util.Map<String, String> satisfactions(java.util.Collection<String> caseNumbers) {
    java.util.Map<String, String> given = new java.util.HashMap<>();
    if (caseNumbers.isEmpty()) {
      return given;
    }
    List<String> numbers = caseNumbers.stream().distinct().toList();
    jdbc.query(
        "SELECT case_number, satisfaction FROM legalaid_application WHERE case_number IN ("
            + String.join(",", java.util.Collections.nCopies(numbers.size(), "?"))
            + ")",
        rs -> {
          given.put(rs.getString(1), rs.getString(2));
        },
        numbers.toArray());
    return given;
  }

  List<String> casesOf(long personId) {
    return jdbc.queryForList(
        "SELECT case_number FROM legalaid_application WHERE applicant_person_id = ? ORDER BY id",
        String.class,
        personId);
  }

  void materialsRequested(String caseNumber, String missing, String stepKey) {
    jdbc.update(
        "UPDATE legalaid_application SET materials_requested = TRUE, missing_materials = ?,"
            + " materials_step = ? WHERE case_number = ?",
        missing,
        stepKey,
        caseNumber);
  }

  void decided(String caseNumber, String decision, String reason, String ground, Instant at) {
    jdbc.update(
        "UPDATE legalaid_application SET decision = ?, decision_reason = ?, hardship_ground = ?,"
            + " decided_at = ? WHERE case_number = ?",
        decision,
        reason,
        ground,
        Timestamp.from(at),
        caseNumber);
  }

  void objection(String caseNumber, String text) {
    jdbc.update(
        "UPDATE legalaid_application SET objection = ? WHERE case_number = ?", text, caseNumber);
  }

  void objectionDecided(String caseNumber, String outcome) {
    jdbc.update(
        "UPDATE legalaid_application SET objection_outcome = ? WHERE case_number = ?",
        outcome,
        caseNumber);
  }

  void assigned(String caseNumber, String lawyer, Instant at) {
    jdbc.update(
        "UPDATE legalaid_application SET lawyer = ?, assigned_at = ? WHERE case_number = ?",
        lawyer,
        Timestamp.from(at),
        caseNumber);
  }

  void terminated(String caseNumber, TerminationGround ground, String reason, Instant at) {
    jdbc.update(
        "UPDATE legalaid_application SET termination_ground = ?, termination_reason = ?,"
            + " closed_at = ? WHERE case_number = ?",
        ground.name(),
        reason,
        Timestamp.from(at),
        caseNumber);
  }

  void matterEnded(String caseNumber, Instant at) {
    jdbc.update(
        "UPDATE legalaid_application SET matter_ended_at = COALESCE(matter_ended_at, ?)"
            + " WHERE case_number = ?",
        Timestamp.from(at),
        caseNumber);
  }

  void closed(String caseNumber, AidOutcome outcome, BigDecimal money, Instant at) {
    jdbc.update(
        "UPDATE legalaid_application SET outcome = ?, money_recovered = ?,"
            + " closed_at = COALESCE(closed_at, ?) WHERE case_number = ?",
        outcome == null ? null : outcome.name(),
        money,
        Timestamp.from(at),
        caseNumber);
  }

  void surveyed(String caseNumber, String satisfaction) {
    jdbc.update(
        "UPDATE legalaid_application SET satisfaction = ? WHERE case_number = ?",
        satisfaction,
        caseNumber);
  }

  // --- parties and the conflict check ------------------------------------------------------

  void insertParty(String caseNumber, String side, String name, Long personId) {
    jdbc.update(
        "INSERT INTO legalaid_party (case_number, side, name, name_key, person_id)"
            + " VALUES (?, ?, ?, ?, ?)",
        caseNumber,
        side,
        name.strip(),
        nameKey(name),
        personId);
  }

  /**
   * Open cases (other than {@code caseNumber}) in which {@code lawyer} acts for the party that is
   * the other side of {@code caseNumber}: the recipient there is this case's opposing party, found
   * by person id or by name.
   */
  List<String> casesActingForOtherSide(String lawyer, String caseNumber) {
    return jdbc.queryForList(
        "SELECT DISTINCT a.case_number FROM legalaid_application a"
            + " JOIN legalaid_party mine ON mine.case_number = a.case_number"
            + "   AND mine.side = 'APPLICANT'"
            + " JOIN legalaid_party other ON other.case_number = ? AND other.side = 'OPPOSING'"
            + " WHERE a.lawyer = ? AND a.closed_at IS NULL AND a.case_number <> ?"
            + "   AND (mine.name_key = other.name_key"
            + "        OR (other.person_id IS NOT NULL AND mine.person_id = other.person_id))"
            + " ORDER BY a.case_number",
        String.class,
        caseNumber,
        lawyer,
        caseNumber);
  }

  static String nameKey(String name) {
    return name.replaceAll("[\\s\\u3000]+", "");
  }

  // --- lawyers -----------------------------------------------------------------------------

  record Lawyer(String username, boolean legalWorker, String firm, boolean active) {}

  Optional<Lawyer> lawyer(String username) {
    return jdbc
        .query(
            "SELECT * FROM legalaid_lawyer WHERE username = ?",
            (rs, i) ->
                new Lawyer(
                    rs.getString("username"),
                    "LEGAL_WORKER".equals(rs.getString("kind")),
                    rs.getString("firm"),
                    rs.getBoolean("active")),
            username)
        .stream()
        .findFirst();
  }

  List<Lawyer> activeLawyers() {
    return jdbc.query(
        "SELECT * FROM legalaid_lawyer WHERE active = TRUE ORDER BY username",
        (rs, i) ->
            new Lawyer(
                rs.getString("username"),
                "LEGAL_WORKER".equals(rs.getString("kind")),
                rs.getString("firm"),
                true));
  }

  void upsertLawyer(String username, boolean legalWorker, String firm) {
    jdbc.update(
        "INSERT INTO legalaid_lawyer (username, kind, firm, active) VALUES (?, ?, ?, TRUE)"
            + " ON DUPLICATE KEY UPDATE kind = VALUES(kind), firm = VALUES(firm), active = TRUE",
        username,
        legalWorker ? "LEGAL_WORKER" : "LAWYER",
        firm);
  }

  // --- rules -------------------------------------------------------------------------------

  /** The ground of the most specific rule row (longest region prefix of {@code regionCode}). */
  Optional<String> hardshipRule(String regionCode, String kind, String code) {
    return jdbc
        .queryForList(
            "SELECT ground FROM legalaid_hardship_rule WHERE kind = ? AND code = ?"
                + " AND ? LIKE CONCAT(region_code, '%') ORDER BY LENGTH(region_code) DESC",
            String.class, kind, code, regionCode)
        .stream()
        .findFirst();
  }

  void upsertHardshipRule(String regionCode, String kind, String code, String ground) {
    jdbc.update(
        "INSERT INTO legalaid_hardship_rule (region_code, kind, code, ground) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE ground = VALUES(ground)",
        regionCode,
        kind,
        code,
        ground);
  }

  record RegionPolicy(int urgentDays, int materialsDays, int objectionWindowDays) {}

  RegionPolicy regionPolicy(String regionCode) {
    return jdbc
        .query(
            "SELECT * FROM legalaid_region_policy WHERE ? LIKE CONCAT(region_code, '%')"
                + " ORDER BY LENGTH(region_code) DESC LIMIT 1",
            (rs, i) ->
                new RegionPolicy(
                    rs.getInt("urgent_days"),
                    rs.getInt("materials_days"),
                    rs.getInt("objection_window_days")),
            regionCode)
        .stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no legalaid_region_policy row"));
  }

  // --- consultations -----------------------------------------------------------------------

  long insertConsultation(
      String township,
      String region,
      String visitorName,
      Long personId,
      MatterType topic,
      String question,
      String answer,
      String loggedBy,
      Instant at) {
    return insertConsultation(
        township, region, visitorName, personId, topic, question, answer, loggedBy, at, null);
  }

  long insertConsultation(
      String township,
      String region,
      String visitorName,
      Long personId,
      MatterType topic,
      String question,
      String answer,
      String loggedBy,
      Instant at,
      Long dutyId) {
    jdbc.update(
        "INSERT INTO legalaid_consultation (county_code, township_code, region_code, visitor_name,"
            + " person_id, topic, question, answer, logged_by, logged_at, duty_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        township.substring(0, 6),
        township,
        region,
        visitorName,
        personId,
        topic.name(),
        question,
        answer,
        loggedBy,
        Timestamp.from(at),
        dutyId);
    return jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
  }

  Optional<ConsultationView> consultation(long id) {
    return jdbc.query(CONSULTATION + " WHERE c.id = ?", (rs, i) -> consultation(rs), id).stream()
        .findFirst();
  }

  /** True when the consultation had no application yet (and now has this one). */
  boolean linkConsultation(long id, String caseNumber) {
    return jdbc.update(
            "UPDATE legalaid_consultation SET case_number = ?, version = version + 1"
                + " WHERE id = ? AND case_number IS NULL",
            caseNumber,
            id)
        == 1;
  }

  List<ConsultationView> consultations(String regionPrefix, int limit) {
    return jdbc.query(
        CONSULTATION
            + " WHERE c.region_code LIKE CONCAT(?, '%')"
            + " ORDER BY c.logged_at DESC, c.id DESC LIMIT ?",
        (rs, i) -> consultation(rs),
        regionPrefix,
        limit);
  }

  /** Sort keys of the consultation list → ORDER BY expressions (only these reach the SQL). */
  private static final java.util.Map<String, String> CONSULTATION_ORDER =
      java.util.Map.of(
          "logged", "c.logged_at",
          "number", "c.id",
          "visitor", org.casework.common.web.LabelOrder.pinyin("c.visitor_name"),
          "topic",
              org.casework.common.web.LabelOrder.of(MatterType.class, MatterType::label)
                  .orderBy("c.topic"),
          "officer", "c.logged_by");

  org.casework.common.web.Paged<ConsultationView> consultationsPage(
      String regionPrefix, org.casework.common.web.PageParams page) {
    return org.casework.common.web.Paged.query(
        jdbc,
        "SELECT COUNT(*) FROM legalaid_consultation WHERE region_code LIKE CONCAT(?, '%')",
        CONSULTATION + " WHERE c.region_code LIKE CONCAT(?, '%')",
        CONSULTATION_ORDER,
        "c.logged_at",
        "c.id",
        (rs, i) -> consultation(rs),
        List.of(regionPrefix),
        page);
  }

  List<ConsultationCount> consultationCounts(String regionPrefix, Instant from, Instant to) {
    List<ConsultationCount> rows = new ArrayList<>();
    jdbc.query(
        "SELECT township_code, topic, COUNT(*) AS n, COUNT(case_number) AS converted"
            + " FROM legalaid_consultation WHERE region_code LIKE CONCAT(?, '%')"
            + " AND logged_at >= ? AND logged_at < ?"
            + " GROUP BY township_code, topic ORDER BY township_code, topic",
        rs -> {
          MatterType topic = MatterType.valueOf(rs.getString("topic"));
          rows.add(
              new ConsultationCount(
                  rs.getString("township_code"),
                  topic,
                  topic.label(),
                  rs.getLong("n"),
                  rs.getLong("converted")));
        },
        regionPrefix,
        Timestamp.from(from),
        Timestamp.from(to));
    return rows;
  }

  /** Consultations with the duty they came from (day and lawyer), if any. */
  private static final String CONSULTATION =
      "SELECT c.*, d.duty_date, d.lawyer AS duty_lawyer FROM legalaid_consultation c"
          + " LEFT JOIN legalaid_duty d ON d.id = c.duty_id";

  private static ConsultationView consultation(ResultSet rs) throws SQLException {
    MatterType topic = MatterType.valueOf(rs.getString("topic"));
    long dutyId = rs.getLong("duty_id");
    boolean onDuty = !rs.wasNull();
    return new ConsultationView(
        rs.getLong("id"),
        rs.getString("region_code"),
        rs.getString("visitor_name"),
        topic,
        topic.label(),
        rs.getString("question"),
        rs.getString("answer"),
        rs.getString("logged_by"),
        rs.getTimestamp("logged_at").toInstant(),
        rs.getString("case_number"),
        onDuty ? dutyId : null,
        onDuty ? rs.getDate("duty_date").toLocalDate() : null,
        onDuty ? rs.getString("duty_lawyer") : null);
  }
}
