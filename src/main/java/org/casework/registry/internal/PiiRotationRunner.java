package org.casework.registry.internal;

import java.sql.Connection;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./casework rotate-keys}: started with {@code casework.pii.rotate=true} (no web server), it
 * re-encrypts every person's personal data with the current key, recomputes the blind index with
 * the current HMAC key, reports the counts and ends the app. Whoever runs it holds the keys, i.e.
 * the security administrator (no web endpoint can start it). Afterwards the old keys are removed
 * from {@code CASEWORK_PII_OLD_KEYS} / {@code CASEWORK_PII_OLD_HMAC_KEYS}.
 */
@Component
@ConditionalOnProperty(name = "casework.pii.rotate", havingValue = "true")
class PiiRotationRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PiiRotationRunner.class);

  private final DataSource dataSource;
  private final PiiCipher cipher;
  private final ConfigurableApplicationContext context;

  PiiRotationRunner(
      DataSource dataSource, PiiCipher cipher, ConfigurableApplicationContext context) {
    this.dataSource = dataSource;
    this.cipher = cipher;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    int exit = SpringApplication.exit(context, () -> rotate() ? 0 : 1);
    System.exit(exit);
  }

  /** True when every row is on the current keys. */
  boolean rotate() {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      PiiRotation.Result r = PiiRotation.rotate(db, cipher);
      log.info(
          "personal data keys rotated: {} person rows read, {} rewritten with key {} and HMAC key {};"
              + " the old keys may now be removed from casework.pii.old-keys / old-hmac-keys",
          r.rows(),
          r.rewritten(),
          cipher.currentKeyId(),
          cipher.currentHmacKeyId());
      return true;
    } catch (Exception e) {
      log.error("personal data key rotation failed (rerun continues where it stopped)", e);
      return false;
    }
  }
}
