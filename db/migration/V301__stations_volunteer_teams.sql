-- Volunteer teams (issue 19 §7; seed 001, 002 §10, 004 items 52–54): a station's teams, their
-- members (people in the registry), activities with date, place, hours and who was served. Each
-- person served is recorded as a contact in the contact programme (contact_visit_id).
CREATE TABLE stations_volunteer_team (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  station_id  BIGINT       NOT NULL,
  name        VARCHAR(128) NOT NULL,
  founded_on  DATE         NOT NULL,
  purpose     VARCHAR(500) NULL,
  created_by  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT uq_stations_volunteer_team UNIQUE (station_id, name),
  CONSTRAINT fk_stations_volunteer_team_station FOREIGN KEY (station_id) REFERENCES stations_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_volunteer_member (
  team_id     BIGINT       NOT NULL,
  person_id   BIGINT       NOT NULL,
  role        VARCHAR(32)  NULL,
  joined_on   DATE         NOT NULL,
  left_on     DATE         NULL,
  recorded_by VARCHAR(64)  NOT NULL,
  recorded_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT pk_stations_volunteer_member PRIMARY KEY (team_id, person_id),
  CONSTRAINT fk_stations_volunteer_member_team FOREIGN KEY (team_id) REFERENCES stations_volunteer_team (id),
  CONSTRAINT fk_stations_volunteer_member_person FOREIGN KEY (person_id) REFERENCES registry_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_volunteer_activity (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  team_id     BIGINT       NOT NULL,
  held_on     DATE         NOT NULL,
  place       VARCHAR(128) NOT NULL,
  hours       DECIMAL(4,1) NOT NULL,
  content     VARCHAR(500) NOT NULL,
  recorded_by VARCHAR(64)  NOT NULL,
  recorded_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_stations_volunteer_activity_team FOREIGN KEY (team_id) REFERENCES stations_volunteer_team (id),
  CONSTRAINT ck_stations_volunteer_hours CHECK (hours > 0 AND hours <= 24)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_volunteer_activity ON stations_volunteer_activity (team_id, held_on);

CREATE TABLE stations_volunteer_served (
  activity_id      BIGINT NOT NULL,
  person_id        BIGINT NOT NULL,
  contact_visit_id BIGINT NULL,
  CONSTRAINT pk_stations_volunteer_served PRIMARY KEY (activity_id, person_id),
  CONSTRAINT fk_stations_volunteer_served_activity FOREIGN KEY (activity_id) REFERENCES stations_volunteer_activity (id),
  CONSTRAINT fk_stations_volunteer_served_person FOREIGN KEY (person_id) REFERENCES registry_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- items 52–54 of the Fengdu sheet read the team data (SystemFacts)
UPDATE stations_sheet_item SET source = 'VOLUNTEER_TEAM' WHERE sheet_id = 1 AND code = '52';
UPDATE stations_sheet_item SET source = 'VOLUNTEER_ACTIVITY' WHERE sheet_id = 1 AND code = '53';
UPDATE stations_sheet_item SET source = 'VOLUNTEER_RECORDS' WHERE sheet_id = 1 AND code = '54';
