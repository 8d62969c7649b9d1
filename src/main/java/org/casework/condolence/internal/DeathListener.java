package org.casework.condolence.internal;

import org.casework.registry.PersonDied;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A recipient's death opens a funeral-support condolence case for the family. */
@Component
class DeathListener {

  private final CondolenceService condolence;

  DeathListener(CondolenceService condolence) {
    this.condolence = condolence;
  }

  @ApplicationModuleListener
  void on(PersonDied died) {
    condolence.openFuneralSupport(died);
  }
}
