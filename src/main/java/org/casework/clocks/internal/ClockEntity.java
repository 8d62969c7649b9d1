package org.casework.clocks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.ClockState;
import org.casework.clocks.PeriodUnit;

@Entity
@Table(name = "sla_clock")
class ClockEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "clock_key")
  private String clockKey;

  @Column(name = "case_type")
  private String caseType;

  @Column(name = "region_code")
  private String regionCode;

  @Column(name = "county_code")
  private String countyCode;

  @Column(name = "township_code")
  private String townshipCode;

  private String stage;

  @Column(name = "stage_label")
  private String stageLabel;

  @Column(name = "work_level")
  private String workLevel;

  private String officer;

  @Column(name = "policy_id")
  private Long policyId;

  @Column(name = "policy_version")
  private int policyVersion;

  @Column(name = "period_amount")
  private int periodAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "period_unit")
  private PeriodUnit periodUnit;

  @Column(name = "warn_first_pct")
  private int warnFirstPct;

  @Column(name = "warn_second_pct")
  private int warnSecondPct;

  @Enumerated(EnumType.STRING)
  private ClockState state;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "start_day")
  private LocalDate startDay;

  @Column(name = "paused_days")
  private int pausedDays;

  @Column(name = "extended_days")
  private int extendedDays;

  private int extensions;

  @Column(name = "warn_first_at")
  private Instant warnFirstAt;

  @Column(name = "warn_second_at")
  private Instant warnSecondAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "alert_level")
  private AlertLevel alertLevel;

  @Column(name = "stopped_at")
  private Instant stoppedAt;

  @Version private long version;

  protected ClockEntity() {}

  ClockEntity(
      String caseNumber,
      String clockKey,
      String caseType,
      String regionCode,
      String stage,
      String stageLabel,
      String workLevel,
      String officer,
      Long policyId,
      int policyVersion,
      int periodAmount,
      PeriodUnit periodUnit,
      int warnFirstPct,
      int warnSecondPct,
      Instant startedAt,
      LocalDate startDay) {
    this.caseNumber = caseNumber;
    this.clockKey = clockKey;
    this.caseType = caseType;
    this.regionCode = regionCode;
    this.countyCode = regionCode.substring(0, 6);
    this.townshipCode = regionCode.substring(0, Math.min(9, regionCode.length()));
    this.stage = stage;
    this.stageLabel = stageLabel;
    this.workLevel = workLevel;
    this.officer = officer;
    this.policyId = policyId;
    this.policyVersion = policyVersion;
    this.periodAmount = periodAmount;
    this.periodUnit = periodUnit;
    this.warnFirstPct = warnFirstPct;
    this.warnSecondPct = warnSecondPct;
    this.state = ClockState.RUNNING;
    this.startedAt = startedAt;
    this.startDay = startDay;
    this.alertLevel = AlertLevel.NONE;
  }

  void schedule(Instant warnFirst, Instant warnSecond, Instant due) {
    this.warnFirstAt = warnFirst;
    this.warnSecondAt = warnSecond;
    this.dueAt = due;
  }

  void restartAt(Instant at, LocalDate day) {
    this.startedAt = at;
    this.startDay = day;
  }

  void pause() {
    this.state = ClockState.PAUSED;
  }

  void resume(int daysAdded) {
    this.state = ClockState.RUNNING;
    this.pausedDays += daysAdded;
  }

  void extend(int days) {
    this.extendedDays += days;
    this.extensions++;
  }

  void stop(Instant at) {
    this.state = ClockState.STOPPED;
    this.stoppedAt = at;
  }

  void alert(AlertLevel level) {
    this.alertLevel = level;
  }

  Long getId() {
    return id;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  String getClockKey() {
    return clockKey;
  }

  String getCaseType() {
    return caseType;
  }

  String getRegionCode() {
    return regionCode;
  }

  String getCountyCode() {
    return countyCode;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  String getStage() {
    return stage;
  }

  String getStageLabel() {
    return stageLabel;
  }

  String getWorkLevel() {
    return workLevel;
  }

  String getOfficer() {
    return officer;
  }

  Long getPolicyId() {
    return policyId;
  }

  int getPolicyVersion() {
    return policyVersion;
  }

  int getPeriodAmount() {
    return periodAmount;
  }

  PeriodUnit getPeriodUnit() {
    return periodUnit;
  }

  int getWarnFirstPct() {
    return warnFirstPct;
  }

  int getWarnSecondPct() {
    return warnSecondPct;
  }

  ClockState getState() {
    return state;
  }

  Instant getStartedAt() {
    return startedAt;
  }

  LocalDate getStartDay() {
    return startDay;
  }

  int getPausedDays() {
    return pausedDays;
  }

  int getExtendedDays() {
    return extendedDays;
  }

  int getExtensions() {
    return extensions;
  }

  Instant getWarnFirstAt() {
    return warnFirstAt;
  }

  Instant getWarnSecondAt() {
    return warnSecondAt;
  }

  Instant getDueAt() {
    return dueAt;
  }

  AlertLevel getAlertLevel() {
    return alertLevel;
  }

  Instant getStoppedAt() {
    return stoppedAt;
  }
}
