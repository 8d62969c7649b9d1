package org.casework.stations;

import java.math.BigDecimal;
import java.util.List;

/**
 * An item of a score sheet: its code (1–60, F1–F4 for the veto grounds), group, text, points (the
 * highest tier's for a bonus item) and, for the items the system fills itself, its source.
 */
public record SheetItem(
    String code,
    int groupNo,
    String groupName,
    ItemKind kind,
    String text,
    BigDecimal points,
    String source,
    List<BonusTier> tiers) {

  public String label() {
    return kind == ItemKind.VETO ? "否决" + code.substring(1) : "第" + code + "项";
  }
}
