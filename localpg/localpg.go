// Package localpg runs a private PostgreSQL cluster from the PostgreSQL binaries installed on
// the machine: the embedded default database of `make run`, and the database server of the
// tests when none is given.
//
// The cluster listens only on a unix socket inside its own directory, and it lives no longer
// than the program: Stop ends it, and if the program dies without calling Stop the kernel
// sends the postmaster a shutdown signal (parent-death signal), while the next Start ends any
// postmaster a crashed run left behind.
package localpg

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lib/pq"
)

// Port is the port number of the cluster. With listen_addresses empty it names only the
// socket file (.s.PGSQL.5432), so clusters in different directories never collide.
const Port = 5432

// superuser is the name of the cluster's bootstrap superuser, whatever the OS user is.
const superuser = "postgres"

// maxSocketPath is the longest unix socket path Linux accepts (sun_path is 108 bytes).
const maxSocketPath = 107

// debianRoot is where Debian's postgresql-NN packages put their binaries, one folder a version.
var debianRoot = "/usr/lib/postgresql"

// ErrNoBinaries means that no PostgreSQL server binaries were found on the machine.
var ErrNoBinaries = errors.New("PostgreSQL server binaries (initdb, postgres) not found: install them (apt-get install postgresql) or set DATABASE_URL to use an existing server")

// Options configures a cluster.
type Options struct {
	// Dir is the cluster's data directory; it is created, and initialised when empty.
	Dir string
	// LogFile receives the server's output; empty means Dir + ".log".
	LogFile string
	// Ephemeral trades durability for speed (no fsync): for test clusters only.
	Ephemeral bool
	// Logger receives progress messages; nil means slog.Default().
	Logger *slog.Logger
}

// Cluster is a running PostgreSQL server started by Start.
type Cluster struct {
	dir       string
	socketDir string
	tmpSocket bool // socketDir is a temporary directory of our own, removed on Stop
	log       *slog.Logger
	cmd       *exec.Cmd
	exited    chan struct{} // closed when the postmaster has exited
	stopOnce  sync.Once
	stopErr   error
}

// Start initialises the cluster directory if needed, starts the server and waits until it
// accepts connections. On failure nothing is left running.
func Start(ctx context.Context, opts Options) (c *Cluster, err error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	bin, err := FindBinaries()
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	logPath := opts.LogFile
	if logPath == "" {
		logPath = dir + ".log"
	}
	owner, err := clusterOwner()
	if err != nil {
		return nil, err
	}
	if err := prepareDir(dir, owner, log); err != nil {
		return nil, err
	}
	stopStale(dir, log)

	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("localpg: server log: %w", err)
	}
	defer logFile.Close() // the child holds its own descriptor

	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); errors.Is(err, fs.ErrNotExist) {
		log.Info("initialising PostgreSQL cluster", "dir", dir, "bin", bin)
		args := []string{"-D", dir, "-U", superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"}
		if opts.Ephemeral {
			args = append(args, "--no-sync")
		}
		initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), args...)
		initdb.SysProcAttr = owner.sysProcAttr()
		var out bytes.Buffer
		initdb.Stdout, initdb.Stderr = &out, &out
		if err := initdb.Run(); err != nil {
			return nil, fmt.Errorf("localpg: initdb: %w: %s", err, lastLines(out.String(), 5))
		}
	}

	c = &Cluster{dir: dir, socketDir: dir, log: log, exited: make(chan struct{})}
	if len(filepath.Join(dir, ".s.PGSQL.5432")) > maxSocketPath {
		// A deep data directory cannot hold the socket: use a short private one instead.
		c.socketDir, err = os.MkdirTemp("", "atbalsts-pg-")
		if err != nil {
			return nil, err
		}
		c.tmpSocket = true
		if err := owner.chown(c.socketDir); err != nil {
			os.RemoveAll(c.socketDir)
			return nil, err
		}
	}

	args := []string{"-D", dir, "-k", c.socketDir, "-p", strconv.Itoa(Port),
		"-c", "listen_addresses=", "-c", "unix_socket_permissions=0700",
		"-c", "max_connections=200"}
	if opts.Ephemeral {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	c.cmd = exec.Command(filepath.Join(bin, "postgres"), args...)
	c.cmd.Stdout, c.cmd.Stderr = logFile, logFile
	c.cmd.SysProcAttr = owner.sysProcAttr()
	// Its own process group: Ctrl-C in a terminal reaches only this program, which then
	// drains its requests before it stops the database.
	c.cmd.SysProcAttr.Setpgid = true
	// If this program dies without stopping it, the postmaster gets a fast shutdown.
	c.cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
	if err := c.cmd.Start(); err != nil {
		c.cleanupSocketDir()
		return nil, fmt.Errorf("localpg: start postgres: %w", err)
	}
	go func() {
		_ = c.cmd.Wait()
		close(c.exited)
	}()
	defer func() {
		if err != nil {
			c.Stop()
		}
	}()

	if err := c.waitReady(ctx, 60*time.Second); err != nil {
		return nil, fmt.Errorf("localpg: %w; server log %s: %s", err, logPath, tail(logPath, 5))
	}
	log.Info("PostgreSQL cluster ready", "dir", dir, "socket", c.socketDir, "pid", c.cmd.Process.Pid)
	return c, nil
}

