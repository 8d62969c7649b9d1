package org.casework.attachments;

/** An attachment with its bytes, for download. */
public record AttachmentContent(AttachmentView view, byte[] bytes) {}
