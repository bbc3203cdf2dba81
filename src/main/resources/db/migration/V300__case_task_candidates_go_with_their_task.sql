-- The candidates of a task in the case file's search table (V170) go with the task: when a task
-- ends, the writer deletes its row and the database deletes its candidates, one statement where
-- there were two. No candidate can be left without its task (the writer adds a candidate only to
-- a task that has a row, and has always deleted a task's candidates with it); should a database
-- hold one all the same, it names a task that has ended, so it is removed first.
-- The primary key (task_id, kind, candidate) serves the cascade's look-up by task. Portable SQL:
-- H2 and PostgreSQL.
DELETE FROM cf_case_task_candidate
  WHERE NOT EXISTS (SELECT 1 FROM cf_case_task t WHERE t.task_id = cf_case_task_candidate.task_id);

ALTER TABLE cf_case_task_candidate
  ADD CONSTRAINT cf_case_task_candidate_task_fk FOREIGN KEY (task_id)
  REFERENCES cf_case_task (task_id) ON DELETE CASCADE;
