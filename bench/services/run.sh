#!/usr/bin/env bash
# 菜单式服务 list queries at scale: 1,000,000 service requests across 20 counties (30 townships
# each) in a scratch database, then the station's open-requests list (one township, 50 rows, oldest
# first), the referral-overdue list (one county, 50 rows) and a reference query (a request by its
# case number: the floor of an indexed lookup on this server) each run BENCH_RUNS times (default
# 500) with random regions, timed inside the server (SYSDATE(6) around each statement, so network
# and JDBC mapping are not included). Prints p50/p95/p99/max in ms.
#
#   bench/services/run.sh            # needs MariaDB on 127.0.0.1:3306, root without password
#   BENCH_ROWS=200000 bench/services/run.sh
#
# The tables and indexes are those of db/migration/V220__services_menu_requests_counselling.sql
# (services_request) and the name columns the list joins (registry_person, services_menu_item).
set -euo pipefail
db="${BENCH_DB:-casework_bench_svc}"
rows="${BENCH_ROWS:-1000000}"
runs="${BENCH_RUNS:-500}"
sql=(mysql -uroot -h127.0.0.1 --batch --skip-column-names)

"${sql[@]}" -e "drop database if exists $db; create database $db character set utf8mb4 collate utf8mb4_unicode_ci"
"${sql[@]}" "$db" <<SQL
create table registry_person (id bigint primary key, name varchar(64) not null) engine=InnoDB;
create table services_menu_item (id bigint primary key, name varchar(64) not null, version int not null) engine=InnoDB;
create table services_request (
  id bigint not null auto_increment primary key,
  case_number varchar(32) not null,
  county_code varchar(12) not null,
  township_code varchar(12) not null,
  person_id bigint not null,
  menu_item_id bigint not null,
  item_code varchar(32) not null,
  mode varchar(16) not null,
  channel varchar(16) not null,
  verified boolean not null,
  claimed_name varchar(64) null,
  claimed_phone varchar(32) null,
  note varchar(500) null,
  state varchar(24) not null,
  referred_at timestamp(6) null,
  referral_due_at timestamp(6) null,
  answer varchar(500) null,
  answered_at timestamp(6) null,
  result_outcome varchar(16) null,
  result_note varchar(500) null,
  amount decimal(12,2) null,
  place varchar(200) null,
  need_id bigint null,
  filed_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint uq_services_request_case unique (case_number)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
alter table services_request add column is_open boolean as (state not in ('DONE', 'REFUSED')) persistent;
create index ix_services_request_open_list on services_request (township_code, is_open, filed_at);
create index ix_services_request_county_open_list on services_request (county_code, is_open, filed_at);
create index ix_services_request_referral on services_request (county_code, state, referral_due_at);
create index ix_services_request_person on services_request (person_id, filed_at);
insert into services_menu_item select seq, concat('服务项目', seq), 1 from seq_1_to_8;
insert into registry_person select seq, concat('对象', seq) from seq_1_to_200000;
SQL

echo "[bench] generating $rows requests"
start=$(date +%s)
"${sql[@]}" "$db" <<SQL
set @now = now(6);
insert into services_request (case_number, county_code, township_code, person_id, menu_item_id,
  item_code, mode, channel, verified, state, referred_at, referral_due_at, filed_at, updated_at)
select concat('FW-', 350500 + (seq % 20), '-2026-', lpad(seq, 7, '0')),
  350500 + (seq % 20),
  concat(350500 + (seq % 20), lpad(1 + (seq div 20) % 30, 3, '0')),
  1 + seq % 200000,
  1 + seq % 8,
  'ITEM', if(seq % 8 in (2, 5), 'REFERRAL', 'STATION'), if(seq % 10 = 0, 'ONLINE', 'STATION'), true,
  case when (seq div 600) % 100 < 85 then if((seq div 600) % 100 < 80, 'DONE', 'REFUSED')
       when (seq div 600) % 100 < 88 then 'REFERRED'
       when (seq div 600) % 100 < 92 then 'HANDLING'
       when (seq div 600) % 100 < 95 then 'ACCEPTANCE'
       when (seq div 600) % 100 < 97 then 'RESULT'
       else 'FOLLOW_UP' end,
  if((seq div 600) % 100 between 85 and 87, @now - interval (seq % 40) day, null),
  if((seq div 600) % 100 between 85 and 87, @now - interval (seq % 40) day + interval 14 day, null),
  @now - interval (seq % 730) day - interval (seq % 86400) second,
  @now
from seq_1_to_${rows};
analyze table services_request;
SQL
echo "[bench] generated in $(( $(date +%s) - start )) s"

"${sql[@]}" "$db" <<SQL
create table timings (q varchar(16), ms double);
delimiter //
create procedure bench(n int)
begin
  declare i int default 0;
  declare t0 datetime(6);
  declare c varchar(12);
  declare t varchar(12);
  declare x text;
  declare k varchar(32);
  while i < n do
    set c = 350500 + floor(rand() * 20);
    set t = concat(c, lpad(1 + floor(rand() * 30), 3, '0'));
    set t0 = sysdate(6);
    select group_concat(case_number) into x from (
      select r.case_number, r.state, r.filed_at, p.name, m.name item
      from services_request r join registry_person p on p.id = r.person_id
      join services_menu_item m on m.id = r.menu_item_id
      where r.township_code = t
        and r.is_open = true
      order by r.filed_at limit 50) s;
    insert into timings values ('open', timestampdiff(microsecond, t0, sysdate(6)) / 1000);
    set t0 = sysdate(6);
    select group_concat(case_number) into x from (
      select r.case_number, r.referral_due_at, p.name, m.name item
      from services_request r join registry_person p on p.id = r.person_id
      join services_menu_item m on m.id = r.menu_item_id
      where r.county_code = c and r.state = 'REFERRED' and r.referral_due_at < now(6)
      order by r.referral_due_at limit 50) s;
    insert into timings values ('overdue', timestampdiff(microsecond, t0, sysdate(6)) / 1000);
    -- the key is computed first: rand() inside the WHERE would be evaluated per row (a full scan)
    set k = concat('FW-', c, '-2026-', lpad(1 + floor(rand() * ${rows}), 7, '0'));
    set t0 = sysdate(6);
    select group_concat(r.case_number) into x from services_request r
      join registry_person p on p.id = r.person_id
      where r.case_number = k;
    insert into timings values ('reference', timestampdiff(microsecond, t0, sysdate(6)) / 1000);
    set i = i + 1;
  end while;
end//
delimiter ;
call bench(20);
delete from timings;
call bench(${runs});
SQL

p50=$((runs / 2)); p95=$((runs * 95 / 100)); p99=$((runs * 99 / 100))
echo "[bench] ${runs} runs each, server-side ms (rows: $rows, 20 counties x 30 townships)"
mysql -uroot -h127.0.0.1 --table "$db" -e "
select q, count(*) n,
  round((select ms from timings t2 where t2.q = t1.q order by ms limit 1 offset ${p50}), 2) p50,
  round((select ms from timings t2 where t2.q = t1.q order by ms limit 1 offset ${p95}), 2) p95,
  round((select ms from timings t2 where t2.q = t1.q order by ms limit 1 offset ${p99}), 2) p99,
  round(max(ms), 2) max
from timings t1 group by q order by q"
"${sql[@]}" "$db" -e "explain select r.case_number from services_request r where r.township_code = '350501001' and r.is_open = true order by r.filed_at limit 50; explain select r.case_number from services_request r where r.county_code = '350501' and r.state = 'REFERRED' and r.referral_due_at < now(6) order by r.referral_due_at limit 50"
[[ "${BENCH_KEEP:-}" == 1 ]] || "${sql[@]}" -e "drop database $db"
