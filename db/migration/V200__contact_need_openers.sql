-- What a need found on a visit opens, as data: need kind → opener (the key of a contact.NeedOpener
-- bean; HARDSHIP_CASE is the built-in hardship filing, NONE = recorded on the visit only). The
-- service menu changes SERVICE's row to its own opener when it lands.
CREATE TABLE contact_need_opener (
  need_kind   VARCHAR(16)  NOT NULL PRIMARY KEY,
  opener      VARCHAR(32)  NOT NULL,
  label       VARCHAR(64)  NOT NULL,
  changed_by  VARCHAR(64)  NOT NULL,
  changed_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT ck_contact_need_opener_kind CHECK (need_kind IN ('HARDSHIP', 'SERVICE', 'LEGAL_AID'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO contact_need_opener (need_kind, opener, label, changed_by) VALUES
  ('HARDSHIP',  'HARDSHIP_CASE',          '困难帮扶申请',   'system'),
  ('LEGAL_AID', 'LEGAL_AID_CONSULTATION', '法律援助咨询',   'system'),
  ('SERVICE',   'NONE',                   '服务需求（登记）', 'system');

-- The record another opener made for the visit's need (besides linked_case_number of a hardship
-- case): its kind (the opener's key) and reference (e.g. the consultation's id).
ALTER TABLE contact_visit
  ADD COLUMN linked_type VARCHAR(32) NULL,
  ADD COLUMN linked_ref  VARCHAR(64) NULL;
