package org.casework.services.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.casework.jurisdiction.RegionScope;
import org.casework.services.AnswerReferral;
import org.casework.services.FileServiceRequest;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of 菜单式服务 requests: the same service calls (and so the same checks, region scope and
 * transactions) as the pages and Tasklist. Errors are the common {@code ApiError} in Chinese.
 */
@RestController
@RequestMapping("/api/services/requests")
class ServicesApi {

  private final ServiceRequests requests;

  ServicesApi(ServiceRequests requests) {
    this.requests = requests;
  }

  /** Files a request at the station for a person inside the officer's region. */
  @PostMapping
  ResponseEntity<ServiceRequestView> file(
      @Valid @RequestBody FileServiceRequest request, RegionScope scope) {
    ServiceRequestView v = requests.file(request, scope);
    return ResponseEntity.created(URI.create("/api/services/requests/" + v.caseNumber())).body(v);
  }

  /**
   * A page of the officer's region's open requests (oldest first), or with {@code list=overdue} the
   * referrals whose answer is overdue (most overdue first).
   */
  @GetMapping
  Page list(
      @RequestParam(defaultValue = "open") String list,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      RegionScope scope) {
    List<ServiceRequestView> items =
        switch (list) {
          case "open" -> requests.open(scope, page, size);
          case "overdue" -> requests.overdueReferrals(scope, page, size);
          default ->
              throw org.casework.common.BusinessRuleException.invalid(
                  "SERVICE_LIST", "list 只能是 open（在办）或 overdue（转介答复超期）", "list " + list);
        };
    return new Page(list, page, size, items.size() == size, items);
  }

  @GetMapping("/{caseNumber}")
  ServiceRequestView get(@PathVariable String caseNumber, RegionScope scope) {
    return requests.get(caseNumber, scope);
  }

  /**
   * Records the department's answer: 202, because the process records it in its next step (the
   * request's state moves from REFERRED to RESULT when that step has run).
   */
  @PostMapping("/{caseNumber}/referral-answer")
  ResponseEntity<ServiceRequestView> answer(
      @PathVariable String caseNumber,
      @Valid @RequestBody AnswerReferral answer,
      RegionScope scope) {
    return ResponseEntity.accepted().body(requests.answerReferral(caseNumber, answer, scope));
  }

  /** {@code more}: the page is full, so a next one may have rows. */
  record Page(String list, int page, int size, boolean more, List<ServiceRequestView> items) {}
}
