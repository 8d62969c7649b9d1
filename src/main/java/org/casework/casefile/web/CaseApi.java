package org.casework.casefile.web;

import java.util.List;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryView;
import org.casework.casefile.NoticeView;
import org.casework.jurisdiction.RegionScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Case lookup: status, stage, due date, history and notices. */
@RestController
@RequestMapping("/api/cases")
class CaseApi {

  private final CaseFiles caseFiles;

  CaseApi(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @GetMapping("/{caseNumber}")
  CaseDetail get(@PathVariable String caseNumber, RegionScope scope) {
    String number = new CaseNumber(caseNumber.trim()).value();
    CaseView c = caseFiles.get(number, scope);
    return new CaseDetail(
        c, c.status().label(), caseFiles.history(number, scope), caseFiles.notices(number, scope));
  }

  /** The latest cases of the officer's region and below. */
  @GetMapping
  List<CaseView> latest(RegionScope scope) {
    return caseFiles.latest(scope, 50);
  }

  record CaseDetail(
      CaseView caseFile, String statusLabel, List<HistoryView> history, List<NoticeView> notices) {}
}
