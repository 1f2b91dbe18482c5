package server

import (
	"crypto/sha256"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
)

// sessionTouchInterval is how often an unchanged session's idle expiry is written at most.
const sessionTouchInterval = time.Minute

// touchThrottle wraps the session store so that a request that only extends a session's idle
// expiry writes it at most once a minute: scs commits every session on every request when an
// idle timeout is set, which made every SPA read a write of the sessions table (and a WAL
// flush). A session may so end up to a minute before its idle timeout; a change of its data
// (sign-in, CSRF token) is always written.
type touchThrottle struct {
	scs.Store
	mu   sync.Mutex
	last map[string]sessionCommit // token -> what this instance wrote last
}

type sessionCommit struct {
	sum    [32]byte  // the data written
	expiry time.Time // the expiry written
}

func newTouchThrottle(store scs.Store) *touchThrottle {
	return &touchThrottle{Store: store, last: map[string]sessionCommit{}}
}

func (t *touchThrottle) Commit(token string, b []byte, expiry time.Time) error {
	sum := sha256.Sum256(b)
	t.mu.Lock()
	c, ok := t.last[token]
	t.mu.Unlock()
	if ok && c.sum == sum && expiry.Sub(c.expiry) < sessionTouchInterval {
		return nil
	}
	if err := t.Store.Commit(token, b, expiry); err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.last[token] = sessionCommit{sum, expiry}
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

func (t *touchThrottle) Delete(token string) error {
	t.mu.Lock()
	delete(t.last, token)
	t.mu.Unlock()
	return t.Store.Delete(token)
}
