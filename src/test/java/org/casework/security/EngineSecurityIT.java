package org.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.security.StaffSession.Answer;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's REST API and web apps behind the app's login, on the running app (real HTTP, real
 * engine and database): one login, the staff directory as the engine's users and groups, candidate
 * groups enforced, forms that cannot steer the process, claims answered in Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class EngineSecurityIT {

  private static final String PASSWORD = "demo123";
  private static final String ADMIN = "xitongguanli";
  private static final String TEMP = "linshicw";

  @LocalServerPort int port;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired HardshipAssistance assistance;
  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(ADMIN, "管理员", Role.ADMIN, new RegionCode(DemoRegion.COUNTY), PASSWORD);
    jurisdiction.addStaff(
        TEMP, "临时经办", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP), PASSWORD);
    jurisdiction.reassign(TEMP, Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP));
    jurisdiction.setEnabled(TEMP, true);
  }

  /**
   * The suite shares one database: the open review tasks of this test's cases would crowd the
   * township's Tasklist for the tests after it.
   */
  @AfterEach
  void endTheCasesProcesses() {
    for (String pid : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
        runtime.deleteProcessInstance(pid, "EngineSecurityIT done", true, true);
      }
    }
    started.clear();
  }

  @Test
  void shouldAnswerAnonymousRequestsToTheEngineWithALoginNotWithData() {
    StaffSession anonymous = StaffSession.anonymous(port, json);

    Answer tasksList = anonymous.get("/engine-rest/task");
    assertThat(tasksList.status()).isEqualTo(401);
    assertThat(tasksList.json().path("message").asText()).contains("请先登录");
    Answer engines = anonymous.get("/engine-rest/engine");
    assertThat(engines.status()).as("%s %s", engines.location(), engines.body()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/process-instance").status()).isEqualTo(401);
    assertThat(anonymous.get(StaffSession.TASKLIST_API + "/task").status()).isEqualTo(401);

    Answer tasklist = anonymous.get("/operaton/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(302);
    assertThat(tasklist.location()).endsWith("/login");
  }

  @Test
  void shouldShowEachCaseworkerOnlyTheTasksOfTheirTownshipThroughTheAppsLogin() {
    Filed c = fileAndVerify("600.00");
    StaffSession zhangwei = StaffSession.login(port, json, "zhangwei", PASSWORD);
    StaffSession chenjing = StaffSession.login(port, json, "chenjing", PASSWORD);

    JsonNode his = zhangwei.get("/engine-rest/task?processInstanceId=" + c.pid).json();
    assertThat(ids(his)).containsExactly(c.reviewTaskId);
    assertThat(his.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_TownshipReview");
    JsonNode all = zhangwei.get("/engine-rest/task?maxResults=200").json();
    assertThat(all.size()).isPositive();
    for (JsonNode t : all) {
      String id = t.path("id").asText();
      assertThat(
              "zhangwei".equals(t.path("assignee").asText(null))
                  || tasks
                      .candidateGroups(taskService.createTaskQuery().taskId(id).singleResult())
                      .contains("township-350502001-caseworker"))
          .as("task %s (%s) is zhangwei's or his group's", id, t.path("taskDefinitionKey").asText())
          .isTrue();
    }

    assertThat(chenjing.get("/engine-rest/task?processInstanceId=" + c.pid).json()).isEmpty();
    assertThat(chenjing.get("/engine-rest/task/" + c.reviewTaskId).status()).isIn(403, 404);
    assertThat(chenjing.tasklistGet("/task?processInstanceId=" + c.pid).json()).isEmpty();
    // nor can she take or complete it, told why in Chinese; the completion attempt is recorded
    Answer claim =
        chenjing.post(
            "/engine-rest/task/" + c.reviewTaskId + "/claim", Map.of("userId", "chenjing"));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().path("message").asText())
        .contains("只能由 township-350502001-caseworker 的工作人员办理");
    Answer completion =
        chenjing.tasklistPost(
            "/task/" + c.reviewTaskId + "/submit-form", StaffSession.variables(review(600)));
    assertThat(completion.status()).isEqualTo(403);
    assertThat(completion.json().path("message").asText()).contains("您的岗位不在其中");
    assertThat(taskService.createTaskQuery().taskId(c.reviewTaskId).count()).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'TASK_OUTSIDE_GROUP'"
                    + " AND actor = 'chenjing' AND case_number = ?",
                Long.class,
                c.number))
        .isEqualTo(1);

    // Tasklist's shared filters: 本组待办 resolves ${currentUserGroups()} per user
    Map<String, String> filters = new LinkedHashMap<>();
    zhangwei
        .get("/engine-rest/filter?resourceType=Task")
        .json()
        .forEach(f -> filters.put(f.path("name").asText(), f.path("id").asText()));
    assertThat(filters).containsKeys("我的待办", "本组待办", "即将到期", "已逾期");
    String groupFilter = filters.get("本组待办");
    assertThat(
            ids(zhangwei.get("/engine-rest/filter/" + groupFilter + "/list?maxResults=500").json()))
        .contains(c.reviewTaskId);
    assertThat(
            ids(chenjing.get("/engine-rest/filter/" + groupFilter + "/list?maxResults=500").json()))
        .doesNotContain(c.reviewTaskId);

    // the web apps know who is logged in: no second login
    assertThat(zhangwei.get("/operaton/app/tasklist/default/").status()).isEqualTo(200);
    JsonNode me = zhangwei.get("/operaton/api/admin/auth/user/default").json();
    assertThat(me.path("userId").asText()).isEqualTo("zhangwei");
    assertThat(texts(me.path("authorizedApps")))
        .contains("tasklist")
        .doesNotContain("cockpit", "admin");
    JsonNode profile = zhangwei.get("/engine-rest/user/zhangwei/profile").json();
    assertThat(profile.path("firstName").asText()).isEqualTo("张伟");
  }

  @Test
  void shouldRefuseAFieldThatIsNotInTheTasksFormAndRecordTheAttempt() {
    Filed c = fileAndVerify("700.00");
    StaffSession zhangwei = StaffSession.login(port, json, "zhangwei", PASSWORD);
    assertThat(
            zhangwei
                .post(
                    "/engine-rest/task/" + c.reviewTaskId + "/claim", Map.of("userId", "zhangwei"))
                .status())
        .isEqualTo(204);

    Map<String, Object> forged = new LinkedHashMap<>(review(700));
    forged.put("approvalLevel", "FORGED_BY_FORM");
    Answer refused =
        zhangwei.post(
            "/engine-rest/task/" + c.reviewTaskId + "/submit-form", StaffSession.variables(forged));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .contains("只能提交本任务表单中的内容")
        .contains("approvalLevel")
        .contains("任务仍待办理");
    // Tasklist's own API is guarded the same way
    Answer viaTasklist =
        zhangwei.tasklistPost(
            "/task/" + c.reviewTaskId + "/complete", StaffSession.variables(forged));
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(400);
    assertThat(viaTasklist.json().path("message").asText()).contains("approvalLevel");
    // nor can a variable be written beside the form
    assertThat(
            zhangwei
                .post(
                    "/engine-rest/task/" + c.reviewTaskId + "/variables",
                    Map.of("modifications", Map.of("approvalLevel", Map.of("value", "TOWNSHIP"))))
                .status())
        .isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(c.reviewTaskId).count()).isEqualTo(1);
    assertThat(runtime.getVariable(c.pid, "approvalLevel")).isNotEqualTo("FORGED_BY_FORM");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'TASK_OUTSIDE_GROUP'"
                    + " AND actor = 'zhangwei' AND case_number = ? AND reason LIKE ?",
                Long.class,
                c.number,
                "%approvalLevel%"))
        .isEqualTo(2);

    // the form's own fields pass, as Tasklist submits them
    Answer done =
        zhangwei.tasklistPost(
            "/task/" + c.reviewTaskId + "/submit-form", StaffSession.variables(review(700)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(c.reviewTaskId).count()).isZero();
  }

  @Test
  void shouldRefuseTheReviewersOwnApprovalAtCompletionThroughTheEngineRestInChinese() {
    Filed c = fileAndVerify("630.00");
    StaffSession temp = StaffSession.login(port, json, TEMP, PASSWORD);
    assertThat(
            temp.post("/engine-rest/task/" + c.reviewTaskId + "/claim", Map.of("userId", TEMP))
                .status())
        .isEqualTo(204);
    Answer reviewed =
        temp.post(
            "/engine-rest/task/" + c.reviewTaskId + "/submit-form",
            StaffSession.variables(review(630)));
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    Task approval = tasks.await(c.pid, "Task_TownshipHeadApproval");

    // promoted to township head: the approval's group is now his, but he reviewed this case
    jurisdiction.reassign(TEMP, Role.TOWNSHIP_HEAD, new RegionCode(DemoRegion.TOWNSHIP));
    // the role change ended his session: he logs in again with his new role
    temp = StaffSession.login(port, json, TEMP, PASSWORD);
    assertThat(
            temp.post("/engine-rest/task/" + approval.getId() + "/claim", Map.of("userId", TEMP))
                .status())
        .isEqualTo(204);
    Map<String, Object> approve = new LinkedHashMap<>();
    approve.put("approvalDecision", "APPROVE");
    approve.put("approvalReason", "同意");
    Answer refused =
        temp.post(
            "/engine-rest/task/" + approval.getId() + "/submit-form",
            StaffSession.variables(approve));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().path("code").asText()).isEqualTo("SEPARATION_OF_DUTIES");
    assertThat(refused.json().path("message").asText()).contains("本案的审核人").contains("任务仍待办理");
    // Tasklist's own API answers the same
    Answer viaTasklist =
        temp.tasklistPost(
            "/task/" + approval.getId() + "/submit-form", StaffSession.variables(approve));
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(403);
    assertThat(viaTasklist.json().path("message").asText()).contains("本案的审核人");

    // nothing moved, nothing written; both attempts are in the audit log
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(c.pid, "approvalDecision")).isNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'TASK_RULE_REFUSED'"
                    + " AND actor = ? AND case_number = ?",
                Long.class,
                TEMP,
                c.number))
        .isEqualTo(2);
  }

  @Test
  void shouldAnswerARefusalOfTheTaskListenerThroughTheEngineRestInChineseNotAsA500() {
    Filed c = fileAndVerify("640.00");
    // an engine administrator passes the engine's and the guard's group checks; the task
    // listener refuses him, inside the engine's transaction
    StaffSession admin = StaffSession.login(port, json, ADMIN, PASSWORD);
    Answer refused =
        admin.post(
            "/engine-rest/task/" + c.reviewTaskId + "/submit-form",
            StaffSession.variables(review(640)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().path("code").asText()).isEqualTo("TASK_NOT_YOURS");
    assertThat(refused.json().path("message").asText())
        .contains("无权办理")
        .contains("township-350502001-caseworker");
    assertThat(taskService.createTaskQuery().taskId(c.reviewTaskId).count()).isEqualTo(1);
  }

  @Test
  void shouldAnswerAClaimOfATaskSomeoneElseHoldsInChinese() {
    Filed c = fileAndVerify("650.00");
    StaffSession zhangwei = StaffSession.login(port, json, "zhangwei", PASSWORD);
    StaffSession wangfang = StaffSession.login(port, json, "wangfang", PASSWORD);
    assertThat(
            zhangwei
                .tasklistPost("/task/" + c.reviewTaskId + "/claim", Map.of("userId", "zhangwei"))
                .body())
        .isEmpty();

    Answer viaRest =
        wangfang.post(
            "/engine-rest/task/" + c.reviewTaskId + "/claim", Map.of("userId", "wangfang"));
    assertThat(viaRest.status()).isEqualTo(409);
    assertThat(viaRest.json().path("message").asText())
        .contains("已由 张伟（zhangwei） 认领")
        .contains("不能重复认领");
    Answer viaTasklist =
        wangfang.tasklistPost("/task/" + c.reviewTaskId + "/claim", Map.of("userId", "wangfang"));
    assertThat(viaTasklist.status()).isEqualTo(409);
    assertThat(viaTasklist.json().path("message").asText()).contains("已由 张伟（zhangwei） 认领");
    Answer completion =
        wangfang.tasklistPost(
            "/task/" + c.reviewTaskId + "/submit-form", StaffSession.variables(review(650)));
    assertThat(completion.status()).isEqualTo(409);
    assertThat(completion.json().path("message").asText()).contains("只能由其本人办理");

    assertThat(taskService.createTaskQuery().taskId(c.reviewTaskId).singleResult().getAssignee())
        .isEqualTo("zhangwei");
  }

  @Test
  void shouldOpenCockpitAndAdminOnlyForAdministrators() {
    Filed c = fileAndVerify("620.00");
    StaffSession zhangwei = StaffSession.login(port, json, "zhangwei", PASSWORD);
    assertThat(zhangwei.get("/operaton/app/cockpit/default/").status()).isEqualTo(403);
    assertThat(zhangwei.get("/operaton/app/admin/default/").status()).isEqualTo(403);

    StaffSession admin = StaffSession.login(port, json, ADMIN, PASSWORD);
    assertThat(admin.get("/operaton/app/cockpit/default/").status()).isEqualTo(200);
    JsonNode me = admin.get("/operaton/api/admin/auth/user/default").json();
    assertThat(texts(me.path("authorizedApps"))).contains("cockpit", "admin", "tasklist");
    assertThat(texts(admin.get("/engine-rest/group?member=" + ADMIN).json(), "id"))
        .contains("operaton-admin");
    // an engine administrator sees every task, not only a candidate group's
    Answer all = admin.get("/engine-rest/task?processInstanceId=" + c.pid);
    assertThat(ids(all.json())).as(all.body()).containsExactly(c.reviewTaskId);
  }

  @Test
  void shouldApplyADisabledOrReassignedMemberOfStaffAtTheirNextRequest() {
    Filed c = fileAndVerify("610.00");
    StaffSession temp = StaffSession.login(port, json, TEMP, PASSWORD);
    assertThat(texts(temp.get("/engine-rest/group?member=" + TEMP).json(), "id"))
        .containsExactly("township-350502001-caseworker");
    assertThat(ids(temp.get("/engine-rest/task?processInstanceId=" + c.pid).json()))
        .containsExactly(c.reviewTaskId);

    jurisdiction.reassign(
        TEMP, Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.OTHER_TOWNSHIP));
    assertThat(texts(temp.get("/engine-rest/group?member=" + TEMP).json(), "id"))
        .containsExactly("township-350502002-caseworker");
    assertThat(temp.get("/engine-rest/task?processInstanceId=" + c.pid).json()).isEmpty();

    jurisdiction.setEnabled(TEMP, false);
    Answer refused = temp.get("/engine-rest/task?processInstanceId=" + c.pid);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().path("message").asText()).contains("已停用");
    // disabling ended the session: the web app now sends the visitor to the login page
    Answer page = temp.get("/operaton/app/tasklist/default/");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/login");
    assertThat(temp.tasklistGet("/task?processInstanceId=" + c.pid).status()).isEqualTo(401);
    // and the engine no longer knows the user at all
    StaffSession zhangwei = StaffSession.login(port, json, "zhangwei", PASSWORD);
    assertThat(zhangwei.get("/engine-rest/user?id=" + TEMP).json()).isEmpty();
  }

  @Test
  void shouldLogInAndOutThroughTheWebAppsOwnFormAsThroughTheAppsLoginPage() {
    String login = "/operaton/api/admin/auth/user/default/login/tasklist";
    StaffSession browser = StaffSession.anonymous(port, json);
    Answer wrong =
        browser.webappForm(login, Map.of("username", "zhangwei", "password", "wrong"), true);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().path("message").asText()).isEqualTo("用户名或密码错误");
    assertThat(
            browser
                .webappForm(login, Map.of("username", "zhangwei", "password", PASSWORD), false)
                .status())
        .as("a login without the page's origin (another site's form)")
        .isEqualTo(403);

    Answer in =
        browser.webappForm(login, Map.of("username", "zhangwei", "password", PASSWORD), true);
    assertThat(in.status()).as(in.body()).isEqualTo(200);
    assertThat(in.json().path("userId").asText()).isEqualTo("zhangwei");
    assertThat(texts(in.json().path("authorizedApps")))
        .contains("tasklist")
        .doesNotContain("cockpit");
    // one session: the engine's API, the web apps and the app's pages
    assertThat(browser.get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(browser.get("/operaton/api/admin/auth/user/default").json().path("userId").asText())
        .isEqualTo("zhangwei");
    assertThat(browser.get("/cases").status()).isEqualTo(200);

    // Tasklist's logout ends that one session
    Answer out = browser.webappForm("/operaton/api/admin/auth/user/default/logout", Map.of(), true);
    assertThat(out.status()).isEqualTo(204);
    assertThat(browser.get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
    assertThat(browser.get("/cases").status()).isEqualTo(302);
  }

  @Test
  void shouldGiveTheEngineTheStaffDirectoryAsItsUsersAndGroups() {
    assertThat(identity.isReadOnly()).isTrue();
    User zhangwei = identity.createUserQuery().userId("zhangwei").singleResult();
    assertThat(zhangwei.getFirstName()).isEqualTo("张伟");
    assertThat(identity.createUserQuery().memberOfGroup("township-350502001-caseworker").list())
        .extracting(User::getId)
        .contains("zhangwei", "wangfang")
        .doesNotContain("chenjing", "liuyang");
    Group group =
        identity.createGroupQuery().groupId("township-350502001-caseworker").singleResult();
    assertThat(group.getName()).isEqualTo("海滨街道 乡镇经办人");
    assertThat(group.getType()).isEqualTo("WORKFLOW");
    assertThat(identity.createGroupQuery().groupMember("liuyang").list())
        .extracting(Group::getId)
        .containsExactly("township-350502001-head");
    assertThat(identity.createGroupQuery().groupMember(ADMIN).list())
        .extracting(Group::getId)
        .containsExactlyInAnyOrder("county-350502-admin", "operaton-admin");
    assertThat(identity.createGroupQuery().groupNameLike("%临江街道%").list())
        .extracting(Group::getId)
        .contains("township-350502002-caseworker");
    assertThat(identity.createUserQuery().userIdIn("zhangwei", "chenjing", "nobody").count())
        .isEqualTo(2);
    assertThat(identity.createUserQuery().listPage(0, 2)).hasSize(2);
    assertThat(identity.createTenantQuery().count()).isZero();
    // a password is never checked by the engine: every login goes through the app's form
    assertThat(identity.checkPassword("zhangwei", PASSWORD)).isFalse();

    jurisdiction.setEnabled(TEMP, false);
    assertThat(identity.createUserQuery().userId(TEMP).count()).isZero();
    assertThat(identity.createGroupQuery().groupMember(TEMP).count()).isZero();
  }

  @Test
  void shouldMarkTheSessionCookieSecureBehindATlsProxy() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> viaProxy =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(viaProxy.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
    java.net.http.HttpResponse<String> plain =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/login"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("JSESSIONID=").doesNotContainIgnoringCase("secure"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  record Filed(String number, String pid, String reviewTaskId) {}

  /** A case of township 350502001 at its township review (the liaison has verified it). */
  private Filed fileAndVerify(String amount) {
    CaseView filed =
        assistance.apply(
            new ApplyForAssistance(
                TestPeople.veteran("黄文强", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                HardshipCause.ILLNESS,
                "本人患病，家庭收入微薄",
                new BigDecimal(amount),
                new BigDecimal("1200.00"),
                false,
                "zhangwei"));
    String pid = filed.processInstanceId();
    started.add(pid);
    tasks.completeAs(
        "lixiaohong",
        pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", "true", "verificationFindings", "入户核实，情况属实"));
    Task review = tasks.await(pid, "Task_TownshipReview");
    return new Filed(filed.caseNumber(), pid, review.getId());
  }

  private static Map<String, Object> review(int amount) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("reviewDecision", "ACCEPT");
    values.put("recommendedAmount", amount);
    values.put("reviewReason", "符合帮扶条件");
    return values;
  }

  private static List<String> ids(JsonNode tasks) {
    return texts(tasks, "id");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }
}
