package org.casework.legalaid.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.LinkedCaseOpener;
import org.casework.casefile.LinkedCaseRequest;
import org.casework.common.BusinessRuleException;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.MatterType;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Opens a legal-aid case for a matter that came in through another case (e.g. a petition that is
 * really a legal dispute), through the ordinary filing service. Details: {@code matterType} ({@link
 * MatterType} name), {@code opposingParty}, optional {@code hearingDate} / {@code limitationDate}
 * (yyyy-mm-dd).
 */
@Component
class LegalAidLinkedCaseOpener implements LinkedCaseOpener {

  private final LegalAidService legalAid;
  private final Registry registry;

  LegalAidLinkedCaseOpener(LegalAidService legalAid, Registry registry) {
    this.legalAid = legalAid;
    this.registry = registry;
  }

  @Override
  public CaseType type() {
    return CaseType.LEGAL_AID;
  }

  @Override
  public CaseView open(LinkedCaseRequest request) {
    PersonView person = registry.person(request.personId());
    String opposing = request.details().get("opposingParty");
    if (opposing == null || opposing.isBlank() || opposing.length() > 200) {
      throw BusinessRuleException.invalid(
          "LINKED_LEGAL_AID_OPPOSING_PARTY",
          "请填写对方当事人（200字以内）",
          "opposing party missing or too long");
    }
    ApplyForLegalAid application =
        new ApplyForLegalAid(
            RegisterPerson.of(person, registry.unmasked(person.id())),
            matterType(request.details().get("matterType")),
            request.matter().length() > 2000
                ? request.matter().substring(0, 2000)
                : request.matter(),
            opposing.strip(),
            date(request.details().get("hearingDate"), "开庭日期"),
            date(request.details().get("limitationDate"), "时效届满日期"),
            null,
            null,
            request.requestedBy());
    return legalAid.applyReferred(application, request.requestedBy());
  }

  private static MatterType matterType(String raw) {
    try {
      return MatterType.valueOf(raw == null ? "" : raw.strip());
    } catch (IllegalArgumentException e) {
      throw BusinessRuleException.invalid(
          "LINKED_LEGAL_AID_MATTER", "请选择法律援助事项类型", "matter type missing or unknown");
    }
  }

  private static LocalDate date(String raw, String label) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw BusinessRuleException.invalid(
          "LINKED_LEGAL_AID_DATE", label + "格式应为 年-月-日", label + " not a date");
    }
  }
}
