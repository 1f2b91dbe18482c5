package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"atbalsts/domain"
)

// What one operation may ask, checked before anything runs. The cost counts every field once
// per item its parent list may return: a connection returns at most its `first` (default
// defaultPageSize, at most maxPageSize), a plain list at most its bound in listBounds. A query
// above MaxCost or MaxDepth is refused with COMPLEXITY_LIMIT_EXCEEDED or DEPTH_LIMIT_EXCEEDED,
// in microseconds, whoever sends it. Every request also has a deadline (see requestTimeout).
const (
	// MaxCost admits the SPA's largest operation (TestTrustedOperationsWithinLimits logs it) twice
	// over, and a region's tree down to plan lines in pages of 5 children (about 21,000);
	// a list nested in a list nested in a list of full pages is refused.
	MaxCost = 25000
	// MaxDepth is the deepest field nesting: the SPA's deepest operation has 6 levels
	// (TestTrustedOperationsWithinLimits), a region's tree to the service of a plan line 11 (each
	// connection adds edges and node). Introspection (__schema, __type) is exempt: its depth is
	// the schema's, not the caller's.
	MaxDepth = 12
	// introspectionCost is the price of one __schema or __type: GraphiQL's and code
	// generators' one introspection query fits, 26 of them in one document do not (25 cost
	// MaxCost exactly).
	introspectionCost = 1000
)

// listBounds is how many items each list field without paging returns: a rule of the domain
// where it is the whole story (a batch of domain.MaxBatch), what the data holds by nature (43
// municipalities in 5 regions), else the most that real cases have (a plan has 5-10 lines in
// the sources; the domain allows domain.MaxPlanLines). A rare larger record costs more than
// its price; the request's deadline bounds that. A list field missing here and without `first` fails
// TestEveryListFieldHasACost, so that no new list is free.
var listBounds = map[string]int{
	"Query.regions":                     5,
	"Query.serviceTypes":                50,
	"Query.possibleDuplicateChildren":   20,
	"PlanningRegion.municipalities":     15,
	"Project.partnerMunicipalities":     43,
	"Project.capRules":                  20,
	"Project.amendments":                20,
	"ProjectAmendment.changes":          8,  // the fields of AmendProjectInput
	"Worklist.items":                    12, // the kinds of domain.WorklistKindsOf
	"WorklistItem.entries":              5,  // domain.WorklistEntries
	"Project.fundingSources":            5,
	"Project.targets":                   20,
	"Provider.prices":                   100,
	"User.apiTokens":                    20,
	"Query.authProviders":               1, // one identity provider is configured at most
	"User.municipalities":               43,
	"Child.applications":                10,
	"Child.assessments":                 10,
	"Child.impairments":                 10,
	"Child.parents":                     6,
	"Child.supportPlans":                5,
	"ChildUsage.caps":                   10,
	"Application.events":                10,
	"Assessment.findings":               30,
	"Assessment.recommendations":        30,
	"Assessment.team":                   10,
	"SupportPlan.revisions":             20,
	"SupportPlan.diff":                  100,
	"PlanRevision.goals":                20,
	"PlanRevision.lines":                20,
	"PlanUsage.lines":                   20,
	"ServiceDelivery.corrections":       10,
	"ServiceType.recipients":            3,
	"ClaimPreview.byServiceType":        50,
	"ClaimPreview.byFundingSource":      5,
	"CompensationClaim.byServiceType":   50,
	"CompensationClaim.byFundingSource": 5,
	"AuditEvent.reads":                  10,
	"AuditReadSet.ids":                  maxPageSize * 10,
	"RecordDeliveriesPayload.results":   domain.MaxBatch,
	// The offline package's pages (domain.OfflinePage*); a child has one active plan per
	// project, and the sources have at most two projects a child.
	"OfflinePackage.children":            domain.OfflinePageChildren,
	"OfflinePackage.removed":             domain.OfflinePageRemoved,
	"OfflineChild.parents":               6,
	"OfflineChild.plans":                 3,
	"OfflineChild.caps":                  10,
	"OfflinePlan.lines":                  20,
	"VerifyDeliveriesPayload.deliveries": domain.MaxVerify,
	// A statistics result may hold up to domain.MaxStatRows rows, but each is a few scalars
	// priced here as the typical table of a screen (months by municipality of a region); the
	// SQL's work does not depend on what is selected of the rows.
	"StatisticsResult.rows":            500,
	"StatisticsMeasures.fundingShares": 3,
	// One DI project a planning region (5) in the sources; twice that leaves room for a second round.
	"Query.projectProgress":    10,
	"ProjectProgress.targets":  6, // domain.TargetGroups
	"ProjectProgress.partners": 43,
	// A project's months up to `on`: the DI projects run eight years (2015-12 to 2023-12, 97 months).
	"FundsProgress.byMonth": 100,
}

