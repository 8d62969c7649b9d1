package org.casework.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.casework.CaseworkApplication;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15 item 2: keys. The rotation ({@code ./casework rotate-keys}) moves every row to a new key
 * and a new HMAC key so that both old keys can be retired; outside the demo and test profiles the
 * app does not start without keys of its own.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PiiKeyRotationTest {

  static final String NEW_KEY =
      Base64.getEncoder().encodeToString("rotation-test-key-number-two-32b".getBytes());
  static final String NEW_HMAC =
      Base64.getEncoder().encodeToString("rotation-test-hmac-key-two-32by!".getBytes());

  @Autowired DemoRegion region;
  @Autowired Registry registry;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldReencryptEveryRowAndRecomputeTheBlindIndexSoTheOldKeysCanBeRetired() throws Exception {
    region.ensure();
    String idNumber = TestPeople.newIdNumber();
    long id =
        registry
            .register(
                new RegisterPerson(
                    idNumber,
                    "钱𠮷安",
                    PersonCategory.VETERAN,
                    DemoRegion.TOWNSHIP,
                    DemoRegion.VILLAGE,
                    "13912345678",
                    "海滨街道新华社区9号",
                    List.of()))
            .id();
    PiiCipher rotating =
        new PiiCipher(
            NEW_KEY,
            "k2",
            "dev1:" + PiiKeysEnvironment.DEMO_KEY,
            NEW_HMAC,
            "h2",
            "h1:" + PiiKeysEnvironment.DEMO_HMAC_KEY);
    PiiCipher retired = new PiiCipher(NEW_KEY, "k2", "", NEW_HMAC, "h2", "");
    PiiCipher back =
        new PiiCipher(
            PiiKeysEnvironment.DEMO_KEY,
            "dev1",
            "k2:" + NEW_KEY,
            PiiKeysEnvironment.DEMO_HMAC_KEY,
            "h1",
            "h2:" + NEW_HMAC);
    try (Connection db = dataSource.getConnection()) {
      try {
        PiiRotation.Result result = PiiRotation.rotate(db, rotating);
        assertThat(result.rewritten()).isPositive().isEqualTo(result.rows());
        assertThat(PiiRotation.rotate(db, rotating).rewritten()).as("a rerun").isZero();

        // every row now reads with the new keys alone: the old ones can be removed
        for (Map<String, Object> row :
            jdbc.queryForList(
                "SELECT id_number_hmac, id_number_enc, phone_enc, address_enc, birth_date_enc"
                    + " FROM registry_person")) {
          String number = retired.decrypt(PiiCipher.ID_NUMBER, (String) row.get("id_number_enc"));
          assertThat(row.get("id_number_hmac")).isEqualTo(retired.lookupHash(number));
          assertThat((String) row.get("id_number_enc")).startsWith("v2:k2:");
          assertThat((String) row.get("birth_date_enc")).startsWith("v2:k2:");
          retired.decrypt(PiiCipher.PHONE, (String) row.get("phone_enc"));
          retired.decrypt(PiiCipher.ADDRESS, (String) row.get("address_enc"));
          retired.decrypt(PiiCipher.BIRTH_DATE, (String) row.get("birth_date_enc"));
        }
        Map<String, Object> mine =
            jdbc.queryForMap(
                "SELECT id_number_hmac, id_number_enc, phone_enc, birth_date_enc"
                    + " FROM registry_person WHERE id = ?",
                id);
        assertThat(retired.decrypt(PiiCipher.ID_NUMBER, (String) mine.get("id_number_enc")))
            .isEqualTo(idNumber);
        assertThat(retired.decrypt(PiiCipher.PHONE, (String) mine.get("phone_enc")))
            .isEqualTo("13912345678");
        assertThat(retired.decrypt(PiiCipher.BIRTH_DATE, (String) mine.get("birth_date_enc")))
            .isEqualTo(IdNumber.parse(idNumber).birthDate().toString());
        assertThat(mine.get("id_number_hmac"))
            .isEqualTo(retired.lookupHash(idNumber))
            .isNotEqualTo(back.lookupHash(idNumber));
        // the app still on the old keys cannot read the rotated rows
        assertThatThrownBy(() -> registry.person(id)).hasMessageContaining("k2");
      } finally {
        // the test database is shared by the run: back to the keys of the test profile
        PiiRotation.rotate(db, back);
      }
    }
    assertThat(registry.findByIdNumber(IdNumber.parse(idNumber)).orElseThrow().id()).isEqualTo(id);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_person WHERE id_number_enc NOT LIKE 'v2:dev1:%'",
                Long.class))
        .isZero();
  }

  @Test
  void shouldRefuseToStartOutsideTheDemoAndTestProfilesWithoutRealKeys() {
    for (String[] args :
        new String[][] {
          {"--spring.profiles.active=production"},
          {
            "--spring.profiles.active=production",
            "--casework.pii.key=" + PiiKeysEnvironment.DEMO_KEY,
            "--casework.pii.key-id=dev1",
            "--casework.pii.hmac-key=" + NEW_HMAC
          },
        }) {
      SpringApplication app = new SpringApplication(CaseworkApplication.class);
      app.setWebApplicationType(WebApplicationType.NONE);
      assertThatThrownBy(() -> app.run(args))
          .hasMessageContaining("casework.pii.key")
          .hasMessageContaining("CASEWORK_PII_KEY");
    }
  }
}
