package org.casework.assistance.internal;

import java.math.BigDecimal;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.LinkedCaseOpener;
import org.casework.casefile.LinkedCaseRequest;
import org.casework.common.BusinessRuleException;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Opens a hardship case for a matter that came in through another case (e.g. a petition), through
 * the ordinary filing service. Details: {@code cause} ({@link HardshipCause} name), {@code
 * amountRequested} and {@code monthlyIncome} (yuan).
 */
@Component
class HardshipLinkedCaseOpener implements LinkedCaseOpener {

  private final AssistanceService assistance;
  private final Registry registry;

  HardshipLinkedCaseOpener(AssistanceService assistance, Registry registry) {
    this.assistance = assistance;
    this.registry = registry;
  }

  @Override
  public CaseType type() {
    return CaseType.HARDSHIP;
  }

  @Override
  public CaseView open(LinkedCaseRequest request) {
    PersonView person = registry.person(request.personId());
    RegisterPerson applicant = RegisterPerson.of(person, registry.unmasked(person.id()));
    ApplyForAssistance application =
        new ApplyForAssistance(
            applicant,
            cause(request.details().get("cause")),
            request.matter(),
            money(request.details().get("amountRequested"), "申请金额", true),
            money(request.details().get("monthlyIncome"), "家庭月收入", false),
            false,
            request.requestedBy());
    return assistance.applyReferred(application, request.requestedBy());
  }

  private static HardshipCause cause(String raw) {
    try {
      return HardshipCause.valueOf(raw == null ? "" : raw.strip());
    } catch (IllegalArgumentException e) {
      throw BusinessRuleException.invalid(
          "LINKED_HARDSHIP_CAUSE", "请选择致困原因", "hardship cause missing or unknown");
    }
  }

  private static BigDecimal money(String raw, String label, boolean positive) {
    try {
      BigDecimal v = new BigDecimal(raw == null ? "" : raw.strip());
      if (v.signum() < 0 || (positive && v.signum() == 0) || v.scale() > 2) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw BusinessRuleException.invalid(
          "LINKED_HARDSHIP_AMOUNT",
          label + (positive ? "应为大于零的金额" : "应为不小于零的金额") + "（元，最多两位小数）",
          label + " not a valid amount");
    }
  }
}
