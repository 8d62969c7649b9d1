package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.casework.common.Masking;
import org.casework.registry.internal.PiiCipher;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code id_number_masked} (V55) of existing people from their encrypted ID number, with the
 * keys from the environment like V43. Rows already filled are left alone.
 */
public class V56__registry_masked_id_numbers extends BaseJavaMigration {

  private final PiiCipher cipher = PiiCipher.fromEnvironment();

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    try (PreparedStatement select =
            db.prepareStatement(
                "SELECT id, pii_key_id, id_number_enc FROM registry_person"
                    + " WHERE id_number_masked IS NULL AND id_number_enc IS NOT NULL");
        PreparedStatement update =
            db.prepareStatement("UPDATE registry_person SET id_number_masked = ? WHERE id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String id =
            cipher.decrypt(
                PiiCipher.ID_NUMBER, rows.getString("pii_key_id"), rows.getString("id_number_enc"));
        update.setString(1, Masking.idNumber(id));
        update.setLong(2, rows.getLong("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
