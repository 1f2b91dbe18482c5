package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"atbalsts/domain"
	"atbalsts/exports"
	"atbalsts/graph"
	"atbalsts/graph/model"
	"atbalsts/service"
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

// statisticsFormats are the statistics downloads, by extension.
var statisticsFormats = map[string]struct {
	write       func(*bytes.Buffer, *exports.StatisticsReport) error
	contentType string
}{
	"csv":  {func(b *bytes.Buffer, r *exports.StatisticsReport) error { return exports.WriteStatisticsCSV(b, r) }, "text/csv; charset=utf-8"},
	"xlsx": {func(b *bytes.Buffer, r *exports.StatisticsReport) error { return exports.WriteStatisticsXLSX(b, r) }, exportFormats["xlsx"].contentType},
}

// statisticsExport serves GET /exports/statistics.<ext> (csv or xlsx): the statistics query's
// figures for the filter and grouping in the query string (statisticsParams), counted by the
// same service as over GraphQL, so that the scope, an analyst's suppression with the server's
// threshold k, and the audit row (its details.format the extension) are the same.
func statisticsExport(svc *service.Service, ext string) http.Handler {
	format := statisticsFormats[ext]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context() // the route marks the answer no-store (noStore in routes.go)
		// Who may come first: an anonymous caller learns nothing of the parameters' rules.
		if _, err := domain.CanReadStatistics(domain.ActorFrom(ctx)); err != nil {
			exportError(w, r, "statistics export", err)
			return
		}
		f, dims, lang, err := statisticsParams(r.URL.Query())
		if err != nil {
			exportError(w, r, "statistics export", err)
			return
		}
		k := svc.AnalystMinCount
		if k <= 0 {
			k = graph.DefaultAnalystMinCount
		}
		res, err := svc.Statistics.Query(ctx, f, dims, k, ext)
		if e := (*domain.Error)(nil); errors.As(err, &e) {
			e.Field = strings.TrimPrefix(e.Field, "filter.") // the query string's names: from, to
		}
		if err != nil {
			exportError(w, r, "statistics export", err)
			return
		}
		report := &exports.StatisticsReport{Lang: lang, Filter: f, Dims: dims, Result: res}
		var body bytes.Buffer
		report.Names, err = statisticsNames(ctx, svc.Store(), f, res, lang)
		if err == nil {
			err = format.write(&body, report)
		}
		if err != nil {
			exportError(w, r, "statistics export", err)
			return
		}
		w.Header().Set("Content-Type", format.contentType)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, exports.StatisticsFileName(report, ext)))
		w.Write(body.Bytes())
	})
}

