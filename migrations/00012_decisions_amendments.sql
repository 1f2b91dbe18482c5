-- Dated decisions and project amendments (issue 14).
--
-- 1. A decision carries the day it was taken, besides when it was entered: a paper decision of
--    last week is entered today with last week's date, and eligibility is checked on that day.
--    application.decided_on and application_event.on_date; plan_revision.approved_on,
--    activated_on and closed_on. Earlier rows get the day they were entered (Riga time), which
--    is what the day was taken as before; activation and closing were not recorded by day
--    before, so they stay null there.
-- 2. project_amendment: every amendment of a project (dates, budget, funding, partners,
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
