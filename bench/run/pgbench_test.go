package main

import (
	"strings"
	"testing"
)

// The capture reads PostgreSQL's CSV log: statements of one database, grouped by session in
// the order of their first statement, with logged parameters inlined as literals.
func TestParseStatements(t *testing.T) {
	log := strings.Join([]string{
		`2026-12-02 10:00:00.000 UTC,"postgres","bench",1,"[local]",s1,1,"BEGIN",2026-12-02 10:00:00 UTC,3/1,0,LOG,00000,"statement: BEGIN",,,,,,,,,"","client backend",,0`,
		`2026-12-02 10:00:00.001 UTC,"postgres","bench",2,"[local]",s2,1,"SELECT",2026-12-02 10:00:00 UTC,4/1,0,LOG,00000,"execute 1: SELECT x FROM t WHERE id = ANY($1) AND n = $2 AND m = $10","parameters: $1 = '{1,2}', $2 = 'it''s, $3', $10 = NULL",,,,,,,,"","client backend",,0`,
		`2026-12-02 10:00:00.002 UTC,"postgres","other",3,"[local]",s3,1,"SELECT",2026-12-02 10:00:00 UTC,5/1,0,LOG,00000,"statement: SELECT 1",,,,,,,,,"","client backend",,0`,
		`2026-12-02 10:00:00.003 UTC,"postgres","bench",1,"[local]",s1,2,"COMMIT",2026-12-02 10:00:00 UTC,3/1,0,LOG,00000,"statement: COMMIT;",,,,,,,,,"","client backend",,0`,
	}, "\n") + "\n"
	got, err := parseStatements([]byte(log), "bench")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"BEGIN", "COMMIT", `SELECT x FROM t WHERE id = ANY('{1,2}') AND n = 'it''s, $3' AND m = NULL`}
	if strings.Join(got.statements, "\n") != strings.Join(want, "\n") || got.sessions != 2 {
		t.Errorf("got %q in %d sessions, want %q in 2", got.statements, got.sessions, want)
	}
}
