// Package model holds the GraphQL-only types: scalars, connections and generated inputs.
// Entities come from package domain.
package model

import (
	"io"
	"strconv"
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
		return time.Time{}, domain.FieldErrorf("", "a date must be a string yyyy-mm-dd, not %T", v)
	}
	return domain.ParseDate(s)
}

// MarshalMoney writes an amount as a decimal string, "35791.00".
func MarshalMoney(m domain.Money) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(m.String()))
	})
}

// UnmarshalMoney reads an amount from a decimal string ("12.50"); an integer is taken as whole euros.
func UnmarshalMoney(v any) (domain.Money, error) {
	switch v := v.(type) {
	case string:
		return domain.ParseMoney(v)
	case int64:
		return wholeEuros(v)
	case int:
		return wholeEuros(int64(v))
	default:
		return 0, domain.FieldErrorf("", "an amount must be a decimal string such as \"12.50\", not %T", v)
	}
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
