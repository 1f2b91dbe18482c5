package server

import (
	"time"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// newFixture is the fixture package (the builders graph, server and store tests share) over
// the test API's database, acting as admin: the test's own ADMIN, who calls the API with a
// token too, so that what the fixtures write and what the API writes name one actor.
func newFixture(a *testAPI, admin *domain.User) *fixture.F {
	a.t.Helper()
	return fixture.NewAs(a.t, a.s.DB(), admin)
}

func dateVar(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Format(domain.DateLayout)
}

// childInput is the GraphQL ChildInput of a child's data as it is.
func childInput(c *domain.Child) map[string]any {
	imp := make([]string, len(c.Impairments))
	for i, k := range c.Impairments {
		imp[i] = string(k)
	}
	return map[string]any{"personalCode": string(c.PersonalCode), "firstName": c.FirstName, "lastName": c.LastName,
		"birthDate": c.BirthDate.Format(domain.DateLayout), "sex": string(c.Sex), "municipalityId": gid("Municipality", c.MunicipalityID),
		"livingArrangement": string(c.LivingArrangement), "disabilityFrom": dateVar(c.DisabilityFrom), "disabilityTo": dateVar(c.DisabilityTo),
		"specialCareNeedFrom": dateVar(c.SpecialCareNeedFrom), "specialCareNeedTo": dateVar(c.SpecialCareNeedTo), "impairments": imp}
}
