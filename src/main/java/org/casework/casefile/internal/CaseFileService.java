package org.casework.casefile.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseHistoryAppended;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.casefile.HistoryView;
import org.casework.casefile.NoticeView;
import org.casework.casefile.OpenCase;
import org.casework.casefile.PathTaken;
import org.casework.casefile.Receipt;
import org.casework.casefile.StageActivity;
import org.casework.casefile.StageEntered;
import org.casework.casefile.TaskCompletionRefused;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.clocks.DeadlinePolicy;
import org.casework.clocks.StartClock;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CaseFileService implements CaseFiles {

  private static final Logger log = LoggerFactory.getLogger(CaseFileService.class);

  private final CaseRepository cases;
  private final HistoryRepository history;
  private final NoticeRepository notices;
  private final StageRepository stages;
  private final CaseNumberSequence sequence;
  private final CaseMapper mapper;
  private final Clocks clocks;
  private final Clock clock;
  private final CaseProcesses processes;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final ApplicationEventPublisher events;
  private final EngineStageActivity stageActivity;
  private final NoticeOutbox outbox;

  CaseFileService(
      CaseRepository cases,
      HistoryRepository history,
      NoticeRepository notices,
      StageRepository stages,
      CaseNumberSequence sequence,
      CaseMapper mapper,
      Clocks clocks,
      Clock clock,
      CaseProcesses processes,
      Jurisdiction jurisdiction,
      ScopeGuard scopeGuard,
      ApplicationEventPublisher events,
      EngineStageActivity stageActivity,
      NoticeOutbox outbox) {
    this.outbox = outbox;
    this.cases = cases;
    this.history = history;
    this.notices = notices;
    this.stages = stages;
    this.sequence = sequence;
    this.mapper = mapper;
    this.clocks = clocks;
    this.clock = clock;
    this.processes = processes;
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.events = events;
    this.stageActivity = stageActivity;
  }

  @Override
  @Transactional
  public CaseView open(OpenCase command) {
    Instant now = clock.instant();
    String county = command.townshipCode().substring(0, 6);
    CaseNumber number = sequence.next(command.type(), county, Formats.chinaDate(now).getYear());
    CaseEntity entity =
        cases.save(
            new CaseEntity(
                number.value(),
                command.type(),
                county,
                command.townshipCode(),
                command.villageCode(),
                command.applicantPersonId(),
                command.title(),
                command.filedBy(),
                now));
    appendHistory(
        entity,
        new HistoryEntity(
            entity.getId(),
            now,
            command.filedBy(),
            command.filedByRole(),
            "登记受理",
            "已登记",
            command.title(),
            "filed"));
    // the whole-case legal clock runs from filing (where the policy has one for the type)
    clocks.start(
        new StartClock(
            number.value(),
            Clocks.CASE_CLOCK,
            command.type().name(),
            command.townshipCode(),
            DeadlinePolicy.CASE,
            "全案办理",
            now,
            command.filedBy(),
            command.filedBy(),
            null,
            null));
    entity.attachProcessInstance(processes.start(number.value(), command.type()));
    log.info("case {} opened by {} in {}", number, command.filedBy(), command.townshipCode());
    return mapper.toView(entity);
  }

  @Override
  @Transactional
  public boolean claimProcessInstance(String caseNumber, String processInstanceId) {
    CaseEntity entity = load(caseNumber);
    if (entity.getProcessInstanceId() == null) {
      entity.attachProcessInstance(processInstanceId);
      return true;
    }
    return entity.getProcessInstanceId().equals(processInstanceId);
  }

  @Override
  public Optional<CaseView> find(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).map(mapper::toView);
  }

  @Override
  public Optional<CaseView> findByProcessInstance(String processInstanceId) {
    return cases.findFirstByProcessInstanceIdOrderByIdDesc(processInstanceId).map(mapper::toView);
  }

  @Override
  public StageActivity stageActivity(String caseNumber, String elementId) {
    return stageActivity.of(caseNumber, elementId);
  }

  @Override
  public CaseView get(String caseNumber) {
    return mapper.toView(load(caseNumber));
  }

  @Override
  public CaseView get(String caseNumber, RegionScope scope) {
    return mapper.toView(loadInScope(caseNumber, scope, "查看案件"));
  }

  @Override
  public boolean isHandledBy(String caseNumber, String username) {
    CaseEntity c = load(caseNumber);
    return username.equals(c.getFiledBy())
        || username.equals(c.getAssignedOfficer())
        || history.existsByCaseIdAndActor(c.getId(), username);
  }

  @Override
  public List<CaseView> latest(RegionScope scope, int limit) {
    return cases
        .findAllInScope(scope.prefix(), PageRequest.of(0, Math.max(1, Math.min(limit, 200))))
        .stream()
        .map(mapper::toView)
        .toList();
  }

  /** Sort keys of the case list → entity properties (only these reach the query). */
  private static final java.util.Map<String, String> PAGE_PROPERTIES =
      java.util.Map.of("filed", "filedAt", "number", "caseNumber");

  /** 类型 and 状态 sort by their Chinese labels, not by the stored codes. */
  private static final java.util.Map<String, String> PAGE_LABEL_ORDERS =
      java.util.Map.of(
          "type",
          org.casework.common.web.LabelOrder.of(
                  org.casework.casefile.CaseType.class, org.casework.casefile.CaseType::label)
              .orderBy("c.type"),
          "status",
          org.casework.common.web.LabelOrder.of(CaseStatus.class, CaseStatus::label)
              .orderBy("c.status"));

  @Override
  public org.casework.common.web.Paged<CaseView> page(
      RegionScope scope, org.casework.common.web.PageParams p) {
    org.springframework.data.domain.Sort.Direction dir =
        p.descending()
            ? org.springframework.data.domain.Sort.Direction.DESC
            : org.springframework.data.domain.Sort.Direction.ASC;
    String byLabel = PAGE_LABEL_ORDERS.get(p.sort());
    org.springframework.data.domain.Sort first =
        byLabel != null
            ? org.springframework.data.jpa.domain.JpaSort.unsafe(dir, byLabel)
            : org.springframework.data.domain.Sort.by(
                dir, PAGE_PROPERTIES.getOrDefault(p.sort(), "filedAt"));
    // ties (same status, type) in a fixed order, so pages neither repeat nor skip rows
    var sort = first.and(org.springframework.data.domain.Sort.by(dir, "id"));
    var found = cases.findPageInScope(scope.prefix(), PageRequest.of(p.page(), p.size(), sort));
    return new org.casework.common.web.Paged<>(
        found.getContent().stream().map(mapper::toView).toList(), found.getTotalElements(), p);
  }

  @Override
  public List<HistoryView> history(String caseNumber, RegionScope scope) {
    return history
        .findByCaseIdOrderByAtAscIdAsc(loadInScope(caseNumber, scope, "查看办理经过").getId())
        .stream()
        .map(mapper::toView)
        .map(HistoryView::masked)
        .toList();
  }

  @Override
  public List<NoticeView> notices(String caseNumber, RegionScope scope) {
    return notices
        .findByCaseIdOrderBySentAtAsc(loadInScope(caseNumber, scope, "查看告知记录").getId())
        .stream()
        .map(mapper::toView)
        .toList();
  }

  /**
   * Refuses the completion of a user task by someone who may not complete it: not an enabled member
   * of staff, not in one of its candidate groups (role and region), or, for a task the process
   * assigns by name (the legal-aid lawyer), not the case's assigned officer. The refusal is
   * published at once (the audit log keeps it although the completion is rolled back) and thrown as
   * a Chinese 403 that Tasklist shows.
   */
  void requireMayComplete(
      String caseNumber,
      String elementId,
      String username,
      List<String> candidateGroups,
      boolean assignedByName) {
    // a task of no case (a condolence campaign's) is checked against its groups alone
    CaseEntity entity = caseNumber == null ? null : load(caseNumber);
    String userGroup =
        jurisdiction
            .staff(username)
            .filter(StaffMember::enabled)
            .map(StaffMember::candidateGroup)
            .orElse(null);
    String refusal = null;
    if (userGroup == null) {
      refusal = "您不是本系统在岗工作人员，不能办理此任务";
    } else if (!candidateGroups.isEmpty() && !candidateGroups.contains(userGroup)) {
      refusal = "此任务只能由" + String.join("、", candidateGroups) + "办理，您（" + userGroup + "）无权办理";
    } else if (assignedByName
        && entity != null
        && entity.getAssignedOfficer() != null
        && !entity.getAssignedOfficer().equals(username)) {
      refusal = "此任务已指派给承办人 " + entity.getAssignedOfficer() + "，只能由其本人办理";
    }
    if (refusal == null) {
      return;
    }
    events.publishEvent(
        new TaskCompletionRefused(
            caseNumber,
            entity == null ? null : entity.regionCode(),
            clock.instant(),
            username,
            userGroup,
            elementId,
            candidateGroups,
            refusal));
    throw BusinessRuleException.forbidden(
        "TASK_NOT_YOURS",
        refusal,
        "case "
            + caseNumber
            + ": "
            + username
            + " ("
            + userGroup
            + ") may not complete "
            + elementId
            + ", candidate groups "
            + candidateGroups);
  }

  @Override
  public void deliver(String message, String caseNumber) {
    processes.correlate(message, caseNumber);
  }

  @Override
  @Transactional
  public void receive(Receipt r) {
    CaseView c = get(r.caseNumber(), RegionScope.of(r.officer()));
    if (c.type() != r.type()) {
      throw BusinessRuleException.notFound(
          "NOT_" + r.type().name(),
          "案件 " + r.caseNumber() + " 不是" + r.type().label() + "案件",
          "type " + c.type());
    }
    if (c.status() != r.awaited()) {
      throw BusinessRuleException.conflict(
          r.wrongStatusCode(),
          r.wrongStatusMessage() + "（当前：" + c.status().label() + "）",
          "status " + c.status() + ", expected " + r.awaited());
    }
    record(
        r.caseNumber(),
        new HistoryEntry(
            clock.instant(),
            r.officer().username(),
            r.officer().role().name(),
            r.action(),
            r.outcome(),
            r.text() == null ? null : r.text().strip(),
            null));
    deliver(r.message(), r.caseNumber());
    log.info(
        "case {}: {} received by {}, message {} published",
        r.caseNumber(),
        r.action(),
        r.officer().username(),
        r.message());
  }

  @Override
  @Transactional
  public StageEntered enterStage(
      String caseNumber, String processId, String elementId, String stepKey) {
    CaseEntity entity = load(caseNumber);
    StageEntity stage =
        stages
            .findById(new StageEntity.Key(processId, elementId))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no casefile_stage row for " + processId + "/" + elementId));
    Instant now = clock.instant();
    // the stage's legal clock (sla deadline policy of the case's version; casefile_stage's period
    // where the policy has no row for the stage); a retried job finds the same clock
    Optional<ClockView> stageClock =
        clocks.start(
            new StartClock(
                caseNumber,
                stepKey,
                entity.getType().name(),
                entity.getTownshipCode(),
                elementId,
                stage.getLabel(),
                now,
                HistoryEntry.SYSTEM,
                entity.getAssignedOfficer() != null
                    ? entity.getAssignedOfficer()
                    : entity.getFiledBy(),
                stage.getPeriodAmount(),
                stage.getPeriodUnit()));
    Instant due = stageClock.map(ClockView::dueAt).orElse(null);
    Instant followUp = stageClock.map(ClockView::warnSecondAt).orElse(null);
    if (!history.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      entity.enterStage(elementId, stage.getStatus(), due, now);
      String reason = due == null ? null : "办理期限：" + Formats.dateTime(due);
      appendHistory(
          entity,
          new HistoryEntity(
                  entity.getId(),
                  now,
                  HistoryEntry.SYSTEM,
                  "SYSTEM",
                  "进入环节：" + stage.getLabel(),
                  stage.getStatus().label(),
                  reason,
                  stepKey)
              .enteredStage(elementId));
    }
    return new StageEntered(
        caseNumber, elementId, stage.getLabel(), stage.getStatus(), due, followUp);
  }

  @Override
  @Transactional
  public void record(String caseNumber, HistoryEntry entry) {
    CaseEntity entity = load(caseNumber);
    append(entity, entry);
  }

  @Override
  @Transactional
  public void changeStatus(String caseNumber, CaseStatus status, HistoryEntry entry) {
    CaseEntity entity = load(caseNumber);
    if (append(entity, entry)) {
      entity.changeStatus(status, entry.at());
    }
    if (status.isClosed()) {
      // a closed case has no running deadline, whichever task or pause was left behind
      clocks.stopAll(caseNumber, HistoryEntry.SYSTEM);
    }
  }

  @Override
  @Transactional
  public CaseView assign(String caseNumber, String officer, HistoryEntry entry) {
    CaseEntity entity = load(caseNumber);
    if (append(entity, entry)) {
      entity.assign(officer, entry.at());
    }
    return mapper.toView(entity);
  }

  @Override
  @Transactional
  public void notifyApplicant(String caseNumber, String stepKey, String title, String text) {
    CaseEntity entity = load(caseNumber);
    if (!notices.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      String t = title == null || title.isBlank() ? CaseFiles.titleOf(text) : title.strip();
      NoticeEntity saved =
          notices.saveAndFlush(
              new NoticeEntity(
                  entity.getId(),
                  stepKey,
                  outbox.channelName(),
                  t.length() > 100 ? t.substring(0, 100) : t,
                  text,
                  clock.instant()));
      outbox.sendAfterCommit(saved.getId());
    }
  }

  @Override
  public List<HistoryView> history(String caseNumber) {
    return history.findByCaseIdOrderByAtAscIdAsc(load(caseNumber).getId()).stream()
        .map(mapper::toView)
        .toList();
  }

  @Override
  public Optional<String> lastCompletedBy(String caseNumber, String elementId) {
    return history
        .findFirstByCaseIdAndElementIdOrderByIdDesc(load(caseNumber).getId(), elementId)
        .map(HistoryEntity::getActor);
  }

  @Override
  public HistoryEntry entryByTaskActor(
      String caseNumber,
      String elementId,
      String action,
      String outcome,
      String reason,
      String stepKey) {
    String actor = lastCompletedBy(caseNumber, elementId).orElse(HistoryEntry.SYSTEM);
    String role = jurisdiction.staff(actor).map(s -> s.role().name()).orElse("SYSTEM");
    return new HistoryEntry(clock.instant(), actor, role, action, outcome, reason, stepKey);
  }

  @Override
  public PathTaken pathTaken(String caseNumber, RegionScope scope) {
    CaseEntity entity = loadInScope(caseNumber, scope, "查看流程图");
    String processId = entity.getType().processId();
    // lines written before V55 name the stage only by its label: map it back through casefile_stage
    Map<String, String> byLabel = new HashMap<>();
    for (StageEntity s : stages.findAll()) {
      if (s.getKey().processId().equals(processId)) {
        byLabel.put("进入环节：" + s.getLabel(), s.getKey().elementId());
      }
    }
    List<PathTaken.Step> steps = new ArrayList<>();
    for (HistoryEntity h : history.findByCaseIdOrderByAtAscIdAsc(entity.getId())) {
      String element =
          h.getStageElementId() != null ? h.getStageElementId() : byLabel.get(h.getAction());
      if (element != null) {
        steps.add(new PathTaken.Step(element, false, h.getAt(), h.getActor()));
      }
      if (h.getElementId() != null) {
        steps.add(new PathTaken.Step(h.getElementId(), true, h.getAt(), h.getActor()));
      }
    }
    return new PathTaken(
        caseNumber,
        processId,
        entity.getStatus().name(),
        entity.getClosedAt() != null,
        entity.getStage(),
        steps);
  }

  @Override
  public List<CaseView> ofApplicant(long personId, RegionScope scope) {
    return cases.findOfApplicantInScope(personId, scope.prefix()).stream()
        .map(mapper::toView)
        .toList();
  }

  /**
   * A claim or unclaim seen in Tasklist: one history line (and so one audit entry) per step key,
   * attributed to the user who claimed (or held and released) the task.
   */
  @Transactional
  boolean recordAssignment(
      String caseNumber,
      String elementId,
      String taskName,
      String username,
      boolean claimed,
      String reason,
      String stepKey) {
    CaseEntity entity = load(caseNumber);
    if (history.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      return false;
    }
    String label =
        stages
            .findById(new StageEntity.Key(entity.getType().processId(), elementId))
            .map(StageEntity::getLabel)
            .orElse(taskName == null || taskName.isBlank() ? elementId : taskName);
    String role = jurisdiction.staff(username).map(s -> s.role().name()).orElse("UNKNOWN");
    appendHistory(
        entity,
        new HistoryEntity(
            entity.getId(),
            clock.instant(),
            username,
            role,
            (claimed ? "认领任务：" : "取消认领：") + label,
            claimed ? "已认领" : "已退回待认领",
            reason,
            stepKey));
    return true;
  }

  /** The case run by a process instance, if any (campaign instances have none). */
  Optional<String> caseOfInstance(String processInstanceId) {
    return cases
        .findFirstByProcessInstanceIdOrderByIdDesc(processInstanceId)
        .map(CaseEntity::getCaseNumber);
  }

  /** A user completed a task in Tasklist: record who, in which role, once per element instance. */
  @Transactional
  void recordTaskCompletion(
      String caseNumber,
      String processId,
      String elementId,
      String taskName,
      String username,
      String stepKey) {
    CaseEntity entity = load(caseNumber);
    if (history.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      return;
    }
    String label =
        stages
            .findById(new StageEntity.Key(processId, elementId))
            .map(StageEntity::getLabel)
            .orElse(taskName == null || taskName.isBlank() ? elementId : taskName);
    String role = jurisdiction.staff(username).map(s -> s.role().name()).orElse("UNKNOWN");
    appendHistory(
        entity,
        new HistoryEntity(
                entity.getId(),
                clock.instant(),
                username,
                role,
                "完成任务：" + label,
                "已完成",
                null,
                stepKey)
            .completedTask(elementId));
  }

  /** The user task ended: its stage clock stops (the listener's step key names the clock). */
  @Transactional
  void stopStageClock(String caseNumber, String stageStepKey) {
    clocks.stop(caseNumber, stageStepKey, HistoryEntry.SYSTEM);
  }

  @Override
  public List<NoticeView> notices(String caseNumber) {
    return notices.findByCaseIdOrderBySentAtAsc(load(caseNumber).getId()).stream()
        .map(mapper::toView)
        .toList();
  }

  private boolean append(CaseEntity entity, HistoryEntry entry) {
    if (entry.stepKey() != null
        && history.existsByCaseIdAndStepKey(entity.getId(), entry.stepKey())) {
      return false;
    }
    appendHistory(
        entity,
        new HistoryEntity(
            entity.getId(),
            entry.at(),
            entry.actor(),
            entry.actorRole(),
            entry.action(),
            entry.outcome(),
            entry.reason(),
            entry.stepKey()));
    return true;
  }

  @Override
  public List<CaseHistoryAppended> historyAfter(long historyId, int limit) {
    List<CaseHistoryAppended> result = new ArrayList<>();
    Map<Long, CaseEntity> byId = new HashMap<>();
    for (HistoryEntity h :
        history.findByIdGreaterThanOrderByIdAsc(historyId, PageRequest.of(0, limit))) {
      CaseEntity c = byId.computeIfAbsent(h.getCaseId(), id -> cases.findById(id).orElseThrow());
      result.add(announcement(c, h));
    }
    return result;
  }

  private static CaseHistoryAppended announcement(CaseEntity entity, HistoryEntity saved) {
    return new CaseHistoryAppended(
        saved.getId(),
        entity.getCaseNumber(),
        entity.regionCode(),
        saved.getAt(),
        saved.getActor(),
        saved.getActorRole(),
        saved.getAction(),
        saved.getOutcome(),
        saved.getReason());
  }

  /** The only way into the history table: saves the line and announces it (audit listens). */
  private void appendHistory(CaseEntity entity, HistoryEntity line) {
    events.publishEvent(announcement(entity, history.save(line)));
  }

  private CaseEntity loadInScope(String caseNumber, RegionScope scope, String what) {
    return cases
        .findInScope(caseNumber, scope.prefix())
        .orElseThrow(
            () -> {
              CaseEntity elsewhere = load(caseNumber);
              return scopeGuard.refuse(
                  scope, RegionCode.parse(elsewhere.regionCode()), caseNumber, what);
            });
  }

  private CaseEntity load(String caseNumber) {
    return cases
        .findByCaseNumber(caseNumber)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "CASE_UNKNOWN", "未找到案件 " + caseNumber, "no case " + caseNumber));
  }
}
