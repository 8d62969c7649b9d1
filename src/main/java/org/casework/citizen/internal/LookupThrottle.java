package org.casework.citizen.internal;

import java.time.Duration;
import org.casework.common.PersistentThrottle;
import org.casework.common.Throttles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Missed public lookups per case number typed and per client address (as the login throttle does
 * for accounts and addresses): after too many, further lookups are refused for a while, even with
 * the right ID tail, so numbers cannot be guessed. The number key is the normalised number as
 * typed, whether a case has it or not (a lock says nothing about existence). Counted in memory and
 * kept in {@code citizen_lookup_throttle} by a {@link PersistentThrottle} (a lock at once, counts
 * every second), so a lookup waits for no write; a count older than the lock period starts again.
 */
@Component
class LookupThrottle {

  private final PersistentThrottle throttle;
  private final int maxPerNumber;
  private final int maxPerAddress;

  LookupThrottle(
      Throttles throttles,
      @Value("${casework.citizen.lookup.max-misses-per-number:5}") int maxPerNumber,
      @Value("${casework.citizen.lookup.max-misses-per-address:20}") int maxPerAddress,
      @Value("${casework.citizen.lookup.lock:PT15M}") Duration lock) {
    this.throttle = throttles.create("citizen_lookup_throttle", lock);
    this.maxPerNumber = maxPerNumber;
    this.maxPerAddress = maxPerAddress;
  }

  boolean isLocked(String number, String address) {
    return throttle.isLocked(numberKey(number)) | throttle.isLocked(addressKey(address));
  }

  void missed(String number, String address) {
    throttle.failed(numberKey(number), maxPerNumber);
    throttle.failed(addressKey(address), maxPerAddress);
  }

  /** The right tail for the number: its misses start again (the address's count stays). */
  void matched(String number) {
    throttle.reset(numberKey(number));
  }

  static String addressKey(String address) {
    String a = address == null ? "unknown" : address.strip();
    return "addr:" + (a.length() > 100 ? a.substring(0, 100) : a);
  }

  private static String numberKey(String number) {
    return "num:" + number;
  }
}
