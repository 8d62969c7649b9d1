package org.casework.registry.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: AES-256-GCM from the JDK, a fresh 12-byte IV per value, the column name as
 * associated data (a value copied into another column does not decrypt), and a keyed HMAC-SHA256 of
 * the ID number for lookups and uniqueness.
 *
 * <p>Keys come from the environment: {@code CASEWORK_PII_KEY} (base64, 32 bytes) with id {@code
 * CASEWORK_PII_KEY_ID}; earlier keys stay readable through {@code CASEWORK_PII_OLD_KEYS} ({@code
 * id:base64,...}), so a new key encrypts new rows while old rows still decrypt (each row stores its
 * key id). {@code CASEWORK_PII_HMAC_KEY} keys the lookup hash. The defaults are for development and
 * tests only; the app warns when it runs with them.
 */
@Component
public class PiiCipher {

  /** Column names, also the associated data of their ciphertexts. */
  public static final String ID_NUMBER = "id_number";

  public static final String PHONE = "phone";
  public static final String ADDRESS = "address";

  static final String DEV_KEY = "ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=";
  static final String DEV_HMAC_KEY = "ZGV2LW9ubHktaG1hYy1rZXktZm9yLWlkLWxvb2t1cHM=";
  private static final Logger log = LoggerFactory.getLogger(PiiCipher.class);
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKey> keys = new HashMap<>();
  private final SecretKey hmacKey;
  private final SecureRandom random = new SecureRandom();

  PiiCipher(
      @Value("${casework.pii.key:" + DEV_KEY + "}") String key,
      @Value("${casework.pii.key-id:dev1}") String keyId,
      @Value("${casework.pii.old-keys:}") String oldKeys,
      @Value("${casework.pii.hmac-key:" + DEV_HMAC_KEY + "}") String hmacKey) {
    this.currentKeyId = keyId;
    keys.put(keyId, aes(key));
    for (String entry : oldKeys.split(",")) {
      if (!entry.isBlank()) {
        String[] parts = entry.strip().split(":", 2);
        keys.putIfAbsent(parts[0], aes(parts[1]));
      }
    }
    this.hmacKey = new SecretKeySpec(Base64.getDecoder().decode(hmacKey), "HmacSHA256");
    if (DEV_KEY.equals(key) || DEV_HMAC_KEY.equals(hmacKey)) {
      log.warn(
          "personal data keys are the development defaults: set CASEWORK_PII_KEY and CASEWORK_PII_HMAC_KEY");
    }
  }

  /**
   * For the Flyway Java migration, which runs before Spring's environment is bound: the same
   * variables (environment or system properties) and defaults as {@code application.yml}.
   */
  public static PiiCipher fromEnvironment() {
    return new PiiCipher(
        setting("CASEWORK_PII_KEY", DEV_KEY),
        setting("CASEWORK_PII_KEY_ID", "dev1"),
        setting("CASEWORK_PII_OLD_KEYS", ""),
        setting("CASEWORK_PII_HMAC_KEY", DEV_HMAC_KEY));
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  /** Base64 of IV ‖ ciphertext ‖ tag; null stays null. */
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
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt " + column, e);
    }
  }

  public String decrypt(String column, String keyId, String sealed) {
    if (sealed == null) {
      return null;
    }
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("no personal data key with id " + keyId);
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt " + column + " with key " + keyId, e);
    }
  }

  /** Hex HMAC-SHA256 of a normalised ID number: equal numbers give equal hashes, nothing more. */
  public String lookupHash(String idNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hmacKey);
      return HexFormat.of()
          .formatHex(mac.doFinal(idNumber.strip().toUpperCase().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash an ID number", e);
    }
  }

  private static SecretKey aes(String base64) {
    byte[] raw = Base64.getDecoder().decode(base64.strip());
    if (raw.length != 32) {
      throw new IllegalStateException(
          "a personal data key must be 32 bytes (base64), got " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }
}
