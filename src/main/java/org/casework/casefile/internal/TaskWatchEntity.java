package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last assignee the app saw for one Tasklist task (V55). */
@Entity
@Table(name = "casefile_task_watch")
class TaskWatchEntity {

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(name = "process_instance_key")
  private long processInstanceKey;

  @Column(name = "element_id")
  private String elementId;

  @Column(name = "case_number")
  private String caseNumber;

  private String assignee;

  private int changes;

  private boolean completed;

  @Column(name = "seen_at")
  private Instant seenAt;

  protected TaskWatchEntity() {}

  TaskWatchEntity(
      String taskId, long processInstanceKey, String elementId, String caseNumber, Instant now) {
    this.taskId = taskId;
    this.processInstanceKey = processInstanceKey;
    this.elementId = elementId;
    this.caseNumber = caseNumber;
    this.seenAt = now;
  }

  /** Counts a change of assignee; returns its number (part of the history line's step key). */
  int changedTo(String newAssignee) {
    this.assignee = newAssignee;
    return ++changes;
  }

  void seen(boolean isCompleted, Instant now) {
    this.completed = this.completed || isCompleted;
    this.seenAt = now;
  }

  String getTaskId() {
    return taskId;
  }

  String getElementId() {
    return elementId;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  String getAssignee() {
    return assignee;
  }

  boolean isCompleted() {
    return completed;
  }
}
