package org.casework.supervision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cockpit's 流程故障: the engine's open incidents joined to the cases of their process instances
 * and cut to the supervisor's region; 重试 sets the failed job's retries back to 1 (which resolves
 * the incident) and makes it due now, with a history line on the case in the same transaction. An
 * incident whose instance has no case (e.g. a supervision process) is shown to county supervisors
 * only.
 */
@Service
public class Incidents {

  /**
   * What the cockpit shows: the incidents of cases in the supervisor's region, or why they cannot
   * be read now.
   *
   * @param available false when the engine could not be asked; {@code problem} then says why
   *     (Chinese)
   */
  public record Board(boolean available, String problem, List<ProcessIncident> incidents) {}

  static final int LIMIT = 200;
  static final String FAILED_JOB = Incident.FAILED_JOB_HANDLER_TYPE;
  static final String FAILED_EXTERNAL_TASK = Incident.EXTERNAL_TASK_HANDLER_TYPE;
  private static final Logger log = LoggerFactory.getLogger(Incidents.class);

  private final RuntimeService runtime;
  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final RepositoryService repository;
  private final CaseFiles caseFiles;
  private final ScopeGuard guard;
  private final Jurisdiction jurisdiction;
  private final MessageSource messages;
  private final Clock clock;

  Incidents(
      RuntimeService runtime,
      ManagementService management,
      ExternalTaskService externalTasks,
      RepositoryService repository,
      CaseFiles caseFiles,
      ScopeGuard guard,
      Jurisdiction jurisdiction,
      MessageSource messages,
      Clock clock) {
    this.runtime = runtime;
    this.management = management;
    this.externalTasks = externalTasks;
    this.repository = repository;
    this.caseFiles = caseFiles;
    this.guard = guard;
    this.jurisdiction = jurisdiction;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The engine's active incidents of cases in the supervisor's region (from their staff record,
   * never from the request); incidents without a case only for county supervisors.
   */
  public Board active(String supervisor) {
    RegionScope scope = scopeOf(supervisor);
    List<Incident> all;
    try {
      all =
          runtime
              .createIncidentQuery()
              .orderByIncidentTimestamp()
              .desc()
              .orderByIncidentId()
              .asc()
              .listPage(0, LIMIT);
    } catch (RuntimeException e) {
      log.warn("cockpit: cannot read incidents from the engine: {}", e.toString());
      return new Board(false, "暂时无法读取流程故障，请稍后刷新。", List.of());
    }
    List<ProcessIncident> visible = new ArrayList<>();
    for (Incident i : all) {
      ProcessIncident row = row(i);
      if (visibleTo(scope, row)) {
        visible.add(row);
      }
    }
    return new Board(true, null, List.copyOf(visible));
  }

  /**
   * Gives the failed step another attempt (job retries back to 1, which resolves the incident);
   * written into the case's history. Refused (403, audited) when the case is outside the
   * supervisor's region.
   */
  @Transactional
  public ProcessIncident retry(String incidentId, String supervisor) {
    RegionScope scope = scopeOf(supervisor);
    Incident incident =
        Optional.ofNullable(runtime.createIncidentQuery().incidentId(incidentId).singleResult())
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "INCIDENT_NOT_ACTIVE",
                        "该流程故障不存在或已处理，请刷新督办看板。",
                        "incident " + incidentId + " not open in the engine"));
    ProcessIncident row = row(incident);
    if (row.caseNumber() == null) {
      if (!countyLevel(scope)) {
        throw guard.refuse(scope, scope.region(), null, "重试未关联案件的流程故障 " + incidentId);
      }
    } else {
      guard.require(
          scope, new RegionCode(row.regionCode()), row.caseNumber(), "重试流程故障 " + incidentId);
    }
    try {
      switch (incident.getIncidentType()) {
        case FAILED_JOB -> {
          // retries > 0 resolves the incident; due now, not when the last back-off would have been
          management.setJobRetries(incident.getConfiguration(), 1);
          management.setJobDuedate(incident.getConfiguration(), ClockUtil.getCurrentTime());
        }
        case FAILED_EXTERNAL_TASK -> externalTasks.setRetries(incident.getConfiguration(), 1);
        default -> runtime.resolveIncident(incidentId);
      }
    } catch (ProcessEngineException e) {
      log.warn("incident {}: retry refused by the engine: {}", incidentId, e.getMessage());
      throw BusinessRuleException.conflict(
          "INCIDENT_RETRY_REFUSED",
          "引擎未接受重试（该故障可能已被他人处理），请刷新督办看板。",
          "incident " + incidentId + ": " + e.getMessage());
    }
    log.info(
        "incident {} of case {} retried by {} (job {})",
        incidentId,
        row.caseNumber(),
        scope.username(),
        row.jobId());
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
              "incident-retry:" + incidentId));
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

  private ProcessIncident row(Incident i) {
    Optional<CaseView> c = caseFiles.findByProcessInstance(i.getProcessInstanceId());
    String elementId = i.getActivityId() != null ? i.getActivityId() : i.getFailedActivityId();
    String type = i.getIncidentType();
    return new ProcessIncident(
        i.getId(),
        i.getProcessInstanceId(),
        FAILED_JOB.equals(type) ? i.getConfiguration() : null,
        c.map(CaseView::caseNumber).orElse(null),
        c.map(v -> v.type().label()).orElse(null),
        c.map(CaseView::regionCode).orElse(null),
        elementId,
        elementName(i.getProcessDefinitionId(), elementId),
        type,
        messages.getMessage(
            "casefile.incident.type." + type, null, type, Locale.SIMPLIFIED_CHINESE),
        i.getIncidentMessage(),
        i.getIncidentTimestamp() == null ? null : i.getIncidentTimestamp().toInstant());
  }

  /** The element's name in the diagram (the engine caches the deployed models). */
  private String elementName(String processDefinitionId, String elementId) {
    if (processDefinitionId == null || elementId == null) {
      return null;
    }
    try {
      ModelElementInstance element =
          repository.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
      return element instanceof FlowElement flow ? flow.getName() : null;
    } catch (ProcessEngineException e) {
      log.debug("no diagram for {}: {}", processDefinitionId, e.toString());
      return null;
    }
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
