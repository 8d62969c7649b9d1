package org.casework.registry.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: AES-256-GCM from the JDK, a fresh 12-byte IV per value, the column name as
 * associated data (a value copied into another column does not decrypt), and a keyed HMAC-SHA256 of
 * the ID number (blind index) for lookups and uniqueness.
 *
 * <p>Every ciphertext names its key: {@code v2:<keyId>:<base64 of IV ‖ ciphertext ‖ tag>}. A
 * ciphertext without that prefix is a legacy one (before V140) whose key id is the row's former
 * {@code pii_key_id}. Keys come from {@code casework.pii.*} ({@link PiiKeys}): the current key
 * encrypts, retired keys listed in {@code old-keys} still decrypt until {@link PiiRotation} has
 * re-encrypted every row; the same for the HMAC key ({@code hmac-key}, {@code old-hmac-keys}):
 * lookups try every listed HMAC key, rotation recomputes the index with the current one. There are
 * no built-in keys: outside the demo and test profiles the app refuses to start without real ones.
 */
@Component
public class PiiCipher {

  /** Column names, also the associated data of their ciphertexts. */
  public static final String ID_NUMBER = "id_number";

  public static final String PHONE = "phone";
  public static final String ADDRESS = "address";
  public static final String BIRTH_DATE = "birth_date";

  static final String PREFIX = "v2:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final String currentHmacKeyId;
  private final Map<String, SecretKey> hmacKeys = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  @Autowired
  PiiCipher(
      @Value("${casework.pii.key:}") String key,
      @Value("${casework.pii.key-id:}") String keyId,
      @Value("${casework.pii.old-keys:}") String oldKeys,
      @Value("${casework.pii.hmac-key:}") String hmacKey,
      @Value("${casework.pii.hmac-key-id:h1}") String hmacKeyId,
      @Value("${casework.pii.old-hmac-keys:}") String oldHmacKeys) {
    this.currentKeyId = required(keyId, "casework.pii.key-id", "CASEWORK_PII_KEY_ID");
    keys.put(currentKeyId, aes(required(key, "casework.pii.key", "CASEWORK_PII_KEY")));
    parseList(oldKeys).forEach((id, k) -> keys.putIfAbsent(id, aes(k)));
    this.currentHmacKeyId =
        required(hmacKeyId, "casework.pii.hmac-key-id", "CASEWORK_PII_HMAC_KEY_ID");
    hmacKeys.put(
        currentHmacKeyId,
        hmac(required(hmacKey, "casework.pii.hmac-key", "CASEWORK_PII_HMAC_KEY")));
    parseList(oldHmacKeys).forEach((id, k) -> hmacKeys.putIfAbsent(id, hmac(k)));
  }

  /**
   * Test and tool constructor: one key, one HMAC key, optional old keys ({@code id:base64,...}).
   */
  public PiiCipher(String key, String keyId, String oldKeys, String hmacKey) {
    this(key, keyId, oldKeys, hmacKey, "h1", "");
  }

  public static PiiCipher of(PiiKeys k) {
    return new PiiCipher(
        k.key(), k.keyId(), k.oldKeys(), k.hmacKey(), k.hmacKeyId(), k.oldHmacKeys());
  }

  /**
   * For the Flyway Java migrations, which Flyway instantiates itself: the keys of the Spring
   * environment being started ({@link PiiKeysEnvironment} saw them), else the {@code
   * CASEWORK_PII_*} variables. No defaults: missing keys stop the migration with the property's
   * name.
   */
  public static PiiCipher fromEnvironment() {
    return of(PiiKeysEnvironment.current());
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  public String currentHmacKeyId() {
    return currentHmacKeyId;
  }

  /** {@code v2:<keyId>:<base64>}; null stays null. */
  public String encrypt(String column, String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + currentKeyId
          + ":"
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt " + column, e);
    }
  }

  /** A ciphertext that names its key ({@code v2:}). */
  public String decrypt(String column, String sealed) {
    return decrypt(column, null, sealed);
  }

  /**
   * A ciphertext that names its key, or a legacy one (no prefix) sealed with {@code legacyKeyId}.
   */
  public String decrypt(String column, String legacyKeyId, String sealed) {
    if (sealed == null) {
      return null;
    }
    String keyId = keyIdOf(sealed);
    String body = sealed;
    if (keyId != null) {
      body = sealed.substring(PREFIX.length() + keyId.length() + 1);
    } else if (legacyKeyId != null) {
      keyId = legacyKeyId;
    } else {
      throw new IllegalStateException("a " + column + " ciphertext without key id");
    }
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("no personal data key with id " + keyId);
    }
    try {
      byte[] all = Base64.getDecoder().decode(body);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decrypt " + column + " with key " + keyId, e);
    }
  }

  /** The key id a ciphertext names, null for a legacy ciphertext (or null). */
  public static String keyIdOf(String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      return null;
    }
    int end = sealed.indexOf(':', PREFIX.length());
    return end < 0 ? null : sealed.substring(PREFIX.length(), end);
  }

  /** True when {@code sealed} is sealed with the current key (rotation leaves it alone). */
  public boolean isCurrent(String sealed) {
    return sealed == null || currentKeyId.equals(keyIdOf(sealed));
  }

  /**
   * Hex HMAC-SHA256 of a normalised ID number with the current HMAC key: equal numbers give equal
   * hashes, nothing more. What new rows and rotation store.
   */
  public String lookupHash(String idNumber) {
    return hash(hmacKeys.get(currentHmacKeyId), idNumber);
  }

  /** The hashes under the current and every retired HMAC key still listed (lookups, uniqueness). */
  public List<String> lookupHashes(String idNumber) {
    List<String> all = new ArrayList<>();
    hmacKeys.values().forEach(k -> all.add(hash(k, idNumber)));
    return all;
  }

  private static String hash(SecretKey key, String idNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(idNumber.strip().toUpperCase().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash an ID number", e);
    }
  }

  private static String required(String value, String property, String variable) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "personal data key setting "
              + property
              + " (environment "
              + variable
              + ") is not set: see docs/security.md, 'Keys'");
    }
    return value.strip();
  }

  private static Map<String, String> parseList(String list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list == null) {
      return out;
    }
    for (String entry : list.split(",")) {
      if (!entry.isBlank()) {
        String[] parts = entry.strip().split(":", 2);
        if (parts.length != 2 || parts[0].isBlank()) {
          throw new IllegalStateException("an old key must be written as id:base64");
        }
        out.put(parts[0].strip(), parts[1].strip());
      }
    }
    return out;
  }

  private static SecretKey aes(String base64) {
    return new SecretKeySpec(bytes32(base64, "a personal data key"), "AES");
  }

  private static SecretKey hmac(String base64) {
    return new SecretKeySpec(bytes32(base64, "an HMAC key"), "HmacSHA256");
  }

  private static byte[] bytes32(String base64, String what) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(what + " must be base64 (openssl rand -base64 32)");
    }
    if (raw.length != 32) {
      throw new IllegalStateException(what + " must be 32 bytes (base64), got " + raw.length);
    }
    return raw;
  }
}
