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
	"sync/atomic"
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
	// MaxRestarts is how many attempts in a row the supervisor makes to start a postmaster
	// that exited unexpectedly before it gives up (Failed); 0 means DefaultMaxRestarts.
	MaxRestarts int
}

// Cluster is a running PostgreSQL server started by Start, and its supervisor: the postmaster
// is a child of this process, and when it exits without Stop asking it to (killed, out of
// memory, a crash) the supervisor starts it again after a growing delay (RestartDelays). After
// Options.MaxRestarts failed attempts in a row it gives up and closes Failed, so that the
// program can exit and its own supervisor (systemd, the container runtime) start both anew.
type Cluster struct {
	dir       string
	bin       string
	logPath   string
	args      []string
	owner     owner
	socketDir string
	tmpSocket bool // socketDir is a temporary directory of our own, removed on Stop
	log       *slog.Logger

	mu       sync.Mutex
	cur      *postmaster   // the current (or last) postmaster
	stopping chan struct{} // closed by Stop: no postmaster is started after that
	up       atomic.Bool   // the postmaster runs and has accepted a connection

	maxRestarts int
	failed      chan struct{} // closed when the supervisor gives up; failErr says why
	failErr     error
	superDone   chan struct{} // closed when the supervisor goroutine has returned

	stopOnce sync.Once
	stopErr  error
}

// postmaster is one run of the server process.
type postmaster struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when the process has exited; state then holds its status
	state  *os.ProcessState
}

// RestartDelays are the waits before the supervisor's attempts to start a postmaster that
// exited: each attempt that fails waits the next, the last repeating. An exit right after a
// kill often finds the old backends still holding the shared memory for a moment, so the
// first attempts come quickly and the later ones give an operator time. Tests shorten them
// (set it only while no cluster runs).
var RestartDelays = []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second,
	8 * time.Second, 16 * time.Second, 30 * time.Second}

// DefaultMaxRestarts is how many attempts in a row the supervisor makes before it gives up:
// with RestartDelays, two and a half minutes of waiting for a database that cannot start.
const DefaultMaxRestarts = 10

// Start initialises the cluster directory if needed, starts the server, waits until it
// accepts connections and supervises it. On failure nothing is left running.
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
	stopStale(dir, owner, log)

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

	c = &Cluster{dir: dir, bin: bin, logPath: logPath, owner: owner, socketDir: dir, log: log,
		stopping: make(chan struct{}), failed: make(chan struct{}), superDone: make(chan struct{}),
		maxRestarts: opts.MaxRestarts}
	if c.maxRestarts <= 0 {
		c.maxRestarts = DefaultMaxRestarts
	}
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

	c.args = []string{"-D", dir, "-k", c.socketDir, "-p", strconv.Itoa(Port),
		"-c", "listen_addresses=", "-c", "unix_socket_permissions=0700",
		"-c", "max_connections=200"}
	if opts.Ephemeral {
		c.args = append(c.args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	if err := c.spawn(); err != nil {
		c.cleanupSocketDir()
		return nil, err
	}
	started := c // the return statements below set c to nil before this runs
	defer func() {
		if err != nil {
			close(started.superDone) // no supervisor was started
			started.Stop()
		}
	}()
	if err := c.waitReady(ctx, c.current(), 60*time.Second); err != nil {
		return nil, fmt.Errorf("localpg: %w; server log %s: %s", err, logPath, tail(logPath, 5))
	}
	c.up.Store(true)
	log.Info("PostgreSQL cluster ready", "dir", dir, "socket", c.socketDir, "pid", c.PID())
	go c.supervise()
	return c, nil
}

// spawn starts a postmaster and makes it the current one, unless Stop has been called.
func (c *Cluster) spawn() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	select {
	case <-c.stopping:
		return errors.New("localpg: stopped")
	default:
	}
	logFile, err := os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("localpg: server log: %w", err)
	}
	defer logFile.Close() // the child holds its own descriptor
	cmd := exec.Command(filepath.Join(c.bin, "postgres"), c.args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = c.owner.sysProcAttr()
	// Its own process group: Ctrl-C in a terminal reaches only this program, which then
	// drains its requests before it stops the database.
	cmd.SysProcAttr.Setpgid = true
	// If this program dies without stopping it, the postmaster gets a fast shutdown.
	cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("localpg: start postgres: %w", err)
	}
	p := &postmaster{cmd: cmd, exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		p.state = cmd.ProcessState
		close(p.exited)
	}()
	c.cur = p
	return nil
}

func (c *Cluster) current() *postmaster {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cur
}

// supervise waits for the postmaster to exit and, unless Stop asked for it, starts it again.
func (c *Cluster) supervise() {
	defer close(c.superDone)
	for {
		p := c.current()
		select {
		case <-p.exited:
		case <-c.stopping:
			return
		}
		select {
		case <-c.stopping:
			return
		default:
		}
		c.up.Store(false)
		c.log.Error("PostgreSQL exited unexpectedly: restarting it", "pid", p.cmd.Process.Pid, "status", p.state.String(),
			"server_log", c.logPath)
		if !c.restart() {
			return
		}
	}
}

