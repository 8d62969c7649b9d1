package org.casework.casefile.internal;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.ClientStatusException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryEntry;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.sla.ProcessIncident;
import org.casework.sla.ProcessIncidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cockpit's 流程故障: Operate's active incidents joined to the cases of their process instances and
 * cut to the supervisor's region; 重试 sets the failed job's retries back to 1 and resolves the
 * incident, with a history line on the case. An incident whose instance has no case (e.g. a
 * supervision process started without one) is shown to county supervisors only.
 */
@Component
class CaseIncidents implements ProcessIncidents {

  static final int LIMIT = 200;
  private static final Logger log = LoggerFactory.getLogger(CaseIncidents.class);

  private final IncidentFeed feed;
  private final CaseRepository cases;
  private final CaseFiles caseFiles;
  private final ScopeGuard guard;
  private final Jurisdiction jurisdiction;
  private final org.springframework.beans.factory.ObjectProvider<ZeebeClient> zeebe;
  private final MessageSource messages;
  private final Clock clock;

  CaseIncidents(
      IncidentFeed feed,
      CaseRepository cases,
      CaseFiles caseFiles,
      ScopeGuard guard,
      Jurisdiction jurisdiction,
      org.springframework.beans.factory.ObjectProvider<ZeebeClient> zeebe,
      MessageSource messages,
      Clock clock) {
    this.feed = feed;
    this.cases = cases;
    this.caseFiles = caseFiles;
    this.guard = guard;
    this.jurisdiction = jurisdiction;
    this.zeebe = zeebe;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Board active(String supervisor) {
    RegionScope scope = scopeOf(supervisor);
    List<IncidentFeed.Incident> all;
    try {
      all = feed.active(LIMIT);
    } catch (RuntimeException e) {
      log.warn("cockpit: cannot read incidents from Operate: {}", e.getMessage());
      return new Board(false, "暂时无法读取 Operate 中的流程故障，请稍后刷新，或直接打开 Operate 查看。", List.of());
    }
    List<ProcessIncident> visible = new ArrayList<>();
    for (IncidentFeed.Incident i : all) {
      ProcessIncident row = row(i);
      if (visibleTo(scope, row)) {
        visible.add(row);
      }
    }
    return new Board(true, null, List.copyOf(visible));
  }

  @Override
  public ProcessIncident retry(long incidentKey, String supervisor) {
    RegionScope scope = scopeOf(supervisor);
    Optional<IncidentFeed.Incident> found;
    try {
      found = feed.active(incidentKey);
    } catch (RuntimeException e) {
      log.warn("incident {}: cannot read it from Operate: {}", incidentKey, e.getMessage());
      throw BusinessRuleException.conflict(
          "OPERATE_UNAVAILABLE",
          "暂时无法读取 Operate，未能重试，请稍后再试。",
          "incident " + incidentKey + ": " + e.getMessage());
    }
    IncidentFeed.Incident incident =
        found.orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "INCIDENT_NOT_ACTIVE",
                    "该流程故障不存在或已处理，请刷新督办看板。",
                    "incident " + incidentKey + " not active in Operate"));
    ProcessIncident row = row(incident);
    if (row.caseNumber() == null) {
      if (!countyLevel(scope)) {
        throw guard.refuse(scope, scope.region(), null, "重试未关联案件的流程故障 " + incidentKey);
      }
    } else {
      guard.require(
          scope, new RegionCode(row.regionCode()), row.caseNumber(), "重试流程故障 " + incidentKey);
    }
    ZeebeClient engine = zeebe.getIfAvailable();
    if (engine == null) {
      throw BusinessRuleException.conflict(
          "ENGINE_UNAVAILABLE", "流程引擎未连接，无法重试，请稍后再试。", "no ZeebeClient");
    }
    try {
      if (incident.jobKey() != null) {
        engine.newUpdateRetriesCommand(incident.jobKey()).retries(1).send().join();
      }
      engine.newResolveIncidentCommand(incidentKey).send().join();
    } catch (ClientStatusException e) {
      log.warn("incident {}: retry refused by the engine: {}", incidentKey, e.getMessage());
      throw BusinessRuleException.conflict(
          "INCIDENT_RETRY_REFUSED",
          "引擎未接受重试（该故障可能已被他人处理），请刷新督办看板。",
          "incident " + incidentKey + ": " + e.getStatus());
    }
    log.info(
        "incident {} of case {} retried by {} (job {})",
        incidentKey,
        row.caseNumber(),
        scope.username(),
        incident.jobKey());
    if (row.caseNumber() != null) {
      caseFiles.record(
          row.caseNumber(),
          new HistoryEntry(
              clock.instant(),
              scope.username(),
              scope.role().name(),
              "重试故障环节",
              row.elementName() == null ? row.elementId() : row.elementName(),
              row.errorLabel() + "：" + abbreviate(row.message()),
              "incident-retry:" + incidentKey));
    }
    return row;
  }

  private RegionScope scopeOf(String username) {
    return jurisdiction
        .staff(username)
        .filter(StaffMember::enabled)
        .map(RegionScope::of)
        .orElseThrow(
            () ->
                BusinessRuleException.forbidden(
                    "NOT_STAFF", "当前账号不是在册工作人员，无法查看流程故障。", "no enabled staff " + username));
  }

  private ProcessIncident row(IncidentFeed.Incident i) {
    Optional<CaseEntity> c =
        cases.findFirstByProcessInstanceKeyOrderByIdDesc(i.processInstanceKey());
    return new ProcessIncident(
        i.key(),
        i.processInstanceKey(),
        i.jobKey(),
        c.map(CaseEntity::getCaseNumber).orElse(null),
        c.map(e -> e.getType().label()).orElse(null),
        c.map(CaseEntity::regionCode).orElse(null),
        i.elementId(),
        i.elementName(),
        i.type(),
        messages.getMessage(
            "casefile.incident.type." + i.type(), null, i.type(), Locale.SIMPLIFIED_CHINESE),
        i.message(),
        i.since());
  }

  private static boolean visibleTo(RegionScope scope, ProcessIncident row) {
    return row.regionCode() == null
        ? countyLevel(scope)
        : scope.covers(new RegionCode(row.regionCode()));
  }

  private static boolean countyLevel(RegionScope scope) {
    return scope.region().level() == RegionLevel.COUNTY;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
