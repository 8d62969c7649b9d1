package org.casework.attachments;

import java.time.Instant;

/** An attachment without its bytes. */
public record AttachmentView(
    long id,
    AttachmentOwner ownerType,
    String ownerRef,
    String regionCode,
    String fileName,
    String contentType,
    long sizeBytes,
    String uploadedBy,
    Instant uploadedAt) {}
