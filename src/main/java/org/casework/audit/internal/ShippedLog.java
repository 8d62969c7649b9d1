package org.casework.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every appended entry as one JSON line on the logger {@code casework.audit.shipped}, for log
 * shipping (the app log, or syslog/a collector through the logging configuration): a copy of the
 * log outside the database, with its hash.
 */
final class ShippedLog {

  private static final Logger log = LoggerFactory.getLogger("casework.audit.shipped");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShippedLog() {}

  static void entry(AuditEntryEntity e) {
    if (!log.isInfoEnabled()) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.getId());
    m.put("kind", e.getKind().name());
    m.put("case", e.getCaseNumber());
    m.put("region", e.getRegionCode());
    m.put("at", String.valueOf(e.getAt()));
    m.put("actor", e.getActor());
    m.put("role", e.getActorRole());
    m.put("action", e.getAction());
    m.put("outcome", e.getOutcome());
    m.put("reason", org.casework.common.Masking.scrub(e.getReason()));
    m.put("hash", e.getHash());
    m.put("key", e.getKeyId());
    String line;
    try {
      line = JSON.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      log.warn("audit entry {} could not be written as JSON", e.getId());
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              log.info(line);
            }
          });
    } else {
      log.info(line);
    }
  }
}
