package org.casework.contact.internal;

import java.time.Clock;
import org.casework.common.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans the current periods every night and opens the tasks that became due, a batch at a time (the
 * next pass takes the rest). Both are idempotent, so a second node or a rerun adds nothing.
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

  /** One pass: plan today's periods, open what is due. Returns tasks opened. */
  int run() {
    var today = Formats.chinaDate(clock.instant());
    contacts.plan(today);
    return contacts.openDue(today, batch);
  }
}
