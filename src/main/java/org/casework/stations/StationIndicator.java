package org.casework.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A figure another module knows about a station's region, for the items of the score sheet the
 * system fills itself. The satisfaction module implements it for items 56–57 (满意率); without an
 * implementation the items show "暂无数据".
 */
public interface StationIndicator {

  /**
   * The source code of the sheet items this indicator answers, e.g. {@code SATISFACTION_SURVEY}.
   */
  String source();

  /** Where the figure comes from, shown beside the value (e.g. "满意度测评"). */
  String sourceLabel();

  /** The rate (0..1) for the region in the period, or empty when nothing is known. */
  Optional<BigDecimal> rate(String regionCode, LocalDate from, LocalDate to);
}
