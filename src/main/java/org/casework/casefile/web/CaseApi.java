package org.casework.casefile.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryView;
import org.casework.casefile.NoticeView;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.clocks.OfficerNotice;
import org.casework.jurisdiction.RegionScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Case lookup: status, stage, due date, history and notices. */
@RestController
@RequestMapping("/api/cases")
class CaseApi {

  private final CaseFiles caseFiles;
  private final Clocks clocks;

  CaseApi(CaseFiles caseFiles, Clocks clocks) {
    this.caseFiles = caseFiles;
    this.clocks = clocks;
  }

  /** The case's legal clocks (started, paused spans, extensions, due, remaining). */
  @GetMapping("/{caseNumber}/clocks")
  List<ClockView> clocks(@PathVariable String caseNumber, RegionScope scope) {
    return clocks.clocks(
        caseFiles.get(new CaseNumber(caseNumber.trim()).value(), scope).caseNumber());
  }

  @GetMapping("/{caseNumber}/officer-notices")
  List<OfficerNotice> officerNotices(@PathVariable String caseNumber, RegionScope scope) {
    return clocks.officerNotices(
        caseFiles.get(new CaseNumber(caseNumber.trim()).value(), scope).caseNumber());
  }

  /** An approved extension (延期); the approver is the logged-in head, never a name in the body. */
  @PostMapping("/{caseNumber}/clocks/{clockKey}/extensions")
  ClockView extend(
      @PathVariable String caseNumber,
      @PathVariable String clockKey,
      @Valid @RequestBody Extend body,
      RegionScope scope) {
    String number = caseFiles.get(new CaseNumber(caseNumber.trim()).value(), scope).caseNumber();
    return clocks.extend(number, clockKey, body.days(), body.reason(), scope.username());
  }

  record Extend(
      @NotNull(message = "请填写延期天数")
          @Min(value = 1, message = "延期天数至少为1天")
          @Max(value = 365, message = "延期天数不得超过365天")
          Integer days,
      @NotBlank(message = "请填写延期理由") @Size(max = 500, message = "延期理由不得超过500字") String reason) {}

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