// listByIDs are the list fields that answer one item per id of an argument when it is given
// (NOT_FOUND for an id they cannot): their multiplier is then the number of ids, up to the
// field's bound, so that asking for one project's whole progress costs one project's.
var listByIDs = map[string]string{
	"Query.projectProgress": "projectIds",
}

// listMultiplier is how many items field may return: its page size, its bound, or 1 for a
// single object and for a connection's edges (the connection field counted the page).
func listMultiplier(parent string, f *ast.Field, vars map[string]any) (int, bool) {
	def := f.Definition
	if strings.HasSuffix(parent, "Connection") && def.Name == "edges" {
		return 1, true
	}
	if def.Arguments.ForName("first") != nil {
		switch first := f.ArgumentMap(vars)["first"].(type) {
		case nil:
			return defaultPageSize, true
		case int64: // literals and variables alike (gqlgen coerces variables to the schema's Int)
			if first <= 0 {
				return defaultPageSize, true
			}
			return int(min(first, maxPageSize)), true
		default: // not expected; the largest page is the safe assumption
			return maxPageSize, true
		}
	}
	if def.Type.Elem == nil {
		return 1, true
	}
	n, ok := listBounds[parent+"."+def.Name]
	if arg, byIDs := listByIDs[parent+"."+def.Name]; ok && byIDs {
		if ids, given := f.ArgumentMap(vars)[arg].([]any); given {
			n = min(n, len(ids))
		}
	}
	return n, ok
}

// measure returns the cost and depth of the selection set; an unknown list (a list field with
// neither paging nor a bound) is an error, as a programming error to be caught by the tests.
func measure(set ast.SelectionSet, doc *ast.QueryDocument, vars map[string]any, depth int, seen map[string]bool) (cost, deepest int, err error) {
	for _, sel := range set {
		var c, d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				// Introspection answers the schema, whatever is selected: a fixed price (so
				// that a document cannot ask for it a thousand times), and its depth is exempt.
				cost = min(cost+introspectionCost, 1<<40)
				continue
			}
			if s.Definition == nil || strings.HasPrefix(s.Name, "__") {
				continue // __typename
			}
			n, ok := listMultiplier(s.ObjectDefinition.Name, s, vars)
			if !ok {
				return 0, 0, fmt.Errorf("list field %s.%s has no cost bound", s.ObjectDefinition.Name, s.Name)
			}
			inner, innerDepth, err := measure(s.SelectionSet, doc, vars, depth+1, seen)
			if err != nil {
				return 0, 0, err
			}
			c, d = 1+n*inner, max(depth+1, innerDepth)
		case *ast.InlineFragment:
			c, d, err = measure(s.SelectionSet, doc, vars, depth, seen)
		case *ast.FragmentSpread:
			if seen[s.Name] || s.Definition == nil {
				continue // a cycle is refused by validation before this runs
			}
			seen[s.Name] = true
			c, d, err = measure(s.Definition.SelectionSet, doc, vars, depth, seen)
			delete(seen, s.Name)
		}
		if err != nil {
			return 0, 0, err
		}
		// Capped so that a long chain of lists cannot overflow into a small number.
		cost, deepest = min(cost+c, 1<<40), max(deepest, d)
	}
	return cost, deepest, nil
}

// limits refuses an operation above MaxCost or MaxDepth before it runs.
type limits struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = limits{}

func (limits) ExtensionName() string                   { return "Limits" }
func (limits) Validate(graphql.ExecutableSchema) error { return nil }

func (limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	cost, depth, err := measure(oc.Operation.SelectionSet, oc.Doc, oc.Variables, 0, map[string]bool{})
	switch {
	case err != nil:
		return &gqlerror.Error{Message: err.Error(), Extensions: map[string]any{"code": "INTERNAL"}}
	case depth > MaxDepth:
		return &gqlerror.Error{Message: fmt.Sprintf("the operation nests %d levels deep, more than the %d allowed", depth, MaxDepth),
			Extensions: map[string]any{"code": "DEPTH_LIMIT_EXCEEDED", "depth": depth, "limit": MaxDepth}}
	case cost > MaxCost:
		return &gqlerror.Error{Message: fmt.Sprintf("the operation may cost %d, more than the %d allowed: ask for smaller pages or fewer nested lists", cost, MaxCost),
			Extensions: map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED", "cost": cost, "limit": MaxCost}}
	}
	return nil
}
