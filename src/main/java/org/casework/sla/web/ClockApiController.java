package org.casework.sla.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.casework.sla.ClockView;
import org.casework.sla.Clocks;
import org.casework.sla.OfficerNotice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Clock queries of a case (started, paused spans, extensions, due, remaining) and extensions. */
@RestController
class ClockApiController {

  private final Clocks clocks;

  ClockApiController(Clocks clocks) {
    this.clocks = clocks;
  }

  @GetMapping("/api/cases/{caseNumber}/clocks")
  List<ClockView> clocks(@PathVariable String caseNumber) {
    return clocks.clocks(caseNumber);
  }

  @GetMapping("/api/cases/{caseNumber}/officer-notices")
  List<OfficerNotice> notices(@PathVariable String caseNumber) {
    return clocks.officerNotices(caseNumber);
  }

  @PostMapping("/api/cases/{caseNumber}/clocks/{clockKey}/extensions")
  ClockView extend(
      @PathVariable String caseNumber,
      @PathVariable String clockKey,
      @Valid @RequestBody Extend body) {
    return clocks.extend(caseNumber, clockKey, body.days(), body.reason(), body.approver());
  }

  record Extend(
      @NotNull(message = "请填写延期天数")
          @Min(value = 1, message = "延期天数至少为1天")
          @Max(value = 365, message = "延期天数不得超过365天")
          Integer days,
      @NotBlank(message = "请填写延期理由") @Size(max = 500, message = "延期理由不得超过500字") String reason,
      @NotBlank(message = "请填写批准人") @Size(max = 64, message = "批准人不得超过64个字符") String approver) {}
}
