package org.casework.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casework.CaseworkApplication;
import org.casework.assistance.HardshipAssistance;
import org.casework.casefile.CaseFiles;
import org.casework.e2e.PageMatrix;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Page server time (issue 20: p99 &lt; 100 ms with the demo data): the app with its demo data in
 * this JVM (port {@code bench.port}, default 8194; database {@code bench.db}, default
 * casework_bench_pages, dropped first), every page of the browser tour's matrix ({@link
 * PageMatrix}: the same pages, each as the same role, with a filed case and its applicant as path
 * variables) requested over HTTP by a logged-in session of that role, one request at a time: {@code
 * bench.warmup} rounds (default 10) not counted, then {@code bench.rounds} (default 50) measured,
 * each round every page once. Time = request sent to the last byte of the page read (localhost).
 * Prints p50/p99/max per page beside the target, with the machine's load before and after; written
 * to target/bench/pages-report.md. Run by {@code bench/pages/run.sh}.
 */
public final class PageBench {

  private static final double TARGET_P99_MS = 100.0;

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 50);
    int warmup = Integer.getInteger("bench.warmup", 10);
    int port = Integer.getInteger("bench.port", 8194);
    String db = System.getProperty("bench.db", "casework_bench_pages");
    String base = "http://127.0.0.1:" + port;
    new JdbcTemplate(dataSource()).execute("DROP DATABASE IF EXISTS " + db);
    SpringApplication application = new SpringApplication(CaseworkApplication.class);
    application.addInitializers(
        ctx -> ctx.getBeanFactory().addBeanPostProcessor(new StatementCounter()));
    ConfigurableApplicationContext app =
        application.run(
            "--server.port=" + port,
            "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/"
                + db
                + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true",
            "--casework.demo-data=true",
            // the demo profile's keys: a bench database is throw-away
            "--spring.profiles.active=" + System.getProperty("bench.profiles", "demo"),
            "--operaton.bpm.job-execution.enabled=false",
            "--logging.level.org.casework=WARN",
            // the audit shipper's line per event (casework.audit.shipped)
            "--logging.level.casework=WARN");
    StringBuilder report = new StringBuilder("# Page server time\n\n");
    int exit = 0;
    try {
      PageMatrix.addTourStaff(app.getBean(Jurisdiction.class));
      Map<String, String> samples =
          PageMatrix.samples(app.getBean(HardshipAssistance.class), app.getBean(CaseFiles.class));
      // the stations, campaigns, imports … of the demo data, for the pages with their ids
      samples.putAll(PageMatrix.demoSamples(app.getBean(JdbcTemplate.class)));
      PageMatrix.addReconciliationSample(
          samples, app.getBean(org.casework.ledger.Ledger.class), app.getBean(Jurisdiction.class));
      List<String> skipped = new ArrayList<>();
      Map<Role, List<String>> byRole =
          PageMatrix.byRole(
              app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class),
              samples,
              skipped);
      String loadBefore = load();
      line(
          report,
          "%d warm-up + %d measured rounds, one request at a time; cores %d; load (1/5/15 min)"
              + " before: %s",
          warmup,
          rounds,
          Runtime.getRuntime().availableProcessors(),
          loadBefore);
      line(report, "not measured (no role or no sample): %s", skipped);
      line(report, "");
      line(
          report,
          "| role | page | p50 ms | p99 ms | max ms | SQL statements per view | load (1 min) |"
              + " p99 < %.0f ms |",
          TARGET_P99_MS);
      line(report, "|---|---|---:|---:|---:|---:|---:|---|");
      StringBuilder sqlReport =
          new StringBuilder(
              "# SQL per page (one view each, after the measured rounds; most frequent first)\n");
      List<Double> all = new ArrayList<>();
      int over = 0;
      int failed = 0;
      // the machine's reference: the login page, anonymous, no database work of the app's own
      Http anonymous = new Http(base, "anonymous");
      Map<String, Sample> reference = new LinkedHashMap<>();
      for (int round = 0; round < warmup + rounds; round++) {
        measure(anonymous, "/login", round >= warmup, reference);
      }
      Sample login = reference.get("/login");
      line(
          report,
          "| reference: not logged in | /login | %.1f | %.1f | %.1f | %s | %s | (reference) |",
          pct(login.sortedMs(), 0.50),
          pct(login.sortedMs(), 0.99),
          login.sortedMs().getLast(),
          login.sqlMedian(),
          load1());
      for (var e : byRole.entrySet()) {
        Http http = new Http(base, PageMatrix.USERS.get(e.getKey()));
        http.formLogin("demo123", "/");
        Map<String, Sample> times = new LinkedHashMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
          for (String path : e.getValue()) {
            HttpResponse<String> r = measure(http, path, round >= warmup, times);
            if (r.statusCode() / 100 == 3) {
              // a path that answers with another page (a case number on the service-request page
              // goes to the case page): not a page view, measured where it leads
              times.remove(path);
              if (round == 0) {
                line(
                    report,
                    "| %s | %s | redirect to %s (not measured) | | | | | |",
                    role(e.getKey()),
                    path,
                    r.headers()
                        .firstValue("Location")
                        .orElse("?")
                        .replaceAll("^https?://[^/]+", ""));
              }
              continue;
            }
            if (r.statusCode() != 200) {
              times.remove(path);
              if (round == 0) {
                failed++;
                line(
                    report,
                    "| %s | %s | HTTP %d | | | | | |",
                    role(e.getKey()),
                    path,
                    r.statusCode());
              }
            }
          }
        }
        String loadNow = load1();
        for (var t : times.entrySet()) {
          List<Double> sorted = t.getValue().sortedMs();
          all.addAll(sorted);
          double p99 = pct(sorted, 0.99);
          boolean ok = p99 < TARGET_P99_MS;
          over += ok ? 0 : 1;
          line(
              report,
              "| %s | %s | %.1f | %.1f | %.1f | %s | %s | %s |",
              role(e.getKey()),
              t.getKey(),
              pct(sorted, 0.50),
              p99,
              sorted.getLast(),
              t.getValue().sqlMedian(),
              loadNow,
              ok ? "yes" : "**no**");
          StatementCounter.record(true);
          http.get(t.getKey());
          List<String> sql = StatementCounter.recorded();
          StatementCounter.record(false);
          sqlReport
              .append("\n## ")
              .append(role(e.getKey()))
              .append(' ')
              .append(t.getKey())
              .append(": ")
              .append(sql.size())
              .append(" statements\n\n");
          StatementCounter.top(sql, 25)
              .forEach(l -> sqlReport.append("    ").append(l).append('\n'));
        }
      }
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(Path.of("target/bench/pages-sql.md"), sqlReport.toString());
      List<Double> sorted = all.stream().sorted().toList();
      line(report, "");
      line(
          report,
          "all %d page views: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; pages over the"
              + " target: %d; pages not answering 200: %d",
          sorted.size(),
          pct(sorted, 0.50),
          pct(sorted, 0.95),
          pct(sorted, 0.99),
          sorted.isEmpty() ? 0.0 : sorted.getLast(),
          over,
          failed);
      line(report, "load (1/5/15 min) after: %s", load());
      exit = failed == 0 ? 0 : 1;
    } finally {
      System.out.println();
      System.out.println(report);
      Path out = Path.of("target/bench/pages-report.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString());
      app.close();
    }
    System.exit(exit);
  }

  /** One page's measured views: times and statement counts. */
  private record Sample(List<Double> ms, List<Long> sql) {
    List<Double> sortedMs() {
      return ms.stream().sorted().toList();
    }

    /** The median statement count (the same every view unless a cache filled). */
    String sqlMedian() {
      List<Long> s = sql.stream().sorted().toList();
      return s.isEmpty() ? "" : String.valueOf(s.get(s.size() / 2));
    }
  }

  /** One GET, timed and its statements counted; kept in {@code into} when {@code counted}. */
  private static HttpResponse<String> measure(
      Http http, String path, boolean counted, Map<String, Sample> into) throws Exception {
    long s0 = StatementCounter.count();
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.get(path);
    double ms = (System.nanoTime() - t0) / 1e6;
    long statements = StatementCounter.count() - s0;
    if (counted && r.statusCode() == 200) {
      Sample s = into.computeIfAbsent(path, p -> new Sample(new ArrayList<>(), new ArrayList<>()));
      s.ms().add(ms);
      s.sql().add(statements);
    }
    return r;
  }

  private static String load1() {
    String l = load();
    int slash = l.indexOf(' ');
    return slash < 0 ? l : l.substring(0, slash);
  }

  private static String role(Role role) {
    return role.label() + "（" + PageMatrix.USERS.get(role) + "）";
  }

  /** The value at the quantile (nearest rank, rounded down), as the browser tour reports. */
  private static double pct(List<Double> sorted, double q) {
    return sorted.isEmpty() ? 0.0 : sorted.get((int) Math.floor(q * (sorted.size() - 1)));
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static javax.sql.DataSource dataSource() {
    var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource();
    ds.setUrl("jdbc:mysql://127.0.0.1:3306/?useSSL=false&allowPublicKeyRetrieval=true");
    ds.setUsername("root");
    ds.setPassword("");
    return ds;
  }

  private static void line(StringBuilder report, String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
