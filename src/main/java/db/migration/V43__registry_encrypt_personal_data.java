package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.casework.registry.internal.PiiCipher;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Step 2 of 3: encrypts the plaintext personal data of existing people with the current key from
 * the environment ({@code CASEWORK_PII_*}, the same variables the app reads). Found by Flyway
 * itself (not a Spring bean), so every context that runs the migrations — module tests included —
 * resolves it. Rows already encrypted are left alone, so a rerun after a failure continues where it
 * stopped.
 */
public class V43__registry_encrypt_personal_data extends BaseJavaMigration {

  private final PiiCipher cipher = PiiCipher.fromEnvironment();

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    try (PreparedStatement select =
            db.prepareStatement(
                "SELECT id, id_number, phone, address FROM registry_person"
                    + " WHERE id_number_enc IS NULL");
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE registry_person SET id_number_hmac = ?, id_number_enc = ?, phone_enc = ?,"
                    + " address_enc = ?, pii_key_id = ? WHERE id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String idNumber = rows.getString("id_number");
        update.setString(1, cipher.lookupHash(idNumber));
        update.setString(2, cipher.encrypt(PiiCipher.ID_NUMBER, idNumber));
        update.setString(3, cipher.encrypt(PiiCipher.PHONE, rows.getString("phone")));
        update.setString(4, cipher.encrypt(PiiCipher.ADDRESS, rows.getString("address")));
        update.setString(5, cipher.currentKeyId());
        update.setLong(6, rows.getLong("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
