package org.casework.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditService implements AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditService.class);

  private final AuditRepository entries;
  private final ChainHeadRepository heads;
  private final AuditKeys keys;
  private final AuditCheckpoints checkpoints;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditService(
      AuditRepository entries,
      ChainHeadRepository heads,
      AuditKeys keys,
      AuditCheckpoints checkpoints,
      JdbcTemplate jdbc,
      Clock clock) {
    this.entries = entries;
    this.heads = heads;
    this.keys = keys;
    this.checkpoints = checkpoints;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends one entry, once per source key. The head row is locked first, so concurrent appends
   * chain one after another and the duplicate check cannot race.
   */
  @Transactional
  void append(AuditRecord r) {
    append(r, false);
  }

  /**
   * {@code freshKey}: the source key was minted here for this one entry (a random UUID: a read, an
   * export), so it cannot have been appended before and the duplicate check is skipped (the unique
   * key on {@code source_key} still holds). The chain is the same: the head is locked, the entry
   * links to it and the head moves — one SELECT … FOR UPDATE, one INSERT, one UPDATE.
   */
  private void append(AuditRecord r, boolean freshKey) {
    ChainHeadEntity head = heads.lockHead();
    if (!freshKey && entries.existsBySourceKey(r.sourceKey())) {
      return;
    }
    String casePrev =
        r.caseNumber() == null
            ? null
            : entries
                .findFirstByCaseNumberOrderByIdDesc(r.caseNumber())
                .map(AuditEntryEntity::getHash)
                .orElse(null);
    String keyId = keys.currentId();
    AuditEntryEntity saved =
        entries.save(
            new AuditEntryEntity(
                r,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                casePrev,
                head.getLastHash(),
                keyId,
                keys.mac(keyId)));
    head.advance(saved.getId(), saved.getHash());
    ShippedLog.entry(saved);
  }

  /**
   * Entries from before V150 carry plain SHA-256 hashes that anyone with database access can
   * recompute. The first keyed entry after them covers the last one's hash with the key; this
   * appends it at start-up (once), so the old segment is anchored even before anything else
   * happens.
   */
  @Transactional
  public boolean anchorLegacySegment() {
    ChainHeadEntity head = heads.lockHead();
    Long legacy =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM audit_entry WHERE id = ? AND key_id IS NULL",
            Long.class,
            head.getLastId());
    if (legacy == null || legacy == 0) {
      return false;
    }
    Long before =
        jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE key_id IS NULL", Long.class);
    append(
        new AuditRecord(
            "anchor:" + head.getLastId(),
            AuditKind.CHAIN_ANCHOR,
            null,
            null,
            clock.instant(),
            "system",
            "SYSTEM",
            "密钥签名锚定此前的哈希链",
            "锚定至记录 " + head.getLastId(),
            before + " 条早于密钥签名的记录（SHA-256）以本条的密钥签名固定；末条哈希 " + head.getLastHash()));
    log.info(
        "audit chain: anchored {} entries hashed before the key (up to {})",
        before,
        head.getLastId());
    return true;
  }

  /** Appends at once in its own transaction (a read or an export has nothing else to commit). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void appendNow(AuditRecord r) {
    append(r);
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(PersonRecordAccessed e) {
    append(accessRecord(e), true);
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordAll(List<PersonRecordAccessed> events) {
    for (PersonRecordAccessed e : events) {
      append(accessRecord(e), true);
    }
  }

  private static AuditRecord accessRecord(PersonRecordAccessed e) {
    return (new AuditRecord(
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
  @Transactional(readOnly = true)
  public List<AuditEntryView> byActorRoles(
      java.util.Set<org.casework.jurisdiction.Role> roles, RegionScope scope, int limit) {
    if (roles.isEmpty()) {
      return List.of();
    }
    return entries
        .byActorRolesInScope(
            roles.stream().map(Enum::name).sorted().toList(),
            scope.prefix(),
            PageRequest.of(0, limit))
        .stream()
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
            null),
        true);
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
  public org.casework.common.web.Paged<AuditEntryView> byActorPage(
      String username, RegionScope scope, org.casework.common.web.PageParams page) {
    // the log's order is its id (entries are appended); the only sort key is 时间
    var found =
        entries.actorPageInScope(
            username,
            scope.prefix(),
            PageRequest.of(
                page.page(),
                page.size(),
                org.springframework.data.domain.Sort.by(
                    page.descending()
                        ? org.springframework.data.domain.Sort.Direction.DESC
                        : org.springframework.data.domain.Sort.Direction.ASC,
                    "id")));
    return new org.casework.common.web.Paged<>(
        found.getContent().stream().map(AuditService::view).toList(),
        found.getTotalElements(),
        page);
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
            "输入（脱敏）" + maskedQuery),
        true);
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

  private volatile ChainVerification lastVerification;

  @Override
  public java.util.Optional<ChainVerification> lastVerification() {
    return java.util.Optional.ofNullable(lastVerification);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditEntryView> gaps(RegionScope scope, int limit) {
    return entries
        .kindsInScope(List.of(AuditKind.HISTORY_GAP), scope.prefix(), PageRequest.of(0, limit))
        .stream()
        .map(AuditService::view)
        .toList();
  }

  @Override
  public List<org.casework.audit.AuditCheckpoint> checkpoints(int limit) {
    return checkpoints.latest(limit);
  }

  @Override
  public org.casework.audit.AuditCheckpoint writeCheckpoint() {
    return checkpoints.write();
  }

  @Override
  public ChainVerification verify() {
    ChainVerification v = check();
    lastVerification = v;
    if (!v.intact()) {
      log.error("AUDIT CHAIN VERIFICATION FAILED: entry {}: {}", v.brokenEntryId(), v.problem());
    }
    return v;
  }

  private ChainVerification check() {
    ChainVerifier.Outcome o = new ChainVerifier(jdbc, keys).verify();
    Instant now = clock.instant();
    AuditCheckpoints.Check cp = checkpoints.check();
    if (!o.intact()) {
      log.warn(
          "audit chain broken at entry {} (case {}): {}",
          o.brokenId(),
          o.brokenCase(),
          o.problem());
      return new ChainVerification(
          false, o.checked(), o.brokenId(), o.brokenCase(), o.problem(), now, cp.text());
    }
    ChainHeadEntity head = heads.head().orElseThrow();
    // entries appended while the pages were read are past the last one read: the head may be newer
    if (head.getLastId() < o.lastId()
        || (head.getLastId() == o.lastId() && !head.getLastHash().equals(o.lastHash()))
        || (head.getLastId() > o.lastId() && !headEntryHas(head))) {
      log.warn("audit chain: head {} does not match last entry {}", head.getLastId(), o.lastId());
      return new ChainVerification(
          false,
          o.checked(),
          head.getLastId(),
          null,
          "链尾不符：最后的记录（编号 " + head.getLastId() + "）被删除或改动过",
          now,
          cp.text());
    }
    if (!cp.ok()) {
      log.warn("audit chain does not match the last checkpoint: {}", cp.text());
      return new ChainVerification(
          false, o.checked(), cp.entryId(), null, cp.text(), now, cp.text());
    }
    String legacy = o.legacy() == 0 ? "" : "（其中 " + o.legacy() + " 条早于密钥签名，为 SHA-256，已由锚定记录固定）";
    return new ChainVerification(
        true, o.checked(), null, null, "完整：全部记录的哈希链及密钥签名校验通过" + legacy, now, cp.text());
  }

  private boolean headEntryHas(ChainHeadEntity head) {
    return jdbc
        .queryForList("SELECT hash FROM audit_entry WHERE id = ?", String.class, head.getLastId())
        .stream()
        .anyMatch(head.getLastHash()::equals);
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
