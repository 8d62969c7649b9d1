-- Petitions (信访, 信访工作条例 2022). One row per case; the case itself (number, region, status,
-- history, notices) lives in casefile. unit_level/unit_region name the accepting unit, which owns
-- the case until it is closed (首办责任). matter_key + lead person identify "the same matter".
CREATE TABLE petition (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id             BIGINT        NOT NULL,
  case_number         VARCHAR(32)   NOT NULL,
  channel             VARCHAR(16)   NOT NULL,
  lead_person_id      BIGINT        NOT NULL,
  matter_key          VARCHAR(200)  NOT NULL,
  subject             VARCHAR(200)  NOT NULL,
  requests            VARCHAR(1000) NOT NULL,
  group_size          INT           NOT NULL,
  unit_level          VARCHAR(16)   NOT NULL,
  unit_region         VARCHAR(12)   NOT NULL,
  registered_by       VARCHAR(64)   NOT NULL,
  registered_at       TIMESTAMP(6)  NOT NULL,
  decision_due_at     TIMESTAMP(6)  NOT NULL,
  phase               VARCHAR(24)   NOT NULL,
  decision            VARCHAR(16)   NULL,
  decision_reason     VARCHAR(1000) NULL,
  transferred_to      VARCHAR(200)  NULL,
  decided_by          VARCHAR(64)   NULL,
  decided_at          TIMESTAMP(6)  NULL,
  handling_officer    VARCHAR(64)   NULL,
  handling_due_at     TIMESTAMP(6)  NULL,
  extension_days      INT           NULL,
  extension_reason    VARCHAR(500) NULL,
  extension_approver  VARCHAR(64)   NULL,
  investigation       VARCHAR(1000) NULL,
  meeting             VARCHAR(1000) NULL,
  opinion             VARCHAR(2000) NULL,
  opinion_at          TIMESTAMP(6)  NULL,
  review_requested_at TIMESTAMP(6)  NULL,
  review_opinion      VARCHAR(2000) NULL,
  review_at           TIMESTAMP(6)  NULL,
  rereview_requested_at TIMESTAMP(6) NULL,
  rereview_opinion    VARCHAR(2000) NULL,
  rereview_at         TIMESTAMP(6)  NULL,
  final_at            TIMESTAMP(6)  NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uq_petition_case UNIQUE (case_number),
  CONSTRAINT fk_petition_case FOREIGN KEY (case_id) REFERENCES casefile_case (id),
  CONSTRAINT fk_petition_lead FOREIGN KEY (lead_person_id) REFERENCES registry_person (id),
  CONSTRAINT ck_petition_channel CHECK (channel IN ('LETTER', 'VISIT', 'PHONE', 'ONLINE')),
  CONSTRAINT ck_petition_level CHECK (unit_level IN ('TOWNSHIP', 'COUNTY')),
  CONSTRAINT ck_petition_group CHECK (group_size BETWEEN 1 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "The same matter": one petitioner, one matter key; open cases are found through this index.
CREATE INDEX ix_petition_matter ON petition (lead_person_id, matter_key, phase);

-- Petitioners: from the registry (person_id) or by name only (a letter without an ID number,
-- the other members of a group visit). For a group visit these are the representatives (≤ 5).
CREATE TABLE petition_petitioner (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  petition_id  BIGINT       NOT NULL,
  position     INT          NOT NULL,
  person_id    BIGINT       NULL,
  name         VARCHAR(64)  NOT NULL,
  CONSTRAINT fk_petitioner_petition FOREIGN KEY (petition_id) REFERENCES petition (id),
  CONSTRAINT fk_petitioner_person FOREIGN KEY (person_id) REFERENCES registry_person (id),
  CONSTRAINT uq_petitioner_position UNIQUE (petition_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every letter, visit, call or message on a matter that already has a case: linked to the open
-- case (REPEAT) or, after the matter became final, answered "not accepted again" (FINAL_REPEAT).
CREATE TABLE petition_repeat (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number    VARCHAR(32)   NOT NULL,
  kind           VARCHAR(16)   NOT NULL,
  channel        VARCHAR(16)   NOT NULL,
  person_id      BIGINT        NOT NULL,
  subject        VARCHAR(200)  NOT NULL,
  requests       VARCHAR(1000) NOT NULL,
  answer         VARCHAR(1000) NOT NULL,
  registered_by  VARCHAR(64)   NOT NULL,
  registered_at  TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_repeat_case FOREIGN KEY (case_number) REFERENCES petition (case_number),
  CONSTRAINT ck_repeat_kind CHECK (kind IN ('REPEAT', 'FINAL_REPEAT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_repeat_case ON petition_repeat (case_number, registered_at);

-- Officers with a conflict of interest (回避): they cannot be assigned to the petition.
CREATE TABLE petition_conflict (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(32)   NOT NULL,
  username    VARCHAR(64)   NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  marked_by   VARCHAR(64)   NOT NULL,
  marked_at   TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_petition_conflict UNIQUE (case_number, username),
  CONSTRAINT fk_conflict_case FOREIGN KEY (case_number) REFERENCES petition (case_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Written notices to the petitioner (告知书, 意见书): what the PDF is rendered from, once per step.
CREATE TABLE petition_notice (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number   VARCHAR(32)   NOT NULL,
  kind          VARCHAR(24)   NOT NULL,
  step_key      VARCHAR(128)  NOT NULL,
  issued_at     TIMESTAMP(6)  NOT NULL,
  deadline_day  DATE          NULL,
  body          VARCHAR(4000) NOT NULL,
  CONSTRAINT uq_petition_notice_step UNIQUE (case_number, step_key),
  CONSTRAINT fk_notice_petition FOREIGN KEY (case_number) REFERENCES petition (case_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_petition_notice_kind ON petition_notice (case_number, kind, issued_at);

-- Rules per region (''= national; a 2/4/6/9-digit prefix overrides): how many representatives a
-- group visit may send (信访工作条例 Art. 18: at most 5).
CREATE TABLE petition_policy (
  region_code         VARCHAR(12) NOT NULL PRIMARY KEY,
  max_representatives INT         NOT NULL,
  CONSTRAINT ck_petition_policy_reps CHECK (max_representatives BETWEEN 1 AND 20)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO petition_policy (region_code, max_representatives) VALUES ('', 5);
