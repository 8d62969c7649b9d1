package org.casework.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A version of a score sheet with its validity and rules (pass mark, bonus cap). */
public record ScoreSheet(
    long id,
    String code,
    int version,
    String name,
    String regionPrefix,
    LocalDate validFrom,
    LocalDate validTo,
    BigDecimal totalPoints,
    BigDecimal passMark,
    BigDecimal bonusCap,
    Integer maxRecipients,
    List<SheetItem> items) {

  public Optional<SheetItem> item(String code) {
    return items.stream().filter(i -> i.code().equals(code)).findFirst();
  }

  public List<SheetItem> ofKind(ItemKind kind) {
    return items.stream().filter(i -> i.kind() == kind).toList();
  }
}
