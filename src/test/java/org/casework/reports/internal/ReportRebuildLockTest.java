package org.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds of one county's summaries run one after the other (V321's lock row): the minute job and
 * a report being read used to deadlock on the month they both rolled up, and the report failed.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReportRebuildLockTest {

  /** A county code of no other test: its summaries are empty, only its marks are rebuilt. */
  static final String COUNTY = "459901";

  @Autowired ReportSummaries summaries;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txManager;

  void markDirty(LocalDate... days) {
    for (LocalDate day : days) {
      jdbc.update(
          "INSERT IGNORE INTO report_dirty (county_code, day) VALUES (?, ?)",
          COUNTY,
          Date.valueOf(day));
    }
  }

  int marksLeft() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM report_dirty WHERE county_code = ?", Integer.class, COUNTY);
  }

  @Test
  void shouldWaitForARebuildOfTheSameCountyInsteadOfRunningBesideIt() throws Exception {
    markDirty(LocalDate.of(2031, 5, 4));
    TransactionTemplate other = new TransactionTemplate(txManager);
    other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // another node's rebuild of the county, holding its lock
      Future<?> node =
          threads.submit(
              () ->
                  other.executeWithoutResult(
                      st -> {
                        jdbc.update(
                            "INSERT INTO report_rebuild_lock (county_code) VALUES (?)"
                                + " ON DUPLICATE KEY UPDATE county_code = county_code",
                            COUNTY);
                        holding.countDown();
                        try {
                          release.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Integer> here =
          CompletableFuture.supplyAsync(() -> summaries.rebuildDirty(COUNTY), threads);
      Thread.sleep(700);
      assertThat(here).as("a rebuild beside the other one").isNotDone();
      assertThat(marksLeft()).isEqualTo(1);

      release.countDown();
      node.get(10, TimeUnit.SECONDS);
      assertThat(here.get(20, TimeUnit.SECONDS)).isLessThanOrEqualTo(1);
      assertThat(marksLeft()).isZero();
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void shouldRebuildOneMonthFromFourThreadsAtOnceWithoutFailing() throws Exception {
    // every other day of a month: fourteen runs, each rolling the same month up
    List<LocalDate> days = new ArrayList<>();
    for (int d = 1; d <= 27; d += 2) {
      days.add(LocalDate.of(2031, 7, d));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        markDirty(days.toArray(LocalDate[]::new));
        List<Future<Integer>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          runs.add(threads.submit(() -> summaries.rebuildDirty(COUNTY)));
        }
        int rebuilt = 0;
        for (Future<Integer> run : runs) {
          rebuilt += run.get(60, TimeUnit.SECONDS); // a deadlock would surface here
        }
        assertThat(rebuilt)
            .as("no day rebuilt twice, round %d", round)
            .isLessThanOrEqualTo(days.size());
        assertThat(marksLeft()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
