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
    ConfigurableApplicationContext app =
        SpringApplication.run(
            CaseworkApplication.class,
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
      line(report, "| role | page | p50 ms | p99 ms | max ms | p99 < %.0f ms |", TARGET_P99_MS);
      line(report, "|---|---|---:|---:|---:|---|");
      List<Double> all = new ArrayList<>();
      int over = 0;
      int failed = 0;
      for (var e : byRole.entrySet()) {
        Http http = new Http(base, PageMatrix.USERS.get(e.getKey()));
        http.formLogin("demo123", "/");
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
          for (String path : e.getValue()) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.get(path);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() / 100 == 3) {
              // a path that answers with another page (a case number on the service-request page
              // goes to the case page): not a page view, measured where it leads
              if (round == 0) {
                line(
                    report,
                    "| %s | %s | redirect to %s (not measured) | | | |",
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
              if (round == 0) {
                failed++;
                line(report, "| %s | %s | HTTP %d | | | |", role(e.getKey()), path, r.statusCode());
              }
              continue;
            }
            if (round >= warmup) {
              times.computeIfAbsent(path, p -> new ArrayList<>()).add(ms);
            }
          }
        }
        for (var t : times.entrySet()) {
          List<Double> sorted = t.getValue().stream().sorted().toList();
          all.addAll(sorted);
          double p99 = pct(sorted, 0.99);
          boolean ok = p99 < TARGET_P99_MS;
          over += ok ? 0 : 1;
          line(
              report,
              "| %s | %s | %.1f | %.1f | %.1f | %s |",
              role(e.getKey()),
              t.getKey(),
              pct(sorted, 0.50),
              p99,
              sorted.getLast(),
              ok ? "yes" : "**no**");
        }
      }
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
