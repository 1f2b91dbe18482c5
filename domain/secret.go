package domain

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"runtime"
	"sync"

	"github.com/alexedwards/argon2id"
)

// passwordParams are OWASP's argon2id parameters (19 MiB, 2 iterations, 1 lane): about 50 ms
// of one core per hash here.
var passwordParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// hashing bounds concurrent argon2id runs to the number of cores: a burst of sign-ins then
// queues instead of taking all memory and starving every other request.
var hashing = make(chan struct{}, max(1, runtime.NumCPU()))

// HashPassword returns the argon2id hash of a password in the PHC string format.
func HashPassword(password string) (string, error) {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return argon2id.CreateHash(password, passwordParams)
}

// CheckPassword tells whether password matches hash. Without a hash to compare with (none
// set, or one that does not decode) it compares with the dummy hash, which costs the same, so
// that the time taken does not tell whether an account exists: a malformed hash would fail
// at once, as an empty one did (store.SignInAccount says how).
func CheckPassword(password string, hash *string) bool {
	h, real := dummyHash(), false
	if hash != nil {
		if _, _, _, err := argon2id.DecodeHash(*hash); err == nil {
			h, real = *hash, true
		}
	}
	hashing <- struct{}{}
	defer func() { <-hashing }()
	ok, err := argon2id.ComparePasswordAndHash(password, h)
	return err == nil && ok && real
}

// dummyHash is a valid hash of a random password, made once.
var dummyHash = sync.OnceValue(func() string {
	h, err := argon2id.CreateHash(rand.Text(), passwordParams)
	if err != nil {
		panic(err)
	}
	return h
})

// NewTokenSecret returns a new access token secret and its hash: 256 random bits,
// so a plain SHA-256 (not a slow password hash) is enough to store it safely.
func NewTokenSecret() (secret string, hash []byte) {
	b := make([]byte, 32)
	rand.Read(b)
	secret = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashTokenSecret(secret)
}

// HashTokenSecret returns the hash under which a token secret is stored.
func HashTokenSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// NewCSRFToken returns a random token for a session's CSRF check.
func NewCSRFToken() string { return rand.Text() }
