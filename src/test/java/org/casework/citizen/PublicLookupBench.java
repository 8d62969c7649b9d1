package org.casework.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.casefile.CaseFiles;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test ({@code mvn -Pbench-lookup test [-Dbench.cases=N]}, own database {@code
 * casework_bench_lookup}): N cases (default 1,000,000: a few real legal-aid cases with clocks and
 * notices, the rest bulk copies numbered across 20 counties), then four phases of {@code
 * bench.seconds} each on the running app (HTTP, sessions with CSRF token, as a browser posts the
 * form): task work alone (legal-aid cases filed and taken through 补正 and the decision on the
 * engine), the public lookup alone at 200 requests/s (open loop: 80 % found, 20 % misses), both
 * side by side; visitors' addresses (X-Forwarded-For, 1,000 of them) and missed numbers vary.
 * Prints p50/p99 of the lookups and of a task-work case, and the throughputs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:mysql://${CASEWORK_DB_HOST:127.0.0.1}:${CASEWORK_DB_PORT:3306}/"
          + "${CASEWORK_BENCH_DB_NAME:casework_bench_lookup}?createDatabaseIfNotExist=true"
          + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC"
          + "&useSSL=false&allowPublicKeyRetrieval=true",
      // every request comes from 127.0.0.1 and misses are part of the mix: no lock in the bench
      "casework.citizen.lookup.max-misses-per-address=100000000",
      "casework.citizen.lookup.max-misses-per-number=100000000",
      "server.tomcat.threads.max=64"
    })
class PublicLookupBench {

  static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int RATE = Integer.getInteger("bench.rate", 200);

  /** Answers per second without error of each open-loop phase, by its number of lookups. */
  private final Map<Integer, Double> answered = new java.util.concurrent.ConcurrentHashMap<>();

  static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired LegalAid legalAid;
  @Autowired CaseFiles caseFiles;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserTasks tasks;
  @Autowired ScriptedTaskActors actors;

  record Known(String number, String tail) {}

