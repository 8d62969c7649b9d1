package org.casework.services.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.OpenCase;
import org.casework.clocks.Clocks;
import org.casework.clocks.DeadlinePolicy;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.StartClock;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.IdNumber;
import org.casework.registry.Need;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonView;
import org.casework.registry.RecordNeed;
import org.casework.registry.Registry;
import org.casework.services.AnswerReferral;
import org.casework.services.FileServiceRequest;
import org.casework.services.MenuItem;
import org.casework.services.OnlineRequest;
import org.casework.services.ServiceErrors;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceMode;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.casework.services.UnmatchedOnlineRequest;
import org.casework.services.internal.RequestStore.Row;
import org.casework.services.internal.RequestStore.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Filing (station and online) and the station's lists of service requests. */
@Service
class ServiceRequestService implements ServiceRequests {

  private static final Logger log = LoggerFactory.getLogger(ServiceRequestService.class);

  /** The one answer of the public page, whether or not the registry knows the person. */
  static final String ONLINE_ANSWER =
      "您的服务申请已提交。服务站将在 2 个工作日内通过您留下的电话与您联系、核实身份后办理；" + "如未接到电话，请携带身份证到户籍所在地退役军人服务站咨询。";

  static final String ONLINE_USER = "online";

  private final CaseFiles caseFiles;
  private final RequestStore requests;
  private final ServiceMenu menu;
  private final Registry registry;
  private final PersonRecords records;
  private final Clocks clocks;
  private final ScopeGuard scopeGuard;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final OnlineThrottle throttle;
  private final ServiceTasks tasks;
  private final DemoReferralBackdating demoBackdating;
  private final Clock clock;

  ServiceRequestService(
      CaseFiles caseFiles,
      RequestStore requests,
      ServiceMenu menu,
      Registry registry,
      PersonRecords records,
      Clocks clocks,
      ScopeGuard scopeGuard,
      AuditLog audit,
      JdbcTemplate jdbc,
      OnlineThrottle throttle,
      ServiceTasks tasks,
      DemoReferralBackdating demoBackdating,
      Clock clock) {
    this.caseFiles = caseFiles;
    this.requests = requests;
    this.menu = menu;
    this.registry = registry;
    this.records = records;
    this.clocks = clocks;
    this.scopeGuard = scopeGuard;
    this.audit = audit;
    this.jdbc = jdbc;
    this.throttle = throttle;
    this.tasks = tasks;
    this.demoBackdating = demoBackdating;
    this.clock = clock;
  }

  @Override
  @Transactional
  public ServiceRequestView file(FileServiceRequest r, RegionScope scope) {
    PersonView person;
    if (r.personId() != null) {
      person = registry.person(r.personId(), scope, "登记菜单式服务申请");
    } else if (r.idNumber() != null && !r.idNumber().isBlank()) {
      person =
          registry
              .findByIdNumber(IdNumber.parse(r.idNumber()), scope)
              .orElseThrow(
                  () ->
                      BusinessRuleException.notFound(
                          "SERVICE_PERSON_NOT_FOUND",
                          "您的辖区内没有登记这个身份证号的服务对象，请先在服务对象档案中登记",
                          "no person with that ID number in " + scope.prefix()));
    } else {
      throw BusinessRuleException.invalid(
          "SERVICE_PERSON_REQUIRED", "请选择服务对象或填写身份证号", "no person given");
    }
    // the person's village when known (a village liaison's scope is the village, not the township)
    scopeGuard.require(
        scope,
        new RegionCode(person.villageCode() != null ? person.villageCode() : person.townshipCode()),
        null,
        "登记菜单式服务申请（服务对象 " + person.id() + "）");
    MenuItem item = menu.current(person.townshipCode(), r.itemCode());
    Long needId = r.needId();
    if (needId != null) {
      long id = needId;
      boolean own = records.needs(person.id(), scope).stream().anyMatch(n -> n.id() == id);
      if (!own) {
        throw BusinessRuleException.invalid(
            "SERVICE_NEED_NOT_FOUND", "所选需求不属于该服务对象", "need " + needId + " not of " + person.id());
      }
    } else {
      Need need =
          records.recordNeed(
              person.id(), new RecordNeed(item.needType(), "申请服务：" + item.name()), scope);
      needId = need.id();
    }
    String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
    return open(
        person,
        item,
        scope.username(),
        scope.role().name(),
        "STATION",
        true,
        null,
        null,
        note,
        needId);
  }

