package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Append-only: no setters. */
@Entity
@Table(name = "casefile_history")
class HistoryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private long caseId;

  private Instant at;
  private String actor;

  @Column(name = "actor_role")
  private String actorRole;

  private String action;
  private String outcome;
  private String reason;

  @Column(name = "step_key")
  private String stepKey;

  /** The BPMN element a user completed, for "who did this task" questions. */
  @Column(name = "element_id")
  private String elementId;

  /** The BPMN element of a "进入环节" line (V55), for the auditor's diagram. */
  @Column(name = "stage_element_id")
  private String stageElementId;

  protected HistoryEntity() {}

  HistoryEntity(
      long caseId,
      Instant at,
      String actor,
      String actorRole,
      String action,
      String outcome,
      String reason,
      String stepKey) {
    this.caseId = caseId;
    this.at = at;
    this.actor = actor;
    this.actorRole = actorRole;
    this.action = action;
    this.outcome = outcome;
    this.reason = reason;
    this.stepKey = stepKey;
  }

  HistoryEntity enteredStage(String element) {
    this.stageElementId = element;
    return this;
  }

  String getStageElementId() {
    return stageElementId;
  }

  String getElementId() {
    return elementId;
  }

  HistoryEntity completedTask(String element) {
    this.elementId = element;
    return this;
  }

  public Long getId() {
    return id;
  }

  public long getCaseId() {
    return caseId;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getActorRole() {
    return actorRole;
  }

  public String getAction() {
    return action;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }
}
