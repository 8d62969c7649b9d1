package org.casework.registry.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the personal data keys before anything starts (Flyway's Java migrations included) and
 * hands them to those migrations, which Flyway instantiates itself.
 *
 * <p>Outside the {@code demo} and {@code test} profiles a missing key, or one of the demo keys
 * written in this repository, stops the start-up with the name of the property to set. The demo and
 * test profiles carry their keys in {@code application-demo.yml} / {@code application-test.yml}.
 */
public class PiiKeysEnvironment implements EnvironmentPostProcessor, Ordered {

  /** The demo profile's keys (application-demo.yml, application-test.yml): refused elsewhere. */
  static final String DEMO_KEY = "ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=";

  static final String DEMO_HMAC_KEY = "ZGV2LW9ubHktaG1hYy1rZXktZm9yLWlkLWxvb2t1cHM=";
  private static final Set<String> KEYLESS_PROFILES = Set.of("demo", "test");

  private static volatile PiiKeys started;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    PiiKeys keys = read(name -> environment.getProperty("casework.pii." + name, ""));
    boolean demo =
        Arrays.stream(environment.getActiveProfiles()).anyMatch(KEYLESS_PROFILES::contains);
    if (!demo) {
      requireReal(keys.key(), "casework.pii.key", "CASEWORK_PII_KEY");
      requireReal(keys.keyId(), "casework.pii.key-id", "CASEWORK_PII_KEY_ID");
      requireReal(keys.hmacKey(), "casework.pii.hmac-key", "CASEWORK_PII_HMAC_KEY");
      if (keys.oldKeys().contains(DEMO_KEY) || keys.oldHmacKeys().contains(DEMO_HMAC_KEY)) {
        throw new IllegalStateException(
            "casework.pii.old-keys / old-hmac-keys list a demo key from the repository: run"
                + " './casework rotate-keys' in the demo profile to move data off it");
      }
    }
    started = keys;
  }

  private static void requireReal(String value, String property, String variable) {
    if (value.isBlank()) {
      throw new IllegalStateException(
          "Personal data keys missing: set "
              + property
              + " (environment "
              + variable
              + "). Outside the demo and test profiles casework does not start without real"
              + " keys; see docs/security.md, 'Keys'.");
    }
    if (value.equals(DEMO_KEY) || value.equals(DEMO_HMAC_KEY)) {
      throw new IllegalStateException(
          property
              + " ("
              + variable
              + ") is the demo key written in the repository; set a key of your own"
              + " (openssl rand -base64 32), see docs/security.md, 'Keys'.");
    }
  }

  /**
   * The keys of the application being started, else (Flyway run outside Spring) the {@code
   * CASEWORK_PII_*} variables or system properties; no defaults.
   */
  static PiiKeys current() {
    PiiKeys keys = started;
    if (keys != null) {
      return keys;
    }
    return read(
        name -> {
          String variable = "CASEWORK_PII_" + name.toUpperCase().replace('-', '_');
          String value = System.getProperty(variable, System.getenv(variable));
          return value == null ? "" : value;
        });
  }

  private static PiiKeys read(UnaryOperator<String> setting) {
    String hmacId = setting.apply("hmac-key-id");
    return new PiiKeys(
        setting.apply("key"),
        setting.apply("key-id"),
        setting.apply("old-keys"),
        setting.apply("hmac-key"),
        hmacId.isBlank() ? "h1" : hmacId,
        setting.apply("old-hmac-keys"));
  }

  @Override
  public int getOrder() {
    // after the config files are read (ConfigDataEnvironmentPostProcessor)
    return Ordered.LOWEST_PRECEDENCE;
  }
}
