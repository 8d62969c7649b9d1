package org.casework.stations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The spot-check sample: reproducible from the county and quarter alone. The seed is the first 8
 * bytes of SHA-256("county:quarter"); the acceptances are sorted by id, shuffled with that seed,
 * and the first ceil(rate × n) (at least one) are taken, so anyone can draw the same sample again.
 */
final class Sampling {

  private Sampling() {}

  static long seed(String county, String period) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((county + ":" + period).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int size(int population, BigDecimal rate) {
    if (population == 0) {
      return 0;
    }
    int n =
        rate.multiply(BigDecimal.valueOf(population)).setScale(0, RoundingMode.CEILING).intValue();
    return Math.max(1, Math.min(population, n));
  }

  static List<Long> draw(long seed, List<Long> population, BigDecimal rate) {
    List<Long> sorted = new ArrayList<>(population);
    Collections.sort(sorted);
    Collections.shuffle(sorted, new Random(seed));
    List<Long> sample = new ArrayList<>(sorted.subList(0, size(population.size(), rate)));
    Collections.sort(sample);
    return sample;
  }
}
