package org.casework.casefile;

import java.util.List;

/** Links between cases; both cases' histories show every link. */
public interface CaseLinks {

  /**
   * Links {@code fromCase} to {@code toCase} and writes a line into both histories; linking the
   * same pair again changes nothing and returns the existing link.
   */
  CaseLink link(String fromCase, String toCase, String kind, String reason, String actor);

  /** The links of a case, in both directions, oldest first. */
  List<CaseLink> links(String caseNumber);

  /**
   * Opens a case of {@code request.type()} through its module's {@link LinkedCaseOpener} and links
   * it to the case the matter came in through (kind {@code SPAWNED}). Refused (409) for a type no
   * module handles yet.
   */
  CaseView spawn(LinkedCaseRequest request);
}
