package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far a stream of Tasklist tasks has been read: the sort values of the last task (V55). */
@Entity
@Table(name = "casefile_task_cursor")
class TaskCursorEntity {

  @Id private String name;

  @Column(name = "sort_values")
  private String sortValues;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected TaskCursorEntity() {}

  TaskCursorEntity(String name) {
    this.name = name;
  }

  void advance(String values, Instant now) {
    this.sortValues = values;
    this.updatedAt = now;
  }

  String getSortValues() {
    return sortValues;
  }
}
