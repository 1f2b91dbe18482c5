// Package model holds the GraphQL-only types: scalars, connections and generated inputs.
// Entities come from package domain.
package model

import (
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"atbalsts/domain"
)

// Node is any object that `node(id)` can return; the generated code tells them apart by type.
type Node any

// MarshalDate writes a date as "yyyy-mm-dd".
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(t.Format(domain.DateLayout)))
	})
}

// UnmarshalDate reads a "yyyy-mm-dd" date.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, domain.FieldErrorf("", "a date must be a string yyyy-mm-dd, not %s", jsonKind(v))
	}
	return domain.ParseDate(s)
}

// The built-in scalars are read strictly, as the GraphQL specification coerces input: gqlgen's
// own readers take "1" for an Int, "true" for a Boolean and 12 for a String, which hides a
// client's bug and lets a value of the wrong kind reach the rules. Their errors name no field:
// the GraphQL layer adds the argument's path (presentError). Values arrive as Go ints from
// literals in the query, as json.Number from JSON variables (the transport decodes numbers so).

// MarshalInt writes an Int.
func MarshalInt(i int) graphql.Marshaler { return graphql.MarshalInt(i) }

// UnmarshalInt reads an Int: a whole number within 32 bits, never a string or a fraction.
func UnmarshalInt(v any) (int, error) {
	var n int64
	switch v := v.(type) {
	case int:
		n = int64(v)
	case int64:
		n = v
	case json.Number:
		var err error
		if n, err = strconv.ParseInt(string(v), 10, 64); err != nil {
			return 0, domain.FieldErrorf("", "an Int must be a whole number, not %s", v)
		}
	default:
		return 0, domain.FieldErrorf("", "an Int must be a number, not %s", jsonKind(v))
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, domain.FieldErrorf("", "%d is beyond the range of an Int (32 bits)", n)
	}
	return int(n), nil
}

// MarshalBoolean writes a Boolean.
func MarshalBoolean(b bool) graphql.Marshaler { return graphql.MarshalBoolean(b) }

// UnmarshalBoolean reads a Boolean: true or false, never "true" or 1.
func UnmarshalBoolean(v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, domain.FieldErrorf("", "a Boolean must be true or false, not %s", jsonKind(v))
	}
	return b, nil
}

// MarshalString writes a String.
func MarshalString(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalString reads a String: a string, never a number or a Boolean. (NUL characters and
// broken encodings are refused for every string input before this, see graph/edge.go.)
func UnmarshalString(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", domain.FieldErrorf("", "a String must be a string, not %s", jsonKind(v))
	}
	return s, nil
}

// MarshalID writes an ID.
func MarshalID(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalID reads an ID: a string, or a whole number as the specification allows.
func UnmarshalID(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			return "", domain.FieldErrorf("", "an ID must be a string or a whole number, not %s", v)
		}
		return string(v), nil
	default:
		return "", domain.FieldErrorf("", "an ID must be a string, not %s", jsonKind(v))
	}
}

// MarshalTime writes a point in time as RFC 3339.
func MarshalTime(t time.Time) graphql.Marshaler { return graphql.MarshalTime(t) }

// UnmarshalTime reads a point in time as RFC 3339 ("2026-11-22T14:03:56Z", fractions of a
// second and any offset allowed).
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, domain.FieldErrorf("", "a time must be a string as RFC 3339, not %s", jsonKind(v))
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, domain.FieldErrorf("", "%q is not a time: use RFC 3339, e.g. 2026-11-22T14:03:56Z", s)
	}
	return t, nil
}

// jsonKind names the kind of a decoded input value in the client's terms, for messages.
func jsonKind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a Boolean"
	case int, int64, float64:
		return "a number"
	case json.Number:
		if strings.ContainsAny(string(v), ".eE") {
			return "a fraction"
		}
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	default:
		return "a value of another kind"
	}
}

// MarshalMoney writes an amount as a decimal string, "35791.00".
func MarshalMoney(m domain.Money) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(m.String()))
	})
}

// UnmarshalMoney reads an amount from a decimal string ("12.50"); a whole number (a literal
// or a JSON integer alike) is taken as whole euros. A JSON fraction is refused: it would have
// been a float on the client's side, and amounts are never floats.
func UnmarshalMoney(v any) (domain.Money, error) {
	switch v := v.(type) {
	case string:
		return domain.ParseMoney(v)
	case int64:
		return wholeEuros(v)
	case int:
		return wholeEuros(int64(v))
	case json.Number:
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return wholeEuros(n)
		}
	}
	return 0, domain.FieldErrorf("", "an amount must be a decimal string such as \"12.50\", not %s", jsonKind(v))
}

