package org.casework.clocks.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.CalendarRegion;
import org.casework.clocks.CalendarSnapshot;
import org.casework.clocks.ClockRecorded;
import org.casework.clocks.ClockSchedule;
import org.casework.clocks.ClockState;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.clocks.DayCounter;
import org.casework.clocks.DeadlinePolicy;
import org.casework.clocks.OfficerNotice;
import org.casework.clocks.StartClock;
import org.casework.clocks.WatchedClock;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ClockService implements Clocks {

  private static final Logger log = LoggerFactory.getLogger(ClockService.class);
  static final String SYSTEM = "system";

  private final ClockRepository clocks;
  private final PauseRepository pauses;
  private final ExtensionRepository extensions;
  private final PolicyStore policies;
  private final CalendarStore calendars;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  ClockService(
      ClockRepository clocks,
      PauseRepository pauses,
      ExtensionRepository extensions,
      PolicyStore policies,
      CalendarStore calendars,
      ApplicationEventPublisher events,
      Clock clock,
      org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.clocks = clocks;
    this.pauses = pauses;
    this.extensions = extensions;
    this.policies = policies;
    this.calendars = calendars;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Optional<ClockView> start(StartClock c) {
    Optional<ClockEntity> existing =
        clocks.findByCaseNumberAndClockKey(c.caseNumber(), c.clockKey());
    if (existing.isPresent()) {
      return Optional.of(view(existing.get()));
    }
    LocalDate startDay = Formats.chinaDate(c.at());
    // The whole-case clock fixes the case's policy version; stage clocks follow it.
    int version =
        clocks
            .findByCaseNumberAndClockKey(c.caseNumber(), CASE_CLOCK)
            .map(ClockEntity::getPolicyVersion)
            .orElseGet(() -> policies.versionOn(c.caseType(), c.townshipCode(), startDay));
    Optional<DeadlinePolicy> policy =
        policies.stage(c.caseType(), c.townshipCode(), c.stage(), version);
    if (policy.isEmpty() && c.defaultAmount() == null) {
      return Optional.empty();
    }
    ClockEntity entity =
        policy
            .map(
                p ->
                    new ClockEntity(
                        c.caseNumber(),
                        c.clockKey(),
                        c.caseType(),
                        c.townshipCode(),
                        c.stage(),
                        c.stageLabel(),
                        p.workLevel(),
                        c.officer(),
                        p.id(),
                        p.version(),
                        p.periodAmount(),
                        p.periodUnit(),
                        p.warnFirstPct(),
                        p.warnSecondPct(),
                        c.at(),
                        startDay))
            .orElseGet(
                () ->
                    new ClockEntity(
                        c.caseNumber(),
                        c.clockKey(),
                        c.caseType(),
                        c.townshipCode(),
                        c.stage(),
                        c.stageLabel(),
                        "TOWNSHIP",
                        c.officer(),
                        null,
                        version,
                        c.defaultAmount(),
                        c.defaultUnit(),
                        50,
                        75,
                        c.at(),
                        startDay));
    reschedule(entity);
    clocks.save(entity);
    record(
        entity,
        c.at(),
        c.actor(),
        "期限开始：" + entity.getStageLabel(),
        "计时中",
        entity.getPeriodAmount()
            + "个"
            + entity.getPeriodUnit().label()
            + "，规则版本 "
            + entity.getPolicyVersion()
            + "，期限至 "
            + Formats.date(dueDay(entity)),
        "start");
    return Optional.of(view(entity));
  }

  @Override
  @Transactional
  public Optional<ClockView> pause(
      String caseNumber, String clockKey, String reason, String actor) {
    Optional<ClockEntity> found = clocks.findByCaseNumberAndClockKey(caseNumber, clockKey);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ClockEntity entity = found.get();
    if (entity.getState() != ClockState.RUNNING) {
      return Optional.of(view(entity));
    }
    Instant now = clock.instant();
    PauseEntity pause = pauses.save(new PauseEntity(entity.getId(), reason, now, actor));
    entity.pause();
    record(
        entity,
        now,
        actor,
        "期限暂停：" + entity.getStageLabel(),
        "已暂停",
        reason,
        "pause:" + pause.getId());
    return Optional.of(view(entity));
  }

  @Override
  @Transactional
  public Optional<ClockView> resume(String caseNumber, String clockKey, String actor) {
    Optional<ClockEntity> found = clocks.findByCaseNumberAndClockKey(caseNumber, clockKey);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ClockEntity entity = found.get();
    Optional<PauseEntity> open =
        pauses.findFirstByClockIdAndResumedAtIsNullOrderByIdDesc(entity.getId());
    if (entity.getState() != ClockState.PAUSED || open.isEmpty()) {
      return Optional.of(view(entity));
    }
    Instant now = clock.instant();
    int days =
        DayCounter.counted(
            snapshot(entity),
            Formats.chinaDate(open.get().getPausedAt()),
            Formats.chinaDate(now),
            entity.getPeriodUnit());
    open.get().resume(now, days);
    entity.resume(days);
    reschedule(entity);
    record(
        entity,
        now,
        actor,
        "期限恢复：" + entity.getStageLabel(),
        "计时中",
        "暂停（"
            + open.get().getReason()
            + "）顺延 "
            + days
            + " 个"
            + entity.getPeriodUnit().label()
            + "，期限至 "
            + Formats.date(dueDay(entity)),
        "resume:" + open.get().getId());
    return Optional.of(view(entity));
  }

  @Override
  @Transactional
  public ClockView extend(
      String caseNumber, String clockKey, int days, String reason, String approver) {
    ClockEntity entity = load(caseNumber, clockKey);
    if (entity.getState() == ClockState.STOPPED) {
      throw BusinessRuleException.conflict(
          "SLA_CLOCK_STOPPED", "该期限已停止计时，不能延期", "extend on stopped clock " + entity.getId());
    }
    if (days < 1 || reason == null || reason.isBlank() || approver == null || approver.isBlank()) {
      throw BusinessRuleException.invalid(
          "SLA_EXTENSION_INVALID", "延期须写明天数（至少1天）、理由和批准人", "extension input incomplete");
    }
    DeadlinePolicy policy =
        entity.getPolicyId() == null ? null : policies.byId(entity.getPolicyId()).orElse(null);
    int maxTimes = policy == null ? 0 : policy.maxExtensions();
    int maxDays = policy == null ? 0 : policy.maxExtensionDays();
    if (entity.getExtensions() >= maxTimes) {
      throw BusinessRuleException.conflict(
          "SLA_EXTENSION_LIMIT",
          maxTimes == 0
              ? "该期限按规定不得延期"
              : "该期限按规定只能延期" + maxTimes + "次，已延期" + entity.getExtensions() + "次",
          "clock " + entity.getId() + " extensions " + entity.getExtensions() + "/" + maxTimes);
    }
    if (entity.getExtendedDays() + days > maxDays) {
      throw BusinessRuleException.conflict(
          "SLA_EXTENSION_TOO_LONG",
          "延期合计不得超过"
              + maxDays
              + "个"
              + entity.getPeriodUnit().label()
              + "，本次最多可延期"
              + (maxDays - entity.getExtendedDays())
              + "个"
              + entity.getPeriodUnit().label(),
          "clock " + entity.getId() + " extension " + days + " beyond " + maxDays);
    }
    Instant now = clock.instant();
    Instant before = entity.getDueAt();
    entity.extend(days);
    reschedule(entity);
    if (entity.getAlertLevel() == AlertLevel.BREACH && entity.getDueAt().isAfter(now)) {
      // a breach stays in the history; the clock itself is back in time
      entity.alert(AlertLevel.WARN_SECOND);
    }
    ExtensionEntity ext =
        extensions.save(
            new ExtensionEntity(
                entity.getId(), days, reason, approver, now, before, entity.getDueAt()));
    record(
        entity,
        now,
        approver,
        "期限延期：" + entity.getStageLabel(),
        "延期" + days + "个" + entity.getPeriodUnit().label(),
        reason + "；期限由 " + Formats.dateTime(before) + " 延至 " + Formats.dateTime(entity.getDueAt()),
        "extend:" + ext.getId());
    return view(entity);
  }

  @Override
  @Transactional
  public ClockView backdate(
      String caseNumber, String clockKey, Instant startedAt, String reason, String actor) {
    ClockEntity entity = load(caseNumber, clockKey);
    if (entity.getState() == ClockState.STOPPED || !startedAt.isBefore(entity.getStartedAt())) {
      throw BusinessRuleException.conflict(
          "SLA_BACKDATE_REFUSED",
          "只能把在办期限的起算时间提前",
          "backdate clock " + entity.getId() + " to " + startedAt);
    }
    Instant before = entity.getStartedAt();
    entity.restartAt(startedAt, Formats.chinaDate(startedAt));
    reschedule(entity);
    record(
        entity,
        clock.instant(),
        actor,
        "期限起算更正：" + entity.getStageLabel(),
        "起算 " + Formats.dateTime(startedAt),
        reason + "；原起算 " + Formats.dateTime(before) + "，期限至 " + Formats.date(dueDay(entity)),
        "backdate:" + startedAt.toEpochMilli());
    return view(entity);
  }

  @Override
  @Transactional
  public Optional<ClockView> stop(String caseNumber, String clockKey, String actor) {
    Optional<ClockEntity> found = clocks.findByCaseNumberAndClockKey(caseNumber, clockKey);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ClockEntity entity = found.get();
    if (entity.getState() != ClockState.STOPPED) {
      Instant now = clock.instant();
      pauses
          .findFirstByClockIdAndResumedAtIsNullOrderByIdDesc(entity.getId())
          .ifPresent(p -> p.resume(now, 0));
      entity.stop(now);
      boolean late = now.isAfter(entity.getDueAt());
      record(
          entity,
          now,
          actor,
          "期限停止：" + entity.getStageLabel(),
          late ? "超期办结" : "按期办结",
          "期限 " + Formats.dateTime(entity.getDueAt()),
          "stop");
    }
    return Optional.of(view(entity));
  }

  @Override
  @Transactional
  public Optional<ClockView> withdraw(
      String caseNumber, String clockKey, String reason, String actor) {
    Optional<ClockEntity> found = clocks.findByCaseNumberAndClockKey(caseNumber, clockKey);
    found
        .filter(e -> e.getState() != ClockState.STOPPED)
        .ifPresent(
            entity -> {
              Instant now = clock.instant();
              pauses
                  .findFirstByClockIdAndResumedAtIsNullOrderByIdDesc(entity.getId())
                  .ifPresent(p -> p.resume(now, 0));
              entity.stop(now);
              record(entity, now, actor, "期限撤销：" + entity.getStageLabel(), "环节已取消", reason, "stop");
            });
    return found.map(this::view);
  }

  @Override
  @Transactional
  public int stopAll(String caseNumber, String actor) {
    int stopped = 0;
    for (ClockEntity entity : clocks.findByCaseNumberOrderByIdAsc(caseNumber)) {
      if (entity.getState() != ClockState.STOPPED) {
        stop(caseNumber, entity.getClockKey(), actor);
        stopped++;
      }
    }
    return stopped;
  }

  @Override
  public Optional<ClockView> find(String caseNumber, String clockKey) {
    return clocks.findByCaseNumberAndClockKey(caseNumber, clockKey).map(this::view);
  }

  @Override
  public Optional<LocalDate> nextDueDay(String caseNumber) {
    Timestamp due =
        jdbc.queryForObject(
            "select min(due_at) from sla_clock where case_number = ? and state = 'RUNNING'",
            Timestamp.class,
            caseNumber);
    return Optional.ofNullable(due).map(d -> Formats.chinaDate(d.toInstant()));
  }

  @Override
  public List<ClockView> clocks(String caseNumber) {
    return clocks.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(this::view).toList();
  }

  @Override
  public List<OfficerNotice> officerNotices(String caseNumber) {
    return jdbc.query(
        "select case_number, recipient, text, created_at from sla_officer_notice"
            + " where case_number = ? order by id",
        (rs, i) ->
            new OfficerNotice(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
        caseNumber);
  }

  @Override
  public List<DeadlinePolicy> currentPolicy(String caseType, String regionCode) {
    return policies.current(caseType, regionCode, Formats.chinaDate(clock.instant()));
  }

  @Override
  @Transactional
  public boolean addOfficerNotice(OfficerNotice notice, String stepKey) {
    return jdbc.update(
            "insert ignore into sla_officer_notice (case_number, recipient, text, step_key,"
                + " created_at) values (?, ?, ?, ?, ?)",
            notice.caseNumber(),
            notice.recipient(),
            notice.text(),
            stepKey,
            java.sql.Timestamp.from(notice.createdAt()))
        == 1;
  }

  @Override
  public List<WatchedClock> alertsDue(Instant now) {
    return clocks.findDue(ClockState.RUNNING, now).stream().map(ClockService::watched).toList();
  }

  @Override
  public WatchedClock watched(long clockId) {
    return watched(clocks.findById(clockId).orElseThrow());
  }

  private static WatchedClock watched(ClockEntity e) {
    return new WatchedClock(
        e.getId(),
        e.getCaseNumber(),
        e.getClockKey(),
        e.getStage(),
        e.getStageLabel(),
        e.getRegionCode(),
        e.getWorkLevel(),
        e.getOfficer(),
        e.getDueAt());
  }

  @Override
  @Transactional
  public Optional<AlertLevel> raiseAlert(long clockId, Instant now) {
    ClockEntity entity = clocks.findById(clockId).orElseThrow();
    if (entity.getState() != ClockState.RUNNING) {
      return Optional.empty();
    }
    AlertLevel reached = AlertLevel.NONE;
    if (entity.getWarnFirstAt().isBefore(now)) {
      reached = AlertLevel.WARN_FIRST;
    }
    if (entity.getWarnSecondAt().isBefore(now)) {
      reached = AlertLevel.WARN_SECOND;
    }
    if (entity.getDueAt().isBefore(now)) {
      reached = AlertLevel.BREACH;
    }
    if (reached.compareTo(entity.getAlertLevel()) <= 0) {
      return Optional.empty();
    }
    entity.alert(reached);
    String reason =
        switch (reached) {
          case WARN_FIRST -> "已用时过" + entity.getWarnFirstPct() + "%";
          case WARN_SECOND -> "已用时过" + entity.getWarnSecondPct() + "%";
          default -> "已超过期限";
        };
    record(
        entity,
        now,
        SYSTEM,
        (reached == AlertLevel.BREACH ? "超期：" : "期限预警：") + entity.getStageLabel(),
        reached.label(),
        reason + "，期限 " + Formats.dateTime(entity.getDueAt()),
        "alert:" + reached.name());
    return Optional.of(reached);
  }

  private void reschedule(ClockEntity e) {
    ClockSchedule s =
        ClockSchedule.of(
            snapshot(e),
            e.getStartDay(),
            e.getPeriodAmount(),
            e.getPeriodUnit(),
            e.getPausedDays(),
            e.getExtendedDays(),
            e.getWarnFirstPct(),
            e.getWarnSecondPct());
    e.schedule(
        BusinessCalendar.endOfDay(s.warnFirst()),
        BusinessCalendar.endOfDay(s.warnSecond()),
        BusinessCalendar.endOfDay(s.due()));
  }

  private CalendarSnapshot snapshot(ClockEntity e) {
    return calendars.snapshot(CalendarRegion.calendarOwner(e.getRegionCode()));
  }

  private static LocalDate dueDay(ClockEntity e) {
    return Formats.chinaDate(e.getDueAt());
  }

  private void record(
      ClockEntity e,
      Instant at,
      String actor,
      String action,
      String outcome,
      String reason,
      String step) {
    events.publishEvent(
        new ClockRecorded(
            e.getCaseNumber(),
            at,
            actor,
            SYSTEM.equals(actor) ? "SYSTEM" : "STAFF",
            action,
            outcome,
            reason,
            "clock:" + e.getClockKey() + ":" + step));
  }

  ClockView view(ClockEntity e) {
    LocalDate today = Formats.chinaDate(clock.instant());
    LocalDate due = dueDay(e);
    int remaining =
        due.isBefore(today)
            ? -DayCounter.counted(snapshot(e), due, today, e.getPeriodUnit())
            : DayCounter.counted(snapshot(e), today, due, e.getPeriodUnit());
    return new ClockView(
        e.getId(),
        e.getCaseNumber(),
        e.getClockKey(),
        e.getStage(),
        e.getStageLabel(),
        e.getPolicyVersion(),
        e.getPeriodAmount(),
        e.getPeriodUnit(),
        e.getState(),
        e.getStartedAt(),
        e.getWarnFirstAt(),
        e.getWarnSecondAt(),
        e.getDueAt(),
        due,
        e.getPausedDays(),
        e.getExtendedDays(),
        e.getAlertLevel(),
        e.getStoppedAt(),
        remaining,
        pauses.findByClockIdOrderByIdAsc(e.getId()).stream()
            .map(
                p ->
                    new ClockView.Pause(
                        p.getReason(), p.getPausedAt(), p.getResumedAt(), p.getDaysAdded()))
            .toList(),
        extensions.findByClockIdOrderByIdAsc(e.getId()).stream()
            .map(
                x ->
                    new ClockView.Extension(
                        x.getDays(),
                        x.getReason(),
                        x.getApprover(),
                        x.getExtendedAt(),
                        x.getDueBefore(),
                        x.getDueAfter()))
            .toList());
  }

  private ClockEntity load(String caseNumber, String clockKey) {
    return clocks
        .findByCaseNumberAndClockKey(caseNumber, clockKey)
        .orElseThrow(
            () -> {
              log.debug("no clock {} for case {}", clockKey, caseNumber);
              return BusinessRuleException.notFound(
                  "SLA_CLOCK_UNKNOWN",
                  "案件 " + caseNumber + " 没有该期限",
                  "no clock " + clockKey + " for " + caseNumber);
            });
  }
}
