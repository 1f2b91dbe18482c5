package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"atbalsts/bench/dataset"
)

// The pgbench ceiling: what PostgreSQL alone does with the very statements Atbalsts sends
// for a request. A second Atbalsts process (the same binary) runs with log_statement=all on
// its own connections; the bench sends it sample requests one at a time, reads each
// request's statements and their parameter values from the server's CSV log, and writes
// them, parameters inlined, as one pgbench script per request. pgbench then picks one of a
// scenario's scripts at random for each transaction, so the ids vary as in the HTTP runs,
// and its tps is requests' worth of SQL a second with no HTTP, GraphQL or Go in the way.

// csvlog columns of PostgreSQL 13-16.
const (
	colDatabase = 2
	colSession  = 5
	colSeverity = 11
	colMessage  = 13
	colDetail   = 14
)

// capturedRequest is one request's statements, in the order each connection ran them.
type capturedRequest struct {
	statements []string
	sessions   int
}

// logTail reads what the server appended to its CSV log since the last call.
type logTail struct {
	path   string
	offset int64
}

func (l *logTail) skip() error {
	info, err := os.Stat(l.path)
	if err != nil {
		return err
	}
	l.offset = info.Size()
	return nil
}

// next waits until the log stops growing (the logging collector writes asynchronously) and
// returns the new part.
func (l *logTail) next() ([]byte, error) {
	time.Sleep(150 * time.Millisecond)
	var size int64 = -1
	for i := 0; i < 40; i++ {
		info, err := os.Stat(l.path)
		if err != nil {
			return nil, err
		}
		if info.Size() == size {
			break
		}
		size = info.Size()
		time.Sleep(60 * time.Millisecond)
	}
	f, err := os.Open(l.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, size-l.offset)
	if _, err := f.ReadAt(buf, l.offset); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	l.offset = size
	return buf, nil
}

var paramRef = regexp.MustCompile(`\$([0-9]+)`)

// parseStatements reads the logged statements of database db from a CSV log chunk, grouped
// by session in the order of their first statement, with parameters inlined.
func parseStatements(chunk []byte, db string) (capturedRequest, error) {
	r := csv.NewReader(bytes.NewReader(chunk))
	r.FieldsPerRecord = -1
	var order []string
	bySession := map[string][]string{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return capturedRequest{}, err
		}
		if len(rec) <= colDetail || rec[colDatabase] != db || rec[colSeverity] != "LOG" {
			continue
		}
		msg := rec[colMessage]
		var sql string
		switch {
		case strings.HasPrefix(msg, "statement: "):
			sql = strings.TrimPrefix(msg, "statement: ")
		case strings.HasPrefix(msg, "execute "):
			_, rest, ok := strings.Cut(msg, ": ")
			if !ok {
				continue
			}
			sql = rest
		default:
			continue
		}
		if params, ok := strings.CutPrefix(rec[colDetail], "parameters: "); ok {
			values, err := parseParams(params)
			if err != nil {
				return capturedRequest{}, err
			}
			sql = paramRef.ReplaceAllStringFunc(sql, func(ref string) string {
				n, _ := strconv.Atoi(ref[1:])
				if v, ok := values[n]; ok {
					return v
				}
				return ref
			})
		}
		s := rec[colSession]
		if _, seen := bySession[s]; !seen {
			order = append(order, s)
		}
		bySession[s] = append(bySession[s], strings.TrimRight(strings.TrimSpace(sql), ";"))
	}
	var out capturedRequest
	for _, s := range order {
		out.statements = append(out.statements, bySession[s]...)
	}
	out.sessions = len(order)
	return out, nil
}

// parseParams reads PostgreSQL's "$1 = 'a', $2 = NULL" into SQL literals by number.
func parseParams(s string) (map[int]string, error) {
	out := map[int]string{}
	for len(s) > 0 {
		if s[0] != '$' {
			return nil, fmt.Errorf("parameters: unexpected %q", s)
		}
		eq := strings.Index(s, " = ")
		if eq < 0 {
			return nil, fmt.Errorf("parameters: no value in %q", s)
		}
		n, err := strconv.Atoi(s[1:eq])
		if err != nil {
			return nil, err
		}
		s = s[eq+3:]
		switch {
		case strings.HasPrefix(s, "NULL"):
			out[n] = "NULL"
			s = s[4:]
		case strings.HasPrefix(s, "'"):
			i := 1
			for {
				if i >= len(s) {
					return nil, errors.New("parameters: unterminated value")
				}
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						i += 2
						continue
					}
					break
				}
				i++
			}
			out[n] = s[:i+1]
			s = s[i+1:]
		default:
			return nil, fmt.Errorf("parameters: unexpected value %q", s)
		}
		s = strings.TrimPrefix(s, ", ")
	}
	return out, nil
}

// script is a captured request as a pgbench script: one statement a command. The captured
// request authenticated with the token whose hash is tokenHash; in the script each pgbench
// client uses its own bench token instead (tokens 1-64 are the ADMIN's), as each HTTP client
// does, so that replays do not queue on one token row that Atbalsts's clients never share.
func (c capturedRequest) script(tokenHash []byte) string {
	var b strings.Builder
	b.WriteString("-- one Atbalsts request's SQL, captured by bench/run\n")
	fmt.Fprintf(&b, "\\set tok :client_id %% %d + 1\n", dataset.AdminTokens)
	literal := `'\x` + hex.EncodeToString(tokenHash) + `'`
	for _, s := range c.statements {
		b.WriteString(strings.ReplaceAll(s, literal, "(SELECT secret_hash FROM api_token WHERE id = :tok)"))
		b.WriteString(";\n")
	}
	return b.String()
}

// pgbench runs a tool of the PostgreSQL installation.
type pgbench struct {
	bin      string // the pgbench executable
	host     string // the socket directory
	database string
}

func (p *pgbench) args(extra ...string) []string {
	return append([]string{"-h", p.host, "-p", "5432", "-U", "postgres", "-n", "-M", "prepared"}, append(extra, p.database)...)
}

// check runs a script once and returns pgbench's complaint if it fails.
func (p *pgbench) check(ctx context.Context, file string) error {
	cmd := exec.CommandContext(ctx, p.bin, p.args("-c", "1", "-t", "1", "-f", file)...)
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("aborted")) || bytes.Contains(out, []byte("ERROR")) {
		return fmt.Errorf("%s: %v: %s", filepath.Base(file), err, lastLine(string(out), "ERROR"))
	}
	return nil
}

var tpsLine = regexp.MustCompile(`tps = ([0-9.]+)`)

// run runs the scripts for d with the given clients and threads, and returns the
// transactions a second. One pgbench thread for 32 connections was the bottleneck on a busy
// two-core machine (every backend idle in ClientRead, waiting for pgbench): the default is
// a thread for every 4 clients, so that the number measures PostgreSQL, not pgbench.
func (p *pgbench) run(ctx context.Context, files []string, clients, threads int, d time.Duration) (float64, error) {
	if threads <= 0 {
		threads = max(1, clients/4)
	}
	args := []string{"-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(threads, clients)), "-T", strconv.Itoa(max(1, int(d.Round(time.Second).Seconds())))}
	for _, f := range files {
		args = append(args, "-f", f)
	}
	cmd := exec.CommandContext(ctx, p.bin, p.args(args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("pgbench: %v: %s", err, lastLine(string(out), ""))
	}
	m := tpsLine.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("pgbench: no tps in %q", lastLine(string(out), ""))
	}
	return strconv.ParseFloat(string(m[1]), 64)
}

func lastLine(s, containing string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], containing) {
			return lines[i]
		}
	}
	return ""
}
