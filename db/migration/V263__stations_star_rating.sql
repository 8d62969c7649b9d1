-- Star rating (评星定级, issue 19 §5): a county's star rules as data (the stars a station gets when it
-- meets the criteria: its latest accepted score in the year, no veto, the 五有 complete), the rating
-- history per station (append-only, with the rule version it was rated under), and the 五星帮带三星
-- pairs with their visits. Rows with region_prefix '' apply where a county has none of its own.
CREATE TABLE stations_star_rule (
  region_prefix   VARCHAR(6)   NOT NULL,
  version         INT          NOT NULL,
  stars           INT          NOT NULL,
  min_score       DECIMAL(5,1) NOT NULL,
  need_five_has   BOOLEAN      NOT NULL,
  label           VARCHAR(64)  NOT NULL,
  valid_from      DATE         NOT NULL,
  CONSTRAINT pk_stations_star_rule PRIMARY KEY (region_prefix, version, stars),
  CONSTRAINT ck_stations_star CHECK (stars BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_star_rule (region_prefix, version, stars, min_score, need_five_has, label, valid_from) VALUES
  ('', 1, 5, 98.0, TRUE,  '五星级：验收得分≥98分，无一票否决，“五有”齐全', '2025-01-01'),
  ('', 1, 4, 95.0, TRUE,  '四星级：验收得分≥95分，无一票否决，“五有”齐全', '2025-01-01'),
  ('', 1, 3, 90.0, FALSE, '三星级：验收达标（≥90分，无一票否决）', '2025-01-01'),
  ('', 1, 2, 80.0, FALSE, '二星级：验收得分≥80分', '2025-01-01'),
  ('', 1, 1, 0.0,  FALSE, '一星级：已开展验收', '2025-01-01');

CREATE TABLE stations_rating (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  station_id    BIGINT       NOT NULL,
  year          INT          NOT NULL,
  stars         INT          NOT NULL,
  score         DECIMAL(5,1) NULL,
  rule_prefix   VARCHAR(6)   NOT NULL,
  rule_version  INT          NOT NULL,
  basis         VARCHAR(255) NOT NULL,
  rated_by      VARCHAR(64)  NOT NULL,
  rated_at      TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_stations_rating_station FOREIGN KEY (station_id) REFERENCES stations_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_rating ON stations_rating (station_id, id);

CREATE TABLE stations_pair (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentor_id   BIGINT       NOT NULL,
  mentee_id   BIGINT       NOT NULL,
  since       DATE         NOT NULL,
  created_by  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT uq_stations_pair UNIQUE (mentor_id, mentee_id),
  CONSTRAINT fk_stations_pair_mentor FOREIGN KEY (mentor_id) REFERENCES stations_station (id),
  CONSTRAINT fk_stations_pair_mentee FOREIGN KEY (mentee_id) REFERENCES stations_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_pair_visit (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  pair_id     BIGINT       NOT NULL,
  visited_on  DATE         NOT NULL,
  note        VARCHAR(500) NOT NULL,
  recorded_by VARCHAR(64)  NOT NULL,
  recorded_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_stations_pair_visit FOREIGN KEY (pair_id) REFERENCES stations_pair (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
