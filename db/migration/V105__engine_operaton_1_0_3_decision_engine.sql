-- Operaton 1.0.3 engine schema, part 6 of 7 (DMN repository: ACT_RE_DECISION_*).
--
-- Source: org/operaton/bpm/engine/db/create/activiti.mariadb.create.decision.engine.sql inside
-- org.operaton.bpm:operaton-engine:1.0.3 (sha256 3c59a43cb8a348a6aca8ce483e61814c34c54f661e92d4e3246043eb8e9d79b4).
-- V100..V106 run the seven scripts in the order the engine itself creates its schema
-- (AbstractPersistenceSession.dbSchemaCreate: engine, history, identity, case.engine,
-- case.history, decision.engine, decision.history). The engine never creates or alters its
-- tables here (operaton.bpm.database.schema-update=false); it only checks them at start-up.
--
-- The one change to the script: each table's options "ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE
-- utf8_bin" (3-byte, utf8mb3) became "ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4
-- COLLATE utf8mb4_bin" (2 tables here). No column declares its own charset, so every column
-- is utf8mb4. DYNAMIC keeps the 3072-byte index limit and off-page long VARCHARs whatever the
-- server's innodb_default_row_format: in utf8mb4 a VARCHAR(255) key is 1020 bytes (over
-- COMPACT's 767) and ACT_RU_JOB's row no longer fits a COMPACT page. Largest key of the seven
-- parts: 2296 bytes (ACT_IDX_VARIABLE_TASK_NAME_TYPE, V100), under 3072; the engine's own prefix
-- index ACT_IDX_JOB_HANDLER (100+155 chars, V100) is kept as it is.
--
-- RULE: never edit this file (Flyway checksums it). An engine upgrade that changes the schema
-- needs the new jar's upgrade script(s), org/operaton/bpm/engine/db/upgrade/mariadb_engine_*.sql,
-- added as a new migration V<n>__engine_<what>.sql with the same charset change;
-- EngineSchemaVersionTest fails the build while the jar's schema log version is not the one
-- these migrations record.
--
--
-- Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
-- under one or more contributor license agreements. See the NOTICE file
-- distributed with this work for additional information regarding copyright
-- ownership. Camunda licenses this file to you under the Apache License,
-- Version 2.0; you may not use this file except in compliance with the License.
-- You may obtain a copy of the License at
--
--     https://www.apache.org/licenses/LICENSE-2.0
--
-- Unless required by applicable law or agreed to in writing, software
-- distributed under the License is distributed on an "AS IS" BASIS,
-- WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
-- See the License for the specific language governing permissions and
-- limitations under the License.
--

-- create decision definition table --
create table ACT_RE_DECISION_DEF (
    ID_ varchar(64) not null,
    REV_ integer,
    CATEGORY_ varchar(255),
    NAME_ varchar(255),
    KEY_ varchar(255) not null,
    VERSION_ integer not null,
    DEPLOYMENT_ID_ varchar(64),
    RESOURCE_NAME_ varchar(4000),
    DGRM_RESOURCE_NAME_ varchar(4000),
    DEC_REQ_ID_ varchar(64),
    DEC_REQ_KEY_ varchar(255),
    TENANT_ID_ varchar(64),
    HISTORY_TTL_ integer,
    VERSION_TAG_ varchar(64),
    primary key (ID_)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin;

-- create decision requirements definition table --
create table ACT_RE_DECISION_REQ_DEF (
    ID_ varchar(64) NOT NULL,
    REV_ integer,
    CATEGORY_ varchar(255),
    NAME_ varchar(255),
    KEY_ varchar(255) NOT NULL,
    VERSION_ integer NOT NULL,
    DEPLOYMENT_ID_ varchar(64),
    RESOURCE_NAME_ varchar(4000),
    DGRM_RESOURCE_NAME_ varchar(4000),
    TENANT_ID_ varchar(64),
    primary key (ID_)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin;

alter table ACT_RE_DECISION_DEF
    add constraint ACT_FK_DEC_REQ
    foreign key (DEC_REQ_ID_)
    references ACT_RE_DECISION_REQ_DEF(ID_);

create index ACT_IDX_DEC_DEF_TENANT_ID on ACT_RE_DECISION_DEF(TENANT_ID_);
create index ACT_IDX_DEC_DEF_REQ_ID on ACT_RE_DECISION_DEF(DEC_REQ_ID_);
create index ACT_IDX_DEC_REQ_DEF_TENANT_ID on ACT_RE_DECISION_REQ_DEF(TENANT_ID_);