// waitReady polls until the server accepts connections, it exits, or the time is up.
func (c *Cluster) waitReady(ctx context.Context, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for {
		db, err := sql.Open("postgres", c.DSN("postgres"))
		if err == nil {
			err = db.PingContext(ctx)
			db.Close()
		}
		if err == nil {
			return nil
		}
		select {
		case <-c.exited:
			return errors.New("postgres exited during start-up")
		case <-ctx.Done():
			return fmt.Errorf("postgres not ready: %w (last error: %v)", ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// DSN is the connection string for the named database of the cluster.
func (c *Cluster) DSN(database string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable", c.socketDir, Port, superuser, database)
}

// DSNAs is the connection string of a database as another role (the socket trusts local
// connections: the socket directory is the cluster owner's alone).
func (c *Cluster) DSNAs(user, database string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable", c.socketDir, Port, user, database)
}

// Dir is the cluster's data directory.
func (c *Cluster) Dir() string { return c.dir }

// PID is the process id of the postmaster.
func (c *Cluster) PID() int { return c.cmd.Process.Pid }

// CreateDatabase creates the named database unless it exists.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) error {
	return CreateDatabase(ctx, c.DSN("postgres"), name, "")
}

// Stop shuts the server down (fast: open transactions are rolled back) and waits for it to
// exit; after 30 s it is stopped immediately. Stop may be called more than once.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() {
		defer c.cleanupSocketDir()
		if c.cmd == nil || c.cmd.Process == nil {
			return
		}
		_ = c.cmd.Process.Signal(syscall.SIGINT)
		for _, step := range []struct {
			wait time.Duration
			next syscall.Signal
		}{{30 * time.Second, syscall.SIGQUIT}, {10 * time.Second, syscall.SIGKILL}, {10 * time.Second, 0}} {
			select {
			case <-c.exited:
				c.log.Info("PostgreSQL cluster stopped", "dir", c.dir)
				return
			case <-time.After(step.wait):
				if step.next != 0 {
					c.log.Warn("PostgreSQL is slow to stop", "signal", step.next.String())
					_ = c.cmd.Process.Signal(step.next)
				}
			}
		}
		c.stopErr = errors.New("localpg: postgres did not exit")
	})
	return c.stopErr
}

func (c *Cluster) cleanupSocketDir() {
	if c.tmpSocket {
		os.RemoveAll(c.socketDir)
	}
}

// CreateDatabase creates database name on the server of adminDSN, from template if given,
// unless a database of that name exists.
func CreateDatabase(ctx context.Context, adminDSN, name, template string) error {
	db, err := sql.Open("postgres", adminDSN)
	if err != nil {
		return err
	}
	defer db.Close()
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if exists {
		return nil
	}
	stmt := "CREATE DATABASE " + pq.QuoteIdentifier(name)
	if template != "" {
		stmt += " TEMPLATE " + pq.QuoteIdentifier(template)
	}
	var pqErr *pq.Error
	if _, err := db.ExecContext(ctx, stmt); err != nil && !(errors.As(err, &pqErr) && pqErr.Code == "42P04") {
		return fmt.Errorf("localpg: %s: %w", stmt, err)
	}
	return nil
}

