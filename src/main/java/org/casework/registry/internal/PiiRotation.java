package org.casework.registry.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.casework.common.Masking;

/**
 * Moves every person's personal data to the current keys: each ciphertext not sealed with the
 * current key is decrypted (with the key it names, or the row's legacy key id) and sealed again,
 * and the ID number's blind index is recomputed with the current HMAC key. Afterwards the retired
 * keys can be removed from {@code old-keys} / {@code old-hmac-keys}. Used by the migration V141
 * (legacy ciphertexts without key id, plaintext birth dates) and by {@code ./casework rotate-keys}
 * ({@link PiiRotationRunner}). Works in pages of {@value #PAGE} rows by id, so memory stays flat; a
 * rerun after a failure continues (rows already current are skipped).
 */
public final class PiiRotation {

  static final int PAGE = 500;

  /** How many rows were read and how many were written. */
  public record Result(int rows, int rewritten) {}

  private PiiRotation() {}

  /** The rotation of the current schema (every ciphertext names its key). */
  public static Result rotate(Connection db, PiiCipher cipher) throws SQLException {
    return run(db, cipher, false);
  }

  /**
   * V141: rows of the schema before it, whose ciphertexts have no key id ({@code pii_key_id} names
   * it) and whose birth date is plain text ({@code birth_date}): all sealed with the current key,
   * the birth date into {@code birth_date_enc}, the mask shortened to the last four characters.
   */
  public static Result migrateLegacy(Connection db, PiiCipher cipher) throws SQLException {
    return run(db, cipher, true);
  }

  private static Result run(Connection db, PiiCipher cipher, boolean legacy) throws SQLException {
    String select =
        "SELECT id, id_number_hmac, id_number_enc, phone_enc, address_enc, birth_date_enc"
            + (legacy ? ", pii_key_id, birth_date" : "")
            + " FROM registry_person WHERE id > ? ORDER BY id LIMIT "
            + PAGE;
    int rows = 0;
    int rewritten = 0;
    long last = 0;
    try (PreparedStatement page = db.prepareStatement(select);
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE registry_person SET id_number_hmac = ?, id_number_enc = ?, phone_enc = ?,"
                    + " address_enc = ?, birth_date_enc = ?, id_number_masked = ? WHERE id = ?")) {
      while (true) {
        page.setLong(1, last);
        int inPage = 0;
        try (ResultSet r = page.executeQuery()) {
          while (r.next()) {
            inPage++;
            last = r.getLong("id");
            String legacyKeyId = legacy ? r.getString("pii_key_id") : null;
            String idSealed = r.getString("id_number_enc");
            String phoneSealed = r.getString("phone_enc");
            String addressSealed = r.getString("address_enc");
            String birthSealed = r.getString("birth_date_enc");
            String idNumber = cipher.decrypt(PiiCipher.ID_NUMBER, legacyKeyId, idSealed);
            String hmac = cipher.lookupHash(idNumber);
            if (legacy && birthSealed == null) {
              Date birth = r.getDate("birth_date");
              birthSealed = cipher.encrypt(PiiCipher.BIRTH_DATE, birth.toLocalDate().toString());
            }
            boolean current =
                cipher.isCurrent(idSealed)
                    && cipher.isCurrent(phoneSealed)
                    && cipher.isCurrent(addressSealed)
                    && cipher.isCurrent(birthSealed)
                    && hmac.equals(r.getString("id_number_hmac"))
                    && !legacy;
            if (current) {
              continue;
            }
            update.setString(1, hmac);
            update.setString(2, again(cipher, PiiCipher.ID_NUMBER, legacyKeyId, idSealed));
            update.setString(3, again(cipher, PiiCipher.PHONE, legacyKeyId, phoneSealed));
            update.setString(4, again(cipher, PiiCipher.ADDRESS, legacyKeyId, addressSealed));
            update.setString(5, again(cipher, PiiCipher.BIRTH_DATE, legacyKeyId, birthSealed));
            update.setString(6, Masking.idNumber(idNumber));
            update.setLong(7, last);
            update.addBatch();
            rewritten++;
          }
        }
        update.executeBatch();
        rows += inPage;
        if (inPage < PAGE) {
          return new Result(rows, rewritten);
        }
      }
    }
  }

  private static String again(PiiCipher cipher, String column, String legacyKeyId, String sealed) {
    if (sealed == null || cipher.isCurrent(sealed)) {
      return sealed;
    }
    return cipher.encrypt(column, cipher.decrypt(column, legacyKeyId, sealed));
  }
}
