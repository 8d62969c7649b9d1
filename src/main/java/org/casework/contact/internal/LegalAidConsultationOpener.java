package org.casework.contact.internal;

import org.casework.contact.NeedOpener;
import org.casework.legalaid.ConsultationView;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LogConsultation;
import org.casework.legalaid.MatterType;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * A 法律援助咨询 need found on a visit logs a consultation in the legal-aid module (its facade, with the
 * person's ID number so the consultation is linked to the registry person), logged by the liaison
 * who recorded the visit, topic 其他法律事项 (the workstation refines it when it answers); the question
 * is the need as the liaison wrote it, with the visit's number.
 */
@Component
class LegalAidConsultationOpener implements NeedOpener {

  static final String KEY = "LEGAL_AID_CONSULTATION";

  private final LegalAid legalAid;
  private final Registry registry;

  LegalAidConsultationOpener(LegalAid legalAid, Registry registry) {
    this.legalAid = legalAid;
    this.registry = registry;
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Opened open(FoundNeed need) {
    PersonView person = registry.person(need.personId());
    String question =
        "联系走访发现（走访记录 "
            + need.visitId()
            + "，"
            + need.visitedOn()
            + need.method().label()
            + "）："
            + (need.needText() == null || need.needText().isBlank()
                ? need.findings()
                : need.needText());
    ConsultationView c =
        legalAid.logConsultation(
            new LogConsultation(
                person.name(),
                registry.unmasked(person.id()).idNumber(),
                need.townshipCode(),
                need.villageCode(),
                MatterType.OTHER,
                question.length() > 2000 ? question.substring(0, 2000) : question,
                "走访时登记，待法律援助工作站联系当事人解答",
                need.recordedBy()));
    return new Opened("法律援助咨询", String.valueOf(c.id()), "/legal-aid/consultations");
  }
}
