-- Notices go out through one channel (casework.notices.channel; `local` ships with the app, a
-- deployment plugs SMS or 政务 messaging). The notice row is the outbox: written in the step's
-- transaction (once per case and step key), handed to the channel after commit, marked SENT.
-- Rows written before the channel existed stay RECORDED (never dispatched).
ALTER TABLE casefile_notice
  ADD COLUMN title             VARCHAR(100) NOT NULL DEFAULT '告知',
  ADD COLUMN delivery_state    VARCHAR(16)  NOT NULL DEFAULT 'RECORDED',
  ADD COLUMN delivery_attempts INT          NOT NULL DEFAULT 0,
  ADD COLUMN claimed_at        TIMESTAMP(6) NULL,
  ADD COLUMN delivered_at      TIMESTAMP(6) NULL,
  ADD COLUMN delivery_error    VARCHAR(500) NULL,
  ADD CONSTRAINT ck_notice_delivery_state
    CHECK (delivery_state IN ('RECORDED', 'PENDING', 'SENDING', 'SENT', 'FAILED'));

CREATE INDEX ix_notice_delivery ON casefile_notice (delivery_state, sent_at);

-- What the local sink "sent": one row per notice (the unique key makes a second hand-over a no-op).
CREATE TABLE casefile_notice_local_sink (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  notice_id           BIGINT        NOT NULL,
  case_number         VARCHAR(32)   NOT NULL,
  applicant_person_id BIGINT        NOT NULL,
  title               VARCHAR(100)  NOT NULL,
  text                VARCHAR(2000) NOT NULL,
  sent_at             TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uq_local_sink_notice UNIQUE (notice_id),
  CONSTRAINT fk_local_sink_notice FOREIGN KEY (notice_id) REFERENCES casefile_notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_local_sink_case ON casefile_notice_local_sink (case_number, sent_at);
