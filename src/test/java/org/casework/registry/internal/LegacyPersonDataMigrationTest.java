package org.casework.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 1 and 2 on existing data: a database at V139 holds a person as the app wrote them
 * before (ciphertexts without key id, the key id in {@code pii_key_id}, the birth date in plain
 * text, the mask {@code 3505**********123X}); migrating to the current version (V140–V142) leaves
 * no plain birth date and no ciphertext without its key id, and the data reads back.
 */
class LegacyPersonDataMigrationTest {

  static final String ID = "350502196503120113";

  @Test
  void shouldEncryptTheBirthDateAndNameTheKeyOfEveryCiphertext() throws Exception {
    // the Java migrations read the keys of the app being started, else these variables (no
    // defaults); set for this test only, so no later context of the run sees them
    Map<String, String> keys =
        Map.of(
            "CASEWORK_PII_KEY", PiiKeysEnvironment.DEMO_KEY,
            "CASEWORK_PII_KEY_ID", "dev1",
            "CASEWORK_PII_HMAC_KEY", PiiKeysEnvironment.DEMO_HMAC_KEY);
    keys.forEach(System::setProperty);
    try {
      migrate();
    } finally {
      keys.keySet().forEach(System::clearProperty);
    }
  }

  private void migrate() throws Exception {
    String host = System.getenv().getOrDefault("CASEWORK_DB_HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("CASEWORK_DB_PORT", "3306");
    String db = System.getenv().getOrDefault("CASEWORK_TEST_DB_NAME", "casework_test") + "_legacy";
    String server = "jdbc:mysql://" + host + ":" + port + "/";
    String options =
        "?characterEncoding=UTF-8&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true";
    try (Connection root = DriverManager.getConnection(server + options, "root", "");
        Statement s = root.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + db + "`");
      s.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    String url = server + db + options;
    // the last version before V140, whichever module's migration it is
    String before =
        java.util.Arrays.stream(
                Flyway.configure()
                    .dataSource(url, "root", "")
                    .locations("classpath:db/migration")
                    .load()
                    .info()
                    .all())
            .map(m -> m.getVersion())
            .filter(v -> v.isNewerThan("0") && !v.isAtLeast("140"))
            .max(Comparable::compareTo)
            .orElseThrow()
            .getVersion();
    Flyway.configure()
        .dataSource(url, "root", "")
        .locations("classpath:db/migration")
        .target(before)
        .load()
        .migrate();
    PiiCipher legacy =
        new PiiCipher(PiiKeysEnvironment.DEMO_KEY, "dev1", "", PiiKeysEnvironment.DEMO_HMAC_KEY);
    String bare = legacy.encrypt(PiiCipher.ID_NUMBER, ID);
    // as V43 wrote it: base64 only, the key id in the row
    String legacyId = bare.substring(bare.lastIndexOf(':') + 1);
    String phone = legacy.encrypt(PiiCipher.PHONE, "13912345678");
    String legacyPhone = phone.substring(phone.lastIndexOf(':') + 1);
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO jurisdiction_region (code, level, name) VALUES ('350502', 'COUNTY', '鲤城区')");
      s.execute(
          "INSERT INTO jurisdiction_region (code, level, name, parent_code)"
              + " VALUES ('350502001', 'TOWNSHIP', '海滨街道', '350502')");
      s.execute(
          "INSERT INTO registry_person (id_number_hmac, id_number_enc, id_number_masked, name,"
              + " gender, birth_date, category, township_code, phone_enc, pii_key_id) VALUES ('"
              + legacy.lookupHash(ID)
              + "', '"
              + legacyId
              + "', '3505**********0113', '张三', 'MALE', '1965-03-12', 'VETERAN', '350502001', '"
              + legacyPhone
              + "', 'dev1')");
    }

    Flyway.configure()
        .dataSource(url, "root", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();

    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM registry_person")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("id_number_enc")).startsWith("v2:dev1:");
      assertThat(r.getString("phone_enc")).startsWith("v2:dev1:");
      assertThat(r.getString("id_number_masked")).isEqualTo("**************0113");
      assertThat(legacy.decrypt(PiiCipher.ID_NUMBER, r.getString("id_number_enc"))).isEqualTo(ID);
      assertThat(legacy.decrypt(PiiCipher.PHONE, r.getString("phone_enc")))
          .isEqualTo("13912345678");
      assertThat(legacy.decrypt(PiiCipher.BIRTH_DATE, r.getString("birth_date_enc")))
          .isEqualTo("1965-03-12");
      assertThat(r.getString("id_number_hmac")).isEqualTo(legacy.lookupHash(ID));
      var columns = r.getMetaData();
      for (int i = 1; i <= columns.getColumnCount(); i++) {
        assertThat(columns.getColumnName(i)).isNotIn("birth_date", "pii_key_id");
      }
    } finally {
      try (Connection root = DriverManager.getConnection(server + options, "root", "");
          Statement s = root.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS `" + db + "`");
      }
    }
  }
}
