package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestLocalPathRedirect checks the return path as the browser gets it: localPath's answer goes
// through http.Redirect, which cleans the path (so "/x/../\\host" becomes "/\\host"), and a
// browser reads the Location header as the WHATWG URL standard says (tabs and newlines are
// removed, a backslash is a slash). None may lead to another host, nor back into /auth/.
func TestLocalPathRedirect(t *testing.T) {
	for _, in := range []string{
		"/\t/evil.example",           // a tab: url.Parse fails, so Redirect writes it as it is
		"/x/../\\evil.example",       // cleaned by Redirect into /\evil.example
		"/x/..\\/evil.example",       // \/ is // to a browser
		"/./\\evil.example",          // likewise
		"/x/../auth/oidc/start",      // cleaned into the start route: a loop through the provider
		"/x/../sign-in",              // the sign-in page
		"/\\\\evil.example",          // already refused
		"//evil.example",             // already refused
		"/children/\t\\evil.example", // a browser keeps this on the host: allowed either way
	} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/auth/oidc/callback", nil)
		http.Redirect(w, r, localPath(in), http.StatusSeeOther)
		loc := w.Header().Get("Location")
		// What a browser makes of it.
		seen := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(loc)
		if !strings.HasPrefix(seen, "/") || strings.HasPrefix(seen, "//") || strings.HasPrefix(seen, "/auth/") || strings.HasPrefix(seen, "/sign-in") {
			t.Errorf("return %q: Location %q, which a browser reads as %q", in, loc, seen)
		}
	}
}
