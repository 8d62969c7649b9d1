package org.casework.condolence.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import org.casework.casefile.CaseView;
import org.casework.condolence.CampaignView;
import org.casework.condolence.Condolence;
import org.casework.condolence.DefineCampaign;
import org.casework.condolence.RequestVisit;
import org.casework.condolence.VisitTrigger;
import org.casework.condolence.VisitView;
import org.casework.registry.PersonCategory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for 关怀慰问: single visits, campaigns, amounts. */
@RestController
@RequestMapping("/api/condolence")
class CondolenceApi {

  private final Condolence condolence;

  CondolenceApi(Condolence condolence) {
    this.condolence = condolence;
  }

  @PostMapping("/visits")
  ResponseEntity<Opened> request(@Valid @RequestBody RequestVisit request) {
    CaseView c = condolence.requestVisit(request);
    return ResponseEntity.created(URI.create("/api/condolence/visits/" + c.caseNumber()))
        .body(new Opened(c.caseNumber(), c.status().name(), c.status().label()));
  }

  @GetMapping("/visits/{caseNumber}")
  VisitView visit(@PathVariable String caseNumber) {
    return condolence.visit(caseNumber);
  }

  @PostMapping("/campaigns")
  ResponseEntity<CampaignView> define(@Valid @RequestBody DefineCampaign campaign) {
    CampaignView c = condolence.defineCampaign(campaign);
    return ResponseEntity.created(URI.create("/api/condolence/campaigns/" + c.id())).body(c);
  }

  @GetMapping("/campaigns/{id}")
  CampaignView campaign(@PathVariable long id) {
    return condolence.campaign(id);
  }

  @GetMapping("/amounts")
  Amount amount(
      @RequestParam String township,
      @RequestParam VisitTrigger trigger,
      @RequestParam(required = false) PersonCategory category) {
    return new Amount(condolence.amountFor(township, trigger, category));
  }

  @PutMapping("/amounts/{region}/{trigger}")
  ResponseEntity<Void> setAmount(
      @PathVariable String region,
      @PathVariable VisitTrigger trigger,
      @RequestParam(required = false) PersonCategory category,
      @Valid @RequestBody Amount body) {
    condolence.setAmount(region, trigger, category, body.amount());
    return ResponseEntity.noContent().build();
  }

  record Opened(String caseNumber, String status, String statusLabel) {}

  record Amount(
      @NotNull(message = "{condolence.amount.required}")
          @DecimalMin(value = "0.01", message = "{condolence.amount.positive}")
          BigDecimal amount) {}
}