  private ServiceRequestView open(
      PersonView person,
      MenuItem item,
      String filedBy,
      String role,
      String channel,
      boolean verified,
      String claimedName,
      String claimedPhone,
      String note,
      Long needId) {
    CaseView c =
        caseFiles.open(
            new OpenCase(
                CaseType.SERVICE,
                person.townshipCode(),
                person.villageCode(),
                person.id(),
                "菜单式服务：" + item.name() + ("ONLINE".equals(channel) ? "（网上申请）" : ""),
                filedBy,
                role));
    Instant now = clock.instant();
    requests.insert(
        c.caseNumber(),
        person.townshipCode(),
        person.id(),
        item.id(),
        item.code(),
        item.mode().name(),
        channel,
        verified,
        claimedName,
        claimedPhone,
        note,
        needId,
        now);
    // the item's deadline (working days on the county's calendar) is the whole request's clock
    clocks.start(
        new StartClock(
            c.caseNumber(),
            Clocks.CASE_CLOCK,
            CaseType.SERVICE.name(),
            person.townshipCode(),
            DeadlinePolicy.CASE,
            "全程办理（" + item.name() + "）",
            now,
            filedBy,
            filedBy,
            item.deadlineDays(),
            PeriodUnit.WORKING_DAYS));
    log.info(
        "service request {} ({} v{}) filed by {}",
        c.caseNumber(),
        item.code(),
        item.version(),
        filedBy);
    return view(requests.find(c.caseNumber()).orElseThrow());
  }

  @Override
  @Transactional
  public String requestOnline(OnlineRequest r, String address) {
    Instant now = clock.instant();
    throttle.check(address);
    String name = r.name() == null ? "" : r.name().strip();
    String phone = r.phone() == null ? "" : r.phone().strip();
    if (name.isEmpty() || name.length() > 32) {
      throw BusinessRuleException.invalid("SERVICE_ONLINE_NAME", "请填写姓名", "bad name");
    }
    if (!phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
      throw BusinessRuleException.invalid(
          "SERVICE_ONLINE_PHONE", "请填写正确的手机号或固定电话，便于服务站与您联系", "bad phone");
    }
    IdNumber id;
    try {
      id = IdNumber.parse(r.idNumber());
    } catch (RuntimeException e) {
      audit(now, address, r.countyCode(), "网上服务申请：身份证号有误", "拒绝", r.itemCode());
      throw BusinessRuleException.invalid(
          "SERVICE_ONLINE_ID", "身份证号码有误，请核对后重新填写（18 位，最后一位可能是 X）", "bad id number");
    }
    String county = r.countyCode() == null ? "" : r.countyCode().strip();
    if (!menu.counties().contains(county)) {
      throw BusinessRuleException.invalid(
          "SERVICE_ONLINE_COUNTY", "请选择所在县（区）", "bad county " + county);
    }
    MenuItem item = menu.current(county, r.itemCode() == null ? "" : r.itemCode().strip());
    var person =
        registry
            .findByIdNumber(id)
            .filter(p -> p.townshipCode().startsWith(county))
            .filter(p -> !p.isDeceased());
    if (person.isPresent()) {
      ServiceRequestView v =
          open(person.get(), item, ONLINE_USER, "PUBLIC", "ONLINE", false, name, phone, null, null);
      audit(now, address, county, "网上服务申请", "已登记，待核实身份", item.code() + " " + v.caseNumber());
    } else {
      jdbc.update(
          "insert into services_online_unmatched (county_code, item_code, claimed_name, masked_id,"
              + " claimed_phone, received_at) values (?,?,?,?,?,?)",
          county,
          item.code(),
          name,
          id.masked(),
          phone,
          java.sql.Timestamp.from(now));
      audit(now, address, county, "网上服务申请", "档案未匹配，待服务站回电", item.code());
    }
    return ONLINE_ANSWER;
  }

  private void audit(
      Instant now, String address, String county, String action, String outcome, String subject) {
    audit.record(
        new PersonRecordAccessed(
            AuditKind.CASE_HISTORY,
            now,
            ONLINE_USER,
            "PUBLIC",
            county == null || county.isBlank() ? null : county,
            action,
            outcome,
            subject + "；地址 " + address));
  }

