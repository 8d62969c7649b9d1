package org.casework.condolence.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.casework.condolence.Festival;
import org.casework.registry.PersonCategory;

@Entity
@Table(name = "condolence_campaign")
class CampaignEntity {

  static final String OPEN = "OPEN";
  static final String CLOSED = "CLOSED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @Enumerated(EnumType.STRING)
  private Festival festival;

  private String period;

  @Column(name = "county_code")
  private String countyCode;

  @Column(name = "budget_line")
  private String budgetLine;

  private LocalDate deadline;

  @Column(name = "recent_visit_days")
  private int recentVisitDays;

  private String status;

  @Column(name = "defined_by")
  private String definedBy;

  @Column(name = "defined_at")
  private Instant definedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "closed_at")
  private Instant closedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "condolence_campaign_amount",
      joinColumns = @JoinColumn(name = "campaign_id"))
  @MapKeyColumn(name = "category")
  @MapKeyEnumerated(EnumType.STRING)
  @Column(name = "amount")
  private Map<PersonCategory, BigDecimal> amounts = new EnumMap<>(PersonCategory.class);

  protected CampaignEntity() {}

  CampaignEntity(
      String name,
      Festival festival,
      String period,
      String countyCode,
      String budgetLine,
      LocalDate deadline,
      int recentVisitDays,
      Map<PersonCategory, BigDecimal> amounts,
      String definedBy,
      Instant definedAt) {
    this.name = name;
    this.festival = festival;
    this.period = period;
    this.countyCode = countyCode;
    this.budgetLine = budgetLine;
    this.deadline = deadline;
    this.recentVisitDays = recentVisitDays;
    this.amounts.putAll(amounts);
    this.definedBy = definedBy;
    this.definedAt = definedAt;
    this.status = OPEN;
  }

  /** The instance started with the campaign claims it; any other instance must end quietly. */
  boolean claim(String processInstanceId) {
    if (this.processInstanceId == null) {
      this.processInstanceId = processInstanceId;
      return true;
    }
    return this.processInstanceId.equals(processInstanceId);
  }

  void close(Instant at) {
    if (closedAt == null) {
      status = CLOSED;
      closedAt = at;
    }
  }

  /** Ledger "case number" and purpose of the campaign's payments. */
  String ledgerKey() {
    return "CAMPAIGN-" + id;
  }

  Long getId() {
    return id;
  }

  String getName() {
    return name;
  }

  Festival getFestival() {
    return festival;
  }

  String getPeriod() {
    return period;
  }

  String getCountyCode() {
    return countyCode;
  }

  String getBudgetLine() {
    return budgetLine;
  }

  LocalDate getDeadline() {
    return deadline;
  }

  int getRecentVisitDays() {
    return recentVisitDays;
  }

  String getStatus() {
    return status;
  }

  String getProcessInstanceId() {
    return processInstanceId;
  }

  Map<PersonCategory, BigDecimal> getAmounts() {
    return amounts;
  }
}
