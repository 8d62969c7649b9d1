package org.casework.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** target/bench/report.md and its charts from the phases' results. */
final class BenchReport {

  private BenchReport() {}

  static void write(
      Path out,
      List<HardshipBench.Result> results,
      boolean quick,
      Duration main,
      Duration scale,
      int cap)
      throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("# 困难帮扶 throughput benchmark\n\n")
        .append("Run ")
        .append(Instant.now())
        .append(quick ? " (quick mode)" : " (full mode)")
        .append(": main phases ")
        .append(main.toSeconds())
        .append(" s of filing, scaling phases ")
        .append(scale.toSeconds())
        .append(" s, then a drain until every filed case is paid and closed; at most ")
        .append(cap)
        .append(" cases in flight.\n\n")
        .append("**Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores shared with other builds and tests while this ran; figures are indicative,")
        .append(" not a capacity statement.** One case = file (API, ¥800) → 入户核实 → 乡镇受理审核 →")
        .append(
            " 乡镇分管领导审批 (each claimed and completed in Tasklist as the right user) → payment (ledger)")
        .append(
            " → notice → close. Bare = the same BPMN deployed as `hardship-assistance-bare`, job types")
        .append(
            " `bare.*` answered by no-op workers in the driver, user tasks completed through Tasklist")
        .append(" the same way.\n\n");
    md.append(
        "| phase | starters | existing cases | filed | closed | cases/s | sustained cases/s | job p50 ms | job p99 ms | job created→done p99 ms | case e2e p50 s | case e2e p99 s | DB rows written | machine load |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (HardshipBench.Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %,d | %d | %d | %.2f | %.2f | %s | %s | %s | %.1f | %.1f | %s | %.1f |%n",
              r.phase().label(),
              r.phase().starters(),
              r.phase().existing(),
              r.filed(),
              r.closed(),
              r.casesPerSec(),
              r.sustainedPerSec(),
              HardshipBench.fmt(r.jobP50()),
              HardshipBench.fmt(r.jobP99()),
              HardshipBench.fmt(r.jobQueueP99()),
              r.e2eP50() / 1000,
              r.e2eP99() / 1000,
              r.phase().bare()
                  ? "–"
                  : String.format(
                      Locale.ROOT,
                      "%,d (%.0f/case)",
                      r.rowsWritten(),
                      r.closed() == 0 ? 0.0 : (double) r.rowsWritten() / r.filed()),
              r.machineLoad()));
    }
    md.append(
        "\n## casework / bare\n\n| phase | starters | throughput ratio | job p99 ratio (lower is better for bare) | case e2e p99 ratio |\n|---|---|---|---|---|\n");
    List<String> cats = new ArrayList<>();
    List<Double> cw = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> cwE2e = new ArrayList<>();
    List<Double> bareE2e = new ArrayList<>();
    for (HardshipBench.Result r : results) {
      if (r.phase().bare() || r.phase().existing() > 0) {
        continue;
      }
      Optional<HardshipBench.Result> b = bareTwin(results, r);
      if (b.isEmpty()) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.2f | %.2f |%n",
              r.phase().label(),
              r.phase().starters(),
              r.casesPerSec() / b.get().casesPerSec(),
              r.jobP99() / b.get().jobP99(),
              r.e2eP99() / b.get().e2eP99()));
      cats.add((r.phase().paced() ? r.phase().label() + " " : "") + "c=" + r.phase().starters());
      cw.add(r.casesPerSec());
      bare.add(b.get().casesPerSec());
      cwE2e.add(r.e2eP99() / 1000);
      bareE2e.add(b.get().e2eP99() / 1000);
    }
    targets(md, results);
    md.append(
        "\n## CPU and memory per phase\n\nCPU in % of one core over the phase (drain included); RSS average / peak in MB.\n\n| phase | starters | existing |");
    List<String> procs =
        results.isEmpty() ? List.of() : new ArrayList<>(results.getFirst().usage().keySet());
    for (String p : procs) {
      md.append(" ").append(p).append(" |");
    }
    md.append("\n|---|---|---|").append("---|".repeat(procs.size())).append("\n");
    for (HardshipBench.Result r : results) {
      md.append("| ")
          .append(r.phase().label())
          .append(" | ")
          .append(r.phase().starters())
          .append(" | ")
          .append(r.phase().existing())
          .append(" |");
      for (String p : procs) {
        HardshipBench.Usage u = r.usage().get(p);
        md.append(
            String.format(
                Locale.ROOT, " %.0f %% · %d / %d MB |", u.cpuPct(), u.rssAvgMb(), u.rssPeakMb()));
      }
      md.append("\n");
    }
    md.append(
        "\n## CPU per closed case, and what the target would take\n\n"
            + "Core-seconds each process spent per closed case over the phase (filing, drain and idle"
            + " time included, so an upper bound). The sum says how many cores a given rate needs with"
            + " Tasklist in the loop, whatever else the machine is doing.\n\n"
            + "| phase | starters | existing |");
    for (String p : procs) {
      md.append(" ").append(p).append(" |");
    }
    md.append(" all | cores for 10 cases/s |\n|---|---|---|")
        .append("---|".repeat(procs.size() + 2))
        .append("\n");
    for (HardshipBench.Result r : results) {
      md.append("| ")
          .append(r.phase().label())
          .append(" | ")
          .append(r.phase().starters())
          .append(" | ")
          .append(r.phase().existing())
          .append(" |");
      double all = 0;
      for (String p : procs) {
        double c = r.cpuSecondsPerCase(p);
        if (!p.equals("bench driver")) {
          all += c;
        }
        md.append(String.format(Locale.ROOT, " %.2f |", c));
      }
      md.append(String.format(Locale.ROOT, " %.2f | %.0f |%n", all, all * 10));
    }
    md.append(
        "\n(\"all\" leaves out the bench driver, which stands in for the users' browsers.)\n");
    md.append(
        "\n## Job latency by job type (activation → completion, ms: p50 / p99 / jobs)\n\n"
            + "Where the casework p99 comes from; bare columns are the no-op workers of the same"
            + " types.\n\n| job type |");
    for (HardshipBench.Result r : results) {
      md.append(" ")
          .append(r.phase().label())
          .append(" c=")
          .append(r.phase().starters())
          .append(r.phase().existing() > 0 ? " +" + r.phase().existing() : "")
          .append(" |");
    }
    md.append("\n|---|").append("---|".repeat(results.size())).append("\n");
    java.util.Set<String> types = new java.util.TreeSet<>();
    results.forEach(r -> types.addAll(r.jobP50P99ByType().keySet()));
    for (String t : types) {
      md.append("| `").append(t).append("` |");
      for (HardshipBench.Result r : results) {
        double[] v = r.jobP50P99ByType().get(t);
        md.append(
            v == null
                ? " – |"
                : String.format(Locale.ROOT, " %.0f / %.0f / %.0f |", v[0], v[1], v[2]));
      }
      md.append("\n");
    }
    md.append("\n## Database rows written per table (casework phases)\n\n");
    for (HardshipBench.Result r : results) {
      if (!r.phase().bare()) {
        md.append("- c=")
            .append(r.phase().starters())
            .append(", existing ")
            .append(r.phase().existing())
            .append(": ");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : r.rowsByTable().entrySet()) {
          parts.add(e.getKey() + " " + e.getValue());
        }
        md.append(String.join(", ", parts)).append("\n");
      }
    }
    md.append(
        "\nHow the figures are taken: job latency = engine timestamp of the job's COMPLETED record minus its"
            + " activation (deadline − the 5 min job timeout), user-task jobs excluded; created→done adds the"
            + " wait for a worker and any retries (the completion listener retries until Tasklist has"
            + " imported who completed the task). Case e2e = filing request sent → close-case job completed."
            + " cases/s = closed cases / (last closure − phase start); sustained = closures in the second"
            + " half of the filing window / half the window. Rows = exact COUNT(*) per table before/after.\n\n"
            + "![throughput](throughput.png)\n\n![e2e p99](e2e-p99.png)\n");
    Files.writeString(out.resolve("report.md"), md.toString());
    if (!cats.isEmpty()) {
      chart(
          out.resolve("throughput.png"),
          "cases/s: casework vs bare engine",
          "cases/s",
          cats,
          cw,
          bare);
      chart(out.resolve("e2e-p99.png"), "case end-to-end p99 (s)", "seconds", cats, cwE2e, bareE2e);
    }
    System.out.println();
    System.out.println(md);
    Kit.log("report: %s", out.resolve("report.md").toAbsolutePath());
  }

  /** The bare phase run like {@code r}: same starters, same pace. */
  private static Optional<HardshipBench.Result> bareTwin(
      List<HardshipBench.Result> results, HardshipBench.Result r) {
    return results.stream()
        .filter(
            x ->
                x.phase().bare()
                    && x.phase().starters() == r.phase().starters()
                    && x.phase().rate() == r.phase().rate())
        .findFirst();
  }

  /** The three targets against what this run measured, each met or not. */
  private static void targets(StringBuilder md, List<HardshipBench.Result> results) {
    List<HardshipBench.Result> cw =
        results.stream().filter(r -> !r.phase().bare() && r.phase().existing() == 0).toList();
    if (cw.isEmpty()) {
      return;
    }
    md.append("\n## Targets of issue 8\n\n| target | measured | met |\n|---|---|---|\n");
    double best =
        cw.stream()
            .filter(r -> !r.phase().paced())
            .mapToDouble(HardshipBench.Result::sustainedPerSec)
            .max()
            .orElse(Double.NaN);
    target(md, "≥ 10 cases/s sustained", best, "best %.2f cases/s", best >= 10);
    double worstRatio =
        cw.stream()
            .filter(r -> !r.phase().paced())
            .flatMap(r -> bareTwin(results, r).map(b -> r.casesPerSec() / b.casesPerSec()).stream())
            .mapToDouble(Double::doubleValue)
            .min()
            .orElse(Double.NaN);
    target(md, "throughput casework / bare ≥ 0.8", worstRatio, "lowest %.2f", worstRatio >= 0.8);
    for (HardshipBench.Result r : cw) {
      target(
          md,
          "job p99 < 500 ms (" + r.phase().label() + " c=" + r.phase().starters() + ")",
          r.jobP99(),
          "%.0f ms",
          r.jobP99() < 500);
    }
  }

  /** One row; NaN: the phases behind this target were not run (e.g. -Dbench.phases=paced). */
  private static void target(
      StringBuilder md, String what, double value, String format, boolean met) {
    boolean measured = !Double.isNaN(value);
    md.append("| ").append(what).append(" | ");
    md.append(measured ? String.format(Locale.ROOT, format, value) : "not measured in this run");
    md.append(" | ").append(measured ? (met ? "yes" : "**no**") : "–").append(" |\n");
  }

  private static void chart(
      Path file, String title, String y, List<String> cats, List<Double> cw, List<Double> bare)
      throws Exception {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(800)
            .height(450)
            .title(title)
            .xAxisTitle("concurrent starters")
            .yAxisTitle(y)
            .build();
    c.addSeries("casework", cats, cw);
    c.addSeries("bare engine", cats, bare);
    BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
