package org.casework.reports.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.common.BusinessRuleException;
import org.casework.contact.ContactProgramme;
import org.casework.contact.Coverage;
import org.casework.contact.CoverageRow;
import org.casework.documents.PdfDocuments;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.reports.Report;
import org.casework.reports.Report.ContactSection;
import org.casework.reports.Report.ProgrammeRow;
import org.casework.reports.Report.SatisfactionSection;
import org.casework.reports.Report.ServiceSection;
import org.casework.reports.ReportPeriod;
import org.casework.reports.Reports;
import org.casework.satisfaction.RatingView;
import org.casework.satisfaction.Satisfaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the report from {@link ReportQueries}, checks the region, exports and audits. No
 * transaction of its own: each query reads committed data, and a section that refuses (the contact
 * coverage's role rule) cannot mark a shared transaction rollback-only.
 */
@Service
class ReportService implements Reports {

  private static final Logger log = LoggerFactory.getLogger(ReportService.class);
  static final String CITY = "city";

  private final ReportQueries queries;
  private final ReportSummaries summaries;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final ContactProgramme contact;
  private final Satisfaction satisfaction;
  private final PdfDocuments documents;
  private final AuditLog audit;
  private final Clock clock;
  private final Set<String> cityRoles;
  private final Set<String> unmaskedRoles;
  private final String bureau;

  ReportService(
      ReportQueries queries,
      ReportSummaries summaries,
      Jurisdiction jurisdiction,
      ScopeGuard scopeGuard,
      ContactProgramme contact,
      Satisfaction satisfaction,
      PdfDocuments documents,
      AuditLog audit,
      Clock clock,
      @Value("${casework.reports.city-roles:SUPERVISOR,AUDITOR}") Set<String> cityRoles,
      @Value("${casework.exports.unmasked-roles:AUDITOR}") Set<String> unmaskedRoles,
      @Value("${casework.documents.bureau:退役军人事务局}") String bureau) {
    this.queries = queries;
    this.summaries = summaries;
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.contact = contact;
    this.satisfaction = satisfaction;
    this.documents = documents;
    this.audit = audit;
    this.clock = clock;
    this.cityRoles = cityRoles;
    this.unmaskedRoles = unmaskedRoles;
    this.bureau = bureau;
  }

  @Override
  public Report report(String region, ReportPeriod period, RegionScope scope) {
    return build(region, period, scope, true);
  }

  @Override
  public Report plainReport(String region, ReportPeriod period, RegionScope scope) {
    return build(region, period, scope, false);
  }

  /**
   * The report; {@code summarised}: a county's or city's figures from the daily and monthly
   * summaries (after rebuilding their dirty days; five queries whatever the period and the number
   * of counties), else (and always below the county, where the sources are small) straight from the
   * programmes' tables. The time of each step is logged with the report.
   */
  private Report build(String region, ReportPeriod period, RegionScope scope, boolean summarised) {
    Area area = area(region, scope);
    long started = System.nanoTime();
    Steps steps = new Steps();
    boolean pre = summarised && !area.belowCounty();
    Report report =
        pre ? fromSummaries(area, period, scope, steps) : plain(area, period, scope, steps);
    log.info(
        "report {} {}..{} ({}) for {} in {} ms [{}]",
        area.code(),
        period.from(),
        period.to(),
        pre ? "summaries" : "plain",
        scope.username(),
        (System.nanoTime() - started) / 1_000_000,
        steps);
    return report;
  }

  /** Milliseconds per step of a report, for the log and the benchmark. */
  static final class Steps {
    private final StringBuilder out = new StringBuilder();

    <T> T time(String step, java.util.function.Supplier<T> run) {
      long s = System.nanoTime();
      T t = run.get();
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(step).append(' ').append((System.nanoTime() - s) / 1_000_000).append(" ms");
      return t;
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  private Report fromSummaries(Area area, ReportPeriod period, RegionScope scope, Steps steps) {
    steps.time("rebuild dirty days", () -> summaries.rebuildDirty(area.countyLike()));
    Map<String, String> names = steps.time("area names", () -> queries.childNames(area));
    ReportSummaries.Read read =
        steps.time("summaries (5 queries)", () -> summaries.read(area, period, names));
    List<String[]> outcomeCodes = steps.time("review outcome codes", queries::reviewOutcomeCodes);
    return steps.time(
        "assemble",
        () -> {
          List<ProgrammeRow> programmes = read.programmes();
          long[] petitionClock = read.clocks().getOrDefault("PETITION", new long[3]).clone();
          Map<String, long[]> byTownship = new HashMap<>();
          long[] ratings = read.ratings(byTownship);
          return assemble(
              area,
              period,
              scope,
              programmes,
              read.trend(),
              read.areas(),
              read.legalAid(legalAidReceived(programmes), read.consultations()),
              read.petitions(petitionClock, outcomeCodes),
              ratings,
              byTownship,
              steps);
        });
  }

  private Report plain(Area area, ReportPeriod period, RegionScope scope, Steps steps) {
    List<ProgrammeRow> programmes =
        steps.time("programmes", () -> queries.programmes(area, period));
    long[] petitionClock =
        steps
            .time("clocks", () -> queries.clocks(area, period))
            .getOrDefault("PETITION", new long[3])
            .clone();
    Map<String, long[]> byTownship = new HashMap<>();
    long[] ratings = steps.time("ratings", () -> queries.ratings(area, period, byTownship));
    var trend = steps.time("trend", () -> queries.trend(area, period));
    var areas = steps.time("areas", () -> queries.areas(area, period));
    var consultations = steps.time("consultations", () -> queries.consultations(area, period));
    var legalAid =
        steps.time(
            "legal aid",
            () -> queries.legalAid(area, period, legalAidReceived(programmes), consultations));
    var petitions = steps.time("petitions", () -> queries.petitions(area, period, petitionClock));
    return assemble(
        area,
        period,
        scope,
        programmes,
        trend,
        areas,
        legalAid,
        petitions,
        ratings,
        byTownship,
        steps);
  }

  private static long legalAidReceived(List<ProgrammeRow> programmes) {
    return programmes.stream()
        .filter(r -> r.programme().equals("LEGAL_AID"))
        .mapToLong(ProgrammeRow::received)
        .sum();
  }

  private Report assemble(
      Area area,
      ReportPeriod period,
      RegionScope scope,
      List<ProgrammeRow> programmes,
      List<Report.TrendRow> trend,
      List<Report.AreaRow> areas,
      Report.LegalAidSection legalAid,
      Report.PetitionSection petitions,
      long[] ratings,
      Map<String, long[]> byTownship,
      Steps steps) {
    BigDecimal target = satisfaction.targetPct(area.city() ? "" : area.code());
    long below =
        byTownship.values().stream()
            .filter(
                t ->
                    t[1] > 0
                        && BigDecimal.valueOf(t[0] * 100L)
                                .compareTo(target.multiply(BigDecimal.valueOf(t[1])))
                            < 0)
            .count();
    return new Report(
        bureau,
        area.code(),
        regionName(area),
        area.city(),
        period,
        scope.username(),
        clock.instant(),
        programmes,
        ReportQueries.months(period).stream().map(YearMonth::toString).toList(),
        trend,
        areas,
        legalAid,
        petitions,
        services(),
        steps.time("contact coverage", () -> contact(area, period, scope)),
        new SatisfactionSection(
            ratings[0] + ratings[1] + ratings[2],
            ratings[0],
            ratings[1],
            ratings[2],
            target,
            byTownship.size(),
            below));
  }

  @Override
  public byte[] excel(
      String region, ReportPeriod period, RegionScope scope, boolean unmasked, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (unmasked && !unmaskedRoles.contains(scope.role().name())) {
      throw BusinessRuleException.forbidden(
          "EXPORT_UNMASKED_ROLE",
          "您的岗位不能导出未脱敏的个人信息；默认导出已脱敏",
          scope.username() + " (" + scope.role() + ") asked for an unmasked report export");
    }
    if (unmasked && why.isEmpty()) {
      throw BusinessRuleException.invalid(
          "EXPORT_UNMASKED_REASON", "导出未脱敏的个人信息须填写事由", "unmasked export without reason");
    }
    Report report = report(region, period, scope);
    List<RatingView> dissatisfied =
        report.cityRollUp()
            ? List.of()
            : satisfaction.dissatisfied(report.regionCode(), period.from(), period.to(), scope);
    byte[] bytes = ReportExcel.write(report, dissatisfied, unmasked);
    record(report, scope, "导出统计报表（Excel）", unmasked ? "未脱敏；事由：" + why : "已脱敏");
    return bytes;
  }

  @Override
  public byte[] pdf(String region, ReportPeriod period, RegionScope scope) {
    Report report = report(region, period, scope);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("issuer", report.issuer());
    model.put("report", report);
    model.put("producedAt", org.casework.common.Formats.dateTime(report.producedAt()));
    byte[] pdf = documents.render("report", model);
    record(report, scope, "导出统计报表（PDF）", "已脱敏");
    return pdf;
  }

  private void record(Report report, RegionScope scope, String action, String detail) {
    audit.record(
        new PersonRecordAccessed(
            AuditKind.EXPORT,
            clock.instant(),
            scope.username(),
            scope.role().name(),
            report.cityRollUp() ? scope.prefix() : report.regionCode(),
            action,
            "统计报表 " + report.regionName() + " " + report.period().label(),
            detail));
  }

  /** The region asked for, checked against the officer's scope. */
  Area area(String region, RegionScope scope) {
    String r = region == null ? "" : region.strip();
    if (r.isEmpty()) {
      return new Area(scope.region().level().name(), scope.prefix());
    }
    if (r.equalsIgnoreCase(CITY) || r.matches("\\d{4}")) {
      if (!cityRoles.contains(scope.role().name())) {
        throw BusinessRuleException.forbidden(
            "REPORT_CITY_ROLE",
            "全市汇总只供县级以上（市级）用户查看，县（区）及以下用户请选择本辖区",
            scope.username() + " (" + scope.role() + ") asked for a city roll-up");
      }
      String city = scope.prefix().substring(0, 4);
      if (!r.equalsIgnoreCase(CITY) && !r.equals(city)) {
        throw BusinessRuleException.forbidden(
            "REPORT_CITY_SCOPE",
            "只能查看本市的汇总",
            scope.username() + " asked for city " + r + ", theirs is " + city);
      }
      return new Area(Area.CITY, city);
    }
    RegionCode code = RegionCode.parse(r);
    scopeGuard.require(scope, code, null, "查看统计报表");
    return new Area(code.level().name(), code.value());
  }

  private String regionName(Area area) {
    if (area.city()) {
      return "全市（" + area.code() + "）汇总";
    }
    return jurisdiction
        .findRegion(new RegionCode(area.code()))
        .map(Region::name)
        .orElse(area.code());
  }

  private ServiceSection services() {
    if (queries.tableExists("services_request")) {
      return new ServiceSection(true, "服务清单数据见服务清单模块", List.of());
    }
    return new ServiceSection(false, "服务清单与转介模块尚未启用，启用后在此统计各项服务及其结果。", List.of());
  }

  private ContactSection contact(Area area, ReportPeriod period, RegionScope scope) {
    if (area.city()) {
      return null;
    }
    try {
      RegionScope narrowed =
          new RegionScope(scope.username(), scope.role(), new RegionCode(area.code()));
      Coverage coverage = contact.coverage(period.from(), period.to(), narrowed);
      long[] t = new long[5];
      for (CoverageRow row : coverage.rows()) {
        if (!row.township()) {
          t[0] += row.recipients();
          t[1] += row.contacted();
          t[2] += row.keyContacts();
          t[3] += row.keyVisited();
          t[4] += row.overdue();
        }
      }
      return new ContactSection(t[0], t[1], t[2], t[3], t[4]);
    } catch (BusinessRuleException unavailable) {
      // the officer's role does not read coverage, or the period is longer than a year
      log.debug("no contact coverage in the report: {}", unavailable.getMessage());
      return null;
    }
  }
}
