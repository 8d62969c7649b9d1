package org.casework.registry;

import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * A section another module adds to a person's dossier page (e.g. the contact programme's visits and
 * contacts): a bean implementing this is shown with its title and lines, newest first.
 */
public interface DossierSection {

  String title();

  /**
   * The lines for the person. The dossier has already checked that {@code scope} covers the person
   * (and recorded the opening) and passes the person it read: a section reads only its own rows.
   */
  List<DossierLine> lines(PersonView person, RegionScope scope);

  record DossierLine(java.time.LocalDate on, String what, String detail, String link) {}
}
