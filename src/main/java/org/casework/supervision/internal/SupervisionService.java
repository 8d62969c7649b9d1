package org.casework.supervision.internal;

import java.time.Clock;
import java.time.Instant;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseNumber;
import org.casework.casefile.HistoryEntry;
import org.casework.clocks.Clocks;
import org.casework.clocks.OfficerNotice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of the supervision (督办) process: officer notice and the supervisor's note. */
@Service
class SupervisionService {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SupervisionService.class);

  private final Clocks clocks;
  private final CaseFiles caseFiles;
  private final Clock clock;

  SupervisionService(Clocks clocks, CaseFiles caseFiles, Clock clock) {
    this.clocks = clocks;
    this.caseFiles = caseFiles;
    this.clock = clock;
  }

  @Transactional
  void notifyOfficer(SupervisionWorkers.SupervisionVariables in, String stepKey) {
    Instant now = clock.instant();
    String recipient = in.officer() == null || in.officer().isBlank() ? "（未指定经办人）" : in.officer();
    boolean isCase = CaseNumber.isCaseNumber(in.caseNumber());
    String text =
        (isCase ? "案件 " : "联系走访任务 ")
            + in.caseNumber()
            + " 的“"
            + in.stageLabel()
            + "”已超过办理期限（"
            + in.dueAtText()
            + "），已提请 "
            + in.supervisorGroup()
            + " 督办，请尽快办理并说明原因。";
    if (clocks.addOfficerNotice(new OfficerNotice(in.caseNumber(), recipient, text, now), stepKey)
        && isCase) {
      caseFiles.record(
          in.caseNumber(),
          new HistoryEntry(
              now,
              HistoryEntry.SYSTEM,
              "SYSTEM",
              "超期督办：" + in.stageLabel(),
              "已提请督办并通知经办人",
              "督办组 " + in.supervisorGroup() + "；经办人 " + recipient,
              "sla:" + stepKey));
    }
  }

  @Transactional
  void recordSupervision(SupervisionWorkers.SupervisionVariables in, String stepKey) {
    if (!CaseNumber.isCaseNumber(in.caseNumber())) {
      // a contact task has no case history: the note stays with the 督办 task in the engine
      log.info(
          "supervision of {} ({}) recorded by {}",
          in.caseNumber(),
          in.stageLabel(),
          in.supervisorGroup());
      return;
    }
    caseFiles.record(
        in.caseNumber(),
        new HistoryEntry(
            clock.instant(),
            in.supervisorGroup(),
            "SUPERVISOR",
            "督办意见：" + in.stageLabel(),
            "已督办",
            in.supervisionNote(),
            "sla:" + stepKey));
  }
}
