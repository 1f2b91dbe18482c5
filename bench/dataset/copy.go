package dataset

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/lib/pq"
)

// copier streams rows into one table with COPY (lib/pq's CopyIn), in one transaction that
// does not wait for its commit to reach the disk: a bench dataset is rebuilt, not recovered.
type copier struct {
	ctx   context.Context
	tx    *sql.Tx
	stmt  *sql.Stmt
	table string
	rows  int64
	start time.Time
}

func startCopy(ctx context.Context, db *sql.DB, table string, cols ...string) (*copier, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
		tx.Rollback()
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("copy %s: %w", table, err)
	}
	return &copier{ctx: ctx, tx: tx, stmt: stmt, table: table, start: time.Now()}, nil
}

// put sends one row; values are Go strings, ints, nil (NULL) or anything lib/pq encodes.
func (c *copier) put(values ...any) error {
	c.rows++
	if _, err := c.stmt.ExecContext(c.ctx, values...); err != nil {
		return fmt.Errorf("copy %s row %d: %w", c.table, c.rows, err)
	}
	return nil
}

// done flushes the COPY, commits, and reports rows and rows per second.
func (c *copier) done(log *slog.Logger, stats *[]TableStat) error {
	if _, err := c.stmt.ExecContext(c.ctx); err != nil {
		c.tx.Rollback()
		return fmt.Errorf("copy %s: %w", c.table, err)
	}
	if err := c.stmt.Close(); err != nil {
		c.tx.Rollback()
		return fmt.Errorf("copy %s: %w", c.table, err)
	}
	if err := c.tx.Commit(); err != nil {
		return fmt.Errorf("copy %s: %w", c.table, err)
	}
	elapsed := time.Since(c.start)
	rate := float64(c.rows) / max(elapsed.Seconds(), 1e-6)
	log.Info("loaded", "table", c.table, "rows", c.rows, "seconds", fmt.Sprintf("%.1f", elapsed.Seconds()),
		"rows_per_s", fmt.Sprintf("%.0f", rate))
	*stats = append(*stats, TableStat{Table: c.table, Rows: c.rows, Seconds: elapsed.Seconds()})
	return nil
}

// copyTable copies rows made by fill in one go.
func copyTable(ctx context.Context, db *sql.DB, log *slog.Logger, stats *[]TableStat, table string, cols []string,
	fill func(put func(values ...any) error) error) error {
	c, err := startCopy(ctx, db, table, cols...)
	if err != nil {
		return err
	}
	if err := fill(c.put); err != nil {
		c.tx.Rollback()
		return err
	}
	return c.done(log, stats)
}

func cols(s string) []string { return strings.Fields(s) }

// ddl is a schema object dropped for the load and created again after it.
type ddl struct {
	drop, create string
}

// dropForLoad drops the foreign keys of the public schema and the indexes of the loaded
// tables that do not back a primary key or unique constraint, and returns the statements
// that recreate them. COPY then writes heap rows only; building each index once and
// checking each foreign key with one join afterwards is many times faster than doing both
// row by row for ten million deliveries. Unique and check constraints stay in force.
func dropForLoad(ctx context.Context, db *sql.DB, tables []string) ([]ddl, error) {
	var out []ddl
	rows, err := db.QueryContext(ctx, `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
		FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
			AND conparentid = 0 -- a partition's copy goes with its parent's (the audit log's months)
		ORDER BY conrelid::regclass::text, conname`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, name, def string
		if err := rows.Scan(&table, &name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, ddl{
			drop:   fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s", table, pq.QuoteIdentifier(name)),
			create: fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s", table, pq.QuoteIdentifier(name), def),
		})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.QueryContext(ctx, `SELECT ic.relname, pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
		WHERE tc.relnamespace = 'public'::regnamespace AND tc.relname = ANY($1)
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY tc.relname, ic.relname`, pq.Array(tables))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, ddl{drop: "DROP INDEX public." + pq.QuoteIdentifier(name), create: def})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, d := range out {
		if _, err := db.ExecContext(ctx, d.drop); err != nil {
			return nil, fmt.Errorf("%s: %w", d.drop, err)
		}
	}
	return out, nil
}

// restore creates the indexes first (the foreign keys' checks then find their rows by them)
// and then the foreign keys.
func restore(ctx context.Context, db *sql.DB, log *slog.Logger, dropped []ddl) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// Index builds sort in memory rather than on disk: the bench cluster is private.
	if _, err := conn.ExecContext(ctx, `SET maintenance_work_mem = '512MB'`); err != nil {
		return err
	}
	start := time.Now()
	for _, pass := range []bool{false, true} {
		for _, d := range dropped {
			if strings.HasPrefix(d.create, "ALTER TABLE") != pass {
				continue
			}
			if _, err := conn.ExecContext(ctx, d.create); err != nil {
				return fmt.Errorf("%s: %w", d.create, err)
			}
		}
	}
	log.Info("indexes and foreign keys rebuilt", "count", len(dropped), "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	return nil
}
