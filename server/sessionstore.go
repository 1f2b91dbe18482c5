package server

import (
	"context"
	"reflect"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"

	"atbalsts/store"
)

// sessionTouchInterval is how often an unchanged session's idle expiry is written at most.
const sessionTouchInterval = time.Minute

// sessionStore keeps the session manager's sessions in PostgreSQL (store/sessions.go), each
// row with the user signed in to it, read from the session's data, so that a user's sessions
// can be ended together (a password change, a reset, a deactivation).
//
// A request that only extends a session's idle expiry writes it at most once a minute: scs
// commits every session on every request when an idle timeout is set, which made every SPA
// read a write of the sessions table (and a WAL flush). A session may so end up to a minute
// before its idle timeout; a change of its data (sign-in, CSRF token) is always written.
type sessionStore struct {
	s     *store.Store
	codec scs.Codec // the session manager's, to read the user and compare what is written
	mu    sync.Mutex
	last  map[string]sessionCommit // token -> what this instance wrote last
}

type sessionCommit struct {
	deadline time.Time      // the session's absolute end, as written
	values   map[string]any // its data, as written
	expiry   time.Time      // the expiry written
}

func newSessionStore(s *store.Store, codec scs.Codec) *sessionStore {
	return &sessionStore{s: s, codec: codec, last: map[string]sessionCommit{}}
}

// The session manager calls these without a context of its own; like the store it replaced
// (scs's postgresstore), they run to completion even when the client has gone.

func (t *sessionStore) Find(token string) ([]byte, bool, error) {
	return t.s.FindSession(context.Background(), token)
}

func (t *sessionStore) Commit(token string, b []byte, expiry time.Time) error {
	// Compared decoded: the encoding of the same data differs from one commit to the next (gob
	// writes a map in Go's random order).
	deadline, values, err := t.codec.Decode(b)
	if err != nil {
		return err
	}
	t.mu.Lock()
	c, ok := t.last[token]
	t.mu.Unlock()
	if ok && c.deadline.Equal(deadline) && reflect.DeepEqual(c.values, values) && expiry.Sub(c.expiry) < sessionTouchInterval {
		return nil
	}
	var userID *int
	if id, ok := values[sessionUserKey].(int); ok && id != 0 {
		userID = &id
	}
	if err := t.s.CommitSession(context.Background(), token, b, expiry, userID); err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.last[token] = sessionCommit{deadline, values, expiry}
	if len(t.last) > 10000 { // forget expired sessions rather than grow without bound
		now := time.Now()
		for k, v := range t.last {
			if v.expiry.Before(now) {
				delete(t.last, k)
			}
		}
	}
	return nil
}

func (t *sessionStore) Delete(token string) error {
	t.mu.Lock()
	delete(t.last, token)
	t.mu.Unlock()
	return t.s.EndSession(context.Background(), token)
}
