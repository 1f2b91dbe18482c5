package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// AuditLog is reading the audit log: all of it for an ADMIN, their region's part for a
// REGION_COORDINATOR.
type AuditLog struct{ base }

// List returns up to limit events of the caller's part of the log that match f (its scope is
// the caller's), newest first, after the key, and whether more follow.
func (l *AuditLog) List(ctx context.Context, f domain.AuditFilter, after *store.AuditKey, limit int) ([]domain.AuditEvent, bool, error) {
	scope, err := domain.CanReadAudit(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	return l.store.AuditEvents(ctx, f, after, limit)
}

// Count counts the events of the caller's part of the log that match f.
func (l *AuditLog) Count(ctx context.Context, f domain.AuditFilter) (int, error) {
	scope, err := domain.CanReadAudit(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return l.store.CountAuditEvents(ctx, f)
}

// Get returns one event of the caller's part of the log; another is not found.
func (l *AuditLog) Get(ctx context.Context, id int64) (*domain.AuditEvent, error) {
	scope, err := domain.CanReadAudit(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	return l.store.AuditEvent(ctx, scope, id)
}
