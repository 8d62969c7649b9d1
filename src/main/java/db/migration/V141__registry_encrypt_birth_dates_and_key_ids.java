package db.migration;

import java.sql.SQLException;
import org.casework.registry.internal.PiiCipher;
import org.casework.registry.internal.PiiRotation;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Step 2 of 3 (V140–V142): encrypts the plain birth dates and seals every person's ciphertexts
 * again with the current key in the form that names its key ({@code v2:<keyId>:...}); legacy
 * ciphertexts are read with the row's {@code pii_key_id}. The stored mask becomes the last four
 * characters. Keys as the app has them ({@link PiiCipher#fromEnvironment()}).
 */
public class V141__registry_encrypt_birth_dates_and_key_ids extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    PiiRotation.migrateLegacy(context.getConnection(), PiiCipher.fromEnvironment());
  }
}
