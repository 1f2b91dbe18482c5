package server

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"atbalsts/domain"
	"atbalsts/exports"
	"atbalsts/store"
)

// exportFormats are the claim downloads: the writer and the content type of each extension.
var exportFormats = map[string]struct {
	write       func(*bytes.Buffer, *exports.Statement) error
	contentType string
}{
	"csv":  {func(b *bytes.Buffer, s *exports.Statement) error { return exports.WriteCSV(b, s) }, "text/csv; charset=utf-8"},
	"xlsx": {func(b *bytes.Buffer, s *exports.Statement) error { return exports.WriteXLSX(b, s) }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	"pdf":  {func(b *bytes.Buffer, s *exports.Statement) error { return exports.WritePDF(b, s) }, "application/pdf"},
}

// claimExport serves GET /exports/claims/{file}, file being "<claim number>.<csv|xlsx|pdf>",
// to a signed-in caller who sees the claim (the API's claim scope). Every download is audited.
func claimExport(s *store.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context() // the route marks the answer no-store (noStore in routes.go)
		name, ext, _ := strings.Cut(r.PathValue("file"), ".")
		format, known := exportFormats[ext]
		id64, err := strconv.ParseInt(name, 10, 32) // database ids are 32-bit
		id := int(id64)
		if !known || err != nil || id <= 0 {
			http.Error(w, "not found: use /exports/claims/<number>.csv, .xlsx or .pdf", http.StatusNotFound)
			return
		}
		scope, err := domain.CanExportClaim(domain.ActorFrom(ctx))
		if err != nil {
			status := http.StatusForbidden
			if domain.ErrorCode(err) == domain.EUNAUTHENTICATED {
				status = http.StatusUnauthorized
			}
			http.Error(w, err.(*domain.Error).Message, status)
			return
		}
		claim, err := s.ClaimInScope(ctx, scope, id)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			http.Error(w, "claim not found", http.StatusNotFound)
			return
		}
		var body bytes.Buffer
		var st *exports.Statement
		if err == nil {
			st, err = statement(ctx, s, claim)
		}
		if err == nil {
			err = format.write(&body, st)
		}
		if err == nil {
			ids := make([]int, len(st.Deliveries))
			for i, d := range st.Deliveries {
				ids[i] = d.ID
			}
			err = s.AuditClaimExport(ctx, claim, ext, ids)
		}
		if err != nil {
			slog.ErrorContext(ctx, "claim export", "claim", id, "format", ext, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", format.contentType)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, exports.FileName(st, ext)))
		w.Write(body.Bytes())
	})
}

// statement gathers a claim's figures and deliveries with the names a reader needs.
func statement(ctx context.Context, s *store.Store, c *domain.Claim) (*exports.Statement, error) {
	ms, errs := s.MunicipalitiesByIDs(ctx, []int{c.MunicipalityID})
	if errs != nil && errs[0] != nil {
		return nil, errs[0]
	}
	ps, errs := s.ProjectsByIDs(ctx, []int{c.ProjectID})
	if errs != nil && errs[0] != nil {
		return nil, errs[0]
	}
	types, err := s.ServiceTypes(ctx)
	if err != nil {
		return nil, err
	}
	typeByID := map[int]*domain.ServiceType{}
	for i := range types {
		typeByID[types[i].ID] = &types[i]
	}
	deliveries, err := s.ClaimDeliveries(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	var providerIDs []int
	for _, d := range deliveries {
		providerIDs = append(providerIDs, d.ProviderID)
	}
	providers, errs := s.ProvidersByIDs(ctx, providerIDs)
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	st := &exports.Statement{ClaimID: c.ID, Status: c.Status, MunicipalityName: ms[0].Name, ProjectCode: ps[0].Code, ProjectName: ps[0].Name,
		PeriodFrom: c.PeriodFrom, PeriodTo: c.PeriodTo, SubmittedAt: c.SubmittedAt, Total: c.Totals.Total, ChildCount: c.Totals.Children}
	for _, t := range c.Totals.ByService {
		st.ByService = append(st.ByService, exports.ServiceLine{ServiceName: typeByID[t.ServiceTypeID].Name, Unit: typeByID[t.ServiceTypeID].Unit,
			Units: t.Units, Amount: t.Amount, Deliveries: t.Deliveries, Children: t.Children})
	}
	for _, f := range c.Totals.ByFund {
		st.ByFund = append(st.ByFund, exports.FundLine{Code: f.Code, ShareBP: f.ShareBP, Amount: f.Amount})
	}
	for i, d := range deliveries {
		t := typeByID[d.ServiceTypeID]
		st.Deliveries = append(st.Deliveries, exports.DeliveryLine{ID: d.ID, Date: d.Date, ChildID: d.ChildID, ServiceName: t.Name, Unit: t.Unit,
			Recipient: d.Recipient, ProviderName: providers[i].Name, Units: d.Units, UnitPrice: d.UnitPrice, Amount: d.Amount()})
	}
	return st, nil
}
