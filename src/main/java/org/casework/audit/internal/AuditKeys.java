package org.casework.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The keys of the audit chain's HMAC-SHA256, never stored in the database: {@code
 * casework.keys.audit} ({@code CASEWORK_AUDIT_KEY}, {@code id:base64} or only base64, at least 32
 * bytes) or the file named by {@code casework.keys.audit-file} ({@code CASEWORK_AUDIT_KEY_FILE},
 * the same text), plus older keys still needed to verify old entries ({@code
 * casework.keys.audit-old}, {@code id:base64,id:base64}). Only the {@code demo} and {@code test}
 * profiles fall back to a fixed development key; any other start without a key fails.
 */
@Component
class AuditKeys {

  private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

  /** Development only: used when the demo or test profile runs without a configured key. */
  static final String DEV_KEY = "dev:ZGV2ZWxvcG1lbnQtb25seS1hdWRpdC1jaGFpbi1rZXktMzJi";

  private final String currentId;
  private final Map<String, byte[]> keys = new LinkedHashMap<>();

  AuditKeys(
      @Value("${casework.keys.audit:}") String key,
      @Value("${casework.keys.audit-file:}") String keyFile,
      @Value("${casework.keys.audit-old:}") String oldKeys,
      Environment env) {
    String text = key == null ? "" : key.strip();
    if (text.isEmpty() && keyFile != null && !keyFile.isBlank()) {
      try {
        text = Files.readString(Path.of(keyFile.strip()), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalStateException("audit key file " + keyFile + " cannot be read", e);
      }
    }
    if (text.isEmpty()) {
      boolean dev =
          Arrays.stream(env.getActiveProfiles())
              .anyMatch(p -> p.equals("demo") || p.equals("test"));
      if (!dev) {
        throw new IllegalStateException(
            "no audit chain key: set CASEWORK_AUDIT_KEY (id:base64, 32+ bytes) or"
                + " CASEWORK_AUDIT_KEY_FILE; only the demo and test profiles run with the"
                + " development key");
      }
      log.warn(
          "audit chain signed with the DEVELOPMENT key (profile demo/test): not for production");
      text = DEV_KEY;
    }
    this.currentId = add(text);
    if (oldKeys != null) {
      for (String old : oldKeys.split(",")) {
        if (!old.isBlank()) {
          add(old.strip());
        }
      }
    }
  }

  private String add(String spec) {
    int colon = spec.indexOf(':');
    String id = colon > 0 ? spec.substring(0, colon).strip() : "k1";
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(colon > 0 ? spec.substring(colon + 1).strip() : spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("audit key " + id + " is not base64", e);
    }
    if (bytes.length < 32) {
      throw new IllegalStateException("audit key " + id + " has " + bytes.length + " bytes, 32+");
    }
    if (id.length() > 32 || !id.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalStateException("audit key id must be 1-32 of [A-Za-z0-9_.-]");
    }
    keys.putIfAbsent(id, bytes);
    return id;
  }

  String currentId() {
    return currentId;
  }

  boolean knows(String keyId) {
    return keys.containsKey(keyId);
  }

  /** A fresh MAC for the key (a Mac is not thread-safe: one per verification or append). */
  Mac mac(String keyId) {
    byte[] key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("audit key " + keyId + " is not configured");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
    }
  }

  /** Hex HMAC of a text with the given key. */
  String sign(String keyId, String text) {
    return HexFormat.of().formatHex(mac(keyId).doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
