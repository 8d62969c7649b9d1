package org.casework.stations;

import java.math.BigDecimal;
import java.util.List;
import org.casework.attachments.AttachmentView;

/**
 * One item of an acceptance: the station's own score and note, the township's score, tier and
 * reason, what the system knows (value and suggested points, with its source) and the evidence.
 */
public record EntryView(
    SheetItem item,
    BigDecimal selfPoints,
    Integer selfTier,
    String selfNote,
    BigDecimal points,
    Integer tier,
    String reason,
    String systemValue,
    BigDecimal systemPoints,
    List<AttachmentView> evidence) {

  public boolean vetoed() {
    return item.kind() == ItemKind.VETO && reason != null && !reason.isBlank();
  }
}
