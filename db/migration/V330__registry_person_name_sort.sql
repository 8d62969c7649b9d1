-- 服务对象查询 sorts by name in pinyin order: the name in GBK (its first-level characters are in
-- pinyin order) compared byte by byte, kept beside the name and indexed with the region columns the
-- search filters on, so a township's or a village's page is read in index order.
ALTER TABLE registry_person
  ADD COLUMN name_sort VARCHAR(64) CHARACTER SET gbk COLLATE gbk_bin
    GENERATED ALWAYS AS (CONVERT(name USING gbk)) STORED;

CREATE INDEX ix_person_township_name ON registry_person (township_code, name_sort, id);
CREATE INDEX ix_person_village_name ON registry_person (village_code, name_sort, id);
