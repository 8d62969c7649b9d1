package org.casework.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.casework.bench.Target.Role;

/**
 * One measured phase against one target: cases are filed (closed loop: a fixed number in flight;
 * paced: at a fixed rate), the three officers work their task lists (one poller per officer lists
 * the open tasks of its kind like Tasklist's list, workers claim and submit), and a case counts
 * closed when its instance waits at the follow-up timer (casework: status 已结案，待回访). Samples are
 * kept for events inside the measured window only (after the warm-up).
 */
final class Phase {

  record Config(
      String name, int inFlight, double rate, Duration warmup, Duration measure, long pollMillis) {}

  /** Results of one phase. */
  static final class Result {
    final String name;
    final Config config;
    double seconds;
    long filed;
    long closed;
    long closedInWindow;
    long notClosed;
    final Map<Role, List<Long>> submitMicros = new EnumMap<>(Role.class);
    final Map<Role, List<Long>> claimMicros = new EnumMap<>(Role.class);
    final List<Long> allSubmitMicros = Collections.synchronizedList(new ArrayList<>());
    final List<Long> filingMicros = Collections.synchronizedList(new ArrayList<>());
    final List<Long> taskOpenMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Long> caseMillisDriver = Collections.synchronizedList(new ArrayList<>());
    final List<Long> caseMillisEngine = new ArrayList<>();
    final Map<String, Long> errors = new ConcurrentHashMap<>();
    final Map<String, Double> cpuSeconds = new java.util.LinkedHashMap<>();
    final Map<String, Double> rssMiB = new java.util.LinkedHashMap<>();
    final Map<String, Double> peakRssMiB = new java.util.LinkedHashMap<>();
    double dbCpuSeconds = Double.NaN;
    double driverCpuSeconds = Double.NaN;
    List<String> path = List.of();

    Result(String name, Config config) {
      this.name = name;
      this.config = config;
      for (Role r : Role.values()) {
        submitMicros.put(r, Collections.synchronizedList(new ArrayList<>()));
        claimMicros.put(r, Collections.synchronizedList(new ArrayList<>()));
      }
    }

    double throughput() {
      return closedInWindow / seconds;
    }

    double cpuPerCase() {
      double sum = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
      return closedInWindow == 0 ? Double.NaN : sum / closedInWindow;
    }
  }

  private final Target target;
  private final Db db;
  private final AtomicLong seq;
  private final Config config;
  private final Result result;
  private final Map<String, Long> open = new ConcurrentHashMap<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> closedKeys = new ConcurrentLinkedQueue<>();
  private final Semaphore slots;
  private volatile boolean filing = true;
  private volatile boolean working = true;
  private long windowStart;
  private long windowEnd;

  Phase(Target target, Db db, AtomicLong seq, Config config) {
    this.target = target;
    this.db = db;
    this.seq = seq;
    this.config = config;
    this.result = new Result(config.name(), config);
    this.slots = new Semaphore(config.inFlight());
  }

  private boolean inWindow(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }

  private void error(String what, Exception e) {
    String key = what + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    if (key.length() > 160) {
      key = key.substring(0, 160);
    }
    if (result.errors.merge(key, 1L, Long::sum) == 1) {
      Bench.say("  ! %s", key);
    }
  }

