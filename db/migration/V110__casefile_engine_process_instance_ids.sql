-- Operaton names process instances by string ids; the Tasklist claim watcher's tables go with
-- Camunda 8 (the engine's own history now records who claimed and completed a task).
ALTER TABLE casefile_case CHANGE process_instance_key process_instance_id VARCHAR(64) NULL;
CREATE INDEX idx_casefile_case_process_instance ON casefile_case (process_instance_id);
ALTER TABLE condolence_campaign CHANGE process_instance_key process_instance_id VARCHAR(64) NULL;
DROP TABLE casefile_task_watch;
DROP TABLE casefile_task_cursor;
