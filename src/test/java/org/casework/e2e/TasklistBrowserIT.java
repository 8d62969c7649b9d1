package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist in a real browser (Debian's headless Chromium), as a township caseworker works: one
 * login on the app's page, Tasklist opens logged in and in Chinese (even for an English browser),
 * the group's filter lists the case's 乡镇受理审核, the officer claims it, fills its Camunda form and
 * completes it; the engine and the case file then show that officer's completion. A caseworker of
 * another township, logged in while the task is open, sees no task of the case. Screenshots (and
 * the page's HTML) of every step: target/screenshots/.
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver;
 * fonts-noto-cjk for readable screenshots), installed by {@code ./casework test}. Selenium Manager
 * is never asked for anything: the driver's path is given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class TasklistBrowserIT {

  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(120);

  private static final String REVIEW = "Task_TownshipReview";
  private static final String REVIEW_NAME = "乡镇受理审核";
  private static final String TOWNSHIP_CASEWORKERS =
      "township-" + DemoRegion.TOWNSHIP + "-caseworker";
  private static final String GROUP_FILTER = "本组待办";
  private static final String MINE = "我的待办";

  @LocalServerPort int port;

  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired DemoRegion region;

  private ChromeDriverService service;
  private WebDriver browser;
  private Path profile;

  @Autowired org.operaton.bpm.engine.RuntimeService runtime;

  @BeforeEach
  void setUp() throws IOException {
    region.ensure();
    Files.createDirectories(SCREENSHOTS);
    // the suite's process tests leave tasks open in this township's group (some dated in the
    // future by their moved engine clock): dozens of them fill Tasklist's first page above the task
    // under test. This browser test starts from the group's empty list, as a new case would.
    taskService
        .createTaskQuery()
        .taskCandidateGroup("township-350502001-caseworker")
        .list()
        .stream()
        .map(org.operaton.bpm.engine.task.Task::getProcessInstanceId)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .forEach(pid -> runtime.deleteProcessInstance(pid, "test debris of earlier tests"));
  }

  @AfterEach
  void closeBrowser() {
    quit();
  }

  @Test
  void shouldLetTheTownshipCaseworkerClaimFillAndCompleteTheReviewInChineseTasklist() {
    // a case whose next task is the township's review (the village verification done first)
    String caseNumber = fileCase();
    String pid = caseFiles.get(caseNumber).processInstanceId();
    tasks.idle();
    if (tasks.find(pid, "Task_VillageVerification") != null) {
      tasks.completeAs(
          "lixiaohong",
          pid,
          "Task_VillageVerification",
          Map.of("verificationConfirmed", true, "verificationFindings", "入户核实，情况属实"));
    }
    Task review = tasks.await(pid, REVIEW);
    assertThat(review.getName()).isEqualTo(REVIEW_NAME);
    assertThat(review.getAssignee()).isNull();
    assertThat(tasks.candidateGroups(review)).containsExactly(TOWNSHIP_CASEWORKERS);
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(CaseStatus.UNDER_REVIEW);

    // a caseworker of the other township, while the task is open: none of it in her filters
    openBrowser();
    logIn("chenjing", "01");
    openTasklist("chenjing", "02");
    for (String filter : List.of(GROUP_FILTER, MINE)) {
      selectFilter(filter);
      assertThat(taskItem(review.getId()))
          .as("task of case %s in %s for chenjing", caseNumber, filter)
          .isNull();
      screenshot("03-chenjing-" + (filter.equals(MINE) ? "mine" : "group") + "-no-task");
    }
    assertThat(bodyText()).doesNotContain(caseNumber);
    quit();

    // zhangwei: one login, on the app's page
    openBrowser();
    logIn("zhangwei", "04");

    // Tasklist trusts the app's session and speaks Chinese to an English browser
    openTasklistFromTheApp("zhangwei", "05");
    assertThat(bodyText())
        .contains(MINE, GROUP_FILTER, "创建任务", "启动流程", "键盘快捷键", "技术支持")
        .doesNotContain("Start process", "Create task", "Keyboard", "Select a task", "Powered by");

    // the group's filter lists the case's review task
    selectFilter(GROUP_FILTER);
    // (its list item names the task and process only: the filter's 案件编号 column stays empty,
    // see taskItem; the case number is checked on the opened form)
    WebElement item = waitForTaskItem(review.getId());
    assertThat(item.getText()).contains(REVIEW_NAME, "困难帮扶", "到期");
    screenshot("06-zhangwei-group-filter");

    // opened: the form's Chinese labels, read-only until claimed
    click(item.findElement(By.cssSelector("h4.task a")));
    WebElement claim =
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    assertThat(claim.getText().trim()).isEqualTo("认领");
    waitForText("审核结论");
    screenshot("07-zhangwei-task-opened");
    assertThat(bodyText())
        .contains(
            REVIEW_NAME,
            "审核结论",
            "受理，报审批",
            "一次性告知补正材料",
            "不予帮扶",
            "审核意见 / 不予帮扶理由",
            "完成",
            "案件 " + caseNumber);

    click(claim);
    waitFor(
        "task claimed in the engine",
        d ->
            "zhangwei"
                .equals(
                    taskService
                        .createTaskQuery()
                        .taskId(review.getId())
                        .singleResult()
                        .getAssignee()));
    waitFor()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    waitFor(
        "assignee 张伟 shown",
        d -> d.findElement(By.cssSelector("li.assignee")).getText().contains("张伟"));
    screenshot("08-zhangwei-claimed");

    // the form: accept, the amount, the opinion (the required fields)
    formField("审核结论").findElement(option("受理，报审批")).click();
    WebElement amount =
        waitFor()
            .until(
                d -> {
                  List<WebElement> inputs = formFieldControls("拟帮扶金额（元）", "input");
                  return inputs.isEmpty() || !inputs.get(0).isDisplayed() ? null : inputs.get(0);
                });
    amount.sendKeys("800");
    WebElement reason = formFieldControls("审核意见 / 不予帮扶理由", "textarea").get(0);
    reason.sendKeys("入户核实属实，符合帮扶条件");
    // leaving the field validates it (form-js checks required fields on blur)
    ((JavascriptExecutor) browser).executeScript("arguments[0].blur();", reason);
    screenshot("09-zhangwei-form-filled");

    WebElement complete =
        browser.findElement(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    assertThat(complete.getText().trim()).isEqualTo("完成");
    click(waitFor().until(ExpectedConditions.elementToBeClickable(complete)));

    // the engine: completed by zhangwei with the form's values; the case moved on
    waitFor(
        "review task completed in the engine",
        d -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
    screenshot("10-zhangwei-completed");
    HistoricTaskInstance done =
        history.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("zhangwei");
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    Map<String, Object> submitted = historicVariables(pid);
    assertThat(submitted).containsEntry("reviewDecision", "ACCEPT");
    assertThat(submitted).containsEntry("reviewReason", "入户核实属实，符合帮扶条件");
    assertThat(new BigDecimal(submitted.get("recommendedAmount").toString()))
        .isEqualByComparingTo("800");
    tasks.idle();
    assertThat(caseFiles.lastCompletedBy(caseNumber, REVIEW)).contains("zhangwei");
    assertThat(caseFiles.history(caseNumber))
        .extracting(HistoryView::actor)
        .contains("lixiaohong", "zhangwei");
    Task approval = tasks.await(pid, "Task_TownshipHeadApproval");
    assertThat(tasks.candidateGroups(approval))
        .containsExactly("township-" + DemoRegion.TOWNSHIP + "-head");
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);

    // and in Tasklist: gone from the group's list
    browser.navigate().refresh();
    waitForTasklist("zhangwei", "11");
    selectFilter(GROUP_FILTER);
    assertThat(taskItem(review.getId())).as("completed task still listed").isNull();
    screenshot("11-zhangwei-task-gone");
  }

  // --- the case --------------------------------------------------------------------------------

  private String fileCase() {
    String caseNumber =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("林建国", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "患病住院，家庭收入骤减（浏览器端到端测试）",
                    new BigDecimal("800.00"),
                    new BigDecimal("1200.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    tasks.idle();
    return caseNumber;
  }

  // --- the browser -----------------------------------------------------------------------------

  private void openBrowser() {
    try {
      profile = Files.createTempDirectory("casework-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=1440,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  private void quit() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (service != null) {
      service.stop();
      service = null;
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind
      }
      profile = null;
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The app's login page (Chinese), then the app's start page. */
  private void logIn(String username, String step) {
    browser.get(url("/login"));
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(bodyText()).contains("登录", "用户名", "密码");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys("demo123");
    screenshot(step + "-" + username + "-login");
    browser.findElement(By.id("login")).click();
    waitFor("logged in to the app", d -> !d.getCurrentUrl().contains("/login"));
    screenshot(step + "b-" + username + "-app");
  }

  /**
   * Tasklist, logged in by the app's session: its filter column, never its own login form (that
   * would mean the web apps do not trust the session: the container-based SSO filter failed).
   */
  private void openTasklist(String username, String step) {
    browser.get(url("/operaton/app/tasklist/"));
    waitForTasklist(username, step);
  }

  /** As a user does: the app's navigation link 待办任务（Tasklist）. */
  private void openTasklistFromTheApp(String username, String step) {
    WebElement link = browser.findElement(By.partialLinkText("待办任务"));
    assertThat(link.getDomAttribute("href")).isEqualTo("/operaton/app/tasklist/");
    click(link);
    waitForTasklist(username, step);
  }

  private void waitForTasklist(String username, String step) {
    By filters = By.cssSelector(".task-filters .item.task-filter h4 a");
    By signIn = By.cssSelector("form[name='signinForm'], .form-signin, input#inputUsername");
    waitFor(
        "Tasklist for " + username,
        d -> !d.findElements(filters).isEmpty() || !d.findElements(signIn).isEmpty());
    screenshot(step + "-" + username + "-tasklist");
    assertThat(browser.findElements(signIn))
        .as("Tasklist shows its own login form: the app's session was not taken over (SSO)")
        .isEmpty();
    assertThat(browser.getCurrentUrl()).contains("/operaton/app/tasklist/default/");
    // the logged-in member of staff's name in Tasklist's header
    assertThat(bodyText()).contains(username.equals("zhangwei") ? "张伟" : "陈静");
  }

  /**
   * Selects the filter and waits until its list is loaded: the filter active with its count shown,
   * and as many items as the count says (up to a page), or the empty notice for none. Fails on
   * Tasklist's error notice (a refused request would otherwise look like an empty list).
   */
  private void selectFilter(String filterName) {
    By link =
        By.xpath(
            "//*[contains(@class,'task-filters')]//div[contains(@class,'task-filter')]/h4/a"
                + "[starts-with(normalize-space(),'"
                + filterName
                + "')]");
    WebElement filter = waitFor().until(ExpectedConditions.elementToBeClickable(link));
    try {
      click(filter);
    } catch (ElementClickInterceptedException tooltip) {
      // the previous filter's tooltip lies over this one: move the pointer away, click again
      new Actions(browser).moveToElement(browser.findElement(By.tagName("footer"))).perform();
      waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tooltip")));
      click(filter);
    }
    waitFor(
        "task list of filter " + filterName,
        d -> {
          List<WebElement> active =
              d.findElements(By.cssSelector(".task-filters .task-filter.active h4 a"));
          if (active.isEmpty() || !active.get(0).getText().trim().startsWith(filterName)) {
            return false;
          }
          if (!d
              .findElements(By.cssSelector(".tasks-list-wrapper .alert-danger, .alert-danger"))
              .stream()
              .filter(WebElement::isDisplayed)
              .toList()
              .isEmpty()) {
            throw new AssertionError("Tasklist shows an error: " + bodyText());
          }
          List<WebElement> counter =
              d.findElements(By.cssSelector(".task-filters .task-filter.active .counter"));
          if (counter.isEmpty() || !counter.get(0).isDisplayed()) {
            return false;
          }
          String count = counter.get(0).getText().trim();
          if (!count.matches("\\d+")) {
            return false;
          }
          int items = d.findElements(By.cssSelector("ol.tasks-list li.task")).size();
          boolean loading =
              d.findElements(By.cssSelector(".loader")).stream().anyMatch(WebElement::isDisplayed);
          return !loading && (count.equals("0") ? bodyText().contains("没有符合过滤条件的任务") : items > 0);
        });
  }

  /**
   * The list item of the task in the selected filter, or null when none: found by its link (the
   * item shows the task's and process's names and dates; the filter's 案件编号 column stays empty
   * because caseNumber is a process-instance variable, which the engine's authorization hides from
   * staff who may only work on the task).
   */
  private WebElement taskItem(String taskId) {
    return browser.findElements(By.cssSelector("ol.tasks-list li.task")).stream()
        .filter(
            li ->
                !li.findElements(By.cssSelector("h4.task a[href$='task=" + taskId + "']"))
                    .isEmpty())
        .findFirst()
        .orElse(null);
  }

  private WebElement waitForTaskItem(String taskId) {
    try {
      // Tasklist re-renders its list while it loads: an item found a moment ago may be stale
      return waitFor()
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .withMessage("task " + taskId + " listed")
          .until(d -> taskItem(taskId));
    } catch (TimeoutException e) {
      screenshot("timeout-task-item");
      throw e;
    }
  }

  /** The form-js field whose label starts with {@code label} (a required one ends with *). */
  private WebElement formField(String label) {
    return waitFor().until(ExpectedConditions.visibilityOfElementLocated(formFieldXpath(label)));
  }

  private List<WebElement> formFieldControls(String label, String tag) {
    return browser.findElements(By.xpath(formFieldPath(label) + "//" + tag));
  }

  private static By formFieldXpath(String label) {
    return By.xpath(formFieldPath(label));
  }

  private static String formFieldPath(String label) {
    return "//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
        + "[./label[starts-with(normalize-space(), '"
        + label
        + "')]]";
  }

  private static By option(String optionLabel) {
    return By.xpath(".//label[normalize-space()='" + optionLabel + "']");
  }

  private Map<String, Object> historicVariables(String pid) {
    Map<String, Object> values = new java.util.HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pid)
        .list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  private void waitForText(String text) {
    waitFor("text " + text, d -> bodyText().contains(text));
  }

  private String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /**
   * Clicks as a user would after scrolling the element into the middle of the window (a long task
   * list puts an item under Tasklist's fixed footer).
   */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(browser, WAIT);
  }

  private void waitFor(String what, java.util.function.Function<WebDriver, Boolean> condition) {
    try {
      waitFor().withMessage(what).until(condition);
    } catch (TimeoutException e) {
      screenshot("timeout-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
      throw e;
    }
  }

  /** A PNG of the page and its HTML next to it (for reading a failure). */
  private void screenshot(String name) {
    File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Object html =
          ((JavascriptExecutor) browser).executeScript("return document.documentElement.outerHTML");
      Files.writeString(
          SCREENSHOTS.resolve(name + ".html"), String.valueOf(html), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
