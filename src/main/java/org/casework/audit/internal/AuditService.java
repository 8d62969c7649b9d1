package org.casework.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.CaseActivity;
import org.casework.audit.ChainVerification;
import org.casework.audit.PersonRecordAccessed;
import org.casework.audit.PersonalDataViewed;
import org.casework.jurisdiction.RegionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditService implements AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditService.class);

  private final AuditRepository entries;
  private final ChainHeadRepository heads;
  private final Clock clock;

  AuditService(AuditRepository entries, ChainHeadRepository heads, Clock clock) {
    this.entries = entries;
    this.heads = heads;
    this.clock = clock;
  }

  /**
   * Appends one entry, once per source key. The head row is locked first, so concurrent appends
   * chain one after another and the duplicate check cannot race.
   */
  @Transactional
  void append(AuditRecord r) {
    ChainHeadEntity head = heads.lockHead();
    if (entries.existsBySourceKey(r.sourceKey())) {
      return;
    }
    String casePrev =
        r.caseNumber() == null
            ? null
            : entries
                .findFirstByCaseNumberOrderByIdDesc(r.caseNumber())
                .map(AuditEntryEntity::getHash)
                .orElse(null);
    AuditEntryEntity saved =
        entries.save(
            new AuditEntryEntity(
                r, clock.instant().truncatedTo(ChronoUnit.SECONDS), casePrev, head.getLastHash()));
    head.advance(saved.getId(), saved.getHash());
  }

  /** Appends at once in its own transaction (a read or an export has nothing else to commit). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void appendNow(AuditRecord r) {
    append(r);
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(PersonRecordAccessed e) {
    append(
        new AuditRecord(
            "person:" + UUID.randomUUID(),
            e.kind(),
            null,
            e.regionCode(),
            e.at(),
            e.username(),
            e.role(),
            e.action(),
            e.subject(),
            e.detail()));
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditEntryView> ofKind(AuditKind kind, RegionScope scope, int limit) {
    return entries.kindsInScope(List.of(kind), scope.prefix(), PageRequest.of(0, limit)).stream()
        .map(AuditService::view)
        .toList();
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(PersonalDataViewed e) {
    append(
        new AuditRecord(
            "pii:" + UUID.randomUUID(),
            AuditKind.PERSONAL_DATA_VIEW,
            e.caseNumber(),
            e.regionCode(),
            e.at(),
            e.username(),
            e.role(),
            "查看个人信息原文",
            e.what(),
            null));
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditEntryView> caseTimeline(String caseNumber, RegionScope scope) {
    // listeners deliver concurrently: within one second, replay in the case history's own order
    return entries.caseInScope(caseNumber, scope.prefix()).stream()
        .sorted(
            java.util.Comparator.comparing(AuditEntryEntity::getAt)
                .thenComparingLong(AuditEntryEntity::historyOrder)
                .thenComparing(AuditEntryEntity::getId))
        .map(AuditService::view)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditEntryView> byActor(String username, RegionScope scope, int limit) {
    return entries.actorInScope(username, scope.prefix(), PageRequest.of(0, limit)).stream()
        .map(AuditService::view)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseActivity> casesOfActor(String username, RegionScope scope, int limit) {
    return entries.casesOfActor(username, scope.prefix(), PageRequest.of(0, limit));
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordPersonSearch(RegionScope scope, String maskedQuery, int hits) {
    append(
        new AuditRecord(
            "search:" + UUID.randomUUID(),
            AuditKind.PERSON_SEARCH,
            null,
            scope.prefix(),
            clock.instant(),
            scope.username(),
            scope.role().name(),
            "按身份证号查询服务对象",
            "命中 " + hits + " 人",
            "输入（脱敏）" + maskedQuery));
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditEntryView> refusals(RegionScope scope, int limit) {
    return entries
        .kindsInScope(
            List.of(
                AuditKind.ACCESS_REFUSED,
                AuditKind.ACCESS_DENIED,
                AuditKind.TASK_OUTSIDE_GROUP,
                AuditKind.TASK_RULE_REFUSED),
            scope.prefix(),
            PageRequest.of(0, limit))
        .stream()
        .map(AuditService::view)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public ChainVerification verify() {
    String previous = AuditHasher.GENESIS;
    Map<String, String> lastOfCase = new HashMap<>();
    long checked = 0;
    long lastId = 0;
    try (Stream<AuditEntryEntity> all = entries.streamAll()) {
      Iterator<AuditEntryEntity> it = all.iterator();
      while (it.hasNext()) {
        AuditEntryEntity e = it.next();
        checked++;
        if (!e.getPrevHash().equals(previous)) {
          return broken(checked, e, "与前一条记录的链接不符：前一条记录被删除、插入或改动过");
        }
        String expectedCasePrev =
            e.getCaseNumber() == null ? null : lastOfCase.get(e.getCaseNumber());
        if (!Objects.equals(e.getCasePrevHash(), expectedCasePrev)) {
          return broken(checked, e, "与本案前一条记录的链接不符：本案有记录被删除、插入或改动过");
        }
        String recomputed =
            AuditHasher.hash(e.getPrevHash(), e.getCasePrevHash(), e.record(), e.getRecordedAt());
        if (!recomputed.equals(e.getHash())) {
          return broken(checked, e, "记录内容与其哈希不符：本条记录被改动过");
        }
        previous = e.getHash();
        lastId = e.getId();
        if (e.getCaseNumber() != null) {
          lastOfCase.put(e.getCaseNumber(), e.getHash());
        }
      }
    }
    ChainHeadEntity head = heads.head().orElseThrow();
    if (head.getLastId() != lastId || !head.getLastHash().equals(previous)) {
      log.warn("audit chain: head {} does not match last entry {}", head.getLastId(), lastId);
      return new ChainVerification(
          false,
          checked,
          head.getLastId(),
          null,
          "链尾不符：最后的记录（编号 " + head.getLastId() + "）被删除或改动过",
          clock.instant());
    }
    return new ChainVerification(true, checked, null, null, "完整：全部记录的哈希链校验通过", clock.instant());
  }

  private ChainVerification broken(long checked, AuditEntryEntity e, String problem) {
    log.warn("audit chain broken at entry {} (case {})", e.getId(), e.getCaseNumber());
    return new ChainVerification(
        false, checked, e.getId(), e.getCaseNumber(), problem, clock.instant());
  }

  private static AuditEntryView view(AuditEntryEntity e) {
    return new AuditEntryView(
        e.getId(),
        e.getKind(),
        e.getCaseNumber(),
        e.getRegionCode(),
        e.getAt(),
        e.getActor(),
        e.getActorRole(),
        e.getAction(),
        e.getOutcome(),
        e.getReason(),
        e.getHash());
  }
}
