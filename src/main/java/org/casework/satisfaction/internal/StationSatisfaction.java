package org.casework.satisfaction.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.casework.satisfaction.Satisfaction;
import org.casework.satisfaction.SatisfactionChannel;
import org.casework.stations.StationIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The acceptance sheet's satisfaction items (56–57) answered from the ratings: item 56 (满意率, 问卷调查)
 * from every rating of the station's region, item 57 (随机抽查、回访) from the county's spot check ratings
 * only.
 */
@Configuration(proxyBeanMethods = false)
class StationSatisfaction {

  record Indicator(
      String source, String sourceLabel, Set<SatisfactionChannel> channels, Satisfaction ratings)
      implements StationIndicator {

    @Override
    public Optional<BigDecimal> rate(String regionCode, LocalDate from, LocalDate to) {
      return ratings.systemRate(regionCode, from, to, channels);
    }
  }

  @Bean
  StationIndicator surveyIndicator(Satisfaction satisfaction) {
    return new Indicator(
        "SATISFACTION_SURVEY",
        "满意度测评（全部回访评价）",
        EnumSet.allOf(SatisfactionChannel.class),
        satisfaction);
  }

  @Bean
  StationIndicator spotCheckIndicator(Satisfaction satisfaction) {
    return new Indicator(
        "SATISFACTION_CHECK", "满意度随机抽查", EnumSet.of(SatisfactionChannel.SPOT_CHECK), satisfaction);
  }
}
