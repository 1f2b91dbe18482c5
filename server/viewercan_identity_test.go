package server

import (
	"testing"

	"atbalsts/domain"
)

// TestViewerCan: User.viewerCan and Project.viewerCan answer the services' rules for the caller
// and the object: an ADMIN manages users (but does not deactivate themself) and the catalogue;
// a worker manages only their own tokens and no project.
func TestViewerCan(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	admin := a.createUser("admin@viewercan.example", domain.UserScope{Role: domain.RoleAdmin})
	liepaja := a.municipalityID("Liepāja")
	worker := a.createUser("worker@viewercan.example", domain.UserScope{Role: domain.RoleMunicipalityWorker,
		MunicipalityIDs: []int{liepaja}})
	adminToken, _ := a.token(admin)
	workerToken, _ := a.token(worker)
	fix := newFixture(a, admin)
	project := fix.Project(domain.RegionKurzeme, liepaja)

	type userCan struct{ Edit, Deactivate, ResetPassword, ManageTokens bool }
	const userQuery = `query($id: ID!) { node(id: $id) { ... on User { viewerCan { edit deactivate resetPassword manageTokens } } } }`
	for _, c := range []struct {
		name  string
		token string
		user  *domain.User
		want  userCan
	}{
		{"admin on worker", adminToken, worker, userCan{true, true, true, true}},
		{"admin on self", adminToken, admin, userCan{true, false, true, true}},
		{"worker on self", workerToken, worker, userCan{false, false, false, true}},
	} {
		var out struct{ Node struct{ ViewerCan userCan } }
		a.do(caller{token: c.token}, userQuery, map[string]any{"id": gid("User", c.user.ID)}).decode(t, &out)
		if out.Node.ViewerCan != c.want {
			t.Errorf("%s: viewerCan %+v, want %+v", c.name, out.Node.ViewerCan, c.want)
		}
	}

	const projectQuery = `query($id: ID!) { node(id: $id) { ... on Project { viewerCan { manage } } } }`
	for _, c := range []struct {
		name  string
		token string
		want  bool
	}{{"admin", adminToken, true}, {"worker", workerToken, false}} {
		var out struct {
			Node struct{ ViewerCan struct{ Manage bool } }
		}
		a.do(caller{token: c.token}, projectQuery, map[string]any{"id": gid("Project", project.ID)}).decode(t, &out)
		if out.Node.ViewerCan.Manage != c.want {
			t.Errorf("%s: project viewerCan.manage %v, want %v", c.name, out.Node.ViewerCan.Manage, c.want)
		}
	}
}
