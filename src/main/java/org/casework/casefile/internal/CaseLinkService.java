package org.casework.casefile.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseLink;
import org.casework.casefile.CaseLinks;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.casefile.LinkedCaseOpener;
import org.casework.casefile.LinkedCaseRequest;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CaseLinkService implements CaseLinks {

  static final String SPAWNED = "SPAWNED";

  private static final Logger log = LoggerFactory.getLogger(CaseLinkService.class);

  private final CaseLinkRepository links;
  private final CaseFiles caseFiles;
  private final List<LinkedCaseOpener> openers;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  CaseLinkService(
      CaseLinkRepository links,
      CaseFiles caseFiles,
      List<LinkedCaseOpener> openers,
      Jurisdiction jurisdiction,
      Clock clock) {
    this.links = links;
    this.caseFiles = caseFiles;
    this.openers = openers;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  @Override
  @Transactional
  public CaseLink link(String fromCase, String toCase, String kind, String reason, String actor) {
    CaseView from = caseFiles.get(fromCase);
    CaseView to = caseFiles.get(toCase);
    if (from.caseNumber().equals(to.caseNumber())) {
      throw BusinessRuleException.invalid(
          "CASE_LINK_SELF", "案件不能与自身关联", "link of " + fromCase + " to itself");
    }
    CaseLinkEntity link =
        links
            .findByFromCaseAndToCase(from.caseNumber(), to.caseNumber())
            .orElseGet(
                () ->
                    links.save(
                        new CaseLinkEntity(
                            from.caseNumber(),
                            to.caseNumber(),
                            kind,
                            reason,
                            actor,
                            clock.instant())));
    String role = jurisdiction.staff(actor).map(s -> s.role().name()).orElse("SYSTEM");
    caseFiles.record(
        from.caseNumber(),
        new HistoryEntry(
            link.getCreatedAt(),
            actor,
            role,
            "关联案件",
            "关联" + to.type().label() + "案件 " + to.caseNumber(),
            reason,
            "link:" + to.caseNumber()));
    caseFiles.record(
        to.caseNumber(),
        new HistoryEntry(
            link.getCreatedAt(),
            actor,
            role,
            "关联案件",
            "由" + from.type().label() + "案件 " + from.caseNumber() + " 转来",
            reason,
            "link:" + from.caseNumber()));
    log.info("case {} linked to {} ({}) by {}", fromCase, toCase, kind, actor);
    return view(link, from.caseNumber());
  }

  @Override
  public List<CaseLink> links(String caseNumber) {
    return links.findByFromCaseOrToCaseOrderByIdAsc(caseNumber, caseNumber).stream()
        .map(l -> view(l, caseNumber))
        .toList();
  }

  @Override
  @Transactional
  public CaseView spawn(LinkedCaseRequest request) {
    CaseView from = caseFiles.get(request.fromCaseNumber());
    Optional<CaseLink> earlier =
        links(from.caseNumber()).stream()
            .filter(l -> l.outgoing() && SPAWNED.equals(l.kind()))
            .filter(l -> l.otherType() == request.type())
            .findFirst();
    if (earlier.isPresent()) {
      return caseFiles.get(earlier.get().otherCase());
    }
    LinkedCaseOpener opener =
        openers.stream()
            .filter(o -> o.type() == request.type())
            .findFirst()
            .orElseThrow(
                () ->
                    BusinessRuleException.conflict(
                        "CASE_TYPE_NOT_AVAILABLE",
                        "本系统尚未开通“" + request.type().label() + "”办理，暂不能转办，请线下转交并在办理经过中记录",
                        "no LinkedCaseOpener for " + request.type()));
    CaseView opened = opener.open(request);
    link(
        from.caseNumber(),
        opened.caseNumber(),
        SPAWNED,
        "转入" + request.type().label() + "程序办理",
        request.requestedBy());
    return opened;
  }

  private static CaseLink view(CaseLinkEntity l, String seenFrom) {
    boolean outgoing = l.getFromCase().equals(seenFrom);
    String other = outgoing ? l.getToCase() : l.getFromCase();
    return new CaseLink(
        seenFrom,
        other,
        new CaseNumber(other).type(),
        outgoing,
        l.getKind(),
        l.getReason(),
        l.getCreatedBy(),
        l.getCreatedAt());
  }
}
