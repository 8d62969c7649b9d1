package org.casework.petition;

import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;

/** 信访: registration and what petitioners and officers send in while a petition runs. */
public interface Petitions {

  /**
   * Registers a letter, visit, call or online message, all or nothing: a new case (its process
   * instance starts in the same transaction), or a record on the open case of the same matter
   * (首办责任: not accepted again), or on the final case, answered "not accepted again" automatically.
   */
  PetitionRegistered register(RegisterPetition petition);

  PetitionView petition(String caseNumber, RegionScope scope);

  /** The petition cases of a person on a matter (matter key or subject), oldest first. */
  List<String> casesOnMatter(long personId, String matter);

  /**
   * The petitioner asks for review (复查) of the opinion, within the period after it; the waiting
   * process moves on in the same transaction (a Chinese 409 when it does not wait for it).
   */
  void requestReview(String caseNumber, String text, RegionScope scope);

  /** The petitioner asks for re-review (复核) of the review opinion, within the period after it. */
  void requestReReview(String caseNumber, String text, RegionScope scope);

  /** Marks an officer as having a conflict of interest with the petition (回避). */
  void markConflict(String caseNumber, String username, String reason, RegionScope scope);

  /**
   * Assigns the handling officer; refused for an officer who must recuse. Once accepted, the open
   * handling task and those still to come go to the new officer.
   */
  void assignOfficer(String caseNumber, String username, RegionScope scope);

  /**
   * Opens a linked case of {@code type} (hardship, legal aid) for a petition that is really such a
   * matter; both histories show the link. Details as the type's module documents them.
   */
  CaseView spawnLinkedCase(
      String caseNumber, CaseType type, Map<String, String> details, RegionScope scope);

  List<PetitionNotice> notices(String caseNumber, RegionScope scope);

  PetitionNotice notice(String caseNumber, NoticeKind kind, RegionScope scope);

  /** The latest notice of {@code kind} as a printable PDF (the issuing body's header). */
  byte[] noticePdf(String caseNumber, NoticeKind kind, RegionScope scope);
}
