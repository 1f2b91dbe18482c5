package server

import (
	"testing"

	"atbalsts/domain"
)

// TestCaseViewerCan: Child.viewerCan, Application.viewerCan and Assessment.viewerCan answer
// with the server's access rules, per record: the Liepāja worker may do the case work on a
// Liepāja child, the Kurzeme coordinator (who sees the child through the project's lead region)
// may not, and the assessing provider's assessor may record the assessment but not cancel it.
func TestCaseViewerCan(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	var assessor caller
	assessor.token, _ = w.a.token(w.a.createUser("assessor@cases.example", domain.UserScope{Role: domain.RoleAssessor, ProviderID: &w.p1.ID}))
	type permissions struct {
		Edit, Decide, RecordAssessment, Cancel bool
	}
	ask := func(c caller) permissions {
		t.Helper()
		var data struct {
			Node struct {
				ViewerCan    struct{ Edit bool }
				Applications []struct{ ViewerCan struct{ Decide bool } }
				Assessments  []struct {
					ViewerCan struct{ RecordAssessment, Cancel bool }
				}
			}
		}
		w.a.do(c, `query($id: ID!) { node(id: $id) { ... on Child { viewerCan { edit }
			applications { viewerCan { decide } } assessments { viewerCan { recordAssessment cancel } } } } }`,
			map[string]any{"id": gid("Child", w.child.ID)}).decode(t, &data)
		n := data.Node
		if len(n.Applications) != 1 || len(n.Assessments) != 1 {
			t.Fatalf("%d applications, %d assessments; want 1 each", len(n.Applications), len(n.Assessments))
		}
		return permissions{n.ViewerCan.Edit, n.Applications[0].ViewerCan.Decide, n.Assessments[0].ViewerCan.RecordAssessment,
			n.Assessments[0].ViewerCan.Cancel}
	}
	tests := []struct {
		name   string
		caller caller
		want   permissions
	}{
		{"ADMIN", w.admin, permissions{true, true, true, true}},
		{"worker of the child's municipality", w.worker, permissions{true, true, true, true}},
		{"coordinator of the lead region", w.coordinator, permissions{false, false, false, false}},
		{"assessor of the assessing provider", assessor, permissions{false, false, true, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ask(tc.caller); got != tc.want {
				t.Errorf("viewerCan %+v, want %+v", got, tc.want)
			}
		})
	}
}
