package service

import (
	"context"

	"atbalsts/domain"
)

// Offline is the offline package of mobile clients and its delta sync (domain/offline.go).
type Offline struct{ base }

// Package is the first page of the caller's offline package: a device that holds nothing.
func (s *Offline) Package(ctx context.Context) (*domain.OfflinePage, error) {
	scope, err := domain.CanSyncOffline(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	return s.page(ctx, scope, nil)
}

// Changes is the next page for a device that holds what the cursor since says. A role without
// a package is refused before its cursor is read.
func (s *Offline) Changes(ctx context.Context, since string) (*domain.OfflinePage, error) {
	scope, err := domain.CanSyncOffline(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	held, err := domain.DecodeOfflineCursor(since)
	if err != nil {
		return nil, err
	}
	return s.page(ctx, scope, held)
}

// page computes the caller's package as of now and sends what the device lacks: the entries
// it does not hold or holds at another version, and tombstones for what it must delete. Each
// child sent (and each parent of it) is an audited read; tombstones read nothing.
func (s *Offline) page(ctx context.Context, scope domain.OfflineScope, held []domain.OfflineHeld) (*domain.OfflinePage, error) {
	now := s.now()
	today := domain.Today(now)
	entries, err := s.store.OfflinePackage(ctx, scope, today)
	if err != nil {
		return nil, err
	}
	children, removed, after, more := domain.OfflineDiff(held, entries)
	for _, c := range children {
		domain.AuditCaseRead(ctx, domain.EntityChild, c.ID, c.MunicipalityID)
		for _, p := range c.Parents {
			domain.AuditCaseRead(ctx, domain.EntityParent, p.ID, c.MunicipalityID)
		}
	}
	return &domain.OfflinePage{AsOf: now, Today: today, Children: children, Removed: removed, HasMore: more,
		Cursor: domain.EncodeOfflineCursor(after)}, nil
}
