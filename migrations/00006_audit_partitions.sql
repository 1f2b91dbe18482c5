-- The audit log, partitioned by month, with compact read rows.
--
-- Why: one READ row per record returned made the audit table larger than all deliveries after
-- twenty minutes of reading. A request's reads are now one row per request and scope (the
-- record ids per type in `reads`), written by a group-committing writer (store/auditwriter.go).
-- Monthly partitions make retention a matter of dropping a partition (see README, "Audit log")
-- instead of deleting rows from an append-only table.
--
-- Rows written before this migration keep their shape (one READ row per record, `reads` NULL);
-- the queries read both shapes.

-- +goose Up
ALTER TABLE audit_event RENAME TO audit_event_unpartitioned;
ALTER TABLE audit_event_unpartitioned RENAME CONSTRAINT audit_event_pkey TO audit_event_unpartitioned_pkey;
DROP INDEX audit_event_at_idx, audit_event_entity_idx, audit_event_actor_idx, audit_event_region_idx,
    audit_event_failed_email_idx, audit_event_failed_address_idx, audit_event_municipality_idx;

CREATE SEQUENCE audit_event_seq AS bigint;

CREATE TABLE audit_event (
    id              bigint NOT NULL DEFAULT nextval('audit_event_seq'),
    at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id        integer REFERENCES app_user (id),
    actor_role      text,
    action          text NOT NULL CHECK (action IN ('READ', 'CREATE', 'UPDATE', 'DELETE', 'SIGN_IN',
                                                   'SIGN_IN_FAILED', 'SIGN_OUT', 'TOKEN_USE', 'EXPORT')),
    -- the type of the record concerned; for a read row of several types, "Records"
    entity_type     text NOT NULL,
    -- the record, when the row concerns exactly one
    entity_id       bigint,
    -- the planning region the record belongs to, which lets its coordinator see the event
    region_id       smallint REFERENCES planning_region (id),
    -- a case record's municipality: the coordinators of its projects see the event
    municipality_id integer REFERENCES municipality (id),
    request_id      text NOT NULL,
    address         inet,
    before          jsonb,
    after           jsonb,
    -- what else identifies the event, e.g. the email of a failed sign-in
    details         jsonb,
    -- a read row's records: {"Child": [12, 14], "Parent": [3]}; all share region and municipality
    reads           jsonb,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

ALTER SEQUENCE audit_event_seq OWNED BY audit_event.id;

CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at DESC);
CREATE INDEX audit_event_region_idx ON audit_event (region_id, at DESC, id DESC);
CREATE INDEX audit_event_municipality_idx ON audit_event (municipality_id, at DESC, id DESC);
-- "Who read this child, when": reads @> '{"Child": [12]}' finds the compact rows.
CREATE INDEX audit_event_reads_idx ON audit_event USING gin (reads);
-- Failed sign-ins are counted per account and per address to rate-limit guessing.
CREATE INDEX audit_event_failed_email_idx ON audit_event ((details ->> 'email'), at) WHERE action = 'SIGN_IN_FAILED';
CREATE INDEX audit_event_failed_address_idx ON audit_event (address, at) WHERE action = 'SIGN_IN_FAILED';

COMMENT ON TABLE audit_event IS 'Append-only audit log of reads and changes of personal data, sign-ins and token use, partitioned by month (audit_event_yYYYYmMM).';

CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- audit_event_ensure_partitions creates the monthly partitions (months in UTC) from the month of from_day to
-- the month of to_day, those missing, each refusing TRUNCATE as the parent does (a statement
-- trigger on the parent does not fire for a partition truncated on its own). The server calls
-- it at start and twice a day for the current month and the next two, so an insert always has
-- a partition; there is no default partition, whose rows would block creating the next month.
-- +goose StatementBegin
CREATE FUNCTION audit_event_ensure_partitions(from_day date, to_day date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', from_day)::date;
    name text;
BEGIN
    WHILE m <= to_day LOOP
        name := format('audit_event_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                name, m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I
                FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()', name);
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- Partitions for every month of the rows kept so far, and for this month and the next three.
SELECT audit_event_ensure_partitions(
    least((SELECT min(at) FROM audit_event_unpartitioned), now() - interval '1 month')::date,
    (now() + interval '3 months')::date);

INSERT INTO audit_event (id, at, actor_id, actor_role, action, entity_type, entity_id, region_id, municipality_id,
                         request_id, address, before, after, details)
SELECT id, at, actor_id, actor_role, action, entity_type, entity_id, region_id, municipality_id,
       request_id, address, before, after, details
FROM audit_event_unpartitioned;

SELECT setval('audit_event_seq', coalesce((SELECT max(id) FROM audit_event_unpartitioned), 0) + 1, false);

DROP TABLE audit_event_unpartitioned;

