-- Statistics read maintained aggregates, kept by triggers in the same transaction as every
-- write of a delivery (recorded, corrected, rejected, claimed), of a plan's revision and of a
-- family link, so that a committed write is in the next answer. Rejected deliveries do not
-- count. The queries over them are in store/statistics.go; the definitions in
-- schema/statistics.graphql.
--
-- 1. stat_delivery_month: every (month, municipality, project, service type, child, recipient)
--    with its deliveries, units and cost. Any grouping and filter is counted from it (and from
--    the deliveries of a month a period covers only in part).
-- 2. The cube, for the groupings by region, municipality, project and month or year of whole
--    periods (national figures): stat_cell holds per period (a month, grain M, or a year, grain
--    Y), municipality and project the sums and the people counted there alone; stat_member one
--    row per person, period and cell. A person (a served child, a served parent, a child with a
--    plan in force) whose rows of a period lie in one cell is counted in that cell; one in
--    several cells is counted by the query from its rows (few), so that any union of cells
--    counts every person once. A family is counted at its smallest child's row when all its
--    rows lie in one cell, else by the query. The triggers append the cells' changes to
--    stat_cell_delta and never update a shared row, so writers of different families never
--    wait for each other; stat_cell_compact() (the server runs it every few seconds) folds them
--    into stat_cell; a reader adds both. The rows of one family are changed under an advisory
--    lock of the family (statLockFamilies in store/statistics.go takes them in order).
-- 3. child_family: each child's family (the children linked through shared parents: the
--    smallest child id of its component), kept by a trigger on child_parent.

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

COMMENT ON TABLE stat_delivery_month IS 'Maintained monthly aggregate of service_delivery (not rejected) for statistics: part of the case record (child ids).';

-- A partial month at either end of a period is read from the deliveries by day.
CREATE INDEX service_delivery_date_idx ON service_delivery (date);

CREATE TABLE stat_member (
    grain           char(1) NOT NULL CHECK (grain IN ('M', 'Y')),
    period          date NOT NULL,
    -- C: a child with deliveries (its own or its parents'); P: a parent served; L: a child with a plan in force
    kind            char(1) NOT NULL CHECK (kind IN ('C', 'P', 'L')),
    person_id       integer NOT NULL,
    municipality_id integer NOT NULL,
    project_id      integer NOT NULL,
    refs            integer NOT NULL CHECK (refs > 0), -- the deliveries (C, P) or plans (L) behind the row
    served          integer NOT NULL DEFAULT 0,        -- C: the deliveries to the child themself
    family_id       integer NOT NULL,                  -- the family of the child (C, L) or of the parent's children (P)
    counted         boolean NOT NULL DEFAULT false,    -- the person is counted in this row's cell
    family_counted  boolean NOT NULL DEFAULT false,    -- C: the family is counted in this row's cell
    family_multi    boolean NOT NULL DEFAULT false,    -- C: the family has rows in several cells of the period
    PRIMARY KEY (grain, period, kind, person_id, municipality_id, project_id)
);

CREATE INDEX stat_member_family_idx ON stat_member (family_id, kind, grain, period);
-- The people the query counts itself: in several cells of a period.
CREATE INDEX stat_member_multi_idx ON stat_member (grain, period)
    WHERE (kind <> 'C' AND NOT counted) OR (kind = 'C' AND ((served > 0 AND NOT counted) OR family_multi));

COMMENT ON TABLE stat_member IS 'Maintained per-person rows of the statistics cube (pseudonymous ids): part of the case record.';

CREATE TABLE stat_cell (
    grain           char(1) NOT NULL,
    period          date NOT NULL,
    municipality_id integer NOT NULL,
    project_id      integer NOT NULL,
    children        integer NOT NULL DEFAULT 0,
    families        integer NOT NULL DEFAULT 0,
    parents         integer NOT NULL DEFAULT 0,
    with_plans      integer NOT NULL DEFAULT 0,
    deliveries      integer NOT NULL DEFAULT 0,
    sessions        bigint NOT NULL DEFAULT 0,
    hours           bigint NOT NULL DEFAULT 0,
    days            bigint NOT NULL DEFAULT 0,
    cost_cents      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, period, municipality_id, project_id)
);

CREATE TABLE stat_cell_delta (LIKE stat_cell INCLUDING DEFAULTS);
CREATE INDEX stat_cell_delta_idx ON stat_cell_delta (grain, period);

