package org.casework.services.internal;

import java.time.Duration;
import org.casework.common.BusinessRuleException;
import org.casework.common.PersistentThrottle;
import org.casework.common.Throttles;
import org.casework.services.ServiceErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most {@code casework.services.online-per-address} online requests per client address within
 * {@code casework.services.online-window}: the request that reaches the limit locks the address for
 * the window. Counted in memory and kept in {@code services_online_throttle} by a {@link
 * PersistentThrottle} (a lock at once, counts every second), so a restart or another node keeps the
 * lock. The count is written in a transaction of its own: a request refused later (a bad ID number)
 * still counts, and its rollback does not take a lock back.
 */
@Component
class OnlineThrottle {

  static final String TABLE = "services_online_throttle";

  private final PersistentThrottle throttle;
  private final int limit;
  private final TransactionTemplate ownTransaction;

  OnlineThrottle(
      Throttles throttles,
      PlatformTransactionManager transactions,
      @Value("${casework.services.online-per-address:5}") int limit,
      @Value("${casework.services.online-window:PT1H}") Duration window) {
    if (limit < 1) {
      throw new IllegalStateException("casework.services.online-per-address must be >= 1");
    }
    this.throttle = throttles.create(TABLE, window);
    this.limit = limit;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Counts one online request of {@code address}, refused once the address is locked. */
  void check(String address) {
    String key = addressKey(address);
    if (throttle.isLocked(key)) {
      throw new BusinessRuleException(
          BusinessRuleException.Kind.CONFLICT,
          ServiceErrors.THROTTLED,
          "提交过于频繁，请稍后再试；也可直接到户籍所在地退役军人服务站办理",
          "online requests throttled for " + key);
    }
    ownTransaction.executeWithoutResult(t -> throttle.failed(key, limit));
  }

  static String addressKey(String address) {
    String a = address == null ? "unknown" : address.strip();
    return "addr:" + (a.length() > 100 ? a.substring(0, 100) : a);
  }
}
