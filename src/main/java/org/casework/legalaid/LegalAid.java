package org.casework.legalaid;

import java.time.LocalDate;
import java.util.List;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonCategory;

/** 法律援助: consultations, applications and what the applicant hands in while a case runs. */
public interface LegalAid {

  /** Validates, opens the case and starts its process, all or nothing. */
  CaseView apply(ApplyForLegalAid application);

  /** Logs a consultation; it may end there (it still counts in the statistics). */
  ConsultationView logConsultation(LogConsultation consultation);

  /**
   * Logs a consultation taken on the duty {@code dutyId} of the county's roster (its county must be
   * the consultation's, the duty not removed and not in the future); null: outside the roster.
   */
  ConsultationView logConsultation(LogConsultation consultation, Long dutyId);

  /** Turns a consultation into an application (once); the case starts the process. */
  CaseView applyFromConsultation(long consultationId, ApplyForLegalAid application);

  /** The consultations inside {@code scope}, newest first. */
  List<ConsultationView> consultations(RegionScope scope, int limit);

  /** Sort keys of {@link #consultationsPage}: 时间 (default, newest first), 编号, 咨询人, 事项, 经办人. */
  org.casework.common.web.PageParams.Sorting CONSULTATION_SORTING =
      new org.casework.common.web.PageParams.Sorting(
          List.of("logged", "number", "visitor", "topic", "officer"), true, 20);

  /** One page of the consultations inside {@code scope}, sorted as asked, with their number. */
  org.casework.common.web.Paged<ConsultationView> consultationsPage(
      RegionScope scope, org.casework.common.web.PageParams page);

  /**
   * Consultation counts by township and topic inside {@code scope}, days {@code from}..{@code to}.
   */
  List<ConsultationCount> consultationStatistics(RegionScope scope, LocalDate from, LocalDate to);

  /** The applicant brought the missing materials (补正): the check resumes, so does the clock. */
  void materialsSubmitted(String caseNumber, String note, String receivedBy);

  /** The applicant objects to a refusal (第四十九条): decided within 5 days of receipt. */
  void objectionLodged(String caseNumber, String objection, String receivedBy);

  /** The application of a case inside {@code scope} (else 403, recorded). */
  LegalAidView application(String caseNumber, RegionScope scope);

  LegalAidView application(String caseNumber);

  /**
   * The satisfaction given (满意度, null while not surveyed) of several legal-aid cases in one read,
   * for a caller that found the cases inside its scope (the dossier lists the person's cases in the
   * officer's region first): case number → satisfaction; a case without an application is absent.
   */
  java.util.Map<String, String> satisfactions(java.util.Collection<String> caseNumbers);

  /** The legal-aid case numbers of an applicant, oldest first. */
  List<String> casesOf(long personId);

  /**
   * Makes a staff user (role LEGAL_AID_LAWYER) assignable as lawyer or legal worker; idempotent.
   */
  void registerLawyer(String username, boolean legalWorker, String firm);

  /** Adds, for a region, a group whose financial situation is not verified (第四十二条第四项). */
  void waiveVerificationFor(String regionCode, PersonCategory category, String ground);
}
