package org.casework.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

  static final String ID = "350502198008081236";
  static final String NEW_KEY =
      Base64.getEncoder().encodeToString("production-key-number-two-32byte".getBytes());

  PiiCipher devKey =
      new PiiCipher(PiiKeysEnvironment.DEMO_KEY, "dev1", "", PiiKeysEnvironment.DEMO_HMAC_KEY);

  @Test
  void shouldRoundTripAnIdNumberWithoutTheNumberInTheCiphertext() {
    String sealed = devKey.encrypt(PersonEntity.ID_NUMBER, ID);

    assertThat(sealed).doesNotContain(ID).doesNotContain("350502");
    assertThat(devKey.decrypt(PersonEntity.ID_NUMBER, "dev1", sealed)).isEqualTo(ID);
  }

  @Test
  void shouldSealTheSameNumberDifferentlyEachTimeButHashItTheSame() {
    assertThat(devKey.encrypt(PersonEntity.ID_NUMBER, ID))
        .isNotEqualTo(devKey.encrypt(PersonEntity.ID_NUMBER, ID));
    assertThat(devKey.lookupHash(ID)).isEqualTo(devKey.lookupHash(" " + ID.toLowerCase() + " "));
    assertThat(devKey.lookupHash(ID)).hasSize(64).doesNotContain(ID);
  }

  @Test
  void shouldRefuseACiphertextMovedToAnotherColumnOrAlteredInTheDatabase() {
    String sealed = devKey.encrypt(PersonEntity.ID_NUMBER, ID);
    assertThatThrownBy(() -> devKey.decrypt(PersonEntity.PHONE, "dev1", sealed))
        .isInstanceOf(IllegalStateException.class);
    byte[] raw = Base64.getDecoder().decode(sealed.substring("v2:dev1:".length()));
    raw[raw.length - 1] ^= 1;
    String altered = "v2:dev1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> devKey.decrypt(PersonEntity.ID_NUMBER, "dev1", altered))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldStillReadRowsSealedWithTheOldKeyAfterRotation() {
    String old = devKey.encrypt(PersonEntity.PHONE, "13912345678");
    PiiCipher rotated =
        new PiiCipher(
            NEW_KEY, "k2", "dev1:" + PiiKeysEnvironment.DEMO_KEY, PiiKeysEnvironment.DEMO_HMAC_KEY);

    String fresh = rotated.encrypt(PersonEntity.PHONE, "13912345678");

    assertThat(rotated.currentKeyId()).isEqualTo("k2");
    assertThat(rotated.decrypt(PersonEntity.PHONE, old)).isEqualTo("13912345678");
    assertThat(rotated.decrypt(PersonEntity.PHONE, fresh)).isEqualTo("13912345678");
    assertThat(fresh).startsWith("v2:k2:");
    assertThatThrownBy(() -> devKey.decrypt(PersonEntity.PHONE, fresh))
        .hasMessageContaining("no personal data key with id k2");
    assertThat(rotated.lookupHash(ID)).isEqualTo(devKey.lookupHash(ID));
  }

  @Test
  void shouldNameTheKeyInEveryCiphertextAndReadLegacyOnesByTheRowsKeyId() throws Exception {
    String sealed = devKey.encrypt(PersonEntity.PHONE, "13912345678");
    assertThat(sealed).startsWith("v2:dev1:");
    assertThat(PiiCipher.keyIdOf(sealed)).isEqualTo("dev1");
    // a ciphertext from before V141: base64 only, its key id in the row
    String legacy = sealed.substring("v2:dev1:".length());
    assertThat(devKey.decrypt(PersonEntity.PHONE, "dev1", legacy)).isEqualTo("13912345678");
    assertThatThrownBy(() -> devKey.decrypt(PersonEntity.PHONE, legacy))
        .hasMessageContaining("without key id");
    assertThat(devKey.isCurrent(sealed)).isTrue();
    assertThat(devKey.isCurrent(legacy)).isFalse();
  }

  @Test
  void shouldFindAnIdNumberUnderARetiredHmacKeyUntilTheIndexIsRecomputed() {
    String newHmac =
        Base64.getEncoder().encodeToString("another-hmac-key-of-32-bytes-ok!".getBytes());
    PiiCipher rotating =
        new PiiCipher(
            NEW_KEY,
            "k2",
            "dev1:" + PiiKeysEnvironment.DEMO_KEY,
            newHmac,
            "h2",
            "h1:" + PiiKeysEnvironment.DEMO_HMAC_KEY);

    assertThat(rotating.lookupHash(ID)).isNotEqualTo(devKey.lookupHash(ID));
    assertThat(rotating.lookupHashes(ID))
        .containsExactly(rotating.lookupHash(ID), devKey.lookupHash(ID));
    assertThat(rotating.currentHmacKeyId()).isEqualTo("h2");
  }

  @Test
  void shouldRefuseToBuildWithoutAKeyNamingTheProperty() {
    assertThatThrownBy(() -> new PiiCipher("", "dev1", "", PiiKeysEnvironment.DEMO_HMAC_KEY))
        .hasMessageContaining("casework.pii.key")
        .hasMessageContaining("CASEWORK_PII_KEY");
    assertThatThrownBy(() -> new PiiCipher(PiiKeysEnvironment.DEMO_KEY, "dev1", "", " "))
        .hasMessageContaining("casework.pii.hmac-key");
  }

  @Test
  void shouldRefuseAKeyOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new PiiCipher(
                    Base64.getEncoder().encodeToString(new byte[16]),
                    "k",
                    "",
                    PiiKeysEnvironment.DEMO_HMAC_KEY))
        .hasMessageContaining("32 bytes");
  }
}
