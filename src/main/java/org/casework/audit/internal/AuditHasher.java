package org.casework.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 (JDK) over the previous hashes and the canonical form of an entry: every field as {@code
 * <length>:<value>} (null as {@code -}), so no two different entries share a canonical form.
 */
final class AuditHasher {

  static final String GENESIS = "0".repeat(64);

  private AuditHasher() {}

  static String hash(String prevHash, String casePrevHash, AuditRecord r, Instant recordedAt) {
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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(c.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
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