CREATE TABLE child_family (
    child_id  integer PRIMARY KEY REFERENCES child (id),
    family_id integer NOT NULL
);

CREATE INDEX child_family_family_idx ON child_family (family_id);

-- +goose StatementBegin
-- The period of a day in a grain.
CREATE FUNCTION stat_period(g char, day date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc(CASE g WHEN 'M' THEN 'month' ELSE 'year' END, day)::date $$;

-- The rows of a family's statistics change under this lock (a transaction's lock, re-entrant).
CREATE FUNCTION stat_lock_family(fam integer) RETURNS void
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(20261302, fam) $$;

-- Appends a change of a cell.
CREATE FUNCTION stat_cell_add(g char, p date, m integer, pr integer, children integer DEFAULT 0, families integer DEFAULT 0,
    parents integer DEFAULT 0, with_plans integer DEFAULT 0, deliveries integer DEFAULT 0, sessions bigint DEFAULT 0,
    hours bigint DEFAULT 0, days bigint DEFAULT 0, cost_cents bigint DEFAULT 0) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO public.stat_cell_delta VALUES (g, p, m, pr, children, families, parents, with_plans, deliveries, sessions, hours, days, cost_cents)
$$;

-- Folds the appended changes into stat_cell (deleting them in the same statement); returns
-- how many cells changed.
CREATE FUNCTION stat_cell_compact() RETURNS integer
LANGUAGE sql AS $$
    WITH moved AS (DELETE FROM public.stat_cell_delta RETURNING *), folded AS (
        INSERT INTO public.stat_cell AS c
        SELECT grain, period, municipality_id, project_id, sum(children), sum(families), sum(parents), sum(with_plans),
            sum(deliveries), sum(sessions), sum(hours), sum(days), sum(cost_cents)
        FROM moved GROUP BY grain, period, municipality_id, project_id
        ON CONFLICT (grain, period, municipality_id, project_id) DO UPDATE SET
            children = c.children + excluded.children, families = c.families + excluded.families,
            parents = c.parents + excluded.parents, with_plans = c.with_plans + excluded.with_plans,
            deliveries = c.deliveries + excluded.deliveries, sessions = c.sessions + excluded.sessions,
            hours = c.hours + excluded.hours, days = c.days + excluded.days, cost_cents = c.cost_cents + excluded.cost_cents
        RETURNING 1)
    SELECT count(*)::integer FROM folded
$$;

