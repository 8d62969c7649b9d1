package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.casework.casefile.CaseStatus;
import org.casework.clocks.PeriodUnit;

@Entity
@Table(name = "casefile_stage")
class StageEntity {

  @EmbeddedId private Key key;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  private String label;

  @Column(name = "period_amount")
  private Integer periodAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "period_unit")
  private PeriodUnit periodUnit;

  protected StageEntity() {}

  Key getKey() {
    return key;
  }

  CaseStatus getStatus() {
    return status;
  }

  String getLabel() {
    return label;
  }

  Integer getPeriodAmount() {
    return periodAmount;
  }

  PeriodUnit getPeriodUnit() {
    return periodUnit;
  }

  @Embeddable
  record Key(
      @Column(name = "process_id") String processId, @Column(name = "element_id") String elementId)
      implements Serializable {}
}
