-- Statistics read maintained aggregates, never the deliveries themselves for whole months:
-- stat_delivery_month holds every (month, municipality, project, service type, child,
-- recipient) with its deliveries, units and cost, kept by a trigger in the same transaction as
-- every write of a delivery (recorded, corrected, rejected, claimed), so that a committed write
-- is in the next answer. Rejected deliveries do not count. child_family keeps each child's
-- family (the children linked through shared parents), kept by a trigger on child_parent.
-- The queries over them are in store/statistics.go; the definitions in schema/statistics.graphql.

-- +goose Up

CREATE TABLE stat_delivery_month (
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    municipality_id integer NOT NULL,
    project_id      integer NOT NULL,
    service_type_id integer NOT NULL,
    child_id        integer NOT NULL,
    -- 0 for the child's own services; the parent for the parents' (a key column cannot be null)
    parent_id       integer NOT NULL,
    deliveries      integer NOT NULL CHECK (deliveries > 0),
    units           integer NOT NULL,
    cost_cents      bigint NOT NULL,
    PRIMARY KEY (month, municipality_id, project_id, service_type_id, child_id, parent_id)
);

-- Parents' rows are few; the parents' count reads them alone.
CREATE INDEX stat_delivery_month_parent_idx ON stat_delivery_month (month, parent_id) WHERE parent_id <> 0;

COMMENT ON TABLE stat_delivery_month IS 'Maintained monthly aggregate of service_delivery (not rejected) for statistics: part of the case record (child ids).';

-- A partial month at either end of a period is read from the deliveries by day.
CREATE INDEX service_delivery_date_idx ON service_delivery (date);

-- The family of each child: the smallest child id of its component of the child-parent graph.
CREATE TABLE child_family (
    child_id  integer PRIMARY KEY REFERENCES child (id),
    family_id integer NOT NULL
);

CREATE INDEX child_family_family_idx ON child_family (family_id);

-- +goose StatementBegin
-- Adds a delivery's contribution (sign +1) or takes it away (-1).
CREATE FUNCTION stat_delivery_apply(d service_delivery, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', d.date)::date;
    p integer := coalesce(d.parent_id, 0);
    c bigint := (d.units * d.unit_price * 100)::bigint;
BEGIN
    IF d.status = 'REJECTED' THEN
        RETURN;
    END IF;
    IF sign > 0 THEN
        INSERT INTO public.stat_delivery_month AS s
            (month, municipality_id, project_id, service_type_id, child_id, parent_id, deliveries, units, cost_cents)
        VALUES (m, d.municipality_id, d.project_id, d.service_type_id, d.child_id, p, 1, d.units, c)
        ON CONFLICT (month, municipality_id, project_id, service_type_id, child_id, parent_id) DO UPDATE
            SET deliveries = s.deliveries + 1, units = s.units + excluded.units, cost_cents = s.cost_cents + excluded.cost_cents;
    ELSE
        UPDATE public.stat_delivery_month
            SET deliveries = deliveries - 1, units = units - d.units, cost_cents = cost_cents - c
            WHERE month = m AND municipality_id = d.municipality_id AND project_id = d.project_id
              AND service_type_id = d.service_type_id AND child_id = d.child_id AND parent_id = p
              AND deliveries > 1;
        IF NOT FOUND THEN
            DELETE FROM public.stat_delivery_month
                WHERE month = m AND municipality_id = d.municipality_id AND project_id = d.project_id
                  AND service_type_id = d.service_type_id AND child_id = d.child_id AND parent_id = p;
        END IF;
    END IF;
END $$;

CREATE FUNCTION stat_delivery_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Verifying and claiming change nothing the statistics count.
        IF (OLD.status = 'REJECTED') = (NEW.status = 'REJECTED')
           AND OLD.date = NEW.date AND OLD.units = NEW.units AND OLD.unit_price = NEW.unit_price
           AND OLD.municipality_id = NEW.municipality_id AND OLD.project_id = NEW.project_id
           AND OLD.service_type_id = NEW.service_type_id AND OLD.child_id = NEW.child_id
           AND OLD.parent_id IS NOT DISTINCT FROM NEW.parent_id THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM public.stat_delivery_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM public.stat_delivery_apply(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

-- Sets the family of the children connected to the given ones (through shared parents).
CREATE FUNCTION child_family_refresh(children integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    WITH RECURSIVE component(root, child_id) AS (
        SELECT c, c FROM unnest(children) AS c
        UNION
        SELECT component.root, other.child_id
        FROM component
        JOIN public.child_parent mine ON mine.child_id = component.child_id
        JOIN public.child_parent other ON other.parent_id = mine.parent_id
    ), family AS (
        SELECT child_id, min(child_id) OVER (PARTITION BY root) AS family_id FROM component
    ), settled AS (
        -- A child reached from several of the given ones gets the smallest family id of all.
        SELECT child_id, min(family_id) AS family_id FROM family GROUP BY child_id
    )
    INSERT INTO public.child_family (child_id, family_id)
    SELECT child_id, family_id FROM settled
    ON CONFLICT (child_id) DO UPDATE SET family_id = excluded.family_id
        WHERE child_family.family_id <> excluded.family_id;
END $$;

CREATE FUNCTION child_family_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'child' THEN
        INSERT INTO public.child_family (child_id, family_id) VALUES (NEW.id, NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- A link removed may split a family: each former member's component is found again.
        PERFORM public.child_family_refresh(ARRAY(
            SELECT child_id FROM public.child_family WHERE family_id = (SELECT family_id FROM public.child_family WHERE child_id = OLD.child_id)));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM public.child_family_refresh(ARRAY[NEW.child_id]);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER service_delivery_stat AFTER INSERT OR UPDATE OR DELETE ON service_delivery
    FOR EACH ROW EXECUTE FUNCTION stat_delivery_trigger();
CREATE TRIGGER child_family_child AFTER INSERT ON child
    FOR EACH ROW EXECUTE FUNCTION child_family_trigger();
CREATE TRIGGER child_family_link AFTER INSERT OR UPDATE OR DELETE ON child_parent
    FOR EACH ROW EXECUTE FUNCTION child_family_trigger();

-- What is there already.
INSERT INTO stat_delivery_month (month, municipality_id, project_id, service_type_id, child_id, parent_id, deliveries, units, cost_cents)
SELECT date_trunc('month', date)::date, municipality_id, project_id, service_type_id, child_id, coalesce(parent_id, 0),
       count(*), sum(units), sum((units * unit_price * 100)::bigint)
FROM service_delivery WHERE status <> 'REJECTED'
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO child_family (child_id, family_id) SELECT id, id FROM child;
-- +goose StatementBegin
DO $$ BEGIN
    PERFORM child_family_refresh(ARRAY(SELECT DISTINCT child_id FROM child_parent));
END $$;
-- +goose StatementEnd

ANALYZE stat_delivery_month;
ANALYZE child_family;

-- +goose Down
DROP TRIGGER child_family_link ON child_parent;
DROP TRIGGER child_family_child ON child;
DROP TRIGGER service_delivery_stat ON service_delivery;
DROP FUNCTION child_family_trigger();
DROP FUNCTION child_family_refresh(integer[]);
DROP FUNCTION stat_delivery_trigger();
DROP FUNCTION stat_delivery_apply(service_delivery, integer);
DROP TABLE child_family;
DROP INDEX service_delivery_date_idx;
DROP TABLE stat_delivery_month;
