package org.casework.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.attachments.AttachmentView;
import org.casework.jurisdiction.RegionScope;

/**
 * The station-acceptance process (bpmn/station-acceptance.bpmn) and its records: self-assessment,
 * the township's scoring, the quarterly statement, the county's spot check. Every refusal is a
 * Chinese {@link org.casework.common.BusinessRuleException} with nothing written.
 */
public interface StationAcceptance {

  String PROCESS = "station-acceptance";

  static String businessKey(long acceptanceId) {
    return "STN-" + acceptanceId;
  }

  /** The sheet in force for the region on the day. */
  ScoreSheet sheetInForce(String regionCode, LocalDate day);

  List<ScoreSheet> sheets();

  /**
   * Opens the current quarter's acceptance of a village station (idempotent: the open one is
   * answered), fills what the system knows and starts the process.
   */
  AcceptanceView open(long stationId, RegionScope scope);

  AcceptanceView get(long acceptanceId, RegionScope scope);

  /** The acceptances of a station, newest quarter first (without entries). */
  List<AcceptanceView> ofStation(long stationId, RegionScope scope);

  /** The acceptances of a quarter inside the scope (without entries). */
  List<AcceptanceView> ofPeriod(String period, RegionScope scope);

  /** Evidence (photo, ledger) for one item of a self-assessment still being written. */
  AttachmentView addEvidence(
      long acceptanceId, String itemCode, String fileName, byte[] content, RegionScope scope);

  /** The station's self-assessment of every item; completes its task. */
  AcceptanceView submitSelfAssessment(
      long acceptanceId, List<ItemScore> scores, Map<String, String> notes, RegionScope scope);

  /** The township's score of every item (reasons, veto, bonus tier); completes its task. */
  AcceptanceView score(
      long acceptanceId, List<ItemScore> scores, String remarks, RegionScope scope);

  /** The statement's rows as they would be sent now. */
  List<StatementRow> previewStatement(String townshipCode, String period, RegionScope scope);

  /** Sends the township's quarterly statement (附件2); once per township and quarter. */
  StatementView sendStatement(String townshipCode, String period, RegionScope scope);

  Optional<StatementView> statement(String townshipCode, String period, RegionScope scope);

  byte[] statementExcel(String townshipCode, String period, RegionScope scope);

  byte[] statementPdf(String townshipCode, String period, RegionScope scope);

  /** The county's spot-check sample of a quarter, drawn once, reproducible from county+quarter. */
  SpotCheck drawSample(String countyCode, String period, RegionScope scope);

  Optional<SpotCheck> sample(String countyCode, String period);

  /** A county's correction of one item of a sampled acceptance, with its reason. */
  AcceptanceView correct(
      long acceptanceId, String itemCode, BigDecimal points, String reason, RegionScope scope);

  /** Ends the county's check of a sampled acceptance; completes its task. */
  AcceptanceView finishSpotCheck(long acceptanceId, RegionScope scope);

  /** A township's quarterly statement sent after its due date or not sent though due. */
  record LateStatement(
      String townshipCode, String townshipName, String period, LocalDate dueOn, String status) {}

  /**
   * The late or missing statements of the last four quarters in the region of a member of staff
   * (the supervisors' cockpit); townships without village stations owe none. Unknown staff: none.
   */
  List<LateStatement> lateStatements(String username);

  /** Township progress against its quarterly target, and the county's excellent-station targets. */
  Progress progress(int year, int quarter, RegionScope scope);
}
