package org.casework.contact.internal;

import java.time.Clock;
import org.casework.common.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans the current periods every night and opens the tasks that became due, a batch at a time (the
 * next pass takes the rest), then back-fills the clocks of open tasks that have none. All three are
 * idempotent, so a second node or a rerun adds nothing.
 */
@Component
class ContactScheduler {

  private final ContactService contacts;
  private final Clock clock;
  private final int batch;

  ContactScheduler(
      ContactService contacts,
      Clock clock,
      @Value("${casework.contact.open-batch:2000}") int batch) {
    this.contacts = contacts;
    this.clock = clock;
    this.batch = batch;
  }

  @Scheduled(
      fixedDelayString = "${casework.contact.interval:PT6H}",
      initialDelayString = "${casework.contact.initial-delay:PT2M}")
  void scheduled() {
    run();
  }

  /**
   * One pass: plan today's periods (every registered person, however and whenever they came into
   * the registry), open what is due, and give open tasks still without a legal clock theirs (opened
   * before contact tasks had clocks). Returns tasks opened.
   */
  int run() {
    var today = Formats.chinaDate(clock.instant());
    contacts.plan(today);
    int opened = contacts.openDue(today, batch);
    contacts.backfillClocks(batch);
    return opened;
  }
}
