package org.casework.web;

import java.time.Clock;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonalDataViewed;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonalData;
import org.casework.registry.Registry;
import org.casework.security.AccessDenied;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The applicant's personal data in full: only for the officer handling the case (inside their
 * region), and every view — and every refused attempt — goes to the audit log.
 */
@Service
class PersonalDataAccess {

  private final CaseFiles caseFiles;
  private final Registry registry;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PersonalDataAccess(
      CaseFiles caseFiles,
      Registry registry,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.registry = registry;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  PersonalData reveal(String caseNumber, StaffMember officer) {
    CaseView c = caseFiles.get(caseNumber, RegionScope.of(officer));
    if (!caseFiles.isHandledBy(caseNumber, officer.username())) {
      events.publishEvent(
          new AccessDenied(
              clock.instant(),
              officer.username(),
              officer.role().name(),
              "POST",
              "/cases/" + caseNumber + "/personal-data",
              "非本案经办人查看个人信息原文"));
      throw BusinessRuleException.forbidden(
          "NOT_HANDLING_OFFICER",
          "只有经办本案的工作人员才能查看完整的身份证号、电话和住址；本次访问已记录",
          officer.username() + " does not handle " + caseNumber);
    }
    PersonalData data = registry.unmasked(c.applicantPersonId());
    audit.record(
        new PersonalDataViewed(
            clock.instant(),
            officer.username(),
            officer.role().name(),
            caseNumber,
            c.regionCode(),
            "身份证号、电话、住址"));
    return data;
  }
}
