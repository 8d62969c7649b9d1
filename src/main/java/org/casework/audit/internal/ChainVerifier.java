package org.casework.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import javax.crypto.Mac;
import org.casework.audit.AuditKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes the chain in constant memory: keyset pages of {@value #PAGE} rows by id (each entry's
 * link to the previous one and its HMAC, or SHA-256 before V150), then keyset pages by (case, id)
 * for the per-case links. Nothing but the current page and the last hash is held, so 10 M entries
 * need no more heap than 10 000.
 */
final class ChainVerifier {

  static final int PAGE = 2000;

  private static final String COLUMNS =
      "id, source_key, kind, case_number, region_code, at, actor, actor_role, action, outcome,"
          + " reason, recorded_at, case_prev_hash, prev_hash, hash, key_id";

  /** What a pass found: the first broken entry (or none), how many entries were read. */
  record Outcome(
      long checked,
      long legacy,
      long lastId,
      String lastHash,
      Long brokenId,
      String brokenCase,
      String problem) {
    boolean intact() {
      return brokenId == null && problem == null;
    }
  }

  private final JdbcTemplate jdbc;
  private final AuditKeys keys;
  private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  ChainVerifier(JdbcTemplate jdbc, AuditKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** Both passes; the per-case pass runs only when the overall chain holds. */
  Outcome verify() {
    Outcome overall = overall();
    if (!overall.intact()) {
      return overall;
    }
    Outcome perCase = perCase();
    return perCase == null ? overall : perCase;
  }

  private Outcome overall() {
    Map<String, Mac> macs = new HashMap<>();
    String previous = AuditHasher.GENESIS;
    long checked = 0;
    long legacy = 0;
    long after = 0;
    while (true) {
      var rows =
          jdbc.query(
              "SELECT " + COLUMNS + " FROM audit_entry WHERE id > ? ORDER BY id LIMIT " + PAGE,
              (rs, n) -> row(rs),
              after);
      for (Row e : rows) {
        checked++;
        if (!e.prevHash.equals(previous)) {
          return new Outcome(
              checked, legacy, e.id, previous, e.id, e.caseNumber, "与前一条记录的链接不符：前一条记录被删除、插入或改动过");
        }
        String recomputed;
        if (e.keyId == null) {
          legacy++;
          recomputed = AuditHasher.sha256(e.prevHash, e.casePrevHash, e.record, e.recordedAt);
        } else if (!keys.knows(e.keyId)) {
          return new Outcome(
              checked,
              legacy,
              e.id,
              previous,
              e.id,
              e.caseNumber,
              "本条记录的签名密钥 " + e.keyId + " 未配置，无法校验");
        } else {
          Mac mac = macs.computeIfAbsent(e.keyId, keys::mac);
          recomputed =
              AuditHasher.keyed(mac, e.keyId, e.prevHash, e.casePrevHash, e.record, e.recordedAt);
        }
        if (!recomputed.equals(e.hash)) {
          return new Outcome(
              checked,
              legacy,
              e.id,
              previous,
              e.id,
              e.caseNumber,
              e.keyId == null ? "记录内容与其哈希不符：本条记录被改动过" : "记录内容与其密钥签名（HMAC）不符：本条记录被改动过，或哈希被不持有密钥者重算");
        }
        previous = e.hash;
        after = e.id;
      }
      if (rows.size() < PAGE) {
        return new Outcome(checked, legacy, after, previous, null, null, null);
      }
    }
  }

  /** The per-case links, in (case, id) order; {@code null} when all hold. */
  private Outcome perCase() {
    String lastCase = "";
    long lastId = 0;
    String previousOfCase = null;
    String currentCase = null;
    while (true) {
      var rows =
          jdbc.query(
              "SELECT id, case_number, case_prev_hash, hash FROM audit_entry"
                  + " WHERE case_number IS NOT NULL AND (case_number > ? OR (case_number = ? AND id"
                  + " > ?)) ORDER BY case_number, id LIMIT "
                  + PAGE,
              (rs, n) ->
                  new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
              lastCase,
              lastCase,
              lastId);
      for (String[] r : rows) {
        long id = Long.parseLong(r[0]);
        if (!r[1].equals(currentCase)) {
          currentCase = r[1];
          previousOfCase = null;
        }
        if (!Objects.equals(r[2], previousOfCase)) {
          return new Outcome(0, 0, id, null, id, r[1], "与本案前一条记录的链接不符：本案有记录被删除、插入或改动过");
        }
        previousOfCase = r[3];
        lastCase = r[1];
        lastId = id;
      }
      if (rows.size() < PAGE) {
        return null;
      }
    }
  }

  private Row row(ResultSet rs) throws SQLException {
    AuditRecord record =
        new AuditRecord(
            rs.getString("source_key"),
            AuditKind.valueOf(rs.getString("kind")),
            rs.getString("case_number"),
            rs.getString("region_code"),
            instant(rs.getTimestamp("at", utc)),
            rs.getString("actor"),
            rs.getString("actor_role"),
            rs.getString("action"),
            rs.getString("outcome"),
            rs.getString("reason"));
    return new Row(
        rs.getLong("id"),
        rs.getString("case_number"),
        record,
        instant(rs.getTimestamp("recorded_at", utc)),
        rs.getString("case_prev_hash"),
        rs.getString("prev_hash"),
        rs.getString("hash"),
        rs.getString("key_id"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private record Row(
      long id,
      String caseNumber,
      AuditRecord record,
      Instant recordedAt,
      String casePrevHash,
      String prevHash,
      String hash,
      String keyId) {}
}
