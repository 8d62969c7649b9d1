package org.casework.casefile;

import java.util.List;
import java.util.Optional;
import org.casework.jurisdiction.RegionScope;

/** What every case shares: number, region, status, stage, history, notices. */
public interface CaseFiles {

  /**
   * Opens a case with a fresh number and its "filed" history entry; its process instance is started
   * once the transaction commits (and retried later if the engine is unreachable), so the engine
   * never holds a case the database does not.
   */
  CaseView open(OpenCase command);

  /**
   * The first worker of a process claims the case for its instance. False when another instance
   * already owns it (a retried start raced the first one): that instance must end quietly.
   */
  boolean claimProcessInstance(String caseNumber, String processInstanceId);

  Optional<CaseView> find(String caseNumber);

  /** The case whose process instance is {@code processInstanceId} (the latest, if several). */
  Optional<CaseView> findByProcessInstance(String processInstanceId);

  /**
   * Whether a task of the stage {@code elementId} is open in the case's process instance, or ended
   * without being completed (cancelled by an interrupting event or with its instance).
   */
  StageActivity stageActivity(String caseNumber, String elementId);

  /** The case, or a Chinese "not found" error. */
  CaseView get(String caseNumber);

  /**
   * The case as {@code scope} may see it: found only inside the officer's region (the query filters
   * on it); a case elsewhere is a 403, recorded as {@code ScopeRefused}; none at all is a 404.
   */
  CaseView get(String caseNumber, RegionScope scope);

  /**
   * Whether {@code username} handles the case: filed it, is its assigned officer, or did a step of
   * it (a line of its history). Only they may see the applicant's personal data unmasked.
   */
  boolean isHandledBy(String caseNumber, String username);

  /** The latest cases in the officer's region and below, newest first. */
  List<CaseView> latest(RegionScope scope, int limit);

  /** Sort keys of {@link #page}: 登记时间 (default, newest first), 案件编号, 类型, 状态. */
  org.casework.common.web.PageParams.Sorting PAGE_SORTING =
      new org.casework.common.web.PageParams.Sorting(
          java.util.List.of("filed", "number", "type", "status"), true, 20);

  /** One page of the cases in the officer's region and below, sorted as asked. */
  org.casework.common.web.Paged<CaseView> page(
      RegionScope scope, org.casework.common.web.PageParams page);

  /**
   * Moves the case into the stage that the process element stands for (status, due date from the
   * stage's legal period) and records it once per {@code stepKey}.
   */
  StageEntered enterStage(String caseNumber, String processId, String elementId, String stepKey);

  /** Appends to the history; a second call with the same step key is ignored. */
  void record(String caseNumber, HistoryEntry entry);

  /** Sets the status and appends the history entry, once per step key. */
  void changeStatus(String caseNumber, CaseStatus status, HistoryEntry entry);

  /**
   * Records the notice text for the applicant, once per step key, and hands it to the {@link
   * NoticeChannel} after the transaction commits (a step that rolls back sends nothing; a retried
   * step finds its notice and sends nothing again). {@code title} is what the applicant's own
   * lookup lists (e.g. 不予法律援助决定书).
   */
  void notifyApplicant(String caseNumber, String stepKey, String title, String text);

  /** {@link #notifyApplicant(String, String, String, String)} titled from the text. */
  default void notifyApplicant(String caseNumber, String stepKey, String text) {
    notifyApplicant(caseNumber, stepKey, titleOf(text), text);
  }

  /** "受理告知：…" → 受理告知; otherwise 办理告知. */
  static String titleOf(String text) {
    if (text != null) {
      int colon = text.indexOf('：');
      if (colon > 0 && colon <= 20) {
        return text.substring(0, colon).strip();
      }
    }
    return "办理告知";
  }

  List<HistoryView> history(String caseNumber);

  /** The history, only for a case inside {@code scope} (else 403, recorded). */
  List<HistoryView> history(String caseNumber, RegionScope scope);

  /** Who completed the latest instance of the user task {@code elementId} (from the history). */
  Optional<String> lastCompletedBy(String caseNumber, String elementId);

  /**
   * A history entry for a step that follows the user task {@code elementId}: attributed to whoever
   * completed that task (with their role), or to the system when nobody did.
   */
  HistoryEntry entryByTaskActor(
      String caseNumber,
      String elementId,
      String action,
      String outcome,
      String reason,
      String stepKey);

  List<NoticeView> notices(String caseNumber);

  /**
   * History lines after {@code historyId}, oldest first, as the events they were announced with:
   * for listeners that catch up (e.g. the audit log of a database that had history before it
   * existed).
   */
  List<CaseHistoryAppended> historyAfter(long historyId, int limit);

  List<NoticeView> notices(String caseNumber, RegionScope scope);

  /**
   * Makes {@code officer} the case's assigned officer (the one handling it) and records it, once
   * per step key. The caller has checked that the officer may be assigned (region, recusal).
   */
  /**
   * Takes in what a waiting case needs: the officer must cover the case's region, the case must be
   * of the desk's type and in the awaited status (else a Chinese 404/409); a history line in the
   * officer's name, then the message the process waits for.
   */
  void receive(Receipt receipt);

  /**
   * Delivers the BPMN message {@code message} to the case's process instance in the caller's
   * transaction; a Chinese 409 ({@code CASE_NOT_WAITING}) when the instance is not waiting for it.
   */
  void deliver(String message, String caseNumber);

  CaseView assign(String caseNumber, String officer, HistoryEntry entry);

  /**
   * The BPMN elements the case passed, from its own history (stages entered, user tasks completed),
   * for a case inside {@code scope} (else 403, recorded). Read from the case history alone.
   */
  PathTaken pathTaken(String caseNumber, RegionScope scope);

  /** The cases of one applicant inside {@code scope}, newest first. */
  List<CaseView> ofApplicant(long personId, RegionScope scope);

  /** A history line for a step after the user task {@code elementId}, by that task's completer. */
  default void recordByTaskActor(
      String caseNumber,
      String elementId,
      String action,
      String outcome,
      String reason,
      String stepKey) {
    record(caseNumber, entryByTaskActor(caseNumber, elementId, action, outcome, reason, stepKey));
  }

  /** A status change decided in the user task {@code elementId}, by that task's completer. */
  default void changeStatusByTaskActor(
      String caseNumber,
      CaseStatus status,
      String elementId,
      String action,
      String outcome,
      String reason,
      String stepKey) {
    changeStatus(
        caseNumber,
        status,
        entryByTaskActor(caseNumber, elementId, action, outcome, reason, stepKey));
  }
}
