# Atbalsts. `make run` builds everything and starts the system with demo data; `make test`
# runs every test. Both work on a fresh clone of a Debian machine with Go, Node and the
# PostgreSQL server binaries (see README.md).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
NPM ?= npm
BIN := bin/atbalsts
GO_FILES := $(shell find . -name '*.go' -not -path './frontend/node_modules/*')
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/scripts frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)
# What `make generate` writes; committed, and checked for staleness by `make test`.
GENERATED = find graph/generated.go graph/model/models_gen.go graph/*.resolvers.go frontend/src/gql -type f 2>/dev/null | sort | xargs sha256sum

.PHONY: run build schema test generate check-generated check-schema test-schema-check release-schema test-go test-faults test-frontend test-e2e clean bench bench-quick

## run: build and start Atbalsts with demo data on the embedded PostgreSQL (Ctrl-C stops all)
run: build
	@echo "Starting Atbalsts on http://$${ATBALSTS_ADDR:-127.0.0.1:8080}/ (Ctrl-C stops it and its database)"
	./$(BIN) --demo

## build: the single binary bin/atbalsts with the SPA embedded
build: $(BIN)

$(BIN): $(GO_FILES) go.mod go.sum frontend/dist/index.html
	$(GO) build -tags embed -trimpath -o $(BIN) ./cmd/atbalsts

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES) schema.graphql $(wildcard schema/*.graphql)
	cd frontend && $(NPM) run build

## schema: print the whole GraphQL schema as one document (also served at /graphql/schema.graphql)
schema:
	@$(GO) run ./cmd/atbalsts schema

## generate: regenerate the GraphQL server code (gqlgen) and the SPA's typed operations
generate: frontend/node_modules/.installed
	$(GO) tool gqlgen generate
	cd frontend && $(NPM) run --silent codegen

## test: every Go, frontend and browser test, after checking that generated code is fresh
## and that the schema breaks no client of the last release
test: check-generated check-schema test-schema-check test-go test-faults test-frontend test-e2e

check-generated: frontend/node_modules/.installed
	@before=$$($(GENERATED)); \
	$(MAKE) --no-print-directory -s generate >/dev/null; \
	after=$$($(GENERATED)); \
	if [ "$$before" != "$$after" ]; then \
		echo "Generated code was stale and has been regenerated: review and commit it."; \
		diff <(echo "$$before") <(echo "$$after") || true; exit 1; \
	fi
	@echo "generated code is up to date"

# The schema of the last release, which clients are written against; `make release-schema`
# on release. README.md "Schema changes and deprecation" says the policy check-schema enforces.
RELEASED_SCHEMA := release/schema.graphql

## check-schema: fail on a change of the schema that breaks clients of the last release
check-schema: frontend/node_modules/.installed
	@current=$$(mktemp --suffix=.graphql); trap 'rm -f "$$current"' EXIT; \
	$(GO) run ./cmd/atbalsts schema >"$$current"; \
	scripts/check-schema.sh $(RELEASED_SCHEMA) "$$current"

# The check itself, on variants of the current schema: breaking ones must fail, others pass.
test-schema-check: frontend/node_modules/.installed
	GO=$(GO) node --test scripts/check-schema.test.mjs

## release-schema: on release, make the current schema the one clients are checked against
release-schema:
	$(GO) run ./cmd/atbalsts schema >$(RELEASED_SCHEMA).tmp
	mv $(RELEASED_SCHEMA).tmp $(RELEASED_SCHEMA)
	@echo "$(RELEASED_SCHEMA) is now the current schema: commit it with the release"

# test-go first checks that go.mod and go.sum are as `go mod tidy` writes them: a direct
# import marked indirect, or a missing or stale line, fails here rather than in the next diff.
test-go:
	@$(GO) mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy and commit the result"; exit 1; }
	@unformatted=$$(gofmt -l $(GO_FILES)); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run ./localpg/withpg -- $(GO) test -race -count=1 ./...

## test-faults: the real binary killed under load (kill -9 of the server; of its PostgreSQL),
## backup and restore while it runs, hostile queries; the container image where docker or
## podman answers. A few minutes: apart from test-go, which skips them.
test-faults:
	ATBALSTS_FAULT_TESTS=1 $(GO) run ./localpg/withpg -- $(GO) test -race -count=1 -run 'TestFault|TestContainerImage' ./server ./deploy

# The bundle budget (first-load JavaScript at most 250 kB gzipped) is checked on the build.
test-frontend: frontend/node_modules/.installed frontend/dist/index.html
	cd frontend && $(NPM) test
	cd frontend && $(NPM) run --silent budget

test-e2e: build
	cd frontend && ATBALSTS_BIN=$(CURDIR)/$(BIN) $(NPM) run e2e

## bench: the benchmark at national scale against PostGraphile and pgbench (bench/README.md);
## the first run loads 10 M deliveries into bench/.data. BENCH_FLAGS adds flags of bench/run.
bench: build
	$(GO) run ./bench/run $(BENCH_FLAGS)

## bench-quick: the same at scale 0.01 with short rounds: checks the harness in a few minutes
bench-quick: build
	$(GO) run ./bench/run -scale 0.01 -rounds 2 -duration 3s -warmup 500ms -samples 5 $(BENCH_FLAGS)

clean:
	rm -rf bin frontend/dist
