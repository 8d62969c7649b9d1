package org.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.AttachmentView;
import org.casework.attachments.Attachments;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionScope;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.legalaid.LegalAid;
import org.casework.registry.DossierRecords;
import org.casework.registry.DossierSection;
import org.casework.registry.Entitlement;
import org.casework.registry.Household;
import org.casework.registry.Need;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonView;
import org.casework.registry.StatusKind;
import org.casework.registry.StatusRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * 一人一档 on one screen: the person, statuses with history, needs, household, entitlements, every case
 * of every programme with payments, attachments and satisfaction, and what other modules add
 * ({@link DossierSection}, e.g. visits). Opening it is audited; another region's person is a
 * recorded 403 before anything is read.
 */
@Service
class Dossier {

  private final PersonRecords records;
  private final CaseFiles caseFiles;
  private final Ledger ledger;
  private final LegalAid legalAid;
  private final Attachments attachments;
  private final AuditLog audit;
  private final ObjectProvider<DossierSection> sections;
  private final Clock clock;

  Dossier(
      PersonRecords records,
      CaseFiles caseFiles,
      Ledger ledger,
      LegalAid legalAid,
      Attachments attachments,
      AuditLog audit,
      ObjectProvider<DossierSection> sections,
      Clock clock) {
    this.records = records;
    this.caseFiles = caseFiles;
    this.ledger = ledger;
    this.legalAid = legalAid;
    this.attachments = attachments;
    this.audit = audit;
    this.sections = sections;
    this.clock = clock;
  }

  record CaseLine(
      CaseView c,
      List<Disbursement> payments,
      List<AttachmentView> attachments,
      String satisfaction) {}

  record Section(String title, List<DossierSection.DossierLine> lines) {}

  record View(
      PersonView person,
      int age,
      List<PersonCategory> categories,
      Map<StatusKind, StatusRecord> current,
      List<StatusRecord> history,
      List<Need> needs,
      Household household,
      List<Entitlement> entitlements,
      List<CaseLine> cases,
      List<Disbursement> payments,
      List<Section> sections,
      Map<StatusKind, List<String>> allowedValues,
      List<String> relations) {}

  View open(long personId, RegionScope scope) {
    // the person and the registry's records after one scope check, in a few statements (the person
    // read once: the sections below get it and do not check or read it again)
    DossierRecords own = records.dossierRecords(personId, scope);
    PersonView person = own.person();
    // recorded before anything of the person is shown (one entry on the audit chain)
    audit.record(
        new PersonRecordAccessed(
            AuditKind.DOSSIER_VIEW,
            clock.instant(),
            scope.username(),
            scope.role().name(),
            person.villageCode() != null ? person.villageCode() : person.townshipCode(),
            "查看服务对象档案",
            "档案 " + personId,
            null));
    List<StatusRecord> history = own.history();
    Map<StatusKind, StatusRecord> current = new java.util.EnumMap<>(StatusKind.class);
    history.forEach(r -> current.putIfAbsent(r.kind(), r));
    // every case of the person in the officer's region, then payments, attachments and legal-aid
    // satisfaction of all of them at once (one statement each, not one per case)
    List<CaseView> ofPerson = caseFiles.ofApplicant(personId, scope);
    List<String> numbers = ofPerson.stream().map(CaseView::caseNumber).toList();
    Map<String, List<Disbursement>> paidByCase = ledger.forCases(numbers);
    Map<String, List<AttachmentView>> filesByCase = attachments.of(AttachmentOwner.CASE, numbers);
    List<String> legalAidCases =
        ofPerson.stream()
            .filter(c -> c.type() == CaseType.LEGAL_AID)
            .map(CaseView::caseNumber)
            .toList();
    Map<String, String> satisfaction = legalAid.satisfactions(legalAidCases);
    List<CaseLine> cases = new ArrayList<>();
    List<Disbursement> payments = new ArrayList<>();
    for (CaseView c : ofPerson) {
      List<Disbursement> paid = paidByCase.getOrDefault(c.caseNumber(), List.of());
      payments.addAll(paid);
      cases.add(
          new CaseLine(
              c,
              paid,
              filesByCase.getOrDefault(c.caseNumber(), List.of()),
              c.type() == CaseType.LEGAL_AID ? satisfaction.get(c.caseNumber()) : null));
    }
    List<Section> extra =
        sections.orderedStream().map(s -> new Section(s.title(), s.lines(person, scope))).toList();
    LocalDate today = Formats.chinaDate(clock.instant());
    return new View(
        person,
        person.age(),
        own.categories(),
        current,
        history,
        own.needs(),
        own.household(),
        own.entitlements(),
        cases,
        payments,
        extra,
        own.allowedValues(),
        own.relations());
  }
}
