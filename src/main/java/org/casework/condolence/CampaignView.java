package org.casework.condolence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casework.registry.PersonCategory;

/** A campaign with its townships, their lists and totals. */
public record CampaignView(
    long id,
    String name,
    Festival festival,
    String period,
    String countyCode,
    String budgetLine,
    LocalDate deadline,
    String status,
    Map<PersonCategory, BigDecimal> amounts,
    List<Township> townships) {

  public record Township(
      String code,
      String name,
      String state,
      int listed,
      int excluded,
      int paid,
      BigDecimal paidAmount,
      List<Entry> entries) {}

  public record Entry(
      long id,
      long personId,
      String personName,
      PersonCategory category,
      String source,
      String state,
      String reason,
      BigDecimal amount,
      String visitedBy,
      LocalDate visitedOn,
      String handedOver,
      String receiptRef,
      String disbursementId) {}

  public Township township(String code) {
    return townships.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
  }
}
