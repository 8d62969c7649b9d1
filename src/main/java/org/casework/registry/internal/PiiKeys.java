package org.casework.registry.internal;

/**
 * The {@code casework.pii.*} settings: current key and id, retired keys still readable ({@code
 * id:base64,...}), and the same for the HMAC key of the ID number's blind index.
 */
public record PiiKeys(
    String key,
    String keyId,
    String oldKeys,
    String hmacKey,
    String hmacKeyId,
    String oldHmacKeys) {

  /** Never the keys themselves: settings end up in logs. */
  @Override
  public String toString() {
    return "PiiKeys[keyId=" + keyId + ", hmacKeyId=" + hmacKeyId + "]";
  }
}
