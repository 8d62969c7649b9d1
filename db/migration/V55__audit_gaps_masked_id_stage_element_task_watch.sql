-- Issue 7 gaps.
-- 1. Auditors search people by the masked ID number pages show (3505**********123X): the masked form
--    is stored beside the ciphertext (it reveals no more than every page does); V56 fills old rows.
ALTER TABLE registry_person ADD COLUMN id_number_masked VARCHAR(18) NULL;
CREATE INDEX ix_person_id_masked ON registry_person (id_number_masked);

-- 2. The BPMN element a "进入环节" history line stands for, so the auditor's diagram can mark the
--    path from data the app owns (element_id stays the completed task's, counted by the listener).
ALTER TABLE casefile_history ADD COLUMN stage_element_id VARCHAR(64) NULL;

-- 3. Claims in Tasklist: the last assignee seen per task, and how far the stream of completed tasks
--    has been read (Tasklist's sort values), so a restart resumes where it stopped.
CREATE TABLE casefile_task_watch (
  task_id              VARCHAR(32)  NOT NULL PRIMARY KEY,
  process_instance_key BIGINT       NOT NULL,
  element_id           VARCHAR(64)  NOT NULL,
  case_number          VARCHAR(32)  NULL,
  assignee             VARCHAR(64)  NULL,
  changes              INT          NOT NULL DEFAULT 0,
  completed            BOOLEAN      NOT NULL DEFAULT FALSE,
  seen_at              TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE casefile_task_cursor (
  name        VARCHAR(32)  NOT NULL PRIMARY KEY,
  sort_values VARCHAR(500) NULL,
  updated_at  TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
