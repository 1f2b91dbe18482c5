package store

import (
	"context"

	"atbalsts/domain"
)

// The services (package service) own their transactions: they open one with InTx, read and
// lock through the functions that take a *Tx, decide with domain rules, and write through
// them. These are the reads that several aggregates' services share.

// InTx runs fn in a transaction, committed when fn returns nil and rolled back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	return s.inTx(ctx, fn)
}

// ChildInScopeTx returns a child the scope sees, locked against changes (FOR UPDATE) when
// lock is set.
func ChildInScopeTx(ctx context.Context, tx *Tx, scope domain.CaseScope, id int, lock bool) (*domain.Child, error) {
	return childInScope(ctx, tx, scope, id, lock)
}

// AssessmentInScopeTx returns an assessment the scope sees, locked when lock is set.
func AssessmentInScopeTx(ctx context.Context, tx *Tx, scope domain.CaseScope, id int, lock bool) (*domain.Assessment, error) {
	return assessmentInScope(ctx, tx, scope, id, lock)
}

// PlanInScopeTx returns a plan the scope sees, else ENOTFOUND.
func PlanInScopeTx(ctx context.Context, tx *Tx, scope domain.CaseScope, id int) (*domain.SupportPlan, error) {
	return planInScope(ctx, tx, scope, id)
}

// ProjectInTx returns a project, else ENOTFOUND.
func ProjectInTx(ctx context.Context, tx *Tx, id int) (*domain.Project, error) {
	return projectInTx(ctx, tx, id)
}