// restart starts a new postmaster, waiting RestartDelays between attempts; it reports false
// when Stop was called or the attempts are used up (then Failed is closed).
func (c *Cluster) restart() bool {
	var lastErr error
	for attempt := 1; attempt <= c.maxRestarts; attempt++ {
		delay := RestartDelays[min(attempt-1, len(RestartDelays)-1)]
		c.log.Warn("restarting PostgreSQL", "attempt", attempt, "of", c.maxRestarts, "in", delay.String())
		select {
		case <-c.stopping:
			return false
		case <-time.After(delay):
		}
		if lastErr = c.spawn(); lastErr == nil {
			p := c.current()
			if lastErr = c.waitReady(context.Background(), p, 60*time.Second); lastErr == nil {
				c.up.Store(true)
				c.log.Info("PostgreSQL restarted", "pid", p.cmd.Process.Pid, "attempt", attempt)
				return true
			}
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		select {
		case <-c.stopping:
			return false
		default:
		}
		c.log.Error("PostgreSQL did not restart", "attempt", attempt, "err", lastErr, "server_log", tail(c.logPath, 3))
	}
	c.failErr = fmt.Errorf("localpg: PostgreSQL exited and %d attempts to restart it failed; last: %w", c.maxRestarts, lastErr)
	close(c.failed)
	return false
}

// Up reports whether the postmaster is running and has accepted connections since it last
// started: false from the moment it exits unexpectedly until a restart is ready. It costs an
// atomic load, for a liveness probe.
func (c *Cluster) Up() bool { return c.up.Load() }

// Failed is closed when the supervisor has given up restarting the server; Err then says why.
func (c *Cluster) Failed() <-chan struct{} { return c.failed }

// Err is why the supervisor gave up, once Failed is closed.
func (c *Cluster) Err() error {
	select {
	case <-c.failed:
		return c.failErr
	default:
		return nil
	}
}

// waitReady polls until the server accepts connections, it exits, or the time is up.
func (c *Cluster) waitReady(ctx context.Context, p *postmaster, limit time.Duration) error {
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
		case <-p.exited:
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

// BinDir is the directory of the PostgreSQL binaries the cluster runs (pg_dump is there too).
func (c *Cluster) BinDir() string { return c.bin }

// PID is the process id of the current postmaster.
func (c *Cluster) PID() int { return c.current().cmd.Process.Pid }

// CreateDatabase creates the named database unless it exists.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) error {
	return CreateDatabase(ctx, c.DSN("postgres"), name, "")
}

// Stop shuts the server down (fast: open transactions are rolled back) and waits for it to
// exit; after 30 s it is stopped immediately. The supervisor starts nothing after Stop. Stop
// may be called more than once.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() {
		defer c.cleanupSocketDir()
		c.mu.Lock()
		close(c.stopping)
		p := c.cur
		c.mu.Unlock()
		defer func() { <-c.superDone }()
		c.up.Store(false)
		if p == nil {
			return
		}
		_ = p.cmd.Process.Signal(syscall.SIGINT)
		for _, step := range []struct {
			wait time.Duration
			next syscall.Signal
		}{{30 * time.Second, syscall.SIGQUIT}, {10 * time.Second, syscall.SIGKILL}, {10 * time.Second, 0}} {
			select {
			case <-p.exited:
				c.log.Info("PostgreSQL cluster stopped", "dir", c.dir)
				return
			case <-time.After(step.wait):
				if step.next != 0 {
					c.log.Warn("PostgreSQL is slow to stop", "signal", step.next.String())
					_ = p.cmd.Process.Signal(step.next)
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

// stopStale ends a postmaster that a crashed earlier run left on this directory, and nothing
// else: the PID in postmaster.pid may by now belong to any process (this program may run as
// root), so it is signalled only when it is a postgres binary run by the cluster's user with
// `-D dir`.
func stopStale(dir string, o owner, log *slog.Logger) {
	pid, ok := runningPostmaster(dir, o.uid)
	if !ok {
		return // none, or not ours; postgres itself clears a stale pid file
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

// anyUser makes runningPostmaster accept a postmaster of any user.
const anyUser = -1

// runningPostmaster returns the PID of postmaster.pid in dir when that process is a postmaster
// of this data directory: its executable is a postgres binary, it runs as uid (unless anyUser),
// and its command line has `-D dir`.
func runningPostmaster(dir string, uid int) (int, bool) {
	data, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return 0, false
	}
	first, _, _ := strings.Cut(string(data), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return 0, false
	}
	proc := fmt.Sprintf("/proc/%d", pid)
	// The executable, not argv[0], which a process may set to anything. Readable for a
	// process of our own user, or as root; unreadable means it is not ours to signal.
	exe, err := os.Readlink(proc + "/exe")
	if err != nil || !isPostgresBinary(exe) {
		return 0, false
	}
	if info, err := os.Stat(proc); err != nil || uid != anyUser && int(info.Sys().(*syscall.Stat_t).Uid) != uid {
		return 0, false
	}
	cmdline, err := os.ReadFile(proc + "/cmdline")
	if err != nil {
		return 0, false
	}
	args := strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "-D" && filepath.Clean(args[i+1]) == filepath.Clean(dir) {
			return pid, true
		}
	}
	return 0, false
}

// isPostgresBinary tells whether exe (a /proc/PID/exe target) is PostgreSQL's server binary;
// the kernel appends " (deleted)" when the file was replaced, e.g. by a package upgrade.
func isPostgresBinary(exe string) bool {
	base := filepath.Base(strings.TrimSuffix(exe, " (deleted)"))
	return base == "postgres" || base == "postmaster"
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
