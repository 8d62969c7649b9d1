package org.casework.contact.internal;

import org.casework.contact.MustVisitEvent;
import org.casework.registry.PersonDied;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Must-visit events that other modules already know of: a recipient's death opens a visit to the
 * family at once (the condolence module opens its funeral-support case from the same event).
 */
@Component
class ContactEvents {

  private final ContactService contacts;

  ContactEvents(ContactService contacts) {
    this.contacts = contacts;
  }

  @ApplicationModuleListener
  void on(PersonDied died) {
    contacts.mustVisit(
        died.personId(),
        MustVisitEvent.DEATH,
        died.diedOn(),
        "登记去世后自动生成",
        died.recordedBy() == null ? "system" : died.recordedBy());
  }
}
