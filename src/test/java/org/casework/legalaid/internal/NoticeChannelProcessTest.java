package org.casework.legalaid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.NoticeView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.registry.PersonCategory;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices leave through the one {@code NoticeChannel} (here the local sink): a decision's notice is
 * handed over exactly once, also when its step runs again or rolls back and is retried.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class NoticeChannelProcessTest {

  @Autowired UserTasks tasks;
  @Autowired ScriptedTaskActors actors;
  @Autowired LegalAid legalAid;
  @Autowired CaseFiles caseFiles;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired LegalAidSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void setUp() {
    region.ensure();
    LegalAidTestSupport.staff(jurisdiction, legalAid);
    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    actors.completes("Task_Decide", "wuhua");
  }

  @Test
  void shouldSendTheRefusalThroughTheChannelExactlyOnceEvenWhenItsStepRunsAgain() {
    String number = refusedCase();
    List<Map<String, Object>> sent = sink(number);
    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().get("title")).isEqualTo("不予法律援助决定书");
    assertThat((String) sent.getFirst().get("text")).contains("不符合经济困难标准");

    // the engine runs the notification step again (a retry after a later fault, a re-delivery)
    String stepKey =
        jdbc.queryForObject(
            "SELECT n.step_key FROM casefile_notice n JOIN casefile_case c ON c.id = n.case_id"
                + " WHERE c.case_number = ?",
            String.class,
            number);
    steps.notifyApplicant(number, "REFUSED", stepKey);
    steps.notifyApplicant(number, "REFUSED", stepKey);
    assertThat(sink(number)).as("a step run again sends nothing again").hasSize(1);

    NoticeView notice = caseFiles.notices(number).getFirst();
    assertThat(notice.channel()).isEqualTo("LOCAL");
    assertThat(notice.deliveryState()).isEqualTo("SENT");
    assertThat(notice.deliveredAt()).isNotNull();
    assertThat(notice.title()).isEqualTo("不予法律援助决定书");
  }

  @Test
  void shouldSendNothingFromAStepThatRolledBackAndOnceFromItsRetry() {
    String number = refusedCase();
    TransactionTemplate step = new TransactionTemplate(transactions);
    String key = "ServiceTask_Test:retry-" + System.nanoTime();
    // first try: the notice is written, then the step fails and its transaction rolls back
    assertThatThrownBy(
            () ->
                step.executeWithoutResult(
                    s -> {
                      caseFiles.notifyApplicant(number, key, "测试告知", "第一次尝试的告知");
                      throw new IllegalStateException("the step dies after writing its notice");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sink(number)).as("nothing sent for a rolled-back step").hasSize(1);
    // the retry commits: sent once; a third run finds it written and sends nothing
    step.executeWithoutResult(s -> caseFiles.notifyApplicant(number, key, "测试告知", "重试后的告知"));
    step.executeWithoutResult(s -> caseFiles.notifyApplicant(number, key, "测试告知", "再次运行"));
    assertThat(sink(number))
        .extracting(r -> r.get("text"))
        .containsExactly(sink(number).getFirst().get("text"), "重试后的告知");
    assertThat(
            jdbc.queryForObject(
                "SELECT delivery_attempts FROM casefile_notice WHERE step_key = ?",
                Integer.class,
                key))
        .isEqualTo(1);
  }

  private List<Map<String, Object>> sink(String number) {
    return jdbc.queryForList(
        "SELECT title, text FROM casefile_notice_local_sink WHERE case_number = ? ORDER BY id",
        number);
  }

  private String refusedCase() {
    var person =
        LegalAidTestSupport.person(
            LegalAidTestSupport.uniqueName(), PersonCategory.VETERAN, DemoRegion.TOWNSHIP);
    String number =
        legalAid
            .apply(
                new ApplyForLegalAid(
                    person,
                    MatterType.OTHER,
                    "案情简要说明",
                    "泉州某某有限公司",
                    null,
                    null,
                    "身份证",
                    null,
                    "wuhua"))
            .caseNumber();
    String pid = caseFiles.get(number).processInstanceId();
    tasks.complete(pid, "Task_CheckCompleteness", Map.of("materialsCheck", "COMPLETE"));
    Map<String, Object> vars = new HashMap<>();
    vars.put("decision", "REFUSE");
    vars.put("decisionReason", "申请人有稳定收入，不符合经济困难标准");
    vars.put("hardshipVerified", null);
    tasks.complete(pid, "Task_Decide", vars);
    tasks.idle();
    return number;
  }
}
