-- Materials, photos and receipts, kept in the database with the case or visit they belong to
-- (one backup, one transaction with the record; the size limit keeps rows small).
CREATE TABLE attachment (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_type   VARCHAR(16)  NOT NULL,
  owner_ref    VARCHAR(64)  NOT NULL,
  region_code  VARCHAR(12)  NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  content_type VARCHAR(32)  NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  content      LONGBLOB     NOT NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  uploaded_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT ck_attachment_owner CHECK (owner_type IN ('CASE', 'VISIT')),
  CONSTRAINT uq_attachment_content UNIQUE (owner_type, owner_ref, sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_attachment_owner ON attachment (owner_type, owner_ref, id);
