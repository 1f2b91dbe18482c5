package domain

import "testing"

// TestWorkAreasOf: each role works in the parts of the web app the server's rules let it use.
func TestWorkAreasOf(t *testing.T) {
	for _, tc := range []struct {
		name  string
		actor Actor
		want  WorkAreas
	}{
		{"admin", Actor{UserID: 1, Role: RoleAdmin}, WorkAreas{Users: true, Cases: true, VerifyDeliveries: true, Claims: true, PrepareClaims: true, Statistics: true, ManageProjects: true}},
		{"analyst", Actor{UserID: 1, Role: RoleMinistryAnalyst}, WorkAreas{Claims: true, Statistics: true}},
		{"coordinator", Actor{UserID: 1, Role: RoleRegionCoordinator, RegionID: 1}, WorkAreas{Cases: true, Claims: true, Statistics: true, ManageProjects: true}},
		{"worker", Actor{UserID: 1, Role: RoleMunicipalityWorker, MunicipalityIDs: []int{7}},
			WorkAreas{Cases: true, VerifyDeliveries: true, Claims: true, PrepareClaims: true, Statistics: true, OfflineSessions: true}},
		{"worker of no municipality", Actor{UserID: 1, Role: RoleMunicipalityWorker}, WorkAreas{Cases: true, Claims: true, Statistics: true, OfflineSessions: true}},
		{"assessor", Actor{UserID: 1, Role: RoleAssessor, ProviderID: 2}, WorkAreas{Cases: true}},
		{"specialist", Actor{UserID: 1, Role: RoleProviderSpecialist, ProviderID: 2}, WorkAreas{Cases: true, OfflineSessions: true}},
		{"nobody", Actor{}, WorkAreas{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := WorkAreasOf(tc.actor); got != tc.want {
				t.Errorf("%+v, want %+v", got, tc.want)
			}
		})
	}
}