// exportError answers a failed export in plain text: the input at fault (400, naming the
// parameter), or the error's code as its HTTP status; a fault of ours is logged and answers
// no more than "internal error".
func exportError(w http.ResponseWriter, r *http.Request, what string, err error) {
	var status int
	switch domain.ErrorCode(err) {
	case domain.EINVALID:
		status = http.StatusBadRequest
	case domain.EUNAUTHENTICATED:
		status = http.StatusUnauthorized
	case domain.EFORBIDDEN:
		status = http.StatusForbidden
	case domain.ENOTFOUND:
		status = http.StatusNotFound
	case domain.ECONFLICT:
		status = http.StatusConflict
	case domain.ERATELIMITED:
		status = http.StatusTooManyRequests
	default:
		slog.ErrorContext(r.Context(), what, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var e *domain.Error
	errors.As(err, &e)
	msg := e.Message
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	http.Error(w, msg, status)
}

// The query-string parameters of a statistics export, as the SPA builds them from its own
// URL: the filter's fields in the singular, each list parameter repeated.
var statisticsIDParams = []struct{ param, field string }{
	{"regionId", "regionIds"}, {"municipalityId", "municipalityIds"}, {"projectId", "projectIds"}, {"serviceTypeId", "serviceTypeIds"},
}

// statisticsParams reads a statistics export's query string: from and to (yyyy-mm-dd,
// required), groupBy (repeated, StatisticsDimension names, in order), regionId,
// municipalityId, projectId and serviceTypeId (repeated, global ids), serviceCategory
// (repeated), recipient (CHILD or PARENTS) and lang (lv, the default, or en). An empty value
// counts as not given; other parameters are ignored. An error names the parameter at fault.
func statisticsParams(q url.Values) (domain.StatisticsFilter, []domain.StatDimension, exports.Lang, error) {
	var f domain.StatisticsFilter
	values := func(name string) []string {
		var out []string
		for _, v := range q[name] {
			if v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	one := func(name string) (string, error) {
		vs := values(name)
		if len(vs) > 1 {
			return "", domain.FieldErrorf(name, "given %d times, at most once", len(vs))
		}
		if len(vs) == 0 {
			return "", nil
		}
		return vs[0], nil
	}
	for _, p := range []struct {
		name string
		to   *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		v, err := one(p.name)
		if err != nil {
			return f, nil, "", err
		}
		if v == "" {
			return f, nil, "", domain.FieldErrorf(p.name, "required: a date, yyyy-mm-dd")
		}
		if *p.to, err = domain.ParseDate(v); err != nil {
			return f, nil, "", domain.FieldErrorf(p.name, "%q is not a date: use yyyy-mm-dd", v)
		}
	}
	var dims []domain.StatDimension
	for _, v := range values("groupBy") {
		if !model.StatisticsDimension(v).IsValid() {
			return f, nil, "", domain.FieldErrorf("groupBy", "unknown dimension %q", v)
		}
		dims = append(dims, domain.StatDimension(v))
	}
	// The ids are decoded as the API decodes the filter's, and a fault named by the parameter.
	in := model.StatisticsFilter{RegionIds: values("regionId"), MunicipalityIds: values("municipalityId"),
		ProjectIds: values("projectId"), ServiceTypeIds: values("serviceTypeId")}
	ids, err := graph.StatisticsFilterOf(in)
	if err != nil {
		var e *domain.Error
		if errors.As(err, &e) {
			for _, p := range statisticsIDParams {
				if strings.HasPrefix(e.Field, "filter."+p.field+".") {
					e.Field = p.param
				}
			}
		}
		return f, nil, "", err
	}
	f.RegionIDs, f.MunicipalityIDs, f.ProjectIDs, f.ServiceTypeIDs = ids.RegionIDs, ids.MunicipalityIDs, ids.ProjectIDs, ids.ServiceTypeIDs
	for _, v := range values("serviceCategory") {
		c := domain.ServiceCategory(v)
		if !slices.Contains(domain.ServiceCategories, c) {
			return f, nil, "", domain.FieldErrorf("serviceCategory", "unknown service category %q", v)
		}
		f.ServiceCategories = append(f.ServiceCategories, c)
	}
	v, err := one("recipient")
	if err != nil {
		return f, nil, "", err
	}
	if v != "" {
		rc := domain.Recipient(v)
		if !slices.Contains(domain.Recipients, rc) {
			return f, nil, "", domain.FieldErrorf("recipient", "%q is not CHILD or PARENTS", v)
		}
		f.Recipient = &rc
	}
	lang, err := one("lang")
	if err != nil {
		return f, nil, "", err
	}
	switch exports.Lang(lang) {
	case "", exports.LangLV:
		return f, dims, exports.LangLV, nil
	case exports.LangEN:
		return f, dims, exports.LangEN, nil
	}
	return f, nil, "", domain.FieldErrorf("lang", "%q is not lv or en", lang)
}

// statisticsNames are the names, in the language, of the regions, municipalities, projects and
// service types that the filter and the rows refer to. Reference data is public; a project is
// named only if the caller's figures or filter name it.
func statisticsNames(ctx context.Context, s *store.Store, f domain.StatisticsFilter, res *domain.StatisticsResult, lang exports.Lang) (exports.StatNames, error) {
	n := exports.StatNames{Regions: map[int]string{}, Municipalities: map[int]string{}, Projects: map[int]string{}, ServiceTypes: map[int]string{}}
	en := lang == exports.LangEN
	regions, err := s.Regions(ctx)
	if err != nil {
		return n, err
	}
	for _, r := range regions {
		n.Regions[r.ID] = r.Name
		if en && r.NameEn != "" {
			n.Regions[r.ID] = r.NameEn
		}
	}
	types, err := s.ServiceTypes(ctx)
	if err != nil {
		return n, err
	}
	for _, t := range types {
		n.ServiceTypes[t.ID] = t.Name
		if en && t.NameEn != "" {
			n.ServiceTypes[t.ID] = t.NameEn
		}
	}
	municipalities, projects := slices.Clone(f.MunicipalityIDs), slices.Clone(f.ProjectIDs)
	for _, c := range res.Rows {
		if c.Key.MunicipalityID != 0 && !slices.Contains(municipalities, c.Key.MunicipalityID) {
			municipalities = append(municipalities, c.Key.MunicipalityID)
		}
		if c.Key.ProjectID != 0 && !slices.Contains(projects, c.Key.ProjectID) {
			projects = append(projects, c.Key.ProjectID)
		}
	}
	// An id that names nothing (a filter's made-up id) is left without a name: shown by number.
	if len(municipalities) > 0 {
		ms, errs := s.MunicipalitiesByIDs(ctx, municipalities)
		if err := loadError(errs); err != nil {
			return n, err
		}
		for _, m := range ms {
			if m != nil {
				n.Municipalities[m.ID] = m.Name
			}
		}
	}
	if len(projects) > 0 {
		ps, errs := s.ProjectsByIDs(ctx, projects)
		if err := loadError(errs); err != nil {
			return n, err
		}
		for _, p := range ps {
			if p != nil {
				n.Projects[p.ID] = p.Name
			}
		}
	}
	return n, nil
}

// loadError is the first error of a load by ids other than an id's NOT_FOUND.
func loadError(errs []error) error {
	for _, err := range errs {
		if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
	}
	return nil
}