  @Test
  void measurePublicLookupBesideTaskWork() throws Exception {
    region.ensure();
    jurisdiction.addStaff(
        "wuhua", "吴华", Role.LEGAL_AID_OFFICER, new RegionCode(DemoRegion.COUNTY), "demo123");
    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    actors.completes("Task_Decide", "wuhua");
    List<Known> real = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      real.add(taskWorkCase());
    }
    List<Known> copies = seed(real.getFirst());
    System.out.printf(
        "%n[bench] casefile_case rows: %,d%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM casefile_case", Long.class));

    // warm-up
    runLookups(real, copies, 10, null);
    taskWork(5);

    String loadBefore = loadAverage();
    ServerCpu cpuOne = ServerCpu.now();
    List<Long> oneByOne = sequential(real, copies, SECONDS);
    cpuOne = cpuOne.until(ServerCpu.now());
    List<Long> aloneCases = taskWork(SECONDS);
    ServerCpu cpuAlone = ServerCpu.now();
    List<Long> lookupsAlone = runLookups(real, copies, SECONDS, null);
    cpuAlone = cpuAlone.until(ServerCpu.now());
    List<Long> sideCases = Collections.synchronizedList(new ArrayList<>());
    List<Long> lookupsSide = runLookups(real, copies, SECONDS, sideCases);
    String loadAfter = loadAverage();

    // the Scale targets next to each figure
    double taskAlone = aloneCases.size() / (double) SECONDS;
    double taskSide = sideCases.size() / (double) SECONDS;
    System.out.println();
    System.out.printf(
        "[bench] %,d cases, %d s per phase, %d lookups/s offered; load average %s before, %s after"
            + " (%d cores)%n",
        CASES, SECONDS, RATE, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
    System.out.printf("[bench] %-26s | %-58s | %s%n", "phase", "measured", "target");
    row("lookup one client in a row", lookupFigures(oneByOne), p99Verdict(oneByOne));
    row(
        "lookup alone",
        lookupFigures(lookupsAlone) + rate(lookupsAlone),
        loadVerdict(lookupsAlone));
    row(
        "lookup beside task work",
        lookupFigures(lookupsSide) + rate(lookupsSide),
        loadVerdict(lookupsSide));
    row("server CPU, one in a row", cpuOne.perLookup(oneByOne.size()), "(capacity)");
    row("server CPU, lookup alone", cpuAlone.perLookup(lookupsAlone.size()), "(capacity)");
    row("task work alone", caseFigures(aloneCases), "(reference)");
    row(
        "task work beside lookup",
        caseFigures(sideCases),
        String.format(
            "not affected: %.2f/s vs %.2f/s alone (%+.0f %%)",
            taskSide, taskAlone, taskAlone == 0 ? 0 : (taskSide / taskAlone - 1) * 100));
    assertThat(lookupsAlone).isNotEmpty();
  }

  /** One visitor after another, no queueing: the lookup's own latency on this machine. */
  private List<Long> sequential(List<Known> real, List<Known> copies, int seconds)
      throws Exception {
    Session s = new Session();
    List<Long> micros = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (System.nanoTime() < end) {
      Known k =
          r.nextBoolean() ? real.get(r.nextInt(real.size())) : copies.get(r.nextInt(copies.size()));
      long t0 = System.nanoTime();
      int status = s.lookup(k.number(), k.tail(), "10.8.0." + r.nextInt(1, 250));
      micros.add((System.nanoTime() - t0) / 1000);
      assertThat(status).isEqualTo(200);
    }
    return micros;
  }

  /** A legal-aid case filed and taken to its decision (补正 requested: a notice) — "task work". */
  private Known taskWorkCase() {
    String id = TestPeople.newIdNumber();
    String number =
        legalAid
            .apply(
                new ApplyForLegalAid(
                    new RegisterPerson(
                        id,
                        "基准" + ThreadLocalRandom.current().nextInt(1000, 9999),
                        PersonCategory.VETERAN,
                        DemoRegion.TOWNSHIP,
                        null,
                        "13800000000",
                        null,
                        List.of(new HouseholdMember("李梅", "配偶"))),
                    MatterType.OTHER,
                    "案情",
                    "某某公司",
                    null,
                    null,
                    "身份证",
                    null,
                    "wuhua"))
            .caseNumber();
    String pid = caseFiles.get(number).processInstanceId();
    tasks.complete(
        pid,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "户口簿"));
    tasks.idle();
    return new Known(number, id.substring(14));
  }

  private List<Long> taskWork(int seconds) {
    List<Long> millis = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      taskWorkCase();
      millis.add((System.nanoTime() - t0) / 1_000_000);
    }
    return millis;
  }

  /** Bulk copies of one real case up to CASES rows, numbered across 20 counties. */
  private List<Known> seed(Known template) {
    long have = jdbc.queryForObject("SELECT COUNT(*) FROM casefile_case", Long.class);
    List<String> columns =
        jdbc.queryForList(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'casefile_case' AND column_name NOT IN"
                + " ('id', 'case_number', 'process_instance_id') ORDER BY ordinal_position",
            String.class);
    String cols = String.join(", ", columns);
    // each copy in the county its number names (3506xx, 20 counties), with the template's township
    // and village digits, filed on one of the last 365 days: a county's daily report summaries
    // then hold what a county would, not 1,000,000 cases of one day in the demo county
    String county = "CONCAT('3506', LPAD(s.seq % 20 + 1, 2, '0'))";
    String values =
        columns.stream()
            .map(
                c ->
                    switch (c) {
                      case "county_code" -> county;
                      case "township_code", "village_code" ->
                          "CONCAT(" + county + ", SUBSTRING(c." + c + ", 7))";
                      case "filed_at", "updated_at" -> "c." + c + " - INTERVAL (s.seq % 365) DAY";
                      default -> "c." + c;
                    })
            .collect(java.util.stream.Collectors.joining(", "));
    // the copies' regions (the case's township and village are foreign keys)
    Map<String, Object> place =
        jdbc.queryForMap(
            "SELECT township_code, village_code FROM casefile_case WHERE case_number = ?",
            template.number());
    for (int k = 1; k <= 20; k++) {
      String code = String.format("3506%02d", k);
      jurisdiction.addRegion(new RegionCode(code), "基准县" + k);
      for (String column : List.of("township_code", "village_code")) {
        if (place.get(column) != null) {
          jurisdiction.addRegion(
              new RegionCode(code + place.get(column).toString().substring(6)),
              "基准" + (column.startsWith("t") ? "镇" : "村") + k);
        }
      }
    }
    long missing = CASES - have;
    long t0 = System.nanoTime();
    for (long from = 1; from <= missing; from += 100_000) {
      long to = Math.min(missing, from + 99_999);
      jdbc.update(
          "INSERT IGNORE INTO casefile_case (case_number, "
              + cols
              + ") SELECT CONCAT('FY-3506', LPAD(s.seq % 20 + 1, 2, '0'), '-2026-', LPAD(s.seq, 7,"
              + " '0')), "
              + values
              + " FROM seq_"
              + from
              + "_to_"
              + to
              + " s JOIN casefile_case c ON c.case_number = ?",
          template.number());
    }
    System.out.printf(
        "[bench] seeded %,d copies in %d s%n",
        Math.max(0, missing), (System.nanoTime() - t0) / 1_000_000_000);
    // the summaries of the copies' county days are rebuilt before anything is measured
    long r0 = System.nanoTime();
    while (jdbc.queryForObject("SELECT COUNT(*) FROM report_dirty", Long.class) > 0
        && System.nanoTime() - r0 < TimeUnit.MINUTES.toNanos(10)) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    System.out.printf(
        "[bench] report summaries current after %d s%n", (System.nanoTime() - r0) / 1_000_000_000);
    // copies are numbered 1..n (a later run reuses them)
    long copiesMade =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM casefile_case WHERE case_number LIKE 'FY-3506%'", Long.class);
    List<Known> copies = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      long seq = ThreadLocalRandom.current().nextLong(1, Math.max(2, copiesMade));
      copies.add(
          new Known(String.format("FY-3506%02d-2026-%07d", seq % 20 + 1, seq), template.tail()));
    }
    return copies;
  }

  /**
   * Open loop at RATE requests/s for {@code seconds}: 40 % real cases, 40 % copies, 20 % misses;
   * task work runs in this thread meanwhile when {@code sideCases} is given.
   */
  private List<Long> runLookups(
      List<Known> real, List<Known> copies, int seconds, List<Long> sideCases) throws Exception {
    int sessions = 16;
    List<Session> pool = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      pool.add(new Session());
    }
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    var workers = Executors.newVirtualThreadPerTaskExecutor();
    AtomicInteger sent = new AtomicInteger();
    long periodMicros = 1_000_000L / RATE;
    long start = System.nanoTime();
    clock.scheduleAtFixedRate(
        () -> {
          int n = sent.getAndIncrement();
          Session s = pool.get(n % sessions);
          ThreadLocalRandom r = ThreadLocalRandom.current();
          int pick = r.nextInt(10);
          Known k =
              pick < 4
                  ? real.get(r.nextInt(real.size()))
                  : pick < 8
                      ? copies.get(r.nextInt(copies.size()))
                      : new Known(copies.get(r.nextInt(copies.size())).number(), "0000");
          // visitors come from many addresses (through the proxy: X-Forwarded-For is honoured)
          String address = "10.9." + r.nextInt(4) + "." + r.nextInt(1, 250);
          workers.submit(
              () -> {
                long t0 = System.nanoTime();
                try {
                  int status = s.lookup(k.number(), k.tail(), address);
                  if (status != 200 && errors.incrementAndGet() <= 3) {
                    System.out.println("[bench] lookup answered " + status);
                  }
                } catch (Exception e) {
                  if (errors.incrementAndGet() <= 3) {
                    System.out.println("[bench] lookup failed: " + e);
                  }
                }
                latencies.add((System.nanoTime() - t0) / 1000);
              });
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    if (sideCases != null) {
      sideCases.addAll(taskWork(seconds));
    } else {
      Thread.sleep(seconds * 1000L);
    }
    clock.shutdownNow();
    workers.shutdown();
    workers.awaitTermination(30, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "[bench] lookups sent %d in %.1f s (%.0f/s), errors %d%n",
        sent.get(), elapsed, sent.get() / elapsed, errors.get());
    answered.put(latencies.size(), (latencies.size() - errors.get()) / elapsed);
    return new ArrayList<>(latencies);
  }

  private static void row(String phase, String measured, String target) {
    System.out.printf("[bench] %-26s | %-58s | %s%n", phase, measured, target);
  }

  private static String loadAverage() {
    try {
      String[] f =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Lookups answered without error per second over the phase's real length. */
  private String rate(List<Long> micros) {
    return String.format(", %.0f/s answered", answered.getOrDefault(micros.size(), 0.0));
  }

  private static String p99Verdict(List<Long> micros) {
    List<Long> s = new ArrayList<>(micros);
    Collections.sort(s);
    boolean met = !s.isEmpty() && pct(s, 99) < 50_000;
    return "p99 < 50 ms: " + (met ? "met" : "NOT met");
  }

  private String loadVerdict(List<Long> micros) {
    boolean held = answered.getOrDefault(micros.size(), 0.0) >= RATE * 0.98;
    return p99Verdict(micros) + "; " + RATE + "/s held: " + (held ? "yes" : "NO");
  }

  private static String lookupFigures(List<Long> micros) {
    List<Long> s = new ArrayList<>(micros);
    Collections.sort(s);
    return String.format(
        "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
        s.size(), pct(s, 50) / 1000.0, pct(s, 99) / 1000.0, s.getLast() / 1000.0);
  }

  private static String caseFigures(List<Long> millis) {
    List<Long> s = new ArrayList<>(millis);
    Collections.sort(s);
    if (s.isEmpty()) {
      return "n=0";
    }
    return String.format(
        "cases=%d (%.2f/s) p50=%d ms p99=%d ms",
        s.size(), s.size() / (double) SECONDS, pct(s, 50), pct(s, 99));
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /**
   * CPU the server spent, apart from the load generator in the same JVM: the app's request threads
   * (Tomcat's {@code http-nio-*-exec-*}) and the MariaDB server process. Per lookup, it gives what
   * a server of its own would need for the offered rate, whatever the generator took here.
   */
  record ServerCpu(long appNanos, long dbNanos) {

    static ServerCpu now() {
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long app = 0;
      for (java.lang.management.ThreadInfo t :
          threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
        if (t != null && t.getThreadName().matches("http-nio-.*-exec-\\d+")) {
          app += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
      }
      return new ServerCpu(app, databaseCpuNanos());
    }

    ServerCpu until(ServerCpu later) {
      return new ServerCpu(later.appNanos - appNanos, later.dbNanos - dbNanos);
    }

    String perLookup(int lookups) {
      if (lookups == 0) {
        return "n=0";
      }
      double app = appNanos / 1e6 / lookups;
      double db = dbNanos < 0 ? 0 : dbNanos / 1e6 / lookups;
      int cores = Runtime.getRuntime().availableProcessors();
      return String.format(
          "app %.2f + MariaDB %s ms a lookup: ~%.0f/s on %d cores of its own",
          app, dbNanos < 0 ? "?" : String.format("%.2f", db), cores * 1000 / (app + db), cores);
    }

    /** utime + stime of the MariaDB server from /proc (clock ticks of 10 ms); -1 if not found. */
    private static long databaseCpuNanos() {
      try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
        for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
          java.nio.file.Path comm = p.resolve("comm");
          if (!p.getFileName().toString().matches("\\d+") || !java.nio.file.Files.exists(comm)) {
            continue;
          }
          String name = java.nio.file.Files.readString(comm).trim();
          if (name.equals("mariadbd") || name.equals("mysqld")) {
            String stat = java.nio.file.Files.readString(p.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
          }
        }
      } catch (java.io.IOException | RuntimeException e) {
        return -1;
      }
      return -1;
    }
  }

  /** A visitor's browser: one session cookie and its CSRF token from the form. */
  private final class Session {
    final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new java.net.CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final String token;

    Session() throws Exception {
      String form =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/lookup"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = TOKEN.matcher(form);
      assertThat(m.find()).as("CSRF token on the form").isTrue();
      token = m.group(1);
    }

    int lookup(String number, String tail, String address) throws Exception {
      String body =
          "_csrf="
              + URLEncoder.encode(token, StandardCharsets.UTF_8)
              + "&caseNumber="
              + URLEncoder.encode(number, StandardCharsets.UTF_8)
              + "&idTail="
              + tail;
      return http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/lookup"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Forwarded-For", address)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
