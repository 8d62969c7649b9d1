package org.casework.attachments.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.casework.attachments.AttachmentContent;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.AttachmentView;
import org.casework.attachments.Attachments;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

@Service
class AttachmentService implements Attachments {

  private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
  private static final String COLUMNS =
      "id, owner_type, owner_ref, region_code, file_name, content_type, size_bytes, uploaded_by,"
          + " uploaded_at";

  private final JdbcTemplate jdbc;
  private final ScopeGuard scopeGuard;
  private final Clock clock;
  private final long maxBytes;

  AttachmentService(
      JdbcTemplate jdbc,
      ScopeGuard scopeGuard,
      Clock clock,
      @Value("${casework.attachments.max-size:10MB}") DataSize maxSize) {
    this.jdbc = jdbc;
    this.scopeGuard = scopeGuard;
    this.clock = clock;
    this.maxBytes = maxSize.toBytes();
  }

  @Override
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  @Transactional
  public AttachmentView store(
      AttachmentOwner owner,
      String ownerRef,
      String regionCode,
      String fileName,
      byte[] content,
      String uploadedBy) {
    String name = fileName == null || fileName.isBlank() ? "附件" : fileName.strip();
    if (name.length() > 255) {
      name = name.substring(name.length() - 255);
    }
    if (content == null || content.length == 0) {
      throw BusinessRuleException.invalid(
          "ATTACHMENT_EMPTY", "附件是空文件，请重新选择", "empty attachment for " + owner + " " + ownerRef);
    }
    if (content.length > maxBytes) {
      throw BusinessRuleException.invalid(
          "ATTACHMENT_TOO_LARGE",
          "附件不能超过 " + (maxBytes / (1024 * 1024)) + " MB（本文件 " + mb(content.length) + " MB）",
          "attachment of " + content.length + " bytes over " + maxBytes);
    }
    FileKind kind =
        FileKind.of(content)
            .orElseThrow(
                () ->
                    BusinessRuleException.invalid(
                        "ATTACHMENT_TYPE",
                        "只能上传 PDF、JPG 或 PNG 文件（按文件内容判断，改扩展名无效）",
                        "attachment content is none of pdf/jpeg/png for " + ownerRef));
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!kind.extensions.contains(ext)) {
      throw BusinessRuleException.invalid(
          "ATTACHMENT_EXTENSION",
          "文件内容是 " + kind.name() + "，但文件名扩展名为「" + ext + "」，请核对后重新上传",
          "extension " + ext + " does not match content " + kind);
    }
    String sha = sha256(content);
    List<AttachmentView> same =
        jdbc.query(
            "select "
                + COLUMNS
                + " from attachment where owner_type = ? and owner_ref = ? and"
                + " sha256 = ?",
            VIEW,
            owner.name(),
            ownerRef,
            sha);
    if (!same.isEmpty()) {
      return same.get(0);
    }
    jdbc.update(
        "insert into attachment (owner_type, owner_ref, region_code, file_name, content_type,"
            + " size_bytes, sha256, content, uploaded_by, uploaded_at) values"
            + " (?,?,?,?,?,?,?,?,?,?)",
        owner.name(),
        ownerRef,
        regionCode,
        name,
        kind.contentType,
        content.length,
        sha,
        content,
        uploadedBy,
        Timestamp.from(clock.instant()));
    log.info("attachment ({} bytes, {}) stored with {} {}", content.length, kind, owner, ownerRef);
    return jdbc.query(
            "select "
                + COLUMNS
                + " from attachment where owner_type = ? and owner_ref = ? and"
                + " sha256 = ?",
            VIEW,
            owner.name(),
            ownerRef,
            sha)
        .get(0);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AttachmentView> of(AttachmentOwner owner, String ownerRef) {
    return jdbc.query(
        "select " + COLUMNS + " from attachment where owner_type = ? and owner_ref = ? order by id",
        VIEW,
        owner.name(),
        ownerRef);
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<String, List<AttachmentView>> of(
      AttachmentOwner owner, java.util.Collection<String> ownerRefs) {
    java.util.Map<String, List<AttachmentView>> byOwner = new java.util.LinkedHashMap<>();
    ownerRefs.forEach(r -> byOwner.put(r, new java.util.ArrayList<>()));
    if (ownerRefs.isEmpty()) {
      return byOwner;
    }
    List<Object> args = new java.util.ArrayList<>();
    args.add(owner.name());
    args.addAll(byOwner.keySet());
    jdbc.query(
            "select "
                + COLUMNS
                + " from attachment where owner_type = ? and owner_ref in ("
                + String.join(",", java.util.Collections.nCopies(byOwner.size(), "?"))
                + ") order by id",
            VIEW,
            args.toArray())
        .forEach(a -> byOwner.get(a.ownerRef()).add(a));
    return byOwner;
  }

  @Override
  @Transactional(readOnly = true)
  public AttachmentContent content(long id, RegionScope scope) {
    List<AttachmentView> found =
        jdbc.query("select " + COLUMNS + " from attachment where id = ?", VIEW, id);
    if (found.isEmpty()) {
      throw BusinessRuleException.notFound("ATTACHMENT_UNKNOWN", "未找到该附件", "no attachment " + id);
    }
    AttachmentView v = found.get(0);
    RegionCode where = RegionCode.parse(v.regionCode());
    if (!scope.covers(where)) {
      throw scopeGuard.refuse(
          scope, where, v.ownerType() == AttachmentOwner.CASE ? v.ownerRef() : null, "下载附件");
    }
    byte[] bytes =
        jdbc.queryForObject("select content from attachment where id = ?", byte[].class, id);
    return new AttachmentContent(v, bytes);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final RowMapper<AttachmentView> VIEW =
      (rs, i) ->
          new AttachmentView(
              rs.getLong("id"),
              AttachmentOwner.valueOf(rs.getString("owner_type")),
              rs.getString("owner_ref"),
              rs.getString("region_code"),
              rs.getString("file_name"),
              rs.getString("content_type"),
              rs.getLong("size_bytes"),
              rs.getString("uploaded_by"),
              rs.getTimestamp("uploaded_at").toInstant());
}
