package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"

	"atbalsts/domain"
	"atbalsts/exports"
	"atbalsts/graph"
	"atbalsts/store"
)

// planExport serves GET /exports/plans/{file}, file being "<revision id>.pdf" with the
// revision's GraphQL global id: the printable individual support plan of that revision. The
// caller must see the child as the API's case scope does, and see personal data (the document
// names the child: an analyst is refused). A revision the caller cannot see is not found, as
// over the API. Every download is audited.
func planExport(s *store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context() // the route marks the answer no-store (noStore in routes.go)
		// Who may come first: an anonymous caller learns nothing of the ids.
		actor := domain.ActorFrom(ctx)
		scope, err := domain.CanReadCases(actor)
		if err == nil && (scope.WithoutPersonalDetails || !domain.SeesPersonalData(actor)) {
			err = domain.Errorf(domain.EFORBIDDEN, "a support plan names the child: it is not for a pseudonymous view")
		}
		if err != nil {
			exportError(w, r, "plan export", err)
			return
		}
		gid, isPDF := strings.CutSuffix(r.PathValue("file"), ".pdf")
		typ, id, err := graph.ParseGlobalID(gid)
		if !isPDF || err != nil || typ != domain.EntityPlanRevision {
			http.Error(w, "not found: use /exports/plans/<plan revision id>.pdf", http.StatusNotFound)
			return
		}
		plan, err := s.PlanOfRevision(ctx, scope, id)
		if err != nil {
			exportError(w, r, "plan export", err) // ENOTFOUND: 404
			return
		}
		doc, err := planDocument(ctx, s, plan, id)
		var body bytes.Buffer
		if err == nil {
			err = exports.WritePlanPDF(&body, doc)
		}
		if err == nil {
			err = s.AuditPlanExport(ctx, plan, id, "pdf")
		}
		if err != nil {
			exportError(w, r, "plan export", err)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, exports.PlanFileName(doc)))
		w.Write(body.Bytes())
	})
}

// planDocument gathers a revision of a plan the caller sees, with the names a reader needs: the
// child, its municipality, the project, the services and the providers.
func planDocument(ctx context.Context, s *store.Store, plan *domain.SupportPlan, revisionID int) (*exports.PlanDocument, error) {
	rev, err := s.Revision(ctx, revisionID)
	if err != nil {
		return nil, err
	}
	// The plan was read within the caller's scope: its child is one the caller sees.
	children, errs := s.ChildrenByIDs(ctx, []int{plan.ChildID})
	if err := firstError(errs); err != nil {
		return nil, err
	}
	child := children[0]
	ms, errs := s.MunicipalitiesByIDs(ctx, []int{child.MunicipalityID})
	if err := firstError(errs); err != nil {
		return nil, err
	}
	ps, errs := s.ProjectsByIDs(ctx, []int{plan.ProjectID})
	if err := firstError(errs); err != nil {
		return nil, err
	}
	types, err := s.ServiceTypes(ctx)
	if err != nil {
		return nil, err
	}
	typeByID := map[int]*domain.ServiceType{}
	for i := range types {
		typeByID[types[i].ID] = &types[i]
	}
	var providerIDs []int
	for _, l := range rev.Lines {
		if l.ProviderID != nil {
			providerIDs = append(providerIDs, *l.ProviderID)
		}
	}
	providerName := map[int]string{}
	if len(providerIDs) > 0 {
		providers, errs := s.ProvidersByIDs(ctx, providerIDs)
		if err := firstError(errs); err != nil {
			return nil, err
		}
		for _, p := range providers {
			providerName[p.ID] = p.Name
		}
	}
	doc := &exports.PlanDocument{PlanID: plan.ID, RevisionNumber: rev.Number, Kind: plan.Kind, Status: rev.Status,
		ChildFirstName: child.FirstName, ChildLastName: child.LastName, PersonalCode: string(child.PersonalCode), BirthDate: child.BirthDate,
		Municipality: ms[0].Name, ProjectCode: ps[0].Code, ProjectName: ps[0].Name,
		ValidFrom: rev.ValidFrom, ValidTo: rev.ValidTo, Budget: rev.Budget}
	for _, g := range rev.Goals {
		doc.Goals = append(doc.Goals, exports.PlanGoalLine{Text: g.Text, Indicator: g.Indicator, TargetDate: g.TargetDate, Status: g.Status})
	}
	for _, l := range rev.Lines {
		t := typeByID[l.ServiceTypeID]
		if t == nil {
			return nil, fmt.Errorf("plan export: revision %d: no service type %d", rev.ID, l.ServiceTypeID)
		}
		line := exports.PlanServiceLine{ServiceName: t.Name, Unit: t.Unit, Recipient: l.Recipient, PlannedUnits: l.PlannedUnits, UnitPrice: l.UnitPrice}
		if l.ProviderID != nil {
			line.ProviderName = providerName[*l.ProviderID]
		}
		doc.Lines = append(doc.Lines, line)
	}
	return doc, nil
}

// firstError is the first error of a load by ids, NOT_FOUND included: the ids came from
// records just read, so each must name something.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
