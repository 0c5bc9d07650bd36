# kczy: the two commands are `make run` and `make test`.
SHELL := /bin/bash

.PHONY: run test fuzz deps build release stop db fmt bench-load bench-reports clean-data

run: deps
	scripts/run.sh

test: deps
	scripts/test.sh

# The schemathesis fuzz run alone, on make test's throwaway cluster, with a larger budget (make test runs ~500).
fuzz: deps
	FUZZ_CASES=$${FUZZ_CASES:-5000} scripts/test.sh --fuzz

deps:
	scripts/ensure-deps.sh

build: deps
	swift build

release: deps
	swift build -c release --product kczy

# Benchmarks (figures in BENCHMARKS.md): the HTTP load against pgbench, and the reports at program scale.
bench-load: release
	KCZY=$$(swift build -c release --show-bin-path)/kczy scripts/bench-load.sh

bench-reports: release
	KCZY=$$(swift build -c release --show-bin-path)/kczy scripts/bench-reports.sh

# Starts the development cluster alone and prints its settings.
db: deps
	scripts/pg-cluster.sh start .data/pg

stop:
	scripts/pg-cluster.sh stop .data/pg

fmt:
	swift format -i -r Sources Tests Package.swift

clean-data:
	scripts/pg-cluster.sh destroy .data/pg
