package org.casework.stations;

import java.math.BigDecimal;
import java.util.List;

/** An acceptance of one station for one quarter, against the sheet in force when it opened. */
public record AcceptanceView(
    long id,
    long stationId,
    String stationName,
    String regionCode,
    String townshipCode,
    String period,
    ScoreSheet sheet,
    AcceptanceStatus status,
    BigDecimal selfScore,
    BigDecimal baseScore,
    BigDecimal bonus,
    boolean vetoed,
    BigDecimal finalScore,
    Boolean passed,
    String remarks,
    Boolean sampled,
    String processInstanceId,
    List<EntryView> entries,
    List<Correction> corrections) {

  public String statusLabel() {
    return status.label();
  }
}
