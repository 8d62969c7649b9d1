package org.casework.attachments;

/** What an attachment belongs to: a case (by its number) or a visit (by its id). */
public enum AttachmentOwner {
  CASE,
  VISIT,
  /** Evidence of one item of a station's self-assessment (owner ref: acceptance id:item code). */
  STATION_ITEM
}
