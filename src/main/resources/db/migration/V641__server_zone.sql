-- The JVM zone the engine's own tables are kept in (their due dates and timers are TIMESTAMP
-- without a zone, in the JVM's): recorded by the first start with this table, checked by every
-- later start of every node (engine/ServerZone, ADR 0011). One row.
CREATE TABLE att_server_zone (
  id SMALLINT PRIMARY KEY,
  zone VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT att_server_zone_one_row CHECK (id = 1)
);
