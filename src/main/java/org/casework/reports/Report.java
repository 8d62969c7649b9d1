package org.casework.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One report: the header (unit, region, period, who produced it and when) and its sections. Every
 * number is read from the programmes' own records; definitions are in docs/reports.md.
 */
public record Report(
    String issuer,
    String regionCode,
    String regionName,
    boolean cityRollUp,
    ReportPeriod period,
    String producedBy,
    Instant producedAt,
    List<ProgrammeRow> programmes,
    List<String> months,
    List<TrendRow> trend,
    List<AreaRow> areas,
    LegalAidSection legalAid,
    PetitionSection petitions,
    ServiceSection services,
    ContactSection contact,
    SatisfactionSection satisfaction) {

  /** A programme's figures: cases, 人次 and persons, money, on-time rate of its legal clock. */
  public record ProgrammeRow(
      String programme,
      String label,
      long received,
      long closed,
      long refused,
      long open,
      long personTimes,
      long persons,
      BigDecimal paid,
      BigDecimal recovered,
      long clocksStopped,
      long onTime) {

    public String onTimeRate() {
      return pct(onTime, clocksStopped);
    }
  }

  /** Cases received per month of one programme. */
  public record TrendRow(String label, List<Long> counts) {}

  /** One township (or county in the city roll-up, or village below a township). */
  public record AreaRow(
      String code,
      String name,
      long hardship,
      long condolence,
      long legalAid,
      long petitions,
      BigDecimal paid) {

    public long total() {
      return hardship + condolence + legalAid + petitions;
    }
  }

  public record Count(String label, long count, BigDecimal amount) {}

  /** 法律援助: cases, recovered money, outcomes, matters, consultations by topic and weekday. */
  public record LegalAidSection(
      long cases,
      long closed,
      BigDecimal recovered,
      long consultations,
      List<Count> byOutcome,
      List<Count> byMatter,
      List<Count> consultationsByTopic,
      List<Count> consultationsByWeekday) {}

  /** 信访: received by channel, acceptance, closing, time, reviews, the backlog with its age. */
  public record PetitionSection(
      long received,
      long personTimes,
      List<Count> byChannel,
      long accepted,
      long transferred,
      long notAccepted,
      long closed,
      long clocksStopped,
      long onTime,
      long extended,
      long reviewed,
      long reReviewed,
      long upheld,
      List<Count> reviewOutcomes,
      long backlog,
      List<Count> backlogByAge) {

    public String onTimeRate() {
      return pct(onTime, clocksStopped);
    }
  }

  /** 服务清单 and referrals: empty until the service menu is installed. */
  public record ServiceSection(boolean available, String note, List<Count> byService) {}

  /** The contact programme's coverage of the region for the period. */
  public record ContactSection(
      long recipients, long contacted, long keyContacts, long keyVisited, long overdue) {

    public String contactedShare() {
      return pct(contacted, recipients);
    }

    public String keyVisitedShare() {
      return pct(keyVisited, keyContacts);
    }
  }

  /** Satisfaction of the period: counts, the rate and the stations under the line. */
  public record SatisfactionSection(
      long ratings,
      long satisfied,
      long basicallySatisfied,
      long dissatisfied,
      BigDecimal targetPct,
      long stations,
      long stationsBelowTarget) {

    public String rate() {
      return pct(satisfied + basicallySatisfied, ratings);
    }
  }

  public long totalReceived() {
    return programmes.stream().mapToLong(ProgrammeRow::received).sum();
  }

  public BigDecimal totalPaid() {
    return programmes.stream().map(ProgrammeRow::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static String pct(long part, long whole) {
    if (whole == 0) {
      return "—";
    }
    return BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }
}
