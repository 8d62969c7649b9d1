package org.casework.services;

import java.time.LocalDateTime;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * 心理疏导: the county's roster of counsellors, appointments of a request, and session notes. A note is
 * read only by the appointment's counsellor and the request's handler; lists, exports and auditors
 * see that a session took place, never what was said.
 */
public interface Counselling {

  List<Counsellor> roster(RegionScope scope);

  Appointment book(
      String caseNumber, long counsellorId, LocalDateTime at, String place, RegionScope scope);

  /** The appointments of a request, without notes. */
  List<Appointment> appointments(String caseNumber, RegionScope scope);

  /**
   * The counsellor of the appointment (or the handler) writes a note; it marks the session held.
   */
  SessionNote writeNote(long appointmentId, String note, String username);

  /** The notes, only for the counsellor and the request's handler; anyone else a Chinese 403. */
  List<SessionNote> notes(long appointmentId, String username);
}
