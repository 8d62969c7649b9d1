-- 一人一档 1+N: dated status records (append-only; the current value is the latest), the allowed
-- values per status as data, the needs ledger (需求台账), entitlements, further categories, and
-- households as links between registered people.

-- Allowed values per status kind (and the household relations under kind RELATION): an official
-- changes the lists here, not in code.
CREATE TABLE registry_status_value (
  kind       VARCHAR(16)  NOT NULL,
  value      VARCHAR(32)  NOT NULL,
  sort_order INT          NOT NULL,
  CONSTRAINT pk_status_value PRIMARY KEY (kind, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO registry_status_value (kind, value, sort_order) VALUES
  ('SERVICE', '退役士兵', 1), ('SERVICE', '退役军官', 2), ('SERVICE', '转业干部', 3),
  ('SERVICE', '参战参试', 4), ('SERVICE', '伤残退役', 5), ('SERVICE', '其他', 9),
  ('FAMILY', '正常', 1), ('FAMILY', '空巢', 2), ('FAMILY', '独居', 3), ('FAMILY', '单亲', 4),
  ('FAMILY', '重大变故', 5), ('FAMILY', '其他', 9),
  ('HEALTH', '健康', 1), ('HEALTH', '一般', 2), ('HEALTH', '慢性病', 3), ('HEALTH', '重病', 4),
  ('HEALTH', '残疾', 5), ('HEALTH', '失能', 6),
  ('INCOME', '较好', 1), ('INCOME', '一般', 2), ('INCOME', '低收入', 3), ('INCOME', '低保', 4),
  ('INCOME', '特困', 5),
  ('EMPLOYMENT', '在岗', 1), ('EMPLOYMENT', '灵活就业', 2), ('EMPLOYMENT', '自主创业', 3),
  ('EMPLOYMENT', '失业', 4), ('EMPLOYMENT', '退休', 5), ('EMPLOYMENT', '无劳动能力', 6),
  ('THOUGHT', '稳定', 1), ('THOUGHT', '有诉求', 2), ('THOUGHT', '情绪波动', 3),
  ('THOUGHT', '需重点关注', 4),
  ('NEEDS', '无', 1), ('NEEDS', '生活救助', 2), ('NEEDS', '医疗', 3), ('NEEDS', '就业创业', 4),
  ('NEEDS', '住房', 5), ('NEEDS', '教育培训', 6), ('NEEDS', '法律援助', 7), ('NEEDS', '心理疏导', 8),
  ('NEEDS', '其他', 9),
  -- not a status: the relations a household member may have to the head (与户主关系)
  ('RELATION', '配偶', 1), ('RELATION', '子女', 2), ('RELATION', '父母', 3),
  ('RELATION', '兄弟姐妹', 4), ('RELATION', '祖父母', 5), ('RELATION', '孙子女', 6),
  ('RELATION', '其他', 9);

-- Append-only: a change is a new row keeping the value it replaced; nothing is updated.
CREATE TABLE registry_status_record (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id      BIGINT       NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  value          VARCHAR(32)  NOT NULL,
  previous_value VARCHAR(32)  NULL,
  effective_on   DATE         NOT NULL,
  reason         VARCHAR(255) NOT NULL,
  recorded_by    VARCHAR(64)  NOT NULL,
  recorded_at    TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_status_person FOREIGN KEY (person_id) REFERENCES registry_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_status_person_kind ON registry_status_record (person_id, kind, id);

-- 需求台账: a need stays open until a case or a service answers it.
CREATE TABLE registry_need (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id    BIGINT       NOT NULL,
  need_type    VARCHAR(32)  NOT NULL,
  description  VARCHAR(500) NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  answered_by  VARCHAR(64)  NULL,
  answered_note VARCHAR(255) NULL,
  answered_at  TIMESTAMP(6) NULL,
  recorded_by  VARCHAR(64)  NOT NULL,
  recorded_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_need_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT ck_need_status CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_need_person ON registry_need (person_id, id);

-- 优待/抚恤 entitlements, dated.
CREATE TABLE registry_entitlement (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id   BIGINT       NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  since       DATE         NOT NULL,
  until       DATE         NULL,
  note        VARCHAR(255) NULL,
  recorded_by VARCHAR(64)  NOT NULL,
  recorded_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_entitlement_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT uq_entitlement UNIQUE (person_id, name, since)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Categories besides the main one (e.g. a veteran who is also 烈士遗属).
CREATE TABLE registry_person_category (
  person_id   BIGINT       NOT NULL,
  category    VARCHAR(32)  NOT NULL,
  recorded_by VARCHAR(64)  NOT NULL,
  recorded_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT pk_person_category PRIMARY KEY (person_id, category),
  CONSTRAINT fk_category_person FOREIGN KEY (person_id) REFERENCES registry_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Households: a member row may now point at the member's own person record; that person's
-- household_id is the household head's record (NULL = the person heads their own household).
-- The ledger's cross-programme duplicate rule keys on this household id.
ALTER TABLE registry_household_member
  ADD COLUMN member_person_id BIGINT NULL,
  ADD CONSTRAINT fk_member_person_record FOREIGN KEY (member_person_id) REFERENCES registry_person (id);

ALTER TABLE registry_person
  ADD COLUMN household_id BIGINT NULL,
  ADD COLUMN id_tail CHAR(4) AS (RIGHT(id_number_masked, 4)) STORED,
  ADD CONSTRAINT fk_person_household FOREIGN KEY (household_id) REFERENCES registry_person (id);

CREATE INDEX ix_person_name ON registry_person (name);
CREATE INDEX ix_person_id_tail ON registry_person (id_tail);
CREATE INDEX ix_person_village ON registry_person (village_code, id);
CREATE INDEX ix_person_household ON registry_person (household_id);
CREATE UNIQUE INDEX uq_member_person ON registry_household_member (member_person_id);

-- Today's members are names only (their ID numbers were never collected, V44). Link a member to
-- a registered person only where that is unambiguous: exactly one person of the same name lives
-- in the head's township, is not the head, heads no household of their own and is in none yet.
CREATE TEMPORARY TABLE tmp_member_link AS
SELECT m.id AS member_row, MIN(p.id) AS person_id, h.id AS head_id
FROM registry_household_member m
  JOIN registry_person h ON h.id = m.person_id
  JOIN registry_person p ON p.name = m.name AND p.township_code = h.township_code AND p.id <> h.id
WHERE NOT EXISTS (SELECT 1 FROM registry_household_member o WHERE o.person_id = p.id)
GROUP BY m.id, h.id
HAVING COUNT(*) = 1;

-- one person can join only one household: drop candidates claimed twice
DELETE t FROM tmp_member_link t
  JOIN (SELECT person_id FROM tmp_member_link GROUP BY person_id HAVING COUNT(*) > 1) d
    ON d.person_id = t.person_id;

UPDATE registry_household_member m JOIN tmp_member_link t ON t.member_row = m.id
  SET m.member_person_id = t.person_id;

UPDATE registry_person p JOIN tmp_member_link t ON t.person_id = p.id
  SET p.household_id = t.head_id;

DROP TEMPORARY TABLE tmp_member_link;
