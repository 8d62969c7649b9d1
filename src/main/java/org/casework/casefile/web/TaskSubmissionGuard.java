package org.casework.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.casefile.CompletionAttempt;
import org.casework.casefile.CompletionRefusal;
import org.casework.casefile.TaskCompletionRefused;
import org.casework.casefile.internal.CompletionRules;
import org.casework.casefile.internal.EngineRefusal;
import org.casework.common.BusinessRuleException;
import org.casework.common.web.ApiError;
import org.casework.common.web.BufferedBodyRequest;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.FormService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.spring.boot.starter.property.OperatonBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The workflow cannot be steered from a form. On the engine's REST APIs (the app's {@code
 * /engine-rest} and the web apps' own, which Tasklist uses), a task completion ({@code complete},
 * {@code submit-form}, {@code resolve}) may set only the fields of that task's form (its deployed
 * Camunda form's component keys); task variables cannot be written or deleted outside a form; a
 * task claimed by someone else can be neither claimed nor completed, nor a task of another group;
 * the programmes' {@link org.casework.casefile.CompletionRule}s (separation of duties, recusal) are
 * asked before the engine is called. Refusals answer in Chinese (JSON {@code message}) and are
 * recorded ({@link TaskCompletionRefused}). What goes wrong inside the engine is answered in
 * Chinese too: a refusal of the task listener with its own status, an unreachable database as 503,
 * anything else as 500 (the engine's English answer goes to the log).
 */
@Configuration
class TaskSubmissionGuard {

  /** After Spring Security (-100, it knows the user), before the engine's authentication (10). */
  static final int ORDER = 5;

  @Bean
  FilterRegistrationBean<Guard> taskSubmissionGuardFilter(
      TaskService tasks,
      FormService forms,
      CaseFiles caseFiles,
      CompletionRules rules,
      Jurisdiction jurisdiction,
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock,
      JerseyApplicationPath rest,
      OperatonBpmProperties operaton) {
    String app = operaton.getWebapp().getApplicationPath();
    Pattern taskAction =
        Pattern.compile(
            "^(?:"
                + Pattern.quote(rest.getPath())
                + "(?:/engine/[^/]+)?|"
                + Pattern.quote(app + "/api/engine/engine/")
                + "[^/]+)/task/([^/]+)/(complete|submit-form|resolve|claim|variables|localVariables)(/.*)?$");
    FilterRegistrationBean<Guard> registration =
        new FilterRegistrationBean<>(
            new Guard(
                taskAction, tasks, forms, caseFiles, rules, jurisdiction, events, json, clock));
    registration.setName("casework task submission guard");
    registration.addUrlPatterns(rest.getPath() + "/*", app + "/api/engine/*");
    registration.setOrder(ORDER);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskSubmissionGuard.class);

    /** What the engine keeps of a string variable (its {@code TEXT_} column). */
    static final int MAX_TEXT = 4000;

    private static final int MAX_NAMED = 5;

    private final Pattern taskAction;
    private final TaskService tasks;
    private final FormService forms;
    private final CaseFiles caseFiles;
    private final CompletionRules rules;
    private final Jurisdiction jurisdiction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final java.util.Map<String, Set<String>> formKeysByTask =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;

    Guard(
        Pattern taskAction,
        TaskService tasks,
        FormService forms,
        CaseFiles caseFiles,
        CompletionRules rules,
        Jurisdiction jurisdiction,
        ApplicationEventPublisher events,
        ObjectMapper json,
        Clock clock) {
      this.taskAction = taskAction;
      this.tasks = tasks;
      this.forms = forms;
      this.caseFiles = caseFiles;
      this.rules = rules;
      this.jurisdiction = jurisdiction;
      this.events = events;
      this.json = json;
      this.clock = clock;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Matcher m = taskAction.matcher(path);
      if (!m.matches() || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
        chain.doFilter(request, response);
        return;
      }
      String taskId = m.group(1);
      String action = m.group(2);
      String username = request.getRemoteUser();
      Task task;
      try {
        task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      } catch (RuntimeException failed) {
        String why = causes(failed);
        if (!databaseUnreachable(why)) {
          throw failed;
        }
        log.warn(
            "task {}: database unreachable before the engine call, answered 503: {}", taskId, why);
        response.setHeader("Retry-After", "10");
        refuse(
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            "DATABASE_UNAVAILABLE",
            "数据库暂时无法连接，本次操作未生效（未保存任何内容），请稍后重试",
            List.of());
        return;
      }
      if (task == null || username == null) {
        // nothing to guard: the engine answers (404, or 401 from the authentication filters)
        chain.doFilter(request, response);
        return;
      }
      if (action.equals("variables") || action.equals("localVariables")) {
        refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "TASK_VARIABLES_READ_ONLY",
            "任务中的数据只能通过提交本任务的表单填写，不能直接修改或删除",
            List.of());
        return;
      }
      BufferedBodyRequest cached = BufferedBodyRequest.read(request);
      JsonNode body = parse(cached.body());
      String assignee = task.getAssignee();
      if (action.equals("claim")) {
        String claimant = body.path("userId").asText(username);
        if (assignee != null && !assignee.equals(claimant)) {
          refuse(
              response,
              HttpServletResponse.SC_CONFLICT,
              "TASK_ALREADY_CLAIMED",
              "任务「" + task.getName() + "」已由 " + who(assignee) + " 认领，不能重复认领；如需接办，请联系认领人退回任务",
              List.of());
          return;
        }
        if (!claimant.equals(username)) {
          refuse(
              response,
              HttpServletResponse.SC_FORBIDDEN,
              "CLAIM_FOR_OTHERS",
              "只能为自己认领任务",
              List.of());
          return;
        }
        if (refusedOutsideGroups(response, task, username, false)) {
          return;
        }
        toEngine(cached, response, chain, task, true);
        return;
      }
      if (assignee != null && !assignee.equals(username)) {
        refuse(
            response,
            HttpServletResponse.SC_CONFLICT,
            "TASK_CLAIMED_BY_OTHER",
            "任务「" + task.getName() + "」已由 " + who(assignee) + " 认领，只能由其本人办理",
            List.of());
        return;
      }
      if (!username.equals(assignee) && refusedOutsideGroups(response, task, username, true)) {
        return;
      }
      List<String> forged = notInForm(task, body.path("variables"));
      if (!forged.isEmpty()) {
        refuseForged(response, task, username, forged);
        return;
      }
      Optional<String> tooLong = tooLong(body.path("variables"));
      if (tooLong.isPresent()) {
        log.warn(
            "completion of task {} by {} refused: field '{}' over {} characters",
            task.getId(),
            username,
            tooLong.get(),
            MAX_TEXT);
        refuse(
            response,
            HttpServletResponse.SC_BAD_REQUEST,
            "FIELD_TOO_LONG",
            "“" + tooLong.get() + "”内容过长（最多 " + MAX_TEXT + " 字），请精简或分次登记。本次提交未生效，任务仍待办理",
            List.of(
                new org.casework.common.web.ApiError.FieldMessage(
                    tooLong.get(), "最多 " + MAX_TEXT + " 字")));
        return;
      }
      Optional<CompletionRefusal> ruled =
          rules.refusal(
              new CompletionAttempt(
                  caseNumber(task),
                  processKey(task),
                  task.getTaskDefinitionKey(),
                  task.getName(),
                  username),
              candidateGroups(task));
      if (ruled.isPresent()) {
        refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            ruled.get().code(),
            ruled.get().reason() + "。本次提交未生效，任务仍待办理；此操作已记录",
            List.of());
        return;
      }
      toEngine(cached, response, chain, task, false);
    }

    /** The process definition key from its id ({@code key:version:id}). */
    private static String processKey(Task task) {
      String id = task.getProcessDefinitionId();
      if (id == null) {
        return null;
      }
      int colon = id.indexOf(':');
      return colon < 0 ? id : id.substring(0, colon);
    }

    /**
     * Passes a claim or completion to the engine. Two that race past the checks above (two officers
     * claiming at the same moment, a completion sent twice) are decided by the engine: the loser's
     * transaction is rolled back (optimistic locking, or a deadlock on the history line) and the
     * engine answers 500 in English. That answer becomes the same Chinese 409 as when they come one
     * after the other, once the winner is visible.
     */
    private void toEngine(
        BufferedBodyRequest request,
        HttpServletResponse response,
        FilterChain chain,
        Task task,
        boolean claim)
        throws ServletException, IOException {
      ContentCachingResponseWrapper engine = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, engine);
      if (engine.getStatus() < 500) {
        engine.copyBodyToResponse();
        return;
      }
      Optional<BusinessRuleException> refused = EngineRefusal.of(request);
      if (refused.isPresent()) {
        BusinessRuleException r = refused.get();
        log.info("task {}: refused inside the engine: {}", task.getId(), r.getMessage());
        engine.resetBuffer();
        refuse(engine, status(r), r.code(), r.userMessage() + "。本次提交未生效，任务仍待办理", List.of());
        engine.copyBodyToResponse();
        return;
      }
      String failure = new String(engine.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (databaseUnreachable(failure)) {
        databaseDown(engine, task, failure);
        return;
      }
      String username = request.getRemoteUser();
      for (int attempt = 0; attempt < 10; attempt++) {
        Task now;
        try {
          now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        } catch (RuntimeException unreachable) {
          databaseDown(engine, task, failure + " / then " + unreachable);
          return;
        }
        String assignee = now == null ? null : now.getAssignee();
        String message = null;
        String code = null;
        if (now == null) {
          code = "TASK_ALREADY_COMPLETED";
          message = "任务「" + task.getName() + "」已办理完毕（可能已重复提交），本次操作未生效";
        } else if (claim && assignee != null && !assignee.equals(username)) {
          code = "TASK_ALREADY_CLAIMED";
          message = "任务「" + task.getName() + "」已由 " + who(assignee) + " 认领，不能重复认领；如需接办，请联系认领人退回任务";
        } else if (!claim && assignee != null && !assignee.equals(username)) {
          code = "TASK_CLAIMED_BY_OTHER";
          message = "任务「" + task.getName() + "」已由 " + who(assignee) + " 认领，只能由其本人办理";
        }
        if (code != null) {
          log.info("task {}: {} lost a race ({}), answered 409", task.getId(), username, code);
          engine.resetBuffer();
          refuse(engine, HttpServletResponse.SC_CONFLICT, code, message, List.of());
          engine.copyBodyToResponse();
          return;
        }
        try {
          // the winner's transaction may not have committed yet
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      // anything else the engine did not expect: logged as it said it, answered in Chinese
      log.warn("task {}: the engine answered {}: {}", task.getId(), engine.getStatus(), failure);
      engine.resetBuffer();
      refuse(
          engine,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          "ENGINE_ERROR",
          "系统处理任务「" + task.getName() + "」时出错，本次操作未生效，任务仍待办理；请稍后重试，如仍不成功请联系系统管理员",
          List.of());
      engine.copyBodyToResponse();
    }

    /**
     * The database could not be reached (a restart, a network cut): the engine rolled everything
     * back; the officer may simply try again in a moment.
     */
    private void databaseDown(ContentCachingResponseWrapper engine, Task task, String failure)
        throws IOException {
      log.warn("task {}: database unreachable, answered 503: {}", task.getId(), failure);
      engine.resetBuffer();
      engine.setHeader("Retry-After", "10");
      refuse(
          engine,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "DATABASE_UNAVAILABLE",
          "数据库暂时无法连接，任务「" + task.getName() + "」本次未办理成功（未保存任何内容），请稍后重新提交",
          List.of());
      engine.copyBodyToResponse();
    }

    private static final Pattern CONNECTION_FAILURE =
        Pattern.compile(
            "CannotCreateTransactionException|Could not open JDBC Connection|Could not open JPA"
                + " EntityManager|CannotGetJdbcConnection|SQLTransientConnectionException"
                + "|SQLNonTransientConnectionException|Communications link failure"
                + "|Connection is not available|Connection refused|Socket fail to connect"
                + "|Could not connect to|Connection reset");

    /** The exception and its causes, as one line for the log and the classification. */
    static String causes(Throwable failed) {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = failed; t != null && chain.length() < 4000; t = t.getCause()) {
        chain.append(t).append(" / ");
      }
      return chain.toString();
    }

    static boolean databaseUnreachable(String engineAnswer) {
      return CONNECTION_FAILURE.matcher(engineAnswer).find();
    }

    private static int status(BusinessRuleException r) {
      return switch (r.kind()) {
        case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
        case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
        case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
        case CONFLICT -> HttpServletResponse.SC_CONFLICT;
      };
    }

    /**
     * The engine refuses a task to someone outside its candidate groups too, in English; this says
     * it in Chinese first. Tasks without candidate groups (assigned by the process) and the
     * engine's administrators are left to the engine.
     */
    private boolean refusedOutsideGroups(
        HttpServletResponse response, Task task, String username, boolean completion)
        throws IOException {
      List<String> candidates = candidateGroups(task);
      List<String> mine = jurisdiction.staff(username).map(StaffMember::groups).orElse(List.of());
      if (candidates.isEmpty()
          || mine.contains(CandidateGroups.ENGINE_ADMINS)
          || mine.stream().anyMatch(candidates::contains)) {
        return false;
      }
      String message =
          "任务「" + task.getName() + "」只能由 " + String.join("、", candidates) + " 的工作人员办理，您的岗位不在其中";
      if (completion) {
        publishRefusal(task, username, candidates, "候选组以外的工作人员试图办理");
      }
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "TASK_NOT_YOUR_GROUP", message, List.of());
      return true;
    }

    private List<String> candidateGroups(Task task) {
      return tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> l.getGroupId() != null)
          .map(IdentityLink::getGroupId)
          .sorted()
          .toList();
    }

    /**
     * The first text field longer than the engine keeps: a string variable is a 4,000-character
     * column, a longer one would fail inside the engine's transaction.
     */
    static Optional<String> tooLong(JsonNode variables) {
      if (!variables.isObject()) {
        return Optional.empty();
      }
      Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue().path("value");
        if (value.isTextual()) {
          String text = value.asText();
          if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            return Optional.of(field.getKey());
          }
        }
      }
      return Optional.empty();
    }

    private List<String> notInForm(Task task, JsonNode variables) {
      if (!variables.isObject() || variables.isEmpty()) {
        return List.of();
      }
      Set<String> allowed = formKeys(task);
      List<String> forged = new ArrayList<>();
      Iterator<String> names = variables.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          forged.add(name);
        }
      }
      return forged;
    }

    /**
     * The keys of the task's deployed form; none when it has no form one can read. Read once per
     * process definition and task (the app deploys its forms at start-up).
     */
    private Set<String> formKeys(Task task) {
      if (task.getOperatonFormRef() == null && task.getFormKey() == null) {
        return Set.of();
      }
      // a form that could not be read is not remembered (null): the next submission reads again
      Set<String> keys =
          formKeysByTask.computeIfAbsent(
              task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
              k -> readFormKeys(task));
      return keys == null ? Set.of() : keys;
    }

    private Set<String> readFormKeys(Task task) {
      Set<String> keys = new LinkedHashSet<>();
      try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
        collectKeys(json.readTree(form), keys);
        return keys;
      } catch (IOException | RuntimeException e) {
        log.warn(
            "form of task {} ({}) not readable: {}",
            task.getId(),
            task.getTaskDefinitionKey(),
            e.getMessage());
        return null;
      }
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
      if (node.isObject()) {
        JsonNode key = node.get("key");
        if (key != null && key.isTextual() && node.has("type")) {
          keys.add(key.asText());
        }
        node.elements().forEachRemaining(child -> collectKeys(child, keys));
      } else if (node.isArray()) {
        node.forEach(child -> collectKeys(child, keys));
      }
    }

    private void refuseForged(
        HttpServletResponse response, Task task, String username, List<String> forged)
        throws IOException {
      List<String> named =
          forged.stream()
              .limit(MAX_NAMED)
              .map(n -> n.length() > 40 ? n.substring(0, 40) : n)
              .toList();
      String list = String.join("、", named) + (forged.size() > MAX_NAMED ? " 等" : "");
      String message =
          "只能提交本任务表单中的内容：" + list + " 不是表单「" + task.getName() + "」中的字段，本次提交已拒绝，任务仍待办理。此操作已记录";
      log.warn(
          "task {} ({}): {} submitted fields outside its form: {}",
          task.getId(),
          task.getTaskDefinitionKey(),
          username,
          named);
      publishRefusal(task, username, candidateGroups(task), "提交了表单以外的字段：" + list);
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "FORM_FIELDS_ONLY",
          message,
          named.stream().map(n -> new ApiError.FieldMessage(n, "不是本任务表单中的字段")).toList());
    }

    /** Recorded at once (its own transaction): the refused request changes nothing else. */
    private void publishRefusal(
        Task task, String username, List<String> candidateGroups, String reason) {
      String caseNumber = caseNumber(task);
      events.publishEvent(
          new TaskCompletionRefused(
              caseNumber,
              caseNumber == null
                  ? null
                  : caseFiles.find(caseNumber).map(CaseView::regionCode).orElse(null),
              clock.instant(),
              username,
              jurisdiction.staff(username).map(StaffMember::candidateGroup).orElse(null),
              task.getTaskDefinitionKey(),
              candidateGroups,
              reason));
    }

    private String caseNumber(Task task) {
      if (task.getProcessInstanceId() == null) {
        return null;
      }
      Object value = tasks.getVariable(task.getId(), "caseNumber");
      return value instanceof String s ? s : null;
    }

    private String who(String username) {
      return jurisdiction
          .staff(username)
          .map(s -> s.displayName() + "（" + s.username() + "）")
          .orElse(username);
    }

    private JsonNode parse(byte[] body) {
      if (body.length == 0) {
        return json.createObjectNode();
      }
      try {
        return Objects.requireNonNullElse(json.readTree(body), json.createObjectNode());
      } catch (IOException unreadable) {
        // the engine answers a malformed body itself
        return json.createObjectNode();
      }
    }

    private void refuse(
        HttpServletResponse response,
        int status,
        String code,
        String message,
        List<ApiError.FieldMessage> fields)
        throws IOException {
      response.setStatus(status);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), new ApiError(code, message, fields));
    }
  }
}
