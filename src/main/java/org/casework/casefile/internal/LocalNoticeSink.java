package org.casework.casefile.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.casework.casefile.NoticeChannel;
import org.casework.casefile.OutgoingNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code casework.notices.channel=local}: nothing leaves the machine; each notice is recorded once
 * in {@code casefile_notice_local_sink} (the unique notice id makes a second hand-over a no-op),
 * and the case page and the public lookup show it as sent.
 */
@Component
@ConditionalOnProperty(
    prefix = "casework.notices",
    name = "channel",
    havingValue = "local",
    matchIfMissing = true)
class LocalNoticeSink implements NoticeChannel {

  private static final Logger log = LoggerFactory.getLogger(LocalNoticeSink.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  LocalNoticeSink(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "LOCAL";
  }

  @Override
  public void send(OutgoingNotice n) {
    int added =
        jdbc.update(
            "INSERT IGNORE INTO casefile_notice_local_sink"
                + " (notice_id, case_number, applicant_person_id, title, text, sent_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            n.noticeId(),
            n.caseNumber(),
            n.applicantPersonId(),
            n.title(),
            n.text(),
            Timestamp.from(clock.instant()));
    if (added == 0) {
      log.info("notice {} was already in the local sink: not recorded twice", n.noticeId());
    }
  }
}
