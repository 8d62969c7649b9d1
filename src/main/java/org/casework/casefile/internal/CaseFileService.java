package org.casework.casefile.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.casefile.HistoryView;
import org.casework.casefile.NoticeView;
import org.casework.casefile.OpenCase;
import org.casework.casefile.StageEntered;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.sla.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final CaseProcessStarter processStarter;
  private final Jurisdiction jurisdiction;

  CaseFileService(
      CaseRepository cases,
      HistoryRepository history,
      NoticeRepository notices,
      StageRepository stages,
      CaseNumberSequence sequence,
      CaseMapper mapper,
      BusinessCalendar calendar,
      Clock clock,
      CaseProcessStarter processStarter,
      Jurisdiction jurisdiction) {
    this.cases = cases;
    this.history = history;
    this.notices = notices;
    this.stages = stages;
    this.sequence = sequence;
    this.mapper = mapper;
    this.calendar = calendar;
    this.clock = clock;
    this.processStarter = processStarter;
    this.jurisdiction = jurisdiction;
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
    history.save(
        new HistoryEntity(
            entity.getId(),
            now,
            command.filedBy(),
            command.filedByRole(),
            "登记受理",
            "已登记",
            command.title(),
            "filed"));
    processStarter.startAfterCommit(number.value(), command.type());
    log.info("case {} opened by {} in {}", number, command.filedBy(), command.townshipCode());
    return mapper.toView(entity);
  }

  @Override
  @Transactional
  public boolean claimProcessInstance(String caseNumber, long processInstanceKey) {
    CaseEntity entity = load(caseNumber);
    if (entity.getProcessInstanceKey() == null) {
      entity.attachProcessInstance(processInstanceKey);
      return true;
    }
    return entity.getProcessInstanceKey() == processInstanceKey;
  }

  @Override
  public Optional<CaseView> find(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).map(mapper::toView);
  }

  @Override
  public CaseView get(String caseNumber) {
    return mapper.toView(load(caseNumber));
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
    Instant due = null;
    if (stage.getPeriodAmount() != null) {
      due =
          calendar.dueInstant(
              entity.getCountyCode(),
              Formats.chinaDate(now),
              stage.getPeriodAmount(),
              stage.getPeriodUnit());
    }
    if (!history.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      entity.enterStage(elementId, stage.getStatus(), due, now);
      String reason = due == null ? null : "办理期限：" + Formats.dateTime(due);
      history.save(
          new HistoryEntity(
              entity.getId(),
              now,
              HistoryEntry.SYSTEM,
              "SYSTEM",
              "进入环节：" + stage.getLabel(),
              stage.getStatus().label(),
              reason,
              stepKey));
    } else {
      due = entity.getStageDueAt();
    }
    return new StageEntered(caseNumber, elementId, stage.getLabel(), stage.getStatus(), due);
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
  }

  @Override
  @Transactional
  public void notifyApplicant(String caseNumber, String stepKey, String text) {
    CaseEntity entity = load(caseNumber);
    if (!notices.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      notices.save(new NoticeEntity(entity.getId(), stepKey, "SMS", text, clock.instant()));
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

  /** How many completions of the user task {@code elementId} the case history already holds. */
  int completionsRecorded(String caseNumber, String elementId) {
    return (int) history.countByCaseIdAndElementId(load(caseNumber).getId(), elementId);
  }

  /** A user completed a task in Tasklist: record who, in which role, once per element instance. */
  @Transactional
  void recordTaskCompletion(
      String caseNumber, String processId, String elementId, String username, String stepKey) {
    CaseEntity entity = load(caseNumber);
    if (history.existsByCaseIdAndStepKey(entity.getId(), stepKey)) {
      return;
    }
    String label =
        stages
            .findById(new StageEntity.Key(processId, elementId))
            .map(StageEntity::getLabel)
            .orElse(elementId);
    String role = jurisdiction.staff(username).map(s -> s.role().name()).orElse("UNKNOWN");
    history.save(
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
    history.save(
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

  private CaseEntity load(String caseNumber) {
    return cases
        .findByCaseNumber(caseNumber)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "CASE_UNKNOWN", "未找到案件 " + caseNumber, "no case " + caseNumber));
  }
}
