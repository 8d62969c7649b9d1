package org.casework.services.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** services_request: one row per service case, the menu version it was filed under, its state. */
@Component
class RequestStore {

  /** The request's state as the station's lists read it (the case's status has the detail). */
  enum State {
    IDENTITY("待核实身份"),
    ACCEPTANCE("受理审查"),
    SUPPLEMENT("待补正材料"),
    HANDLING("办理中"),
    REFERRED("已转介，待答复"),
    RESULT("待登记结果"),
    FOLLOW_UP("待回访"),
    DONE("已办结"),
    REFUSED("不予受理");

    private final String label;

    State(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  record Row(
      long id,
      String caseNumber,
      String countyCode,
      String townshipCode,
      long personId,
      long menuItemId,
      String itemCode,
      String mode,
      String channel,
      boolean verified,
      String claimedName,
      String claimedPhone,
      String note,
      State state,
      Instant referredAt,
      Instant referralDueAt,
      String answer,
      String resultOutcome,
      String resultNote,
      BigDecimal amount,
      String place,
      Long needId,
      Instant filedAt,
      String personName,
      String itemName,
      int itemVersion) {}

  static final String COLUMNS =
      "r.id, r.case_number, r.county_code, r.township_code, r.person_id, r.menu_item_id,"
          + " r.item_code, r.mode, r.channel, r.verified, r.claimed_name, r.claimed_phone, r.note,"
          + " r.state, r.referred_at, r.referral_due_at, r.answer, r.result_outcome,"
          + " r.result_note, r.amount, r.place, r.need_id, r.filed_at, p.name person_name,"
          + " m.name item_name, m.version item_version";

  /**
   * The request with its person's name and its menu version's name in one query (registry_person
   * read-only, as contact's planning SQL does): the lists stay one indexed query per page.
   */
  static final String FROM =
      " from services_request r join registry_person p on p.id = r.person_id"
          + " join services_menu_item m on m.id = r.menu_item_id";

  private final JdbcTemplate jdbc;

  RequestStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String caseNumber,
      String townshipCode,
      long personId,
      long menuItemId,
      String itemCode,
      String mode,
      String channel,
      boolean verified,
      String claimedName,
      String claimedPhone,
      String note,
      Long needId,
      Instant now) {
    jdbc.update(
        "insert into services_request (case_number, county_code, township_code, person_id,"
            + " menu_item_id, item_code, mode, channel, verified, claimed_name, claimed_phone,"
            + " note, state, need_id, filed_at, updated_at)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        caseNumber,
        townshipCode.substring(0, 6),
        townshipCode,
        personId,
        menuItemId,
        itemCode,
        mode,
        channel,
        verified,
        claimedName,
        claimedPhone,
        note,
        (verified ? State.ACCEPTANCE : State.IDENTITY).name(),
        needId,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  Optional<Row> find(String caseNumber) {
    return jdbc
        .query(
            "select " + COLUMNS + FROM + " where r.case_number = ?", RequestStore::map, caseNumber)
        .stream()
        .findFirst();
  }

  void state(String caseNumber, State state, Instant now) {
    jdbc.update(
        "update services_request set state = ?, updated_at = ? where case_number = ?",
        state.name(),
        Timestamp.from(now),
        caseNumber);
  }

  void verified(String caseNumber, Instant now) {
    jdbc.update(
        "update services_request set verified = true, state = ?, updated_at = ?"
            + " where case_number = ?",
        State.ACCEPTANCE.name(),
        Timestamp.from(now),
        caseNumber);
  }

  void referred(String caseNumber, Instant now, Instant due) {
    jdbc.update(
        "update services_request set state = ?, referred_at = coalesce(referred_at, ?),"
            + " referral_due_at = ?, updated_at = ? where case_number = ?",
        State.REFERRED.name(),
        Timestamp.from(now),
        Timestamp.from(due),
        Timestamp.from(now),
        caseNumber);
  }

  /**
   * Demo data only: filing and referral moved back to {@code referredAt}, the answer due {@code
   * due}.
   */
  void backdateReferral(String caseNumber, Instant referredAt, Instant due) {
    jdbc.update(
        "update services_request set filed_at = least(filed_at, ?), referred_at = ?,"
            + " referral_due_at = ? where case_number = ? and state = 'REFERRED'",
        Timestamp.from(referredAt),
        Timestamp.from(referredAt),
        Timestamp.from(due),
        caseNumber);
  }

  void answered(String caseNumber, String answer, Instant now) {
    jdbc.update(
        "update services_request set state = ?, answer = ?, answered_at = ?, updated_at = ?"
            + " where case_number = ?",
        State.RESULT.name(),
        answer,
        Timestamp.from(now),
        Timestamp.from(now),
        caseNumber);
  }

  void result(
      String caseNumber,
      String outcome,
      String note,
      BigDecimal amount,
      String place,
      Long needId,
      Instant now) {
    jdbc.update(
        "update services_request set state = ?, result_outcome = ?, result_note = ?, amount = ?,"
            + " place = ?, need_id = coalesce(need_id, ?), updated_at = ? where case_number = ?",
        State.FOLLOW_UP.name(),
        outcome,
        note,
        amount,
        place,
        needId,
        Timestamp.from(now),
        caseNumber);
  }

  void needId(String caseNumber, long needId) {
    jdbc.update(
        "update services_request set need_id = ? where case_number = ?", needId, caseNumber);
  }

  /** Open requests of a region prefix (county, township or village's township), oldest first. */
  List<Row> open(String prefix, int limit) {
    return open(prefix, 0, limit);
  }

  List<Row> open(String prefix, int offset, int limit) {
    return openPage(prefix, "filed", false, offset, limit);
  }

  /** Sort keys of the open list → columns (only these reach the SQL). */
  private static final java.util.Map<String, String> OPEN_ORDER =
      java.util.Map.of(
          "filed",
          "r.filed_at",
          "number",
          "r.case_number",
          "person",
          "p.name",
          "item",
          "m.name",
          "state",
          org.casework.common.web.LabelOrder.of(State.class, State::label).orderBy("r.state"));

  /** A page of the open requests, ordered by a whitelisted key (ties by id). */
  List<Row> openPage(String prefix, String sort, boolean descending, long offset, int size) {
    org.casework.common.web.PageParams page =
        new org.casework.common.web.PageParams(
            (int) (offset / Math.max(size, 1)), size, sort, descending);
    return jdbc.query(
        "select "
            + COLUMNS
            + FROM
            + " where r."
            + regionColumn(prefix)
            + " = ? and r.is_open = true"
            + page.orderBy(OPEN_ORDER, "r.filed_at", "r.id"),
        RequestStore::map,
        regionValue(prefix),
        size,
        offset);
  }

  /**
   * The column a region prefix is matched on: a county's or a township's (a village's township).
   */
  private static String regionColumn(String prefix) {
    return prefix.length() <= 6 ? "county_code" : "township_code";
  }

  private static String regionValue(String prefix) {
    return prefix.length() <= 9 ? prefix : prefix.substring(0, 9);
  }

  long countOpen(String prefix) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from services_request r where r."
                + regionColumn(prefix)
                + " = ? and r.is_open = true",
            Long.class,
            regionValue(prefix));
    return n == null ? 0 : n;
  }

