-- Dated decisions and project amendments (issue 14).
--
-- 1. A decision carries the day it was taken, besides when it was entered: a paper decision of
--    last week is entered today with last week's date, and eligibility is checked on that day.
--    application.decided_on and application_event.on_date; plan_revision.approved_on,
--    activated_on and closed_on. Earlier rows get the day they were entered (Riga time), which
--    is what the day was taken as before; activation and closing were not recorded by day
--    before, so they stay null there.
-- 2. child_project_sessions: each child's sessions in a project that count towards the
--    child's sessions cap (the child's own, of a service type that counts, not rejected), kept
--    by a trigger in the writing transaction, so that the worklist's children near their cap
--    read one row per child instead of summing every delivery. A child's deliveries are
--    written under the child's lock (store.LockChildren), so its row is never contended by
--    other children's writers.
-- 3. project_amendment: every amendment of a project (dates, budget, funding, partners,
--    targets, cap rules) with its reason, decision day and the fields it changed, numbered per
--    project. Rows are only added.

-- +goose Up
ALTER TABLE application ADD COLUMN decided_on date;
UPDATE application a SET decided_on = (SELECT (max(e.at) AT TIME ZONE 'Europe/Riga')::date
    FROM application_event e WHERE e.application_id = a.id AND e.status = a.status)
WHERE a.status <> 'SUBMITTED';
ALTER TABLE application ADD CONSTRAINT application_decided_on_check
    CHECK ((status = 'SUBMITTED') = (decided_on IS NULL)) NOT VALID;

ALTER TABLE application_event ADD COLUMN on_date date;
UPDATE application_event SET on_date = (at AT TIME ZONE 'Europe/Riga')::date;
-- The submission's event is dated the day the application was received.
UPDATE application_event e SET on_date = a.submitted_on FROM application a
WHERE a.id = e.application_id AND e.status = 'SUBMITTED';
ALTER TABLE application_event ALTER COLUMN on_date SET NOT NULL;

ALTER TABLE plan_revision ADD COLUMN approved_on date, ADD COLUMN activated_on date, ADD COLUMN closed_on date;
UPDATE plan_revision SET approved_on = (approved_at AT TIME ZONE 'Europe/Riga')::date WHERE approved_at IS NOT NULL;

CREATE TABLE child_project_sessions (
    child_id   integer NOT NULL,
    project_id integer NOT NULL,
    sessions   integer NOT NULL,
    PRIMARY KEY (child_id, project_id)
);

COMMENT ON TABLE child_project_sessions IS 'Maintained: sessions of a child in a project that count towards the child''s sessions cap.';

-- +goose StatementBegin
-- What a delivery adds to its child's counted sessions.
CREATE FUNCTION child_sessions_counted(d public.service_delivery) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN d.status <> 'REJECTED' AND d.parent_id IS NULL AND st.counts_towards_session_cap THEN d.units ELSE 0 END
    FROM public.service_type st WHERE st.id = d.service_type_id
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION child_sessions_add(child integer, project integer, n integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO public.child_project_sessions AS s (child_id, project_id, sessions) VALUES (child, project, n)
    ON CONFLICT (child_id, project_id) DO UPDATE SET sessions = s.sessions + excluded.sessions
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION child_sessions_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    before integer := 0;
    after integer := 0;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        before := public.child_sessions_counted(OLD);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        after := public.child_sessions_counted(NEW);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.child_id = NEW.child_id AND OLD.project_id = NEW.project_id THEN
        IF after <> before THEN
            PERFORM public.child_sessions_add(NEW.child_id, NEW.project_id, after - before);
        END IF;
        RETURN NULL;
    END IF;
    IF before <> 0 THEN
        PERFORM public.child_sessions_add(OLD.child_id, OLD.project_id, -before);
    END IF;
    IF after <> 0 THEN
        PERFORM public.child_sessions_add(NEW.child_id, NEW.project_id, after);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
-- Builds child_project_sessions from the deliveries (this migration; a bulk load with the
-- trigger off).
CREATE FUNCTION child_sessions_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM public.child_project_sessions;
    INSERT INTO public.child_project_sessions (child_id, project_id, sessions)
    SELECT d.child_id, d.project_id, sum(d.units) FROM public.service_delivery d JOIN public.service_type st ON st.id = d.service_type_id
    WHERE d.status <> 'REJECTED' AND d.parent_id IS NULL AND st.counts_towards_session_cap
    GROUP BY d.child_id, d.project_id;
$$;
-- +goose StatementEnd

CREATE TRIGGER service_delivery_child_sessions AFTER INSERT OR UPDATE OR DELETE ON service_delivery
    FOR EACH ROW EXECUTE FUNCTION child_sessions_trigger();

SELECT child_sessions_rebuild();

CREATE TABLE project_amendment (
    project_id integer NOT NULL REFERENCES project (id),
    number     integer NOT NULL CHECK (number > 0),
    decided_on date NOT NULL,
    entered_at timestamptz NOT NULL DEFAULT now(),
    actor_id   integer REFERENCES app_user (id),
    reason     text NOT NULL CHECK (reason <> ''),
    -- [{"field": ..., "before": ..., "after": ...}], the fields the amendment changed
    changes    jsonb NOT NULL,
    PRIMARY KEY (project_id, number)
);

COMMENT ON TABLE project_amendment IS 'Amendments of DI projects (grozījumi), numbered per project; rows are only added.';
