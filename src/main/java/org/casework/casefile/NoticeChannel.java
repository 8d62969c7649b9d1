package org.casework.casefile;

/**
 * The seam through which every text written for an applicant leaves the system (SMS, 政务 messaging,
 * letters). Exactly one bean is active; {@code casework.notices.channel=local} (the default) is the
 * local sink that only records what was sent and shows it on the case page. A deployment replaces
 * it with its own bean and sets the property to its name.
 *
 * <p>Called after the step that wrote the notice has committed, never inside it, and at most once
 * per notice as far as the outbox can tell (claim, send, mark sent). {@link #send} must be
 * idempotent by {@link OutgoingNotice#noticeId()} for the rare case that the marking after a
 * successful send is lost (process stopped between the two): the outbox then hands it over again.
 * Throwing means "not sent": the outbox retries later.
 */
public interface NoticeChannel {

  /** The channel's name, stored with each notice (e.g. LOCAL, SMS). */
  String name();

  void send(OutgoingNotice notice);
}