  /** Referred requests whose answer was due before {@code now}, most overdue first. */
  List<Row> overdueReferrals(String prefix, Instant now, int limit) {
    return overdueReferrals(prefix, now, 0, limit);
  }

  List<Row> overdueReferrals(String prefix, Instant now, int offset, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + FROM
            + " where r."
            + regionColumn(prefix)
            + " = ? and r.state = 'REFERRED' and r.referral_due_at < ?"
            + " order by r.referral_due_at, r.id limit ? offset ?",
        RequestStore::map,
        regionValue(prefix),
        Timestamp.from(now),
        limit,
        offset);
  }

  List<Row> ofPerson(long personId) {
    return jdbc.query(
        "select " + COLUMNS + FROM + " where r.person_id = ? order by r.filed_at desc",
        RequestStore::map,
        personId);
  }

  static Row map(ResultSet rs, int row) throws SQLException {
    long need = rs.getLong("need_id");
    Long needId = rs.wasNull() ? null : need;
    return new Row(
        rs.getLong("id"),
        rs.getString("case_number"),
        rs.getString("county_code"),
        rs.getString("township_code"),
        rs.getLong("person_id"),
        rs.getLong("menu_item_id"),
        rs.getString("item_code"),
        rs.getString("mode"),
        rs.getString("channel"),
        rs.getBoolean("verified"),
        rs.getString("claimed_name"),
        rs.getString("claimed_phone"),
        rs.getString("note"),
        State.valueOf(rs.getString("state")),
        instant(rs, "referred_at"),
        instant(rs, "referral_due_at"),
        rs.getString("answer"),
        rs.getString("result_outcome"),
        rs.getString("result_note"),
        rs.getBigDecimal("amount"),
        rs.getString("place"),
        needId,
        instant(rs, "filed_at"),
        rs.getString("person_name"),
        rs.getString("item_name"),
        rs.getInt("item_version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