// WithDatabase returns dsn (a URL or key=value connection string) naming another database.
func WithDatabase(dsn, database string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		base, query, _ := strings.Cut(dsn, "?")
		if i := strings.Index(base[strings.Index(base, "//")+2:], "/"); i >= 0 {
			base = base[:strings.Index(base, "//")+2+i]
		}
		out := base + "/" + database
		if query != "" {
			out += "?" + query
		}
		return out
	}
	// In key=value strings lib/pq lets a later key win.
	return dsn + " dbname=" + database
}

// WithUser returns dsn (a URL or key=value connection string) connecting as another role,
// without a password (the local test servers trust their socket).
func WithUser(dsn, user string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.User = url.User(user)
		return u.String()
	}
	return dsn + " user=" + user
}

// FindBinaries returns the directory that holds initdb and postgres: the one `pg_config
// --bindir` names, else the one on PATH, else the newest /usr/lib/postgresql/*/bin.
func FindBinaries() (string, error) {
	var candidates []string
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(out)))
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		candidates = append(candidates, filepath.Dir(p))
	}
	dirs, _ := filepath.Glob(filepath.Join(debianRoot, "*", "bin"))
	sort.Slice(dirs, func(i, j int) bool { return majorVersion(dirs[i]) > majorVersion(dirs[j]) })
	candidates = append(candidates, dirs...)
	for _, dir := range candidates {
		if isExecutable(filepath.Join(dir, "initdb")) && isExecutable(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
	}
	return "", ErrNoBinaries
}

func majorVersion(binDir string) float64 {
	v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(binDir)), 64)
	return v
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir() && info.Mode()&0o111 != 0
}

// owner is the OS user that runs the cluster: this process's user, or, when that is root
// (which initdb and postgres refuse), an unprivileged system user.
type owner struct {
	uid, gid int
	dropped  bool // whether the cluster runs as another user than this process
}

func clusterOwner() (owner, error) {
	if os.Geteuid() != 0 {
		return owner{uid: os.Geteuid(), gid: os.Getegid()}, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return owner{uid: uid, gid: gid, dropped: true}, nil
	}
	return owner{}, errors.New("localpg: running as root, but there is no unprivileged user (postgres or nobody) to run PostgreSQL as")
}

func (o owner) sysProcAttr() *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{}
	if o.dropped {
		attr.Credential = &syscall.Credential{Uid: uint32(o.uid), Gid: uint32(o.gid)}
	}
	return attr
}

func (o owner) chown(path string) error {
	if !o.dropped {
		return nil
	}
	return os.Chown(path, o.uid, o.gid)
}

// prepareDir creates the data directory, owned by the cluster's user with the mode PostgreSQL
// demands, and makes sure that user can reach it.
func prepareDir(dir string, o owner, log *slog.Logger) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if err := o.chown(dir); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if !o.dropped {
		return nil
	}
	// The unprivileged user must be able to pass through every parent directory. A private
	// temporary directory (mode 0700) blocks it: grant search permission only (o+x), which
	// lets it reach paths it knows but not list or read anything.
	for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("localpg: %w", err)
		}
		st := info.Sys().(*syscall.Stat_t)
		canPass := info.Mode()&0o001 != 0 ||
			(int(st.Uid) == o.uid && info.Mode()&0o100 != 0) ||
			(int(st.Gid) == o.gid && info.Mode()&0o010 != 0)
		if !canPass {
			log.Info("granting the PostgreSQL user search permission", "dir", p)
			if err := os.Chmod(p, info.Mode().Perm()|0o001); err != nil {
				return fmt.Errorf("localpg: %w", err)
			}
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

// stopStale ends a postmaster that a crashed earlier run left on this directory.
func stopStale(dir string, log *slog.Logger) {
	data, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return
	}
	first, _, _ := strings.Cut(string(data), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || !bytes.Contains(cmdline, []byte("postgres")) {
		return // gone; postgres itself clears a stale pid file
	}
	log.Warn("stopping a PostgreSQL left running by an earlier run", "pid", pid)
	_ = syscall.Kill(pid, syscall.SIGINT)
	for i := 0; i < 300; i++ {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(pid, syscall.SIGQUIT)
	time.Sleep(time.Second)
}

func tail(path string, n int) string {
	data, _ := os.ReadFile(path)
	return lastLines(string(data), n)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
