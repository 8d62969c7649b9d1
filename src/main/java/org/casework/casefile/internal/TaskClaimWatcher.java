package org.casework.casefile.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.casework.casefile.TaskAssignments;
import org.casework.casefile.TaskAssignments.TaskSnapshot;
import org.casework.common.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings Tasklist's claims (assignments) into the case history, and so into the audit log.
 *
 * <p>With job-based user tasks a claim never reaches the engine: Tasklist stores it in its own
 * index and keeps only the current assignee. So this reads Tasklist and compares with what it saw
 * last ({@code casefile_task_watch}):
 *
 * <ol>
 *   <li>completed tasks, in completion order, from the saved position ({@code
 *       casefile_task_cursor}) — a restart resumes there, so no task completed while the app was
 *       down is skipped, and the assignee it was completed under is recorded as a claim if the app
 *       had not seen it;
 *   <li>all open tasks, whose assignee changes become 认领 / 取消认领 lines.
 * </ol>
 *
 * Each page is one transaction (history lines, task states and the cursor together), so a crash
 * repeats a page at most and the step keys make that harmless.
 */
@Component
class TaskClaimWatcher {

  static final String COMPLETED_STREAM = "completed";
  private static final Logger log = LoggerFactory.getLogger(TaskClaimWatcher.class);
  private static final int PAGE = 100;

  private final TaskAssignments tasklist;
  private final CaseFileService caseFiles;
  private final TaskWatchRepository watches;
  private final TaskCursorRepository cursors;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final boolean enabled;

  TaskClaimWatcher(
      TaskAssignments tasklist,
      CaseFileService caseFiles,
      TaskWatchRepository watches,
      TaskCursorRepository cursors,
      PlatformTransactionManager txManager,
      ObjectMapper json,
      Clock clock,
      @Value("${casework.tasklist.claims.enabled:true}") boolean enabled) {
    this.tasklist = tasklist;
    this.caseFiles = caseFiles;
    this.watches = watches;
    this.cursors = cursors;
    this.tx = new TransactionTemplate(txManager);
    this.json = json;
    this.clock = clock;
    this.enabled = enabled;
  }

  @Scheduled(
      initialDelayString = "${casework.tasklist.claims.initial-delay:PT30S}",
      fixedDelayString = "${casework.tasklist.claims.interval:PT15S}")
  void scheduled() {
    if (!enabled) {
      return;
    }
    try {
      int lines = poll();
      if (lines > 0) {
        log.info("recorded {} claim change(s) from Tasklist", lines);
      }
    } catch (RuntimeException e) {
      // Tasklist down: nothing is lost, the next run resumes from the saved position
      log.warn("reading claims from Tasklist failed, will retry: {}", e.getMessage());
    }
  }

  /** One pass; returns how many history lines it wrote. */
  int poll() {
    int lines = 0;
    List<String> after = position();
    while (true) {
      List<TaskSnapshot> page = tasklist.completed(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      List<String> last = page.get(page.size() - 1).sortValues();
      lines +=
          tx.execute(
              s -> {
                int n = 0;
                for (TaskSnapshot t : page) {
                  n += observe(t);
                }
                TaskCursorEntity c =
                    cursors
                        .findById(COMPLETED_STREAM)
                        .orElseGet(() -> new TaskCursorEntity(COMPLETED_STREAM));
                c.advance(write(last), clock.instant());
                cursors.save(c);
                return n;
              });
      after = last;
      if (page.size() < PAGE) {
        break;
      }
    }
    List<String> openAfter = null;
    while (true) {
      List<TaskSnapshot> page = tasklist.open(openAfter, PAGE);
      if (page.isEmpty()) {
        break;
      }
      lines +=
          tx.execute(
              s -> {
                int n = 0;
                for (TaskSnapshot t : page) {
                  n += observe(t);
                }
                return n;
              });
      openAfter = page.get(page.size() - 1).sortValues();
      if (page.size() < PAGE) {
        break;
      }
    }
    return lines;
  }

  private int observe(TaskSnapshot t) {
    Instant now = clock.instant();
    TaskWatchEntity w =
        watches
            .findById(t.id())
            .orElseGet(
                () ->
                    new TaskWatchEntity(
                        t.id(),
                        t.processInstanceKey(),
                        t.elementId(),
                        caseFiles.caseOfInstance(t.processInstanceKey()).orElse(null),
                        now));
    int lines = 0;
    String assignee = t.assignee() == null || t.assignee().isBlank() ? null : t.assignee();
    if (!w.isCompleted() && !Objects.equals(w.getAssignee(), assignee)) {
      String before = w.getAssignee();
      int change = w.changedTo(assignee);
      if (w.getCaseNumber() != null) {
        String seen = "Tasklist 任务 " + t.id() + "，于 " + Formats.dateTime(now) + " 发现";
        if (before != null
            && caseFiles.recordAssignment(
                w.getCaseNumber(),
                t.elementId(),
                t.name(),
                before,
                false,
                seen + "（Tasklist 不保存取消认领的人和时间，记在原认领人名下）",
                "unclaim:" + t.id() + ":" + change)) {
          lines++;
        }
        if (assignee != null
            && caseFiles.recordAssignment(
                w.getCaseNumber(),
                t.elementId(),
                t.name(),
                assignee,
                true,
                seen
                    + (t.completed()
                        ? "（任务已于 " + Formats.dateTime(t.completedAt()) + " 完成，认领在此之前）"
                        : "（Tasklist 不保存认领时间）"),
                "claim:" + t.id() + ":" + change)) {
          lines++;
        }
      }
    }
    w.seen(t.completed(), now);
    watches.save(w);
    return lines;
  }

  private List<String> position() {
    return cursors
        .findById(COMPLETED_STREAM)
        .map(TaskCursorEntity::getSortValues)
        .map(this::read)
        .orElse(null);
  }

  private String write(List<String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> read(String values) {
    try {
      return json.readValue(values, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad task cursor " + values, e);
    }
  }
}
