-- Spring Modulith's JPA event publication registry: module events survive a crash.
CREATE TABLE event_publication (
  id               BINARY(16)    NOT NULL PRIMARY KEY,
  listener_id      VARCHAR(512)  NOT NULL,
  event_type       VARCHAR(512)  NOT NULL,
  serialized_event VARCHAR(4000) NOT NULL,
  publication_date TIMESTAMP(6)  NOT NULL,
  completion_date  TIMESTAMP(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_event_publication_open ON event_publication (completion_date, publication_date);
