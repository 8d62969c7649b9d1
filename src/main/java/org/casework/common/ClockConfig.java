package org.casework.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {

  /** One clock for the app, so tests can move time without sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