  @Override
  @Transactional(readOnly = true)
  public ServiceRequestView get(String caseNumber, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    return view(
        requests
            .find(caseNumber)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "SERVICE_NOT_FOUND", "没有这个服务申请", "no request " + caseNumber)));
  }

  @Override
  @Transactional(readOnly = true)
  public List<ServiceRequestView> open(RegionScope scope, int limit) {
    return requests.open(scope.prefix(), Math.min(limit, 500)).stream().map(this::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public org.casework.common.web.Paged<ServiceRequestView> openPage(
      RegionScope scope, org.casework.common.web.PageParams page) {
    return new org.casework.common.web.Paged<>(
        requests
            .openPage(scope.prefix(), page.sort(), page.descending(), page.offset(), page.size())
            .stream()
            .map(this::view)
            .toList(),
        requests.countOpen(scope.prefix()),
        page);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ServiceRequestView> overdueReferrals(RegionScope scope, int limit) {
    return requests.overdueReferrals(scope.prefix(), clock.instant(), Math.min(limit, 500)).stream()
        .map(this::view)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ServiceRequestView> open(RegionScope scope, int page, int size) {
    int n = pageSize(size);
    return requests.open(scope.prefix(), offset(page, n), n).stream().map(this::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ServiceRequestView> overdueReferrals(RegionScope scope, int page, int size) {
    int n = pageSize(size);
    return requests.overdueReferrals(scope.prefix(), clock.instant(), offset(page, n), n).stream()
        .map(this::view)
        .toList();
  }

  private static int pageSize(int size) {
    if (size < 1 || size > 100) {
      throw BusinessRuleException.invalid(
          "SERVICE_PAGE_SIZE", "每页条数须在 1 至 100 之间", "page size " + size);
    }
    return size;
  }

  private static int offset(int page, int size) {
    if (page < 0 || page > 10_000) {
      throw BusinessRuleException.invalid("SERVICE_PAGE", "页码须在 0 至 10000 之间", "page " + page);
    }
    return page * size;
  }

  @Override
  @Transactional
  public ServiceRequestView answerReferral(
      String caseNumber, AnswerReferral answer, RegionScope scope) {
    // the scope first: outside it nothing is said about the request's state
    CaseView c = caseFiles.get(caseNumber, scope);
    Row r =
        requests
            .find(caseNumber)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "SERVICE_NOT_FOUND", "没有这个服务申请", "no request " + caseNumber));
    String decision = answer == null || answer.decision() == null ? "" : answer.decision().strip();
    if (!decision.equals("APPROVED") && !decision.equals("REJECTED")) {
      throw BusinessRuleException.invalid(
          ServiceErrors.ANSWER_INVALID,
          "请选择部门答复结果：APPROVED（同意）或 REJECTED（不同意）",
          "referral answer decision '" + decision + "' for " + caseNumber);
    }
    String note = answer.note() == null ? "" : answer.note().strip();
    if (note.isEmpty()) {
      throw BusinessRuleException.invalid(
          ServiceErrors.ANSWER_INVALID,
          "请记录部门答复内容（答复单位、日期、文号或经办人）",
          "referral answer without text for " + caseNumber);
    }
    if (note.length() > 500) {
      throw BusinessRuleException.invalid(
          ServiceErrors.ANSWER_INVALID,
          "答复内容不能超过 500 字",
          "referral answer of " + note.length() + " chars for " + caseNumber);
    }
    if (r.state() != State.REFERRED
        || !tasks.waitingAt(c.processInstanceId(), ServiceSteps.ANSWER_TASK)) {
      throw BusinessRuleException.conflict(
          ServiceErrors.NOT_AWAITING_ANSWER,
          "该服务申请当前不在等待转介部门答复（当前：" + r.state().label() + "），不能登记答复",
          "request " + caseNumber + " is " + r.state() + ", not waiting for a referral answer");
    }
    tasks.complete(
        c.processInstanceId(),
        ServiceSteps.ANSWER_TASK,
        Map.of("referralAnswer", decision, "answerNote", note),
        scope);
    log.info("referral answer of {} ({}) entered by {}", caseNumber, decision, scope.username());
    return view(requests.find(caseNumber).orElseThrow());
  }

  /** Not one transaction: the demo's jobs and task completion commit each on their own. */
  @Override
  public ServiceRequestView referAndBackdateForDemo(
      String caseNumber, java.time.LocalDate referredOn, String officer) {
    return demoBackdating.referAndBackdate(caseNumber, referredOn, officer, this::view);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ServiceRequestView> ofPerson(long personId, RegionScope scope) {
    registry.person(personId, scope, "查看服务申请");
    return requests.ofPerson(personId).stream().map(this::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<UnmatchedOnlineRequest> unmatched(RegionScope scope, int limit) {
    String county = scope.prefix().substring(0, 6);
    return jdbc.query(
        "select id, county_code, item_code, claimed_name, masked_id, claimed_phone, received_at"
            + " from services_online_unmatched where county_code = ? and handled_at is null"
            + " order by received_at limit ?",
        (rs, i) ->
            new UnmatchedOnlineRequest(
                rs.getLong("id"),
                rs.getString("county_code"),
                rs.getString("item_code"),
                rs.getString("claimed_name"),
                rs.getString("masked_id"),
                rs.getString("claimed_phone"),
                rs.getTimestamp("received_at").toInstant()),
        county,
        Math.min(limit, 500));
  }

  private ServiceRequestView view(Row r) {
    return new ServiceRequestView(
        r.caseNumber(),
        r.townshipCode(),
        r.personId(),
        r.personName(),
        r.itemCode(),
        r.itemName(),
        r.itemVersion(),
        ServiceMode.valueOf(r.mode()),
        r.channel(),
        r.verified(),
        r.state().name(),
        r.state().label(),
        r.filedAt(),
        r.referralDueAt(),
        r.answer(),
        r.resultOutcome(),
        r.amount(),
        r.place());
  }
}
