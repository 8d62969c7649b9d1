package org.casework.common;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {

  /** One clock for the app, so tests can move time without sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * {@code @PastOrPresent} and its kin judge "today" on the app's clock in China's time zone, not
   * on the JVM's default zone: between 00:00 and 08:00 Beijing time the UTC date is still
   * yesterday, and a visit recorded this morning was refused as "in the future".
   */
  @Bean
  ValidationConfigurationCustomizer chinaValidationClock(ObjectProvider<Clock> clock) {
    return configuration ->
        configuration.clockProvider(() -> clock.getObject().withZone(Formats.CHINA));
  }
}
