package org.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.casework.reports.internal.ReportSummaries.LongList;
import org.junit.jupiter.api.Test;

/** The person sets of the daily summaries: encoded, decoded and counted exactly. */
class ReportSummariesTest {

  @Test
  void shouldDecodeWhatItEncodedAndCountTheUnionOfDaysExactly() {
    Random random = new Random(18);
    Set<Long> all = new TreeSet<>();
    List<byte[]> days = new ArrayList<>();
    for (int d = 0; d < 365; d++) {
      long[] ids = new long[1 + random.nextInt(300)];
      for (int i = 0; i < ids.length; i++) {
        // persons recur across days; a few huge ids (varints of 9–10 bytes)
        ids[i] = i % 97 == 0 ? Long.MAX_VALUE - random.nextInt(5) : 1 + random.nextInt(40_000);
        all.add(ids[i]);
      }
      long[] unique = ReportSummaries.sortedUnique(ids);
      byte[] bytes = ReportSummaries.encode(unique);
      LongList back = new LongList();
      ReportSummaries.decode(bytes, back);
      assertThat(Arrays.copyOf(back.a, back.n)).containsExactly(unique);
      days.add(bytes);
    }
    LongList union = new LongList();
    days.forEach(b -> ReportSummaries.decode(b, union));
    assertThat(union.distinct()).isEqualTo(all.size());
    assertThat(new LongList().distinct()).isZero();
  }

  @Test
  void shouldCountAMillionPersonsOverACityYearQuickly() {
    // a city's year: 20 counties × 365 days, 137 applicants a county-day, ids spread wide
    Random random = new Random(5);
    List<byte[]> sets = new ArrayList<>();
    long next = 1_000_000;
    int total = 0;
    for (int s = 0; s < 20 * 365; s++) {
      long[] ids = new long[137];
      for (int i = 0; i < ids.length; i++) {
        next += 1 + random.nextInt(30);
        ids[i] = next;
      }
      total += ids.length;
      sets.add(ReportSummaries.encode(ReportSummaries.sortedUnique(ids)));
    }
    long bytes = sets.stream().mapToLong(b -> b.length).sum();
    long best = Long.MAX_VALUE;
    long distinct = 0;
    for (int run = 0; run < 3; run++) {
      long t = System.nanoTime();
      LongList union = new LongList();
      sets.forEach(b -> ReportSummaries.decode(b, union));
      distinct = union.distinct();
      best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
    }
    System.out.printf(
        "[person sets] %,d ids in %,d sets, %,d bytes (%.2f a person): union counted in %d ms%n",
        total, sets.size(), bytes, (double) bytes / total, best);
    assertThat(distinct).isEqualTo(total);
  }
}