  Result run() throws Exception {
    long t0 = System.nanoTime();
    windowStart = t0 + config.warmup().toNanos();
    windowEnd = windowStart + config.measure().toNanos();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    Map<Role, BlockingQueue<Target.Task>> queues = new EnumMap<>(Role.class);
    int workersPerRole = Math.max(4, config.inFlight());
    for (Role role : Role.values()) {
      BlockingQueue<Target.Task> q = new LinkedBlockingQueue<>();
      queues.put(role, q);
      threads.submit(() -> poll(role, q));
      for (int i = 0; i < workersPerRole; i++) {
        threads.submit(() -> work(role, q));
      }
    }
    threads.submit(this::closer);
    if (config.rate() > 0) {
      long intervalNanos = (long) (1e9 / config.rate());
      long next = System.nanoTime();
      while (System.nanoTime() < windowEnd) {
        if (open.size() < 5000) {
          threads.submit(this::fileOne);
        }
        next += intervalNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
    } else {
      List<java.util.concurrent.Future<?>> filers = new ArrayList<>();
      for (int i = 0; i < config.inFlight(); i++) {
        filers.add(
            threads.submit(
                () -> {
                  while (filing && System.nanoTime() < windowEnd) {
                    try {
                      if (slots.tryAcquire(1, TimeUnit.SECONDS)) {
                        if (System.nanoTime() >= windowEnd) {
                          slots.release();
                          break;
                        }
                        if (!fileOne()) {
                          slots.release();
                        }
                      }
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }));
      }
      for (var f : filers) {
        f.get();
      }
    }
    filing = false;
    CpuMark end = CpuMark.at(target);
    // drain: the cases still open get up to 60 s to close (not counted in the throughput)
    long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!open.isEmpty() && System.nanoTime() < drainUntil) {
      Thread.sleep(200);
    }
    working = false;
    // no interrupts: an interrupted JDBC call closes the driver's connection
    threads.shutdown();
    if (!threads.awaitTermination(90, TimeUnit.SECONDS)) {
      threads.shutdownNow();
    }
    result.notClosed = open.size();
    result.seconds = config.measure().toNanos() / 1e9;
    end.into(result, startMark);
    // engine-measured durations of the cases closed inside the window
    List<String> windowKeys = new ArrayList<>(windowClosed);
    result.caseMillisEngine.addAll(db.caseDurations(windowKeys).values());
    if (!windowKeys.isEmpty()) {
      result.path = db.path(windowKeys.get(0));
    }
    return result;
  }

  private volatile CpuMark startMark;
  private final Set<String> windowClosed = ConcurrentHashMap.newKeySet();

  /** CPU seconds of the app processes and the database at one moment. */
  record CpuMark(long nanos, double[] app, double db, double driver) {
    static CpuMark at(Target t) {
      double[] app = new double[t.pids.size()];
      for (int i = 0; i < app.length; i++) {
        app[i] = App.cpuSeconds(t.pids.get(i));
      }
      long dbPid = App.databasePid();
      return new CpuMark(
          System.nanoTime(),
          app,
          dbPid > 0 ? App.cpuSeconds(dbPid) : Double.NaN,
          App.cpuSeconds(ProcessHandle.current().pid()));
    }

    void into(Result r, CpuMark start) {
      for (int i = 0; i < app.length; i++) {
        r.cpuSeconds.put("node " + (i + 1), app[i] - start.app[i]);
      }
      r.dbCpuSeconds = db - start.db;
      r.driverCpuSeconds = driver - start.driver;
    }
  }

  private boolean fileOne() {
    long s = seq.incrementAndGet();
    long t = System.nanoTime();
    try {
      String key = target.file(s);
      long now = System.nanoTime();
      open.put(key, t);
      synchronized (result) {
        result.filed++;
      }
      if (inWindow(now)) {
        result.filingMicros.add((now - t) / 1000);
      }
      return true;
    } catch (Exception e) {
      error("file", e);
      return false;
    }
  }

  private void poll(Role role, BlockingQueue<Target.Task> q) {
    while (working) {
      try {
        for (Target.Task t : target.openTasks(role)) {
          if (seen.add(t.id())) {
            q.put(t);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        error("list " + role.taskKey, e);
      }
      try {
        Thread.sleep(config.pollMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void work(Role role, BlockingQueue<Target.Task> q) {
    while (working) {
      Target.Task t;
      try {
        t = q.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (t == null) {
        continue;
      }
      var node = target.node();
      try {
        long a = System.nanoTime();
        target.claim(node, role, t.id());
        long b = System.nanoTime();
        target.submit(node, role, t.id());
        long c = System.nanoTime();
        if (inWindow(c)) {
          result.claimMicros.get(role).add((b - a) / 1000);
          result.submitMicros.get(role).add((c - b) / 1000);
          result.allSubmitMicros.add((c - b) / 1000);
          // the engine's task timestamps have whole seconds on MariaDB: measured here instead
          result.taskOpenMillis.add((c - t.seenNanos()) / 1_000_000);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        error(role.taskKey, e);
      }
    }
  }

  private void closer() {
    boolean marked = false;
    while (working) {
      try {
        long now = System.nanoTime();
        if (!marked && now >= windowStart) {
          startMark = CpuMark.at(target);
          marked = true;
        }
        if (!open.isEmpty()) {
          List<String> done = db.closed(open.keySet());
          now = System.nanoTime();
          for (String key : done) {
            Long filedAt = open.remove(key);
            if (filedAt == null) {
              continue;
            }
            result.closed++;
            if (inWindow(now)) {
              result.closedInWindow++;
              windowClosed.add(key);
              result.caseMillisDriver.add((now - filedAt) / 1_000_000);
            }
            if (config.rate() <= 0) {
              slots.release();
            }
          }
        }
        Thread.sleep(config.pollMillis());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        error("closure check", e);
      }
    }
  }

  /** p-th percentile (0..100) of a sample, nearest rank; NaN when empty. */
  static double percentile(List<Long> sample, double p) {
    long[] v;
    synchronized (sample) {
      v = sample.stream().mapToLong(Long::longValue).toArray();
    }
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }
}
