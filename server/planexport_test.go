package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"atbalsts/domain"
)

// TestPlanExport: the printable support plan, GET /exports/plans/<revision id>.pdf, goes to
// those who see the child's case and its personal data, and to nobody else; every download
// leaves an EXPORT row of the revision under the child's municipality.
func TestPlanExport(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	rev := w.fix.Plan(w.assessment.ID, w.project.ID, w.p1.ID, domain.PlanActive)
	file := gid("PlanRevision", rev.ID) + ".pdf"
	get := func(c caller, file string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/exports/plans/"+file, nil)
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		rec := httptest.NewRecorder()
		w.a.h.ServeHTTP(rec, req)
		return rec
	}
	wantName := fmt.Sprintf(`attachment; filename="atbalsta-plans-%d-%d.pdf"`, rev.PlanID, rev.Number)
	// The admin, the worker of the child's municipality, and the coordinator of the region that
	// leads the project (Liepāja is its partner) see the child.
	for name, c := range map[string]caller{"admin": w.admin, "worker": w.worker, "coordinator": w.coordinator} {
		rec := get(c, file)
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "%PDF-") {
			t.Errorf("%s: status %d, starts %q", name, rec.Code, rec.Body.String()[:min(20, rec.Body.Len())])
			continue
		}
		h := rec.Header()
		if h.Get("Content-Type") != "application/pdf" || h.Get("Content-Disposition") != wantName || h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: headers %q, %q, %q", name, h.Get("Content-Type"), h.Get("Content-Disposition"), h.Get("Cache-Control"))
		}
	}

	rezekneUser := w.a.createUser("rezekne.worker@planexport.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{w.rezekne}})
	var rezekne caller
	rezekne.token, _ = w.a.token(rezekneUser)
	for _, tc := range []struct {
		name string
		c    caller
		file string
		want int
	}{
		{"another municipality's worker", rezekne, file, http.StatusNotFound},
		{"an analyst (no personal data)", w.analyst, file, http.StatusForbidden},
		{"no credentials", caller{}, file, http.StatusUnauthorized},
		{"no credentials, malformed id", caller{}, "not-an-id.pdf", http.StatusUnauthorized},
		{"a malformed id", w.admin, "not-an-id.pdf", http.StatusNotFound},
		{"an id of another type", w.admin, gid("Child", w.child.ID) + ".pdf", http.StatusNotFound},
		{"a revision that does not exist", w.admin, gid("PlanRevision", 1<<30) + ".pdf", http.StatusNotFound},
		{"another format", w.admin, gid("PlanRevision", rev.ID) + ".csv", http.StatusNotFound},
		{"no extension", w.admin, gid("PlanRevision", rev.ID), http.StatusNotFound},
	} {
		rec := get(tc.c, tc.file)
		if rec.Code != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, rec.Code, tc.want)
		}
		if tc.want != http.StatusOK && (strings.HasPrefix(rec.Body.String(), "%PDF") || rec.Header().Get("Cache-Control") != "no-store") {
			t.Errorf("%s: a refusal with a PDF or without no-store: %q", tc.name, rec.Header().Get("Cache-Control"))
		}
	}

	// One EXPORT row per download, under the child's municipality, naming who downloaded; and
	// a READ row of the child each time, since the document names it.
	var rows []struct {
		ActorID        *int `db:"actor_id"`
		MunicipalityID *int `db:"municipality_id"`
		Format         string
	}
	w.fix.Must(w.a.s.DB().Select(&rows, `SELECT actor_id, municipality_id, details->>'format' AS format FROM audit_event
		WHERE action = 'EXPORT' AND entity_type = 'PlanRevision' AND entity_id = $1 ORDER BY id`, rev.ID))
	if len(rows) != 3 {
		t.Fatalf("%d export audit rows, want 3 (the three downloads)", len(rows))
	}
	for _, r := range rows {
		if r.ActorID == nil || r.MunicipalityID == nil || *r.MunicipalityID != w.liepaja || r.Format != "pdf" {
			t.Errorf("export audit row %+v, want an actor, municipality %d and format pdf", r, w.liepaja)
		}
	}
	var workerRows, childReads int
	w.fix.Must(w.a.s.DB().Get(&workerRows, `SELECT count(*) FROM audit_event
		WHERE action = 'EXPORT' AND entity_type = 'PlanRevision' AND entity_id = $1 AND actor_id = $2`, rev.ID, w.workerUser.ID))
	if workerRows != 1 {
		t.Errorf("%d export rows of the worker, want 1", workerRows)
	}
	w.fix.Must(w.a.s.DB().Get(&childReads, `SELECT count(*) FROM audit_event
		WHERE action = 'READ' AND entity_type = 'Child' AND entity_id = $1 AND details->>'export' = 'pdf'`, w.child.ID))
	if childReads != 3 {
		t.Errorf("%d export reads of the child, want 3", childReads)
	}
}
