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
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
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
  private final ScopeGuard scopeGuard;

  CondolenceApi(Condolence condolence, ScopeGuard scopeGuard) {
    this.condolence = condolence;
    this.scopeGuard = scopeGuard;
  }

  /** The logged-in officer asks, whatever {@code requestedBy} says; their region is checked. */
  @PostMapping("/visits")
  ResponseEntity<Opened> request(@Valid @RequestBody RequestVisit request, RegionScope scope) {
    CaseView c =
        condolence.requestVisit(
            new RequestVisit(
                request.personId(), request.trigger(), request.description(), scope.username()));
    return ResponseEntity.created(URI.create("/api/condolence/visits/" + c.caseNumber()))
        .body(new Opened(c.caseNumber(), c.status().name(), c.status().label()));
  }

  @GetMapping("/visits/{caseNumber}")
  VisitView visit(@PathVariable String caseNumber, RegionScope scope) {
    return condolence.visit(caseNumber, scope);
  }

  @PostMapping("/campaigns")
  ResponseEntity<CampaignView> define(
      @Valid @RequestBody DefineCampaign campaign, RegionScope scope) {
    scopeGuard.require(scope, RegionCode.parse(campaign.countyCode()), null, "设立慰问活动");
    CampaignView c = condolence.defineCampaign(asOfficer(campaign, scope));
    return ResponseEntity.created(URI.create("/api/condolence/campaigns/" + c.id())).body(c);
  }

  @GetMapping("/campaigns/{id}")
  CampaignView campaign(@PathVariable long id, RegionScope scope) {
    return condolence.campaign(id, scope);
  }

  static DefineCampaign asOfficer(DefineCampaign d, RegionScope scope) {
    return new DefineCampaign(
        d.name(),
        d.festival(),
        d.countyCode(),
        d.townshipCodes(),
        d.amounts(),
        d.budgetLine(),
        d.deadline(),
        d.recentVisitDays(),
        scope.username());
  }

  @GetMapping("/amounts")
  Amount amount(
      @RequestParam String township,
      @RequestParam VisitTrigger trigger,
      @RequestParam(required = false) PersonCategory category,
      RegionScope scope) {
    // the amounts of one's own township (a village liaison's too) or of a township below one
    RegionCode t = RegionCode.parse(township);
    if (!t.contains(scope.region())) {
      scopeGuard.require(scope, t, null, "查询慰问金标准");
    }
    return new Amount(condolence.amountFor(township, trigger, category));
  }

  @PutMapping("/amounts/{region}/{trigger}")
  ResponseEntity<Void> setAmount(
      @PathVariable String region,
      @PathVariable VisitTrigger trigger,
      @RequestParam(required = false) PersonCategory category,
      @Valid @RequestBody Amount body,
      RegionScope scope) {
    scopeGuard.require(scope, RegionCode.parse(region), null, "设置慰问金标准");
    condolence.setAmount(region, trigger, category, body.amount());
    return ResponseEntity.noContent().build();
  }

  record Opened(String caseNumber, String status, String statusLabel) {}

  record Amount(
      @NotNull(message = "{condolence.amount.required}")
          @DecimalMin(value = "0.01", message = "{condolence.amount.positive}")
          BigDecimal amount) {}
}
