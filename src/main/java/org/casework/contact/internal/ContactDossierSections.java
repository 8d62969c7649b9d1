package org.casework.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.casework.common.Formats;
import org.casework.contact.KeyContactFlag;
import org.casework.contact.NeedKind;
import org.casework.contact.PlanView;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.DossierSection;
import org.casework.registry.PersonView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The contact programme on the person's dossier: the visits and contacts with what a need opened
 * (the hardship case, the legal-aid consultation …) and the tasks still open (overdue marked), and
 * the key-contact flags with their reasons and history.
 */
@Configuration
class ContactDossierSections {

  /**
   * The services module's opener key (contact_need_opener, V270): the reference is a case number.
   */
  static final String SERVICE_REQUEST = "SERVICE_REQUEST";

  @Bean
  @Order(10)
  DossierSection contactVisitSection(ContactService contacts, Clock clock) {
    return new DossierSection() {
      @Override
      public String title() {
        return "联系走访";
      }

      @Override
      public List<DossierLine> lines(PersonView person, RegionScope scope) {
        List<DossierLine> lines = new ArrayList<>();
        Instant now = clock.instant();
        // the dossier has checked the scope and read the person: only the two lists here
        for (PlanView p : contacts.plansOf(person.id())) {
          if ("OPEN".equals(p.status()) && p.dueAt() != null) {
            boolean overdue = p.dueAt().isBefore(now);
            lines.add(
                new DossierLine(
                    Formats.chinaDate(p.dueAt()),
                    (overdue ? "逾期未办：" : "待办：") + p.kind().label() + "（" + p.period() + "）",
                    "办理期限 " + Formats.date(Formats.chinaDate(p.dueAt())),
                    null));
          }
        }
        for (VisitView v : contacts.visitsOf(person.id())) {
          StringBuilder detail = new StringBuilder(v.findings());
          String link = null;
          if (v.needKind() != NeedKind.NONE) {
            detail.append("；需求：").append(v.needKind().label());
            if (v.needText() != null) {
              detail.append("（").append(v.needText()).append("）");
            }
            if (v.linkedCaseNumber() != null) {
              detail.append("；已立案 ").append(v.linkedCaseNumber());
              link = "/cases/" + v.linkedCaseNumber();
            } else if (LegalAidConsultationOpener.KEY.equals(v.linkedType())) {
              detail.append("；已登记法律援助咨询（第 ").append(v.linkedRef()).append(" 号）");
              link = "/legal-aid/consultations";
            } else if (SERVICE_REQUEST.equals(v.linkedType())) {
              detail.append("；已登记菜单式服务申请 ").append(v.linkedRef());
              link = "/services/requests/" + v.linkedRef();
            } else if (v.linkedRef() != null) {
              detail.append("；已登记 ").append(v.linkedRef());
            }
            if (v.linkRefused() != null) {
              detail.append("；未能办理：").append(v.linkRefused());
            }
          }
          lines.add(
              new DossierLine(
                  v.visitedOn(),
                  v.method().label() + "（" + v.visitedBy() + "）",
                  detail.toString(),
                  link));
        }
        return lines;
      }
    };
  }

  @Bean
  @Order(11)
  DossierSection keyContactSection(ContactService contacts) {
    return new DossierSection() {
      @Override
      public String title() {
        return "重点联系对象";
      }

      @Override
      public List<DossierLine> lines(PersonView person, RegionScope scope) {
        return contacts.flagsOf(person.id()).stream()
            .map(
                (KeyContactFlag f) ->
                    new DossierLine(
                        f.since(),
                        f.reason().label() + (f.active() ? "" : "（已撤销）"),
                        (f.note() == null ? "" : f.note())
                            + (f.active()
                                ? ""
                                : " 撤销：" + f.clearReason() + "（" + f.clearedBy() + "）"),
                        null))
            .toList();
      }
    };
  }
}
