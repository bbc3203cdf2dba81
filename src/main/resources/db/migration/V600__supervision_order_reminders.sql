-- The reminder to consider extending an education supervision order (Children Act 1989 Sch 3
-- para 15(3): the authority applies in the three months before the order would expire): one row
-- per order and end, written in the transaction that starts its SupervisionOrderReminder instance,
-- so no end is ever reminded of twice (a restart, two nodes, a retried job: the key refuses the
-- second).
CREATE TABLE supervision_order_reminder (
  process_instance_id VARCHAR(64) NOT NULL,
  ends_on DATE NOT NULL,
  scheduled_on DATE NOT NULL,
  CONSTRAINT supervision_order_reminder_pk PRIMARY KEY (process_instance_id, ends_on),
  CONSTRAINT supervision_order_reminder_court FOREIGN KEY (process_instance_id) REFERENCES court_proceedings (process_instance_id)
);

-- The court's discharge of an education supervision order (Sch 3 para 17(1)): the order ends that day.
CREATE TABLE supervision_order_discharge (
  process_instance_id VARCHAR(64) NOT NULL,
  discharged_on DATE NOT NULL,
  recorded_by VARCHAR(64),
  recorded_on DATE NOT NULL,
  CONSTRAINT supervision_order_discharge_pk PRIMARY KEY (process_instance_id),
  CONSTRAINT supervision_order_discharge_court FOREIGN KEY (process_instance_id) REFERENCES court_proceedings (process_instance_id)
);
