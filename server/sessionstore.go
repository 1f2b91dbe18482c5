package server

import (
	"reflect"
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
	codec scs.Codec // the session manager's, to compare what is written by content
	mu    sync.Mutex
	last  map[string]sessionCommit // token -> what this instance wrote last
}

type sessionCommit struct {
	deadline time.Time      // the session's absolute end, as written
	values   map[string]any // its data, as written
	expiry   time.Time      // the expiry written
}

func newTouchThrottle(store scs.Store, codec scs.Codec) *touchThrottle {
	return &touchThrottle{Store: store, codec: codec, last: map[string]sessionCommit{}}
}

func (t *touchThrottle) Commit(token string, b []byte, expiry time.Time) error {
	// Compared decoded: the encoding of the same data differs from one commit to the next (gob
	// writes a map in Go's random order).
	deadline, values, err := t.codec.Decode(b)
	if err != nil {
		return t.Store.Commit(token, b, expiry)
	}
	t.mu.Lock()
	c, ok := t.last[token]
	t.mu.Unlock()
	if ok && c.deadline.Equal(deadline) && reflect.DeepEqual(c.values, values) && expiry.Sub(c.expiry) < sessionTouchInterval {
		return nil
	}
	if err := t.Store.Commit(token, b, expiry); err != nil {
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

func (t *touchThrottle) Delete(token string) error {
	t.mu.Lock()
	delete(t.last, token)
	t.mu.Unlock()
	return t.Store.Delete(token)
}
