package org.casework.audit;

import java.time.Instant;

/**
 * A signed checkpoint of the chain's head as kept outside the database (one line of the checkpoint
 * file): the last entry's id and hash at {@code at}, signed with key {@code keyId}; {@code
 * signatureValid} tells whether the signature checks with the configured key.
 */
public record AuditCheckpoint(
    String database,
    long sequence,
    String hash,
    Instant at,
    String keyId,
    String signature,
    boolean signatureValid) {}