// MunicipalityConnection is a page of municipalities; totalCount is counted only when asked.
type MunicipalityConnection struct {
	Filter   domain.MunicipalityFilter // the filter the page was made with
	Edges    []*MunicipalityEdge       // the page's municipalities
	PageInfo *PageInfo                 // where the page lies
}

// UserConnection is a page of users; totalCount is counted only when asked.
type UserConnection struct {
	Filter   domain.UserFilter // the filter the page was made with
	Edges    []*UserEdge       // the page's users
	PageInfo *PageInfo         // where the page lies
}

// ProviderConnection is a page of providers; totalCount is counted only when asked.
type ProviderConnection struct {
	Edges    []*ProviderEdge // the page's providers
	PageInfo *PageInfo       // where the page lies
}

// AuditEventConnection is a page of audit events; totalCount is counted only when asked.
type AuditEventConnection struct {
	Filter   domain.AuditFilter // the filter (and the caller's scope) the page was made with
	Edges    []*AuditEventEdge  // the page's events
	PageInfo *PageInfo          // where the page lies
}

// ProjectConnection is a page of projects; totalCount is counted only when asked.
type ProjectConnection struct {
	Filter   domain.ProjectFilter // the filter the page was made with
	Edges    []*ProjectEdge       // the page's projects
	PageInfo *PageInfo            // where the page lies
}

// ChildConnection is a page of children; totalCount is counted only when asked.
type ChildConnection struct {
	Filter   domain.ChildFilter // the filter (and the caller's scope) the page was made with
	Edges    []*ChildEdge       // the page's children
	PageInfo *PageInfo          // where the page lies
	Total    *int               // the count, when the page's query already knows it
}

// ParentConnection is a page of parents; totalCount is counted only when asked.
type ParentConnection struct {
	Filter   domain.ParentFilter // the filter (and the caller's scope) the page was made with
	Edges    []*ParentEdge       // the page's parents
	PageInfo *PageInfo           // where the page lies
}

// ApplicationConnection is a page of applications; totalCount is counted only when asked.
type ApplicationConnection struct {
	Filter   domain.ApplicationFilter // the filter (and scope) the page was made with
	Edges    []*ApplicationEdge       // the page's applications
	PageInfo *PageInfo                // where the page lies
}

// AssessmentConnection is a page of assessments; totalCount is counted only when asked.
type AssessmentConnection struct {
	Filter   domain.AssessmentFilter // the filter (and scope) the page was made with
	Edges    []*AssessmentEdge       // the page's assessments
	PageInfo *PageInfo               // where the page lies
}

// SupportPlanConnection is a page of plans; totalCount is counted only when asked.
type SupportPlanConnection struct {
	Filter   domain.SupportPlanFilter // the filter (and scope) the page was made with
	Edges    []*SupportPlanEdge       // the page's plans
	PageInfo *PageInfo                // where the page lies
}

// wholeEuros is an amount given as a whole number of euros, within domain.MaxMoney (checked
// before multiplying, which could otherwise wrap around).
func wholeEuros(v int64) (domain.Money, error) {
	if v > int64(domain.MaxMoney)/100 || v < -int64(domain.MaxMoney)/100 {
		return 0, domain.FieldErrorf("", "%d is beyond the largest amount, %s", v, domain.MaxMoney)
	}
	return domain.Money(v * 100), nil
}

// ServiceDeliveryConnection is a page of deliveries; totalCount is counted only when asked.
type ServiceDeliveryConnection struct {
	Filter   domain.DeliveryFilter  // the filter (and the caller's scope) the page was made with
	Edges    []*ServiceDeliveryEdge // the page's deliveries
	PageInfo *PageInfo              // where the page lies
}

// CompensationClaimConnection is a page of claims; totalCount is counted only when asked.
type CompensationClaimConnection struct {
	Filter   domain.ClaimFilter       // the filter (and the caller's scope) the page was made with
	Edges    []*CompensationClaimEdge // the page's claims
	PageInfo *PageInfo                // where the page lies
}
