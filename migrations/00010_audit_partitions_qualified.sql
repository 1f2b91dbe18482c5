-- The audit log's month partitions are made by a SECURITY DEFINER function (00009), which
-- the application role calls. It looked the month's table up by its bare name, which finds a
-- temporary table of the caller's (pg_temp is on the function's search_path, last): a
-- caller's temporary table named like a coming month kept the month from being created,
-- and audited writes would then fail when it came. Every name is now qualified by the
-- schema; the definer's settings are given again (CREATE OR REPLACE resets them).

-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_event_ensure_partitions(from_day date, to_day date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    m date := date_trunc('month', from_day)::date;
    name text;
BEGIN
    WHILE m <= to_day LOOP
        name := format('audit_event_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
        IF to_regclass(format('public.%I', name)) IS NULL THEN
            EXECUTE format('CREATE TABLE public.%I PARTITION OF public.audit_event FOR VALUES FROM (%L) TO (%L)',
                name, m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON public.%I
                FOR EACH STATEMENT EXECUTE FUNCTION public.audit_event_append_only()', name);
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
END;
$$;
-- +goose StatementEnd
