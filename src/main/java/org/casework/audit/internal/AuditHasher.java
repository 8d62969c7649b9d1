package org.casework.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * The canonical form of an entry: the previous hashes and every field as {@code <length>:<value>}
 * (null as {@code -}), so no two different entries share a canonical form. Entries since V150 are
 * signed with HMAC-SHA256 under a key outside the database (the key id is part of the canonical
 * form); older entries keep their plain SHA-256 ({@link #sha256}), anchored by the first keyed
 * entry after them.
 */
final class AuditHasher {

  static final String GENESIS = "0".repeat(64);

  private AuditHasher() {}

  /** The keyed hash of an entry since V150. */
  static String keyed(
      Mac mac, String keyId, String prevHash, String casePrevHash, AuditRecord r, Instant at) {
    StringBuilder c = canonical(prevHash, casePrevHash, r, at);
    field(c, "hmac-sha256:" + keyId);
    mac.reset();
    return HexFormat.of().formatHex(mac.doFinal(c.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The plain hash of an entry written before V150 (an attacker can recompute it). */
  static String sha256(String prevHash, String casePrevHash, AuditRecord r, Instant recordedAt) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  canonical(prevHash, casePrevHash, r, recordedAt)
                      .toString()
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static StringBuilder canonical(
      String prevHash, String casePrevHash, AuditRecord r, Instant recordedAt) {
    StringBuilder c = new StringBuilder(512);
    field(c, prevHash);
    field(c, casePrevHash);
    field(c, r.sourceKey());
    field(c, r.kind().name());
    field(c, r.caseNumber());
    field(c, r.regionCode());
    field(c, micros(r.at()));
    field(c, r.actor());
    field(c, r.actorRole());
    field(c, r.action());
    field(c, r.outcome());
    field(c, r.reason());
    field(c, micros(recordedAt));
    return c;
  }

  private static String micros(Instant t) {
    return t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
  }

  private static void field(StringBuilder c, String value) {
    if (value == null) {
      c.append('-');
    } else {
      c.append(value.length()).append(':').append(value);
    }
    c.append('\n');
  }
}
