package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The bench sends the SPA's own queries: when a page's query changes, this test says so, and
// the copy here (and PostGraphile's equivalent) must follow.
func TestQueriesAreTheSPAs(t *testing.T) {
	for _, c := range []struct {
		file, name, query string
	}{
		{"../../frontend/src/pages/cases/childQuery.ts", "query ChildPage", atbChildCase},
		{"../../frontend/src/pages/cases/planQuery.ts", "query PlanEditor", atbPlanEditor},
		{"../../frontend/src/pages/cases/ChildrenPage.tsx", "query Children(", atbChildren},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		var spa string
		for _, m := range regexp.MustCompile("(?s)graphql\\(`(.*?)`\\)").FindAllStringSubmatch(string(data), -1) {
			if strings.Contains(m[1], c.name) {
				spa = m[1]
			}
		}
		if spa == "" {
			t.Errorf("%s: no %s", c.file, c.name)
			continue
		}
		if tokens(spa) != tokens(c.query) {
			t.Errorf("%s: the SPA's %s differs from the bench's copy:\nSPA:   %s\nbench: %s", c.file, c.name, tokens(spa), tokens(c.query))
		}
	}
}

// tokens is a query with its layout removed.
func tokens(q string) string { return strings.Join(strings.Fields(q), " ") }