-- Whether a person of a kind is counted in a cell of a period: where their one row is (for C,
-- their one row with deliveries to the child themself), else nowhere. Keeps the cells' counts.
CREATE FUNCTION stat_refresh_person(g char, p date, k char, person integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    single boolean;
BEGIN
    SELECT count(*) = 1 INTO single FROM public.stat_member
        WHERE grain = g AND period = p AND kind = k AND person_id = person AND (k <> 'C' OR served > 0);
    FOR r IN UPDATE public.stat_member SET counted = NOT counted
        WHERE grain = g AND period = p AND kind = k AND person_id = person
          AND counted <> (single AND (k <> 'C' OR served > 0))
        RETURNING municipality_id, project_id, counted
    LOOP
        PERFORM public.stat_cell_add(g, p, r.municipality_id, r.project_id,
            children => CASE WHEN k = 'C' THEN CASE WHEN r.counted THEN 1 ELSE -1 END ELSE 0 END,
            parents => CASE WHEN k = 'P' THEN CASE WHEN r.counted THEN 1 ELSE -1 END ELSE 0 END,
            with_plans => CASE WHEN k = 'L' THEN CASE WHEN r.counted THEN 1 ELSE -1 END ELSE 0 END);
    END LOOP;
END $$;

-- Where a family is counted in a period: at its smallest child's row when all its rows lie in
-- one cell, else nowhere (family_multi marks its rows for the query). Keeps the cells' counts.
CREATE FUNCTION stat_refresh_family(g char, p date, fam integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r record;
    cells integer;
    rep integer;
BEGIN
    SELECT count(DISTINCT (municipality_id, project_id)), min(person_id) INTO cells, rep FROM public.stat_member
        WHERE family_id = fam AND kind = 'C' AND grain = g AND period = p;
    FOR r IN
        WITH old AS (
            SELECT person_id, municipality_id, project_id, family_counted AS was FROM public.stat_member
            WHERE family_id = fam AND kind = 'C' AND grain = g AND period = p)
        UPDATE public.stat_member s SET family_counted = (cells = 1 AND s.person_id = rep), family_multi = (cells > 1)
        FROM old
        WHERE s.family_id = fam AND s.kind = 'C' AND s.grain = g AND s.period = p
          AND s.person_id = old.person_id AND s.municipality_id = old.municipality_id AND s.project_id = old.project_id
          AND (s.family_counted <> (cells = 1 AND s.person_id = rep) OR s.family_multi <> (cells > 1))
        RETURNING s.municipality_id, s.project_id, old.was, s.family_counted AS now
    LOOP
        IF r.was <> r.now THEN
            PERFORM public.stat_cell_add(g, p, r.municipality_id, r.project_id, families => CASE WHEN r.now THEN 1 ELSE -1 END);
        END IF;
    END LOOP;
END $$;

-- Adds (sign +1) or takes away (-1) a person's row: refs and served change; a row that
-- appears, disappears or starts or stops being served decides anew where the person (and for
-- C the family) is counted. Returns nothing; the caller holds the family's lock.
CREATE FUNCTION stat_member_add(g char, p date, k char, person integer, m integer, pr integer, fam integer,
    sign integer, serves integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    before_refs integer;
    before_served integer;
    after_refs integer;
    after_served integer;
    was_counted boolean;
    was_family boolean;
BEGIN
    SELECT refs, served, counted, family_counted INTO before_refs, before_served, was_counted, was_family FROM public.stat_member
        WHERE grain = g AND period = p AND kind = k AND person_id = person AND municipality_id = m AND project_id = pr;
    before_refs := coalesce(before_refs, 0);
    before_served := coalesce(before_served, 0);
    after_refs := before_refs + sign;
    after_served := before_served + sign * serves;
    IF after_refs <= 0 THEN
        DELETE FROM public.stat_member
            WHERE grain = g AND period = p AND kind = k AND person_id = person AND municipality_id = m AND project_id = pr;
        -- What the row counted leaves its cell with it.
        IF was_counted OR was_family THEN
            PERFORM public.stat_cell_add(g, p, m, pr,
                children => CASE WHEN k = 'C' AND was_counted THEN -1 ELSE 0 END,
                parents => CASE WHEN k = 'P' AND was_counted THEN -1 ELSE 0 END,
                with_plans => CASE WHEN k = 'L' AND was_counted THEN -1 ELSE 0 END,
                families => CASE WHEN was_family THEN -1 ELSE 0 END);
        END IF;
    ELSIF before_refs = 0 THEN
        INSERT INTO public.stat_member (grain, period, kind, person_id, municipality_id, project_id, refs, served, family_id)
            VALUES (g, p, k, person, m, pr, after_refs, after_served, fam);
    ELSE
        UPDATE public.stat_member SET refs = after_refs, served = after_served
            WHERE grain = g AND period = p AND kind = k AND person_id = person AND municipality_id = m AND project_id = pr;
    END IF;
    IF before_refs = 0 OR after_refs <= 0 OR (before_served > 0) <> (after_served > 0) THEN
        PERFORM public.stat_refresh_person(g, p, k, person);
        IF k = 'C' AND (before_refs = 0 OR after_refs <= 0) THEN
            PERFORM public.stat_refresh_family(g, p, fam);
        END IF;
    END IF;
END $$;

-- Adds a delivery's contribution (sign +1) or takes it away (-1).
CREATE FUNCTION stat_delivery_apply(d public.service_delivery, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', d.date)::date;
    p integer := coalesce(d.parent_id, 0);
    c bigint := (d.units * d.unit_price * 100)::bigint;
    unit text;
    fam integer;
    g char;
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

    SELECT st.unit INTO unit FROM public.service_type st WHERE st.id = d.service_type_id;
    SELECT f.family_id INTO fam FROM public.child_family f WHERE f.child_id = d.child_id;
    fam := coalesce(fam, d.child_id);
    PERFORM public.stat_lock_family(fam);
    FOREACH g IN ARRAY ARRAY['M', 'Y'] LOOP
        PERFORM public.stat_cell_add(g, public.stat_period(g, d.date), d.municipality_id, d.project_id,
            deliveries => sign, cost_cents => sign * c,
            sessions => CASE WHEN unit = 'SESSION' THEN sign * d.units ELSE 0 END,
            hours => CASE WHEN unit = 'HOUR' THEN sign * d.units ELSE 0 END,
            days => CASE WHEN unit = 'DAY' THEN sign * d.units ELSE 0 END);
        PERFORM public.stat_member_add(g, public.stat_period(g, d.date), 'C', d.child_id, d.municipality_id, d.project_id, fam,
            sign, CASE WHEN d.parent_id IS NULL THEN 1 ELSE 0 END);
        IF d.parent_id IS NOT NULL THEN
            PERFORM public.stat_member_add(g, public.stat_period(g, d.date), 'P', d.parent_id, d.municipality_id, d.project_id, fam,
                sign, 0);
        END IF;
    END LOOP;
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

-- A child's plans in force, as L rows: the months and years each revision in force (approved,
-- active or closed) covers, in the child's municipality (now) and the plan's project. The rows
-- are worked out anew from the plans and changed where they differ.
CREATE FUNCTION stat_plans_refresh(child integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    fam integer;
    r record;
BEGIN
    SELECT f.family_id INTO fam FROM public.child_family f WHERE f.child_id = child;
    fam := coalesce(fam, child);
    PERFORM public.stat_lock_family(fam);
    FOR r IN
        WITH wanted AS (
            SELECT g.grain, public.stat_period(g.grain, day::date) AS period, c.municipality_id, sp.project_id, count(DISTINCT sp.id) AS refs
            FROM public.support_plan sp
            JOIN public.plan_revision pr ON pr.plan_id = sp.id AND pr.status IN ('APPROVED', 'ACTIVE', 'CLOSED')
            JOIN public.child c ON c.id = sp.child_id
            CROSS JOIN (VALUES ('M'::char), ('Y'::char)) AS g(grain)
            CROSS JOIN LATERAL generate_series(date_trunc('month', pr.valid_from), pr.valid_to, interval '1 month') AS day
            WHERE sp.child_id = child
            GROUP BY 1, 2, 3, 4
        ), have AS (
            SELECT grain, period, municipality_id, project_id, refs FROM public.stat_member WHERE kind = 'L' AND person_id = child
        )
        SELECT coalesce(w.grain, h.grain) AS grain, coalesce(w.period, h.period) AS period,
            coalesce(w.municipality_id, h.municipality_id) AS municipality_id, coalesce(w.project_id, h.project_id) AS project_id,
            coalesce(w.refs, 0) AS want, coalesce(h.refs, 0) AS have
        FROM wanted w FULL JOIN have h USING (grain, period, municipality_id, project_id)
        WHERE coalesce(w.refs, 0) <> coalesce(h.refs, 0)
    LOOP
        IF r.want = 0 OR r.have = 0 THEN
            -- appears or disappears: through stat_member_add, which decides where it counts
            PERFORM public.stat_member_add(r.grain, r.period, 'L', child, r.municipality_id, r.project_id, fam,
                (CASE WHEN r.want = 0 THEN -r.have ELSE r.want END)::integer, 0);
        ELSE
            UPDATE public.stat_member SET refs = r.want
                WHERE grain = r.grain AND period = r.period AND kind = 'L' AND person_id = child
                  AND municipality_id = r.municipality_id AND project_id = r.project_id;
        END IF;
    END LOOP;
END $$;

CREATE FUNCTION stat_plan_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    child integer;
BEGIN
    IF TG_TABLE_NAME = 'child' THEN
        IF OLD.municipality_id <> NEW.municipality_id THEN
            PERFORM public.stat_plans_refresh(NEW.id);
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.valid_from = NEW.valid_from AND OLD.valid_to = NEW.valid_to THEN
        RETURN NULL;
    END IF;
    SELECT sp.child_id INTO child FROM public.support_plan sp WHERE sp.id = coalesce(NEW.plan_id, OLD.plan_id);
    PERFORM public.stat_plans_refresh(child);
    RETURN NULL;
END $$;

-- Sets the family of the children connected to the given ones (through shared parents), and
-- moves their statistics rows to it.
CREATE FUNCTION child_family_refresh(children integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    kids integer[];
    olds integer[];
    news integer[];
    fam integer;
    r record;
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
        SELECT child_id, min(family_id) AS family_id FROM family GROUP BY child_id
    )
    SELECT array_agg(s.child_id), array_agg(coalesce(f.family_id, s.child_id)), array_agg(s.family_id) INTO kids, olds, news
    FROM settled s LEFT JOIN public.child_family f ON f.child_id = s.child_id
    WHERE f.family_id IS DISTINCT FROM s.family_id;
    IF kids IS NULL THEN
        RETURN;
    END IF;
    -- Both families' rows change: their locks, in order.
    FOR fam IN SELECT DISTINCT x FROM unnest(olds || news) AS x ORDER BY 1 LOOP
        PERFORM public.stat_lock_family(fam);
    END LOOP;
    INSERT INTO public.child_family (child_id, family_id)
    SELECT k, n FROM unnest(kids, news) AS m(k, n)
    ON CONFLICT (child_id) DO UPDATE SET family_id = excluded.family_id;
    UPDATE public.stat_member s SET family_id = m.n
    FROM unnest(kids, news) AS m(k, n)
    WHERE s.person_id = m.k AND s.kind IN ('C', 'L');
    -- A parent's rows belong to the family of their children (one family, by its definition).
    UPDATE public.stat_member s SET family_id = f.family_id
    FROM public.child_parent cp JOIN public.child_family f ON f.child_id = cp.child_id
    WHERE s.kind = 'P' AND s.person_id = cp.parent_id AND cp.child_id = ANY (kids) AND s.family_id <> f.family_id;
    FOR r IN
        SELECT DISTINCT s.grain, s.period, x.family
        FROM unnest(kids, olds, news) AS m(k, o, n)
        CROSS JOIN LATERAL (VALUES (m.o), (m.n)) AS x(family)
        JOIN public.stat_member s ON s.kind = 'C' AND s.person_id = m.k
    LOOP
        PERFORM public.stat_refresh_family(r.grain, r.period, r.family);
    END LOOP;
END $$;

-- Builds every statistics table anew from the deliveries, plans and links, set-wise: for the
-- upgrade, and for a bulk load that ran with the triggers off (bench/dataset). Takes a lock
-- that keeps writers of deliveries, plans and links out meanwhile.
CREATE FUNCTION stat_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE public.service_delivery, public.plan_revision, public.child_parent IN SHARE MODE;
    TRUNCATE public.stat_delivery_month, public.stat_member, public.stat_cell, public.stat_cell_delta, public.child_family;
    INSERT INTO public.child_family (child_id, family_id) SELECT id, id FROM public.child;
    PERFORM public.child_family_refresh(ARRAY(SELECT DISTINCT child_id FROM public.child_parent));

    INSERT INTO public.stat_delivery_month (month, municipality_id, project_id, service_type_id, child_id, parent_id, deliveries, units, cost_cents)
    SELECT date_trunc('month', date)::date, municipality_id, project_id, service_type_id, child_id, coalesce(parent_id, 0),
           count(*), sum(units), sum((units * unit_price * 100)::bigint)
    FROM public.service_delivery WHERE status <> 'REJECTED'
    GROUP BY 1, 2, 3, 4, 5, 6;

    -- The people's rows, from the monthly aggregate and the plans.
    INSERT INTO public.stat_member (grain, period, kind, person_id, municipality_id, project_id, refs, served, family_id)
    SELECT g.grain, public.stat_period(g.grain, d.month), 'C', d.child_id, d.municipality_id, d.project_id,
        sum(d.deliveries), coalesce(sum(d.deliveries) FILTER (WHERE d.parent_id = 0), 0), min(f.family_id)
    FROM public.stat_delivery_month d JOIN public.child_family f ON f.child_id = d.child_id
    CROSS JOIN (VALUES ('M'::char), ('Y'::char)) AS g(grain)
    GROUP BY 1, 2, 4, 5, 6;
    INSERT INTO public.stat_member (grain, period, kind, person_id, municipality_id, project_id, refs, family_id)
    SELECT g.grain, public.stat_period(g.grain, d.month), 'P', d.parent_id, d.municipality_id, d.project_id,
        sum(d.deliveries), min(f.family_id)
    FROM public.stat_delivery_month d JOIN public.child_family f ON f.child_id = d.child_id
    CROSS JOIN (VALUES ('M'::char), ('Y'::char)) AS g(grain)
    WHERE d.parent_id <> 0
    GROUP BY 1, 2, 4, 5, 6;
    INSERT INTO public.stat_member (grain, period, kind, person_id, municipality_id, project_id, refs, family_id)
    SELECT g.grain, public.stat_period(g.grain, day::date), 'L', sp.child_id, c.municipality_id, sp.project_id,
        count(DISTINCT sp.id), min(f.family_id)
    FROM public.support_plan sp
    JOIN public.plan_revision pr ON pr.plan_id = sp.id AND pr.status IN ('APPROVED', 'ACTIVE', 'CLOSED')
    JOIN public.child c ON c.id = sp.child_id
    JOIN public.child_family f ON f.child_id = sp.child_id
    CROSS JOIN (VALUES ('M'::char), ('Y'::char)) AS g(grain)
    CROSS JOIN LATERAL generate_series(date_trunc('month', pr.valid_from), pr.valid_to, interval '1 month') AS day
    GROUP BY 1, 2, 4, 5, 6;

    -- Where each person and family is counted.
    UPDATE public.stat_member s SET counted = true
    FROM (SELECT grain, period, kind, person_id FROM public.stat_member WHERE kind <> 'C' OR served > 0
          GROUP BY 1, 2, 3, 4 HAVING count(*) = 1) one
    WHERE s.grain = one.grain AND s.period = one.period AND s.kind = one.kind AND s.person_id = one.person_id
      AND (s.kind <> 'C' OR s.served > 0);
    UPDATE public.stat_member s SET family_counted = (fam.cells = 1 AND s.person_id = fam.rep), family_multi = (fam.cells > 1)
    FROM (SELECT grain, period, family_id, count(DISTINCT (municipality_id, project_id)) AS cells, min(person_id) AS rep
          FROM public.stat_member WHERE kind = 'C' GROUP BY 1, 2, 3) fam
    WHERE s.kind = 'C' AND s.grain = fam.grain AND s.period = fam.period AND s.family_id = fam.family_id
      AND (fam.cells > 1 OR s.person_id = fam.rep);

    -- The cells.
    INSERT INTO public.stat_cell (grain, period, municipality_id, project_id, children, families, parents, with_plans,
        deliveries, sessions, hours, days, cost_cents)
    SELECT grain, period, municipality_id, project_id, sum(children), sum(families), sum(parents), sum(with_plans),
        sum(deliveries), sum(sessions), sum(hours), sum(days), sum(cost_cents)
    FROM (
        SELECT g.grain, public.stat_period(g.grain, d.month) AS period, d.municipality_id, d.project_id,
            0 AS children, 0 AS families, 0 AS parents, 0 AS with_plans, d.deliveries,
            CASE WHEN st.unit = 'SESSION' THEN d.units ELSE 0 END AS sessions,
            CASE WHEN st.unit = 'HOUR' THEN d.units ELSE 0 END AS hours,
            CASE WHEN st.unit = 'DAY' THEN d.units ELSE 0 END AS days, d.cost_cents
        FROM public.stat_delivery_month d JOIN public.service_type st ON st.id = d.service_type_id
        CROSS JOIN (VALUES ('M'::char), ('Y'::char)) AS g(grain)
        UNION ALL
        SELECT grain, period, municipality_id, project_id,
            (kind = 'C' AND counted)::int, (kind = 'C' AND family_counted)::int, (kind = 'P' AND counted)::int,
            (kind = 'L' AND counted)::int, 0, 0, 0, 0, 0
        FROM public.stat_member WHERE counted OR family_counted
    ) x
    GROUP BY 1, 2, 3, 4;
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
CREATE TRIGGER plan_revision_stat AFTER INSERT OR UPDATE OR DELETE ON plan_revision
    FOR EACH ROW EXECUTE FUNCTION stat_plan_trigger();
CREATE TRIGGER child_stat AFTER UPDATE OF municipality_id ON child
    FOR EACH ROW EXECUTE FUNCTION stat_plan_trigger();
CREATE TRIGGER child_family_child AFTER INSERT ON child
    FOR EACH ROW EXECUTE FUNCTION child_family_trigger();
CREATE TRIGGER child_family_link AFTER INSERT OR UPDATE OR DELETE ON child_parent
    FOR EACH ROW EXECUTE FUNCTION child_family_trigger();

-- What is there already.
-- +goose StatementBegin
DO $$ BEGIN PERFORM stat_rebuild(); END $$;
-- +goose StatementEnd

ANALYZE stat_delivery_month;
ANALYZE stat_member;
ANALYZE stat_cell;
ANALYZE child_family;
