package org.casework.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

  static final String ID = "350502198008081236";
  static final String NEW_KEY =
      Base64.getEncoder().encodeToString("production-key-number-two-32byte".getBytes());

  PiiCipher devKey = new PiiCipher(PiiCipher.DEV_KEY, "dev1", "", PiiCipher.DEV_HMAC_KEY);

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
    byte[] raw = Base64.getDecoder().decode(sealed);
    raw[raw.length - 1] ^= 1;
    String altered = Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> devKey.decrypt(PersonEntity.ID_NUMBER, "dev1", altered))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldStillReadRowsSealedWithTheOldKeyAfterRotation() {
    String old = devKey.encrypt(PersonEntity.PHONE, "13912345678");
    PiiCipher rotated =
        new PiiCipher(NEW_KEY, "k2", "dev1:" + PiiCipher.DEV_KEY, PiiCipher.DEV_HMAC_KEY);

    String fresh = rotated.encrypt(PersonEntity.PHONE, "13912345678");

    assertThat(rotated.currentKeyId()).isEqualTo("k2");
    assertThat(rotated.decrypt(PersonEntity.PHONE, "dev1", old)).isEqualTo("13912345678");
    assertThat(rotated.decrypt(PersonEntity.PHONE, "k2", fresh)).isEqualTo("13912345678");
    assertThatThrownBy(() -> devKey.decrypt(PersonEntity.PHONE, "k2", fresh))
        .hasMessageContaining("no personal data key with id k2");
    assertThat(rotated.lookupHash(ID)).isEqualTo(devKey.lookupHash(ID));
  }

  @Test
  void shouldRefuseAKeyOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new PiiCipher(
                    Base64.getEncoder().encodeToString(new byte[16]),
                    "k",
                    "",
                    PiiCipher.DEV_HMAC_KEY))
        .hasMessageContaining("32 bytes");
  }
}
