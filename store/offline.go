package store

import (
	"context"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// offlinePlanRow is an active plan of the offline package.
type offlinePlanRow struct {
	ID          int             `db:"id"`
	Kind        domain.PlanKind `db:"kind"`
	ProjectID   int             `db:"project_id"`
	ChildID     int             `db:"child_id"`
	RevisionID  int             `db:"revision_id"`
	ValidFrom   time.Time       `db:"valid_from"`
	ValidTo     time.Time       `db:"valid_to"`
	BudgetCents int64           `db:"budget_cents"`
}

type offlineLineRow struct {
	RevisionID    int              `db:"revision_id"`
	Key           string           `db:"key"`
	ServiceTypeID int              `db:"service_type_id"`
	Recipient     domain.Recipient `db:"recipient"`
	ProviderID    *int             `db:"provider_id"`
	PlannedUnits  int              `db:"planned_units"`
}

type offlineChildRow struct {
	ID             int       `db:"id"`
	FirstName      string    `db:"first_name"`
	LastName       string    `db:"last_name"`
	BirthDate      time.Time `db:"birth_date"`
	MunicipalityID int       `db:"municipality_id"`
	RegionID       int       `db:"region_id"`
}

type offlineParentRow struct {
	ChildID   int    `db:"child_id"`
	ID        int    `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
}

// OfflinePackage reads the caller's whole offline package as of now (today in Riga): every
// child with an active plan that has a line the scope records for, with those lines, what
// remains of them, of the budget and of the caps, and today's prices. A handful of statements
// in one read-only transaction, whatever the number of children: every figure is computed
// from the children's counted deliveries as the delivery rules count them (domain.CheckDelivery,
// domain.CapUsages), so that the device shows what the server will check.
func (s *Store) OfflinePackage(ctx context.Context, scope domain.OfflineScope, today time.Time) ([]domain.OfflineChild, error) {
	var out []domain.OfflineChild
	err := s.readOnly(ctx, func(tx *sqlx.Tx) error {
		var err error
		out, err = offlinePackage(ctx, tx, scope, today)
		return err
	})
	return out, wrap("offline package", err)
}

func offlinePackage(ctx context.Context, tx *sqlx.Tx, scope domain.OfflineScope, today time.Time) ([]domain.OfflineChild, error) {
	// The plans: active revisions with a line of the specialist's provider, or of the
	// worker's municipalities' children.
	var plans []offlinePlanRow
	const planCols = `SELECT sp.id, sp.kind, sp.project_id, sp.child_id, r.id AS revision_id, r.valid_from, r.valid_to,
		(r.budget * 100)::bigint AS budget_cents FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id `
	var err error
	if scope.ProviderID != 0 {
		err = tx.SelectContext(ctx, &plans, planCols+`WHERE r.status = 'ACTIVE'
			AND r.id IN (SELECT revision_id FROM plan_line WHERE provider_id = $1) ORDER BY sp.id`, scope.ProviderID)
	} else {
		err = tx.SelectContext(ctx, &plans, planCols+`JOIN child c ON c.id = sp.child_id WHERE r.status = 'ACTIVE'
			AND c.municipality_id = ANY($1) ORDER BY sp.id`, pq.Array(scope.MunicipalityIDs))
	}
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	revIDs := make([]int, len(plans))
	var childIDs, projectIDs []int
	for i, p := range plans {
		revIDs[i] = p.RevisionID
		childIDs = append(childIDs, p.ChildID)
		projectIDs = append(projectIDs, p.ProjectID)
	}
	childIDs, projectIDs = sortedSet(childIDs), sortedSet(projectIDs)

	var lines []offlineLineRow
	lineSQL := `SELECT revision_id, key::text, service_type_id, recipient, provider_id, planned_units FROM plan_line
		WHERE revision_id = ANY($1)`
	args := []any{pq.Array(revIDs)}
	if scope.ProviderID != 0 {
		lineSQL += ` AND provider_id = $2`
		args = append(args, scope.ProviderID)
	}
	if err := tx.SelectContext(ctx, &lines, lineSQL+` ORDER BY revision_id, position`, args...); err != nil {
		return nil, err
	}
	var children []offlineChildRow
	if err := tx.SelectContext(ctx, &children, `SELECT c.id, c.first_name, c.last_name, c.birth_date, c.municipality_id, m.region_id
		FROM child c JOIN municipality m ON m.id = c.municipality_id WHERE c.id = ANY($1) ORDER BY c.id`, pq.Array(childIDs)); err != nil {
		return nil, err
	}
	var parents []offlineParentRow
	if err := tx.SelectContext(ctx, &parents, `SELECT cp.child_id, p.id, p.first_name, p.last_name
		FROM child_parent cp JOIN parent p ON p.id = cp.parent_id WHERE cp.child_id = ANY($1) ORDER BY cp.child_id, p.id`,
		pq.Array(childIDs)); err != nil {
		return nil, err
	}
	counted, err := offlineCounted(ctx, tx, childIDs, today)
	if err != nil {
		return nil, err
	}
	projects := make(map[int]*domain.Project, len(projectIDs))
	for _, id := range projectIDs {
		if projects[id], err = projectInTx(ctx, tx, id); err != nil {
			return nil, err
		}
	}
	var types []domain.ServiceType
	if err := tx.SelectContext(ctx, &types, `SELECT `+serviceTypeColumns+` FROM service_type s`); err != nil {
		return nil, err
	}
	typeByID := make(map[int]*domain.ServiceType, len(types))
	for i := range types {
		typeByID[types[i].ID] = &types[i]
	}
	var providerIDs []int
	for _, l := range lines {
		if l.ProviderID != nil {
			providerIDs = append(providerIDs, *l.ProviderID)
		}
	}
	var prices []domain.ProviderPrice
	if err := tx.SelectContext(ctx, &prices, `SELECT provider_id, service_type_id, unit_price, valid_from FROM provider_price
		WHERE provider_id = ANY($1)`, pq.Array(sortedSet(providerIDs))); err != nil {
		return nil, err
	}
	return assembleOffline(plans, lines, children, parents, counted, projects, typeByID, prices, today), nil
}

// assembleOffline puts the package together: each child's plans and lines with what remains,
// the caps of its plans' projects, and its parents when a line is for them.
func assembleOffline(plans []offlinePlanRow, lines []offlineLineRow, children []offlineChildRow, parents []offlineParentRow,
	counted map[int][]domain.CountedUnits, projects map[int]*domain.Project, types map[int]*domain.ServiceType,
	prices []domain.ProviderPrice, today time.Time) []domain.OfflineChild {
	linesOf := map[int][]offlineLineRow{}
	for _, l := range lines {
		linesOf[l.RevisionID] = append(linesOf[l.RevisionID], l)
	}
	parentsOf := map[int][]domain.OfflineParent{}
	for _, p := range parents {
		parentsOf[p.ChildID] = append(parentsOf[p.ChildID], domain.OfflineParent{ID: p.ID, FirstName: p.FirstName, LastName: p.LastName})
	}
	plansOf := map[int][]offlinePlanRow{}
	for _, p := range plans {
		plansOf[p.ChildID] = append(plansOf[p.ChildID], p)
	}
	out := make([]domain.OfflineChild, 0, len(children))
	for _, c := range children {
		entry := domain.OfflineChild{ID: c.ID, FirstName: c.FirstName, LastName: c.LastName, BirthDate: c.BirthDate,
			MunicipalityID: c.MunicipalityID, RegionID: c.RegionID, Parents: []domain.OfflineParent{},
			Plans: []domain.OfflinePlan{}, Caps: []domain.CapUsage{}}
		others := counted[c.ID]
		forParents := false
		var projectIDs []int
		for _, p := range plansOf[c.ID] {
			plan := domain.OfflinePlan{ID: p.ID, Kind: p.Kind, ProjectID: p.ProjectID, ValidFrom: p.ValidFrom, ValidTo: p.ValidTo,
				Budget: domain.Money(p.BudgetCents), Lines: []domain.OfflineLine{}}
			spent := domain.Money(0)
			delivered := map[string]int{}
			for _, o := range others {
				if o.PlanID == p.ID {
					spent += o.Amount
					delivered[o.LineKey] += o.Units
				}
			}
			plan.BudgetRemaining = max(plan.Budget-spent, 0)
			for _, l := range linesOf[p.RevisionID] {
				st := types[l.ServiceTypeID]
				price, source := domain.LinePrice(st, l.ProviderID, prices, today)
				plan.Lines = append(plan.Lines, domain.OfflineLine{Key: l.Key, ServiceTypeID: l.ServiceTypeID, Recipient: l.Recipient,
					ProviderID: l.ProviderID, PlannedUnits: l.PlannedUnits, RemainingUnits: max(l.PlannedUnits-delivered[l.Key], 0),
					UnitPrice: price, PriceSource: source})
				forParents = forParents || l.Recipient == domain.RecipientParents
			}
			entry.Plans = append(entry.Plans, plan)
			projectIDs = append(projectIDs, p.ProjectID)
		}
		child := &domain.Child{ID: c.ID, BirthDate: c.BirthDate}
		for _, id := range sortedSet(projectIDs) {
			entry.Caps = append(entry.Caps, domain.CapUsages(child, projects[id], others, types, today)...)
		}
		if forParents && parentsOf[c.ID] != nil {
			entry.Parents = parentsOf[c.ID]
		}
		out = append(out, entry)
	}
	return out
}

// offlineCounted reads what the package's figures count, by child, in the form the delivery
// rules count it (domain.CountedUnits): the delivered units and money of each plan line from
// plan_line_usage (migration 00014), dated today, which is all the line, budget and session
// cap figures need (every delivery is dated today or before); and, for the caps counted by
// date (home-care hours of the week, respite days of the year), the deliveries themselves
// from 60 days before the year began (a respite stay that began in December counts its
// January days). A child has a few rows of the first kind instead of every delivery since
// its plan began.
func offlineCounted(ctx context.Context, tx *sqlx.Tx, childIDs []int, today time.Time) (map[int][]domain.CountedUnits, error) {
	out := map[int][]domain.CountedUnits{}
	rows, err := tx.QueryContext(ctx, `SELECT u.child_id, u.project_id, u.plan_id, u.line_key::text, u.service_type_id, u.recipient,
		u.units, (u.amount * 100)::bigint FROM plan_line_usage u JOIN service_type st ON st.id = u.service_type_id
		WHERE u.child_id = ANY($1) AND st.category NOT IN ('HOME_CARE', 'RESPITE_CARE')`, pq.Array(childIDs))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c := domain.CountedUnits{Date: today}
		var childID int
		var recipient string
		var cents int64
		if err := rows.Scan(&childID, &c.ProjectID, &c.PlanID, &c.LineKey, &c.ServiceTypeID, &recipient, &c.Units, &cents); err != nil {
			return nil, err
		}
		c.Recipient, c.Amount = domain.Recipient(recipient), domain.Money(cents)
		out[childID] = append(out[childID], c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	from := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -60)
	care, err := tx.QueryContext(ctx, `SELECT d.child_id, d.project_id, d.plan_id, d.line_key::text, d.service_type_id, d.recipient,
		d.date, d.units, (d.units * d.unit_price * 100)::bigint FROM service_delivery d JOIN service_type st ON st.id = d.service_type_id
		WHERE d.child_id = ANY($1) AND d.status <> 'REJECTED' AND d.date >= $2 AND st.category IN ('HOME_CARE', 'RESPITE_CARE')`,
		pq.Array(childIDs), from)
	if err != nil {
		return nil, err
	}
	defer care.Close()
	for care.Next() {
		var c domain.CountedUnits
		var childID int
		var recipient string
		var cents int64
		if err := care.Scan(&childID, &c.ProjectID, &c.PlanID, &c.LineKey, &c.ServiceTypeID, &recipient, &c.Date, &c.Units, &cents); err != nil {
			return nil, err
		}
		c.Recipient, c.Amount = domain.Recipient(recipient), domain.Money(cents)
		out[childID] = append(out[childID], c)
	}
	return out, care.Err()
}

// sortedSet returns the distinct values of ids in ascending order.
func sortedSet(ids []int) []int {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
