package org.casework.attachments;

/** What an attachment belongs to: a case (by its number) or a visit (by its id). */
public enum AttachmentOwner {
  CASE,
  VISIT
}
