package org.casework.petition.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseLinks;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.casefile.LinkedCaseRequest;
import org.casework.casefile.OpenCase;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.documents.PdfDocuments;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.petition.NewPetitioner;
import org.casework.petition.NoticeKind;
import org.casework.petition.PetitionNotice;
import org.casework.petition.PetitionRegistered;
import org.casework.petition.PetitionView;
import org.casework.petition.Petitioner;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.casework.petition.internal.PetitionEntity.Phase;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PetitionService implements Petitions {

  static final String REVIEW_REQUESTED = "petition.review-requested";
  static final String REREVIEW_REQUESTED = "petition.rereview-requested";

  private static final Logger log = LoggerFactory.getLogger(PetitionService.class);
  private static final Set<Role> MAY_REGISTER =
      EnumSet.of(Role.TOWNSHIP_CASEWORKER, Role.PETITION_OFFICER);

  private final Jurisdiction jurisdiction;
  private final Registry registry;
  private final CaseFiles caseFiles;
  private final CaseLinks caseLinks;
  private final PetitionRepository petitions;
  private final PetitionerRepository petitioners;
  private final RepeatRepository repeats;
  private final ConflictRepository conflicts;
  private final PetitionNoticeRepository notices;
  private final PetitionSteps steps;
  private final PetitionDeadlines deadlines;
  private final ScopeGuard scopeGuard;
  private final PetitionWorkers process;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final PdfDocuments documents;

  PetitionService(
      Jurisdiction jurisdiction,
      Registry registry,
      CaseFiles caseFiles,
      CaseLinks caseLinks,
      PetitionRepository petitions,
      PetitionerRepository petitioners,
      RepeatRepository repeats,
      ConflictRepository conflicts,
      PetitionNoticeRepository notices,
      PetitionSteps steps,
      PetitionDeadlines deadlines,
      ScopeGuard scopeGuard,
      PetitionWorkers process,
      JdbcTemplate jdbc,
      Clock clock,
      PdfDocuments documents) {
    this.jurisdiction = jurisdiction;
    this.registry = registry;
    this.caseFiles = caseFiles;
    this.caseLinks = caseLinks;
    this.petitions = petitions;
    this.petitioners = petitioners;
    this.repeats = repeats;
    this.conflicts = conflicts;
    this.notices = notices;
    this.steps = steps;
    this.deadlines = deadlines;
    this.scopeGuard = scopeGuard;
    this.process = process;
    this.jdbc = jdbc;
    this.clock = clock;
    this.documents = documents;
  }

  @Override
  @Transactional
  public PetitionRegistered register(RegisterPetition r) {
    StaffMember officer = registrar(r.registeredBy());
    Unit unit =
        officer.role() == Role.PETITION_OFFICER
            ? Unit.of(Unit.COUNTY, officer.region().value())
            : Unit.of(Unit.TOWNSHIP, officer.region().value());
    List<Petitioner> listed = r.petitioners();
    if (!listed.getFirst().identified()) {
      throw BusinessRuleException.invalid(
          "PETITION_LEAD_ID_REQUIRED",
          "请填写第一位信访人（主要信访人）的身份证号码，其他信访人可只填姓名",
          "lead petitioner without ID number");
    }
    List<PersonView> people = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      Petitioner p = listed.get(i);
      people.add(
          !p.identified()
              ? null
              : i == 0 && r.hasNewLead()
                  ? leadOrNew(p, r.newLead(), officer)
                  : person(p, RegionScope.of(officer)));
    }
    PersonView lead = people.getFirst();
    int maxRepresentatives = maxRepresentatives(lead.townshipCode());
    if (r.channel() == org.casework.petition.Channel.VISIT && listed.size() > maxRepresentatives) {
      throw BusinessRuleException.invalid(
          "PETITION_TOO_MANY_REPRESENTATIVES",
          "多人走访应推选代表，代表人数不超过" + maxRepresentatives + "人（本次登记了" + listed.size() + "人）",
          "visit with " + listed.size() + " representatives > " + maxRepresentatives);
    }
    if (r.groupSize() < listed.size()) {
      throw BusinessRuleException.invalid(
          "PETITION_GROUP_SIZE",
          "信访人数不能少于登记的信访人（" + listed.size() + "人）",
          "group size " + r.groupSize() + " < " + listed.size());
    }
    RegionCode township = RegionCode.parse(lead.townshipCode());
    RegionCode place = lead.villageCode() != null ? RegionCode.parse(lead.villageCode()) : township;
    jurisdiction.region(place);
    scopeGuard.require(RegionScope.of(officer), place, null, "登记信访事项");
    String matterKey = matterKey(r.matterKey(), r.subject());
    Instant now = clock.instant();

    List<PetitionEntity> same =
        petitions.findByLeadPersonIdAndMatterKeyOrderByIdAsc(lead.id(), matterKey);
    Optional<PetitionEntity> fin = same.stream().filter(p -> p.phase == Phase.FINAL).findFirst();
    if (fin.isPresent()) {
      return notAcceptedAgain(fin.get(), r, lead, officer, now);
    }
    Optional<PetitionEntity> open =
        same.stream()
            .filter(p -> p.phase.open())
            .filter(p -> steps.unit(p).rank() >= unit.rank())
            .findFirst();
    if (open.isPresent()) {
      return linkToOpenCase(open.get(), r, lead, officer, now);
    }

    CaseView opened =
        caseFiles.open(
            new OpenCase(
                CaseType.PETITION,
                township.value(),
                lead.villageCode(),
                lead.id(),
                "信访事项（" + r.channel().label() + "）：" + r.subject().strip(),
                officer.username(),
                officer.role().name()));
    Instant decisionDue = deadlines.due(PetitionDeadlines.DECISION, township.value(), now);
    PetitionEntity saved =
        petitions.save(
            new PetitionEntity(
                opened.id(),
                opened.caseNumber(),
                r.channel(),
                lead.id(),
                matterKey,
                r.subject().strip(),
                r.requests().strip(),
                r.groupSize(),
                unit.level(),
                unit.region(),
                officer.username(),
                now,
                decisionDue));
    for (int i = 0; i < listed.size(); i++) {
      PersonView person = people.get(i);
      petitioners.save(
          new PetitionerEntity(
              saved.id,
              i + 1,
              person == null ? null : person.id(),
              person == null ? listed.get(i).name().strip() : person.name()));
    }
    // a higher unit registers the matter too (every letter is registered) and the cases are linked;
    // it cannot accept while the lower unit is within its deadline (checked at the decision)
    same.stream()
        .filter(p -> p.phase.open())
        .findFirst()
        .ifPresent(
            lower ->
                caseLinks.link(
                    opened.caseNumber(),
                    lower.caseNumber,
                    "SAME_MATTER",
                    "同一信访人同一事项，下级机关正在办理",
                    officer.username()));
    log.info("petition {} registered by {} ({})", opened.caseNumber(), officer.username(), unit);
    return new PetitionRegistered(
        PetitionRegistered.REGISTERED,
        opened.caseNumber(),
        "已登记，案件编号 "
            + opened.caseNumber()
            + "；应在 "
            + PetitionSteps.day(decisionDue)
            + " 前作出受理、转送或不予受理的决定并书面告知信访人",
        decisionDue);
  }

  private PetitionRegistered linkToOpenCase(
      PetitionEntity open, RegisterPetition r, PersonView lead, StaffMember officer, Instant now) {
    String answer =
        "您反映的“"
            + open.subject
            + "”事项已由"
            + jurisdiction.region(new RegionCode(open.unitRegion)).name()
            + "受理办理（案件 "
            + open.caseNumber
            + "，办理期限至 "
            + PetitionSteps.day(open.currentDeadline())
            + "），本次来"
            + r.channel().label().substring(1)
            + "已并入该案，不另行受理";
    RepeatEntity saved =
        repeats.save(
            new RepeatEntity(
                open.caseNumber,
                "REPEAT",
                r.channel(),
                lead.id(),
                r.subject().strip(),
                r.requests().strip(),
                answer,
                officer.username(),
                now));
    caseFiles.record(
        open.caseNumber,
        new HistoryEntry(
            now,
            officer.username(),
            officer.role().name(),
            "重复信访（" + r.channel().label() + "）",
            "已并入本案，不另行受理",
            r.requests().strip(),
            "repeat:" + saved.id));
    return new PetitionRegistered(PetitionRegistered.LINKED, open.caseNumber, answer, null);
  }

  private PetitionRegistered notAcceptedAgain(
      PetitionEntity fin, RegisterPetition r, PersonView lead, StaffMember officer, Instant now) {
    String answer =
        "您反映的“"
            + fin.subject
            + "”事项已于"
            + PetitionSteps.day(fin.finalAt)
            + "办结（案件 "
            + fin.caseNumber
            + "），依照《信访工作条例》，信访人仍以同一事实和理由提出的信访事项，不再受理";
    RepeatEntity saved =
        repeats.save(
            new RepeatEntity(
                fin.caseNumber,
                "FINAL_REPEAT",
                r.channel(),
                lead.id(),
                r.subject().strip(),
                r.requests().strip(),
                answer,
                officer.username(),
                now));
    String stepKey = "final-repeat:" + saved.id;
    notices.save(
        new PetitionNoticeEntity(
            fin.caseNumber, NoticeKind.NOT_ACCEPTED_AGAIN, stepKey, now, null, answer));
    caseFiles.notifyApplicant(
        fin.caseNumber, stepKey, NoticeKind.NOT_ACCEPTED_AGAIN.label() + "：" + answer);
    caseFiles.record(
        fin.caseNumber,
        new HistoryEntry(
            now,
            officer.username(),
            officer.role().name(),
            "重复信访（" + r.channel().label() + "）",
            "不再受理（自动答复）",
            r.requests().strip(),
            stepKey));
    return new PetitionRegistered(
        PetitionRegistered.NOT_ACCEPTED_AGAIN, fin.caseNumber, answer, null);
  }

  @Override
  public List<String> casesOnMatter(long personId, String matter) {
    return petitions
        .findByLeadPersonIdAndMatterKeyOrderByIdAsc(personId, matterKey(null, matter))
        .stream()
        .map(p -> p.caseNumber)
        .toList();
  }

  @Override
  public PetitionView petition(String caseNumber, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    PetitionEntity p = load(caseNumber);
    return new PetitionView(
        p.caseNumber,
        p.channel,
        p.channel.label(),
        petitioners.findByPetitionIdOrderByPositionAsc(p.id).stream().map(x -> x.name).toList(),
        p.groupSize,
        p.subject,
        p.requests,
        p.matterKey,
        p.unitLevel,
        p.unitRegion,
        p.phase.name(),
        p.registeredBy,
        p.registeredAt,
        p.decisionDueAt,
        p.decision,
        p.decisionReason,
        p.transferredTo,
        p.handlingOfficer,
        p.handlingDueAt,
        p.extensionDays,
        p.extensionReason,
        p.opinion,
        p.opinionAt,
        p.reviewOpinion,
        p.rereviewOpinion,
        p.finalAt,
        conflicts.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(c -> c.username).toList(),
        repeats.findByCaseNumberOrderByIdAsc(caseNumber).stream()
            .map(x -> new PetitionView.Repeat(x.kind, x.channel.label(), x.registeredAt, x.answer))
            .toList());
  }

  @Override
  @Transactional
  public void requestReview(String caseNumber, String text, RegionScope scope) {
    request(caseNumber, text, scope, false);
  }

  @Override
  @Transactional
  public void requestReReview(String caseNumber, String text, RegionScope scope) {
    request(caseNumber, text, scope, true);
  }

  private void request(String caseNumber, String text, RegionScope scope, boolean rereview) {
    CaseView c = caseFiles.get(caseNumber, scope);
    PetitionEntity p = load(caseNumber);
    String what = rereview ? "复核" : "复查";
    Phase expected = rereview ? Phase.REVIEW_ISSUED : Phase.OPINION_ISSUED;
    if (p.phase != expected) {
      throw BusinessRuleException.conflict(
          "PETITION_REQUEST_NOT_OPEN",
          rereview ? "本信访事项尚未出具复查意见或已办结，不能请求复核" : "本信访事项尚未出具处理意见书或已办结，不能请求复查",
          caseNumber + " is " + p.phase + ", " + what + " request refused");
    }
    Instant issued = rereview ? p.reviewAt : p.opinionAt;
    Instant due =
        deadlines.due(
            rereview ? PetitionDeadlines.REREVIEW_REQUEST : PetitionDeadlines.REVIEW_REQUEST,
            c.townshipCode(),
            issued);
    Instant now = clock.instant();
    if (now.isAfter(due)) {
      throw BusinessRuleException.conflict(
          "PETITION_REQUEST_TOO_LATE",
          "请求" + what + "的期限已于 " + PetitionSteps.day(due) + " 届满，不再受理",
          caseNumber + " " + what + " request after " + due);
    }
    if (rereview) {
      p.phase = Phase.REREVIEW;
      p.rereviewRequestedAt = now;
    } else {
      p.phase = Phase.REVIEW;
      p.reviewRequestedAt = now;
    }
    caseFiles.changeStatus(
        caseNumber,
        rereview
            ? org.casework.casefile.CaseStatus.PETITION_REREVIEW
            : org.casework.casefile.CaseStatus.PETITION_REVIEW,
        new HistoryEntry(
            now,
            scope.username(),
            scope.role().name(),
            "请求" + what,
            "已收到，转" + (rereview ? steps.unit(p).rereviewGroup() : steps.unit(p).reviewGroup()),
            text == null ? null : text.strip(),
            (rereview ? "rereview-request" : "review-request")));
    // the waiting instance moves on in this transaction: the request and the task it opens are
    // committed together, or not at all (a Chinese 409 when the instance does not wait for it)
    caseFiles.deliver(rereview ? REREVIEW_REQUESTED : REVIEW_REQUESTED, caseNumber);
    log.info("petition {}: {} requested", caseNumber, rereview ? "re-review" : "review");
  }

  @Override
  @Transactional
  public void markConflict(String caseNumber, String username, String reason, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    load(caseNumber);
    if (username == null || username.isBlank() || reason == null || reason.isBlank()) {
      throw BusinessRuleException.invalid(
          "PETITION_CONFLICT_INCOMPLETE", "请填写需回避的工作人员和回避理由", "conflict input incomplete");
    }
    String who = username.strip();
    jurisdiction
        .staff(who)
        .orElseThrow(
            () ->
                BusinessRuleException.invalid(
                    "PETITION_OFFICER_UNKNOWN", "工作人员账号“" + who + "”不存在", "no staff " + who));
    if (conflicts.findByCaseNumberAndUsername(caseNumber, who).isPresent()) {
      return;
    }
    Instant now = clock.instant();
    ConflictEntity saved =
        conflicts.save(new ConflictEntity(caseNumber, who, reason.strip(), scope.username(), now));
    caseFiles.record(
        caseNumber,
        new HistoryEntry(
            now,
            scope.username(),
            scope.role().name(),
            "登记回避",
            who + " 应当回避",
            reason.strip(),
            "conflict:" + saved.id));
  }

  @Override
  @Transactional
  public void assignOfficer(String caseNumber, String username, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    PetitionEntity p = load(caseNumber);
    if (!p.phase.open()) {
      throw BusinessRuleException.conflict(
          "PETITION_CLOSED", "本信访事项已办结，不能指派承办人", caseNumber + " is " + p.phase);
    }
    String who = username == null ? "" : username.strip();
    steps.checkAssignable(p, who);
    Instant now = clock.instant();
    p.handlingOfficer = who;
    if (p.phase == Phase.ACCEPTED) {
      process.handOver(caseNumber, who);
    }
    caseFiles.assign(
        caseNumber,
        who,
        new HistoryEntry(
            now,
            scope.username(),
            scope.role().name(),
            "指定承办人",
            who,
            null,
            "assign:" + who + ":" + now.toEpochMilli()));
  }

  @Override
  @Transactional
  public CaseView spawnLinkedCase(
      String caseNumber, CaseType type, Map<String, String> details, RegionScope scope) {
    CaseView c = caseFiles.get(caseNumber, scope);
    PetitionEntity p = load(caseNumber);
    if (type == null || type == CaseType.PETITION || type == CaseType.CONDOLENCE) {
      throw BusinessRuleException.invalid(
          "PETITION_LINK_TYPE", "只能转为困难帮扶或法律援助案件", "spawn type " + type);
    }
    return caseLinks.spawn(
        new LinkedCaseRequest(
            c.caseNumber(),
            type,
            p.leadPersonId,
            p.subject + "：" + p.requests,
            scope.username(),
            details));
  }

  @Override
  public List<PetitionNotice> notices(String caseNumber, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    return notices.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(this::view).toList();
  }

  @Override
  public PetitionNotice notice(String caseNumber, NoticeKind kind, RegionScope scope) {
    caseFiles.get(caseNumber, scope);
    return notices
        .findFirstByCaseNumberAndKindOrderByIdDesc(caseNumber, kind)
        .map(this::view)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "PETITION_NOTICE_UNKNOWN",
                    "本案尚未出具" + kind.label(),
                    caseNumber + " has no notice " + kind));
  }

  @Override
  public byte[] noticePdf(String caseNumber, NoticeKind kind, RegionScope scope) {
    PetitionNotice n = notice(caseNumber, kind, scope);
    PetitionEntity p = load(caseNumber);
    Map<String, Object> model = new HashMap<>();
    model.put("issuer", issuer(p));
    model.put("caseNumber", caseNumber);
    model.put(
        "petitioners",
        String.join(
            "、",
            petitioners.findByPetitionIdOrderByPositionAsc(p.id).stream()
                .map(x -> x.name)
                .toList()));
    model.put("channel", p.channel.label());
    model.put("subject", p.subject);
    model.put("requests", p.requests);
    model.put("registeredDate", PetitionSteps.day(p.registeredAt));
    model.put("acceptedDate", p.decidedAt == null ? "" : PetitionSteps.day(p.decidedAt));
    model.put("handlingOfficer", p.handlingOfficer == null ? "" : officerName(p.handlingOfficer));
    model.put("transferredTo", p.transferredTo);
    model.put("reason", kind == NoticeKind.EXTENSION ? p.extensionReason : p.decisionReason);
    model.put("extensionDays", p.extensionDays);
    model.put("deadlineDate", n.deadlineDay() == null ? "" : Formats.date(n.deadlineDay()));
    model.put("issuedDate", Formats.date(Formats.chinaDate(n.issuedAt())));
    String text =
        switch (kind) {
          case OPINION -> p.opinion;
          case REVIEW -> p.reviewOpinion;
          case REREVIEW -> p.rereviewOpinion;
          default -> n.body();
        };
    model.put("opinionLines", text == null ? List.of() : List.of(text.split("\\R")));
    return documents.render(kind.template(), model);
  }

  /** The accepting unit's name as it heads its documents. */
  private String issuer(PetitionEntity p) {
    RegionCode unit = new RegionCode(p.unitRegion);
    return jurisdiction
        .station(unit)
        .map(org.casework.jurisdiction.Station::name)
        .orElseGet(
            () ->
                jurisdiction.region(unit).name()
                    + (Unit.COUNTY.equals(p.unitLevel) ? "退役军人事务局" : "退役军人服务站"));
  }

  private String officerName(String username) {
    return jurisdiction.staff(username).map(StaffMember::displayName).orElse(username);
  }

  private PetitionNotice view(PetitionNoticeEntity n) {
    return new PetitionNotice(n.id, n.caseNumber, n.kind, n.issuedAt, n.deadlineDay, n.body);
  }

  /**
   * The petitioner's record, only when registered inside the officer's region: a person registered
   * elsewhere gets the same answer as an unknown ID number (no region, no name check), so the page
   * is no oracle for another region's registry.
   */
  private PersonView person(Petitioner p, RegionScope officer) {
    IdNumber id = IdNumber.parse(p.idNumber());
    PersonView person =
        registry
            .findByIdNumber(id, officer)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "PETITIONER_UNKNOWN",
                        "本辖区档案中没有身份证号为 "
                            + id.masked()
                            + " 的人员；主要信访人未登记的，请在“新信访人登记”中填写人员类别和户籍地后一并登记，"
                            + "其他信访人可只填写姓名（户籍在其他地区的，请由户籍地登记或办理户籍迁移）",
                        "no registry person inside "
                            + officer.region()
                            + " for a petitioner's ID number"));
    if (!person.name().equals(p.name().strip())) {
      throw BusinessRuleException.invalid(
          "ID_NUMBER_NAME_MISMATCH",
          "该身份证号已登记在另一姓名下，请核对信访人姓名和身份证号",
          "name differs from registered person " + person.id());
    }
    return person;
  }

  /**
   * The lead petitioner typed as a new person (the page's picker found no one): the record when
   * they are registered inside the officer's region after all, else registered now from the
   * petition's name and ID number and {@code data}, in this transaction, only at a place inside the
   * officer's region. An ID number registered elsewhere gets the registry's one refusal, which
   * names no region.
   */
  private PersonView leadOrNew(Petitioner lead, NewPetitioner data, StaffMember officer) {
    RegionScope scope = RegionScope.of(officer);
    IdNumber id = IdNumber.parse(lead.idNumber());
    if (registry.findByIdNumber(id, scope).isPresent()) {
      return person(lead, scope);
    }
    RegionCode place =
        RegionCode.parse(
            data.villageCode() != null && !data.villageCode().isBlank()
                ? data.villageCode()
                : data.townshipCode());
    scopeGuard.require(scope, place, null, "登记信访事项（新信访人）");
    PersonView registered =
        registry.register(
            new RegisterPerson(
                id.value(),
                lead.name(),
                data.category(),
                data.townshipCode(),
                data.villageCode(),
                data.phone(),
                data.address(),
                List.of()),
            scope);
    log.info(
        "lead petitioner registered as new person {} by {}", registered.id(), officer.username());
    return registered;
  }

  private int maxRepresentatives(String township) {
    List<Integer> rows =
        jdbc.queryForList(
            "select max_representatives from petition_policy where ? like concat(region_code, '%')"
                + " order by char_length(region_code) desc limit 1",
            Integer.class, township);
    return rows.isEmpty() ? 5 : rows.getFirst();
  }

  /** The matter key: as given, else the subject; whitespace and punctuation do not count. */
  static String matterKey(String given, String subject) {
    String raw = given != null && !given.isBlank() ? given : subject;
    String key = raw.replaceAll("[\\s\\p{P}\\p{S}]", "").toLowerCase(java.util.Locale.ROOT);
    return key.isEmpty() ? raw.strip() : key;
  }

  private StaffMember registrar(String username) {
    StaffMember officer =
        jurisdiction
            .staff(username == null ? "" : username)
            .filter(StaffMember::enabled)
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "OFFICER_UNKNOWN", "经办人账号不存在或已停用", "no enabled staff " + username));
    if (!MAY_REGISTER.contains(officer.role())) {
      throw BusinessRuleException.forbidden(
          "OFFICER_MAY_NOT_REGISTER_PETITION",
          "只有乡镇经办人和信访专员可以登记信访事项",
          username + " has role " + officer.role());
    }
    return officer;
  }

  private PetitionEntity load(String caseNumber) {
    return petitions
        .findByCaseNumber(caseNumber)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "PETITION_UNKNOWN", "未找到信访案件 " + caseNumber, "no petition " + caseNumber));
  }

  static String formatted(Instant at) {
    return Formats.dateTime(at);
  }
}
