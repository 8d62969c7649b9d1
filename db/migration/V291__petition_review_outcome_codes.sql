-- 复查 / 复核 outcomes as coded data (信访工作条例 第三十五、三十六条: 维持、变更、撤销原处理意见,
-- or 责令重新办理), chosen on the review forms; the report counts them by code (docs/reports.md).
CREATE TABLE petition_review_outcome (
  code       VARCHAR(16) NOT NULL PRIMARY KEY,
  label      VARCHAR(32) NOT NULL,
  sort_order INT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO petition_review_outcome (code, label, sort_order) VALUES
  ('UPHELD',  '维持',         1),
  ('VARIED',  '变更',         2),
  ('REVOKED', '撤销',         3),
  ('REDO',    '责令重新办理', 4);

ALTER TABLE petition
  ADD COLUMN review_outcome   VARCHAR(16) NULL AFTER review_opinion,
  ADD COLUMN rereview_outcome VARCHAR(16) NULL AFTER rereview_opinion,
  ADD CONSTRAINT fk_petition_review_outcome FOREIGN KEY (review_outcome)
    REFERENCES petition_review_outcome (code),
  ADD CONSTRAINT fk_petition_rereview_outcome FOREIGN KEY (rereview_outcome)
    REFERENCES petition_review_outcome (code);

-- Back-fill from the opinions written before: the strongest wording wins (an opinion that revokes
-- and orders the matter handled again is 责令重新办理; one that revokes is 撤销; then 变更; then 维持).
-- An opinion naming none stays without a code (the report shows it as 未记录结论).
UPDATE petition SET review_outcome = CASE
    WHEN review_opinion LIKE '%重新办理%' OR review_opinion LIKE '%重新处理%' THEN 'REDO'
    WHEN review_opinion LIKE '%撤销%' THEN 'REVOKED'
    WHEN review_opinion LIKE '%变更%' THEN 'VARIED'
    WHEN review_opinion LIKE '%维持%' THEN 'UPHELD'
  END
  WHERE review_opinion IS NOT NULL AND review_outcome IS NULL;
UPDATE petition SET rereview_outcome = CASE
    WHEN rereview_opinion LIKE '%重新办理%' OR rereview_opinion LIKE '%重新处理%' THEN 'REDO'
    WHEN rereview_opinion LIKE '%撤销%' THEN 'REVOKED'
    WHEN rereview_opinion LIKE '%变更%' THEN 'VARIED'
    WHEN rereview_opinion LIKE '%维持%' THEN 'UPHELD'
  END
  WHERE rereview_opinion IS NOT NULL AND rereview_outcome IS NULL;
