-- plan_line_usage: what is delivered (not rejected) of each line of each plan, in units and
-- money, kept by a trigger in the writing transaction, so that the offline package of mobile
-- clients (store/offline.go), which every sync computes for all of a caller's children, reads
-- a few rows per child instead of every delivery since the plan began (6.2 s for the busiest
-- municipality's worker at a quarter of the national scale, bench/offline). A child's
-- deliveries are written under the child's lock, so its rows are never contended by other
-- children's writers. (00013 is the api_token kind of the same issue.)

-- +goose Up
CREATE TABLE plan_line_usage (
    plan_id         integer NOT NULL,
    line_key        uuid NOT NULL,
    service_type_id integer NOT NULL,
    recipient       text NOT NULL,
    child_id        integer NOT NULL,
    project_id      integer NOT NULL,
    units           integer NOT NULL,
    amount          numeric(14, 2) NOT NULL,
    PRIMARY KEY (plan_id, line_key, service_type_id, recipient)
);

CREATE INDEX plan_line_usage_child_idx ON plan_line_usage (child_id);

COMMENT ON TABLE plan_line_usage IS 'Maintained: delivered (not rejected) units and money of each plan line.';

-- +goose StatementBegin
-- Adds (sign 1) or takes away (sign -1) what a delivery contributes: nothing when rejected.
CREATE FUNCTION plan_line_usage_add(d public.service_delivery, sign integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO public.plan_line_usage AS u (plan_id, line_key, service_type_id, recipient, child_id, project_id, units, amount)
    SELECT d.plan_id, d.line_key, d.service_type_id, d.recipient, d.child_id, d.project_id, sign * d.units, sign * d.units * d.unit_price
    WHERE d.status <> 'REJECTED'
    ON CONFLICT (plan_id, line_key, service_type_id, recipient)
    DO UPDATE SET units = u.units + excluded.units, amount = u.amount + excluded.amount
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION plan_line_usage_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Verifying and claiming change neither what counts nor how much: most updates stop here.
    IF TG_OP = 'UPDATE' AND (OLD.status = 'REJECTED') = (NEW.status = 'REJECTED') AND OLD.units = NEW.units
        AND OLD.unit_price = NEW.unit_price AND OLD.plan_id = NEW.plan_id AND OLD.line_key = NEW.line_key THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM public.plan_line_usage_add(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM public.plan_line_usage_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
-- Builds plan_line_usage from the deliveries (this migration; a bulk load with the trigger off).
CREATE FUNCTION plan_line_usage_rebuild() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM public.plan_line_usage;
    INSERT INTO public.plan_line_usage (plan_id, line_key, service_type_id, recipient, child_id, project_id, units, amount)
    SELECT plan_id, line_key, service_type_id, recipient, min(child_id), min(project_id), sum(units), sum(units * unit_price)
    FROM public.service_delivery WHERE status <> 'REJECTED'
    GROUP BY plan_id, line_key, service_type_id, recipient;
$$;
-- +goose StatementEnd

CREATE TRIGGER service_delivery_plan_line_usage AFTER INSERT OR UPDATE OR DELETE ON service_delivery
    FOR EACH ROW EXECUTE FUNCTION plan_line_usage_trigger();

SELECT plan_line_usage_rebuild();
