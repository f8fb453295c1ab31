# Netzwerkatlas — the two commands are `make run` and `make test`.

GO      ?= go
NPM     ?= npm
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BIN     := bin/netzwerkatlas
LDFLAGS := -X main.version=$(VERSION)
# Benchmarks seed their data sets once into this folder and reuse them.
BENCH_DIR ?= $(CURDIR)/.bench-data
# Scales the store benchmarks run on (county, state, nation).
BENCH_SCALES ?= county,nation
# Scales the analysis benchmarks run on (generated in memory, nothing to seed).
ANALYSIS_BENCH_SCALES ?= county,state,nation

.PHONY: run test build bench bench-hostile loadtest frontend frontend-test go-test go-deps lint clean screenshots perf-frontend

## run: build everything and serve the demo data on http://localhost:8080
run: build
	./$(BIN) serve

## build: the web app, then the binary that embeds it (the Go dependencies compile meanwhile)
build:
	@$(MAKE) --no-print-directory -j2 frontend go-deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/netzwerkatlas

# go-deps compiles everything the binary needs except the embedded web app, so that on a new
# machine module downloads and compiling overlap with npm.
go-deps:
	$(GO) build ./graph/... ./httpapi/... github.com/schollz/progressbar/v3

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	@touch $@

CYPHERLINT := graph/neo4j/cypherlint
$(CYPHERLINT)/node_modules/.installed: $(CYPHERLINT)/package.json $(CYPHERLINT)/package-lock.json
	cd $(CYPHERLINT) && $(NPM) ci --no-audit --no-fund
	@touch $@

## frontend: build the web app into frontend/dist (embedded by go build)
frontend: frontend/node_modules/.installed
	cd frontend && $(NPM) run build

## test: every test — formatting and vet, Go with the race detector (browser tests included), frontend unit tests
test: frontend lint
	@# The frontend's type check and unit tests run beside the Go tests: those wait on browsers most of the time.
	@$(MAKE) --no-print-directory -j2 go-test frontend-test

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

go-test: $(CYPHERLINT)/node_modules/.installed
	$(GO) test -race -timeout 20m -skip '^TestStatementsLint$$' ./...
	@echo "The analyses against the demo's ground truth (planted gaps, duplicates, network structure, attainment classes), and the duplicates on the held-out county:"
	$(GO) test -race -count=1 -run '^(TestCoverageFindsPlantedGaps|TestNetworkFindsPlantedStructure|TestAttainmentFindsPlantedClasses)$$' -v ./analysis
	$(GO) test -race -count=1 -run '^(TestDuplicatesDemoPrecisionRecall|TestDuplicatesHeldOut|TestDuplicatesHeldOutVerdicts)$$' -v ./analysis/duplicates
	$(GO) test -race -count=1 -run '^TestKarateLouvain$$' -v ./analysis/netgraph
	@echo "Linting every Cypher statement of graph/neo4j with Neo4j's front-end:"
	$(GO) test -race -count=1 -run '^TestStatementsLint$$' -v ./graph/neo4j

frontend-test: frontend/node_modules/.installed
	cd frontend && $(NPM) run typecheck && $(NPM) test

## screenshots: run the browser journeys and keep their screenshots as the user guide's pictures (docs/handbuch)
screenshots: frontend
	NETZWERKATLAS_TEST_BROWSER=1 NETZWERKATLAS_ARTIFACTS=$(CURDIR)/docs/handbuch $(GO) test -count=1 -run '^TestBrowser' ./cmd/netzwerkatlas
	rm -f docs/handbuch/failed-*.png docs/handbuch/*.pdf

## perf-frontend: map and network view timings in headless Chromium (seeds 2,000 organisations)
perf-frontend: frontend
	NETZWERKATLAS_TEST_BROWSER=1 NETZWERKATLAS_TEST_PERF=1 $(GO) test -count=1 -v -run 'Performance$$' ./cmd/netzwerkatlas

## bench: store benchmarks on the county and nation data sets (seeded once into $(BENCH_DIR)), analysis benchmarks on county, state and nation
bench:
	NETZWERKATLAS_BENCH_DIR=$(BENCH_DIR) NETZWERKATLAS_BENCH_SCALES=$(BENCH_SCALES) \
		$(GO) test -run '^$$' -bench . -benchmem -benchtime 2s -timeout 60m ./graph/... 
	NETZWERKATLAS_BENCH_SCALES=$(ANALYSIS_BENCH_SCALES) \
		$(GO) test -run '^$$' -bench . -benchmem -benchtime 2s -timeout 60m ./analysis/...

## bench-hostile: peak memory of the built binary under each hostile input (docs/performance.md, "Feindliche Eingaben und Speicher")
bench-hostile: build
	$(GO) run ./internal/hostile/bench -bin $(CURDIR)/$(BIN)

## loadtest: wrk against the service on the demo data (apt-get install -y wrk)
loadtest: build
	deploy/loadtest/run.sh 15

clean:
	rm -rf bin frontend/dist/assets frontend/dist/index.html frontend/dist/favicon.svg
