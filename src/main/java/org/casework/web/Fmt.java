package org.casework.web;

import java.math.BigDecimal;
import java.time.Instant;
import org.casework.common.Formats;
import org.springframework.stereotype.Component;

/** Formatting for templates: {@code ${@fmt.yuan(amount)}}, {@code ${@fmt.time(instant)}}. */
@Component("fmt")
class Fmt {

  public String yuan(BigDecimal amount) {
    return Formats.yuan(amount);
  }

  public String time(Instant instant) {
    return Formats.dateTime(instant);
  }

  public String date(Instant instant) {
    return instant == null ? "" : Formats.date(Formats.chinaDate(instant));
  }
}
