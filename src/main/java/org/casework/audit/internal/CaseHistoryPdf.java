package org.casework.audit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditKind;
import org.casework.audit.CaseHistoryExport;
import org.casework.audit.PersonalDataViewed;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.Masking;
import org.casework.documents.PdfDocuments;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonView;
import org.casework.registry.PersonalData;
import org.casework.registry.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Renders {@code templates/documents/case-history.html}; masked unless an allowed role asks. */
@Service
class CaseHistoryPdf implements CaseHistoryExport {

  static final String TEMPLATE = "case-history";

  private final AuditService audit;
  private final CaseFiles caseFiles;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final PdfDocuments documents;
  private final Set<String> unmaskedRoles;

  CaseHistoryPdf(
      AuditService audit,
      CaseFiles caseFiles,
      Registry registry,
      Jurisdiction jurisdiction,
      PdfDocuments documents,
      @Value("${casework.exports.unmasked-roles:AUDITOR}") Set<String> unmaskedRoles) {
    this.audit = audit;
    this.caseFiles = caseFiles;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.documents = documents;
    this.unmaskedRoles = unmaskedRoles;
  }

  @Override
  public byte[] pdf(String caseNumber, RegionScope scope, boolean unmasked, String reason) {
    CaseView c = caseFiles.get(caseNumber, scope); // 403 (recorded) outside the region
    String why = reason == null ? "" : reason.strip();
    if (unmasked && !unmaskedRoles.contains(scope.role().name())) {
      throw BusinessRuleException.forbidden(
          "EXPORT_UNMASKED_ROLE",
          "您的岗位不能导出未脱敏的个人信息；默认导出已脱敏",
          scope.username() + " (" + scope.role() + ") asked for an unmasked export");
    }
    if (unmasked && why.isEmpty()) {
      throw BusinessRuleException.invalid(
          "EXPORT_UNMASKED_REASON", "导出未脱敏的个人信息须填写事由", "unmasked export without reason");
    }
    if (why.length() > 200) {
      why = why.substring(0, 200);
    }
    PersonView person = registry.person(c.applicantPersonId());
    String name = person.name();
    String idNumber = person.maskedIdNumber();
    String phone = person.maskedPhone();
    if (unmasked) {
      PersonalData full = registry.unmasked(c.applicantPersonId());
      idNumber = full.idNumber();
      phone = full.phone();
      audit.record(
          new PersonalDataViewed(
              java.time.Instant.now(),
              scope.username(),
              scope.role().name(),
              caseNumber,
              c.regionCode(),
              "导出 PDF（未脱敏）：身份证号、电话；事由：" + why));
    } else {
      name = Masking.name(name);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (AuditEntryView e : audit.caseTimeline(caseNumber, scope)) {
      Map<String, String> row = new HashMap<>();
      row.put("id", String.valueOf(e.id()));
      row.put("at", Formats.dateTime(e.at()));
      row.put("kind", e.kind().label());
      row.put("actor", actor(e.actor(), names));
      row.put("role", e.actorRole() == null ? "" : e.actorRole());
      row.put("action", text(e.action(), unmasked));
      row.put("outcome", text(e.outcome(), unmasked));
      row.put("reason", text(e.reason(), unmasked));
      row.put("hash", e.hash().substring(0, 16));
      rows.add(row);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("documentNumber", "审计导出 " + caseNumber);
    model.put("caseNumber", caseNumber);
    model.put("caseType", c.type().label());
    model.put("caseTitle", text(c.title(), unmasked));
    model.put("status", c.status().label());
    model.put("filedAt", Formats.dateTime(c.filedAt()));
    model.put("applicantName", name);
    model.put("applicantIdNumber", idNumber);
    model.put("applicantPhone", phone);
    model.put("masked", !unmasked);
    model.put("rows", rows);
    model.put("exportedBy", scope.username());
    model.put("exportedAt", Formats.dateTime(java.time.Instant.now()));
    byte[] pdf = documents.render(TEMPLATE, model);
    recordExport(c, scope, unmasked, why, rows.size());
    return pdf;
  }

  private void recordExport(
      CaseView c, RegionScope scope, boolean unmasked, String why, int entries) {
    audit.appendNow(
        new AuditRecord(
            "export:" + UUID.randomUUID(),
            AuditKind.EXPORT,
            c.caseNumber(),
            c.regionCode(),
            java.time.Instant.now(),
            scope.username(),
            scope.role().name(),
            "导出办理经过（PDF）",
            unmasked ? "未脱敏" : "已脱敏",
            entries + " 条记录" + (unmasked ? "；事由：" + why : "")));
  }

  private String actor(String username, Map<String, String> names) {
    if (username == null) {
      return "";
    }
    if ("system".equals(username)) {
      return "系统";
    }
    return names.computeIfAbsent(
        username,
        u ->
            jurisdiction
                .staff(u)
                .map(StaffMember::displayName)
                .map(n -> n + "（" + u + "）")
                .orElse(u));
  }

  private static String text(String s, boolean unmasked) {
    if (s == null) {
      return "";
    }
    return unmasked ? s : Masking.scrub(s);
  }
}
