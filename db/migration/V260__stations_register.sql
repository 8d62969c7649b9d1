-- Station register (issue 19 §1): every county centre, township, village station and 特色服务站 with
-- its type, the 五有 facts, staff, funding per year and facilities, and an append-only history of
-- changes (who, when, why). jurisdiction_station keeps the name/address/phone of a region's station;
-- this register is the stations module's own.
CREATE TABLE stations_station (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_code         VARCHAR(12)  NOT NULL,
  kind                VARCHAR(16)  NOT NULL,
  special_kind        VARCHAR(16)  NULL,
  name                VARCHAR(128) NOT NULL,
  address             VARCHAR(255) NULL,
  phone               VARCHAR(32)  NULL,
  contact_name        VARCHAR(64)  NULL,
  -- 五有: 机构 (founding document), 编制 (posts); 人员, 经费, 保障 are derived from staff, funding and rooms
  founding_document   VARCHAR(128) NULL,
  establishment_posts INT          NOT NULL DEFAULT 0,
  created_at          TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_stations_region FOREIGN KEY (region_code) REFERENCES jurisdiction_region (code),
  CONSTRAINT ck_stations_kind CHECK (kind IN ('COUNTY_CENTRE', 'TOWNSHIP', 'VILLAGE', 'SPECIAL')),
  CONSTRAINT ck_stations_special CHECK (
    (kind = 'SPECIAL' AND special_kind IN ('BANK', 'SERVICE_AREA', 'UNIVERSITY', 'CHAMBER'))
    OR (kind <> 'SPECIAL' AND special_kind IS NULL)),
  CONSTRAINT uq_stations_name UNIQUE (region_code, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_region ON stations_station (region_code, kind);

CREATE TABLE stations_staff (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  station_id  BIGINT       NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  position    VARCHAR(64)  NULL,
  full_time   BOOLEAN      NOT NULL,
  veteran     BOOLEAN      NOT NULL,
  added_at    TIMESTAMP(6) NOT NULL,
  removed_at  TIMESTAMP(6) NULL,
  CONSTRAINT fk_stations_staff_station FOREIGN KEY (station_id) REFERENCES stations_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_funding (
  station_id BIGINT        NOT NULL,
  year       INT           NOT NULL,
  amount     DECIMAL(12,2) NOT NULL,
  source     VARCHAR(128)  NULL,
  CONSTRAINT pk_stations_funding PRIMARY KEY (station_id, year),
  CONSTRAINT fk_stations_funding_station FOREIGN KEY (station_id) REFERENCES stations_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The rooms the standards name (data: a county may add its own).
CREATE TABLE stations_room_kind (
  code       VARCHAR(24) NOT NULL PRIMARY KEY,
  label      VARCHAR(32) NOT NULL,
  sort_order INT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_room_kind (code, label, sort_order) VALUES
  ('SERVICE_HALL', '服务大厅（服务窗口）', 1),
  ('OFFICE', '办公室', 2),
  ('ARCHIVE', '档案室（档案柜）', 3),
  ('ACTIVITY', '活动室', 4),
  ('TALK', '谈心室（调解室）', 5),
  ('HONOUR', '荣誉墙（展示室）', 6);

CREATE TABLE stations_facility (
  station_id BIGINT      NOT NULL,
  room       VARCHAR(24) NOT NULL,
  CONSTRAINT pk_stations_facility PRIMARY KEY (station_id, room),
  CONSTRAINT fk_stations_facility_station FOREIGN KEY (station_id) REFERENCES stations_station (id),
  CONSTRAINT fk_stations_facility_room FOREIGN KEY (room) REFERENCES stations_room_kind (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: nothing here is updated or deleted.
CREATE TABLE stations_change (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  station_id  BIGINT        NOT NULL,
  what        VARCHAR(32)   NOT NULL,
  old_value   VARCHAR(500)  NULL,
  new_value   VARCHAR(500)  NULL,
  reason      VARCHAR(500)  NOT NULL,
  changed_by  VARCHAR(64)   NOT NULL,
  changed_at  TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_stations_change_station FOREIGN KEY (station_id) REFERENCES stations_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stations_change ON stations_change (station_id, id);
