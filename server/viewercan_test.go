package server

import (
	"testing"

	"atbalsts/domain"
)

// TestPlanViewerCan: a plan tells each caller what they may do with it, as the server's own
// rules decide (the web app shows its buttons from this instead of copying the rules).
func TestPlanViewerCan(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	rev := w.planIn(t, "ACTIVE")
	specialist := func(email string, provider int) caller {
		u := w.a.createUser(email, domain.UserScope{Role: domain.RoleProviderSpecialist, ProviderID: &provider})
		var c caller
		c.token, _ = w.a.token(u)
		return c
	}
	type perms struct {
		EditDraft, Submit, Approve, Return, Activate, Close, Revise, RecordDelivery bool
	}
	for _, tc := range []struct {
		name string
		as   caller
		want *perms // nil: the caller does not see the plan
	}{
		{"worker of the municipality", w.worker, &perms{EditDraft: true, Submit: true, Activate: true, Close: true, Revise: true, RecordDelivery: true}},
		{"coordinator of the lead region", w.coordinator, &perms{Approve: true, Return: true}},
		{"admin", w.admin, &perms{true, true, true, true, true, true, true, true}},
		{"analyst", w.analyst, &perms{}},
		{"specialist of the line's provider", specialist("p1@cases.example", w.p1.ID), &perms{RecordDelivery: true}},
		{"specialist of another provider", specialist("p2@cases.example", w.p2.ID), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data struct {
				Node *struct{ ViewerCan perms }
			}
			w.a.do(tc.as, `query($id: ID!) { node(id: $id) { ... on SupportPlan { viewerCan { editDraft submit approve return activate
				close revise recordDelivery } } } }`, map[string]any{"id": rev.Plan.ID}).decode(t, &data)
			switch {
			case tc.want == nil && data.Node != nil:
				t.Errorf("sees the plan: %+v", data.Node.ViewerCan)
			case tc.want != nil && data.Node == nil:
				t.Errorf("does not see the plan")
			case tc.want != nil && data.Node.ViewerCan != *tc.want:
				t.Errorf("viewerCan %+v, want %+v", data.Node.ViewerCan, *tc.want)
			}
		})
	}
}
