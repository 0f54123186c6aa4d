#!/usr/bin/env bash
# Measures the packaged JVM application and the native executable on this machine:
#   - time from process start to the first successful GraphQL response (POST /graphql { __typename })
#   - RSS right after that first response, and after 1,000 GraphQL requests
#   - size of the native executable / of target/quarkus-app
# It builds nothing. Build first:
#   ./mvnw package -DskipTests                     (JVM package + test classes for the local services)
#   ./mvnw package -DskipTests -Dnative ...        (native executable, see native/README.md)
# It starts the project's own local services (embedded PostgreSQL + the Vault-compatible server,
# dev.envplane.local.LocalServices from the test classpath) on free 127.0.0.1 ports, measures each
# artifact (median of --runs starts), prints a markdown table and stops everything it started.
#
#   native/measure.sh [--jar PATH] [--native PATH] [--runs N] [--requests N] [--native-opts "-Xmx96m -Xmn48m"]
#                     [--query GRAPHQL] [--no-seed]
# Rows: JVM package (defaults), native (defaults), native with the Knative Service's settings
# (--native-opts, default -Xmx96m -Xmn48m, as the manifests; Flyway and schema validation off at start).
# Default query: a page of 10 projects with totalCount (10 projects are created first).
# Needs: bash, java (JAVA_HOME or PATH), python3, the Maven wrapper (test classpath). ~2 min.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
JAR=target/quarkus-app/quarkus-run.jar
NATIVE=$(ls target/*-runner 2>/dev/null | head -1 || true)
RUNS=3
REQUESTS=1000
NATIVE_OPTS="-Xmx96m -Xmn48m"
QUERY='{ projects(first: 10) { totalCount edges { node { id name description repositoryUrl defaultBranch } } } }'
NO_SEED=0
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
while [[ $# -gt 0 ]]; do
  case $1 in
    --jar) JAR=$2; shift 2 ;;
    --native) NATIVE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --native-opts) NATIVE_OPTS=$2; shift 2 ;;
    --query) QUERY=$2; shift 2 ;;
    --no-seed) NO_SEED=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
awk -v l="$LOAD_BEFORE" 'BEGIN { exit !(l > 0.5) }' &&
  echo "warning: load average $LOAD_BEFORE: other work on this machine will distort the figures" >&2
OUT=$ROOT/target/measure
mkdir -p "$OUT"
WORK=$(mktemp -d "$OUT/run.XXXXXX")
SERVICES_PID=""
cleanup() {
  exec 3>&- 2>/dev/null || true           # closing LocalServices' stdin asks it to stop
  if [[ -n $SERVICES_PID ]] && kill -0 "$SERVICES_PID" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$SERVICES_PID" 2>/dev/null || break; sleep 0.1; done
    kill "$SERVICES_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVICES_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVICES_PID" 2>/dev/null || true
  fi
  # PostgreSQL runs detached from the JVM: stop it through its data directory if it outlived it
  local pm
  pm=$(find "$WORK" -name postmaster.pid 2>/dev/null | head -1 || true)
  if [[ -n $pm ]]; then
    local pgpid; pgpid=$(head -1 "$pm")
    [[ $pgpid =~ ^[0-9]+$ ]] && kill -INT "$pgpid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {  # below the kernel's ephemeral range, so that no outgoing connection takes it meanwhile
  local p lo
  lo=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 200); do
    p=$((10000 + RANDOM % (lo - 10000)))
    if ! (exec 9<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

have_jar=0; have_native=0
[[ -f $JAR ]] && have_jar=1 || echo "JVM package not found ($JAR): skipped" >&2
[[ -n $NATIVE && -x $NATIVE ]] && have_native=1 || echo "native executable not found (target/*-runner): skipped" >&2
(( have_jar + have_native > 0 )) || { echo "nothing to measure: build first (see the header of $0)" >&2; exit 1; }
[[ -d target/test-classes ]] || { echo "target/test-classes missing: run ./mvnw package -DskipTests first" >&2; exit 1; }

# ---- local services from the test classpath ----------------------------------------------------
echo "resolving the test classpath..." >&2
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >&2
PG_PORT=$(free_port); VAULT_PORT=$(free_port)
mkfifo "$WORK/services.in"
"$JAVA_BIN" -cp "target/test-classes:$(cat "$OUT/classpath.txt")" dev.envplane.local.LocalServices \
  --pg-port "$PG_PORT" --vault-port "$VAULT_PORT" --data-dir "$WORK/data" --wait \
  <"$WORK/services.in" >"$WORK/services.log" 2>&1 &
SERVICES_PID=$!
exec 3>"$WORK/services.in"                 # hold LocalServices' stdin open while we measure
for _ in $(seq 1 1200); do
  grep -qx 'ready' "$WORK/services.log" && break
  kill -0 "$SERVICES_PID" 2>/dev/null || { cat "$WORK/services.log" >&2; echo "LocalServices exited" >&2; exit 1; }
  sleep 0.1
done
grep -qx 'ready' "$WORK/services.log" || { tail -20 "$WORK/services.log" >&2; echo "LocalServices not ready in 120 s" >&2; exit 1; }
val() { { grep -m1 "^$1=" "$WORK/services.log" || true; } | cut -d= -f2- ; }
PG_REACTIVE=$(val postgres.reactive-url); PG_JDBC=$(val postgres.jdbc-url)
PG_USER=$(val postgres.user); PG_PASS=$(val postgres.password)
VAULT_URL=$(val vault.url); VAULT_TOKEN=$(val vault.root-token)
echo "local services: postgres $PG_REACTIVE, vault $VAULT_URL" >&2

# An admin token signed by the local key pair (src/test/resources/local-jwt), which the service is told to trust
TOKEN=$("$JAVA_BIN" -cp "target/test-classes:$(cat "$OUT/classpath.txt")" dev.envplane.local.LocalTokens admin)
JWT_ISSUER=https://envplane.local
JWT_KEYS=file:$ROOT/src/test/resources/local-jwt/public.pem
APP_PORT=$(free_port)
APP_ENV=(
  --env "ENVPLANE_JWT_ISSUER=$JWT_ISSUER" --env "ENVPLANE_JWT_KEYS=$JWT_KEYS"
  --env QUARKUS_HTTP_HOST=127.0.0.1 --env "QUARKUS_HTTP_PORT=$APP_PORT"
  --env "QUARKUS_DATASOURCE_REACTIVE_URL=$PG_REACTIVE" --env "QUARKUS_DATASOURCE_JDBC_URL=$PG_JDBC"
  --env "QUARKUS_DATASOURCE_USERNAME=${PG_USER:-postgres}" --env "QUARKUS_DATASOURCE_PASSWORD=${PG_PASS:-postgres}"
  --env "QUARKUS_VAULT_URL=$VAULT_URL" --env "QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN=$VAULT_TOKEN"
)
SEED=()
(( NO_SEED )) || for i in $(seq -w 1 10); do
  SEED+=(--seed "mutation { createProject(input: {name: \"measure-$i\", repositoryUrl: \"https://git.example.com/acme/measure-$i.git\"}) { id } }")
done

measure() {  # name, then the command
  local name=$1; shift
  echo "measuring $name: $*" >&2
  python3 native/measure.py --token "$TOKEN" --port "$APP_PORT" --runs "$RUNS" --requests "$REQUESTS" --query "$QUERY" \
    "${SEED[@]}" "${APP_ENV[@]}" --log "$OUT/$name.log" -- "$@" >"$OUT/$name.jsonl"
  SEED=()
}
# Migrate once, unmeasured (QUARKUS_INIT_AND_EXIT: start-up tasks, then exit), so that every measured
# start finds the schema in place, as it does in production after the first deployment.
migrate_cmd=()
if (( have_native )); then migrate_cmd=("$NATIVE"); else migrate_cmd=("$JAVA_BIN" -jar "$JAR"); fi
echo "migrating the database: ${migrate_cmd[*]}" >&2
env QUARKUS_INIT_AND_EXIT=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$APP_PORT" \
  QUARKUS_DATASOURCE_REACTIVE_URL="$PG_REACTIVE" QUARKUS_DATASOURCE_JDBC_URL="$PG_JDBC" \
  QUARKUS_DATASOURCE_USERNAME="${PG_USER:-postgres}" QUARKUS_DATASOURCE_PASSWORD="${PG_PASS:-postgres}" \
  QUARKUS_VAULT_URL="$VAULT_URL" QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN="$VAULT_TOKEN" \
  ENVPLANE_JWT_ISSUER="$JWT_ISSUER" ENVPLANE_JWT_KEYS="$JWT_KEYS" \
  timeout 180 "${migrate_cmd[@]}" >"$OUT/migrate.log" 2>&1 || { tail -20 "$OUT/migrate.log" >&2; echo "migration failed" >&2; exit 1; }

# The Knative Service's settings (deploy/kubernetes/knative-service.yaml): fixed heap, schema neither
# migrated nor validated at start (migrate-job.yaml does that).
KNATIVE_ENV=(--env QUARKUS_FLYWAY_MIGRATE_AT_START=false --env QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none)
rows=()
if (( have_jar )); then
  # shellcheck disable=SC2086
  measure jvm "$JAVA_BIN" ${JAVA_OPTS:-} -jar "$JAR"
  rows+=("jvm|JVM package, defaults ($("$JAVA_BIN" -version 2>&1 | head -1 | sed 's/"//g'))|$(du -sb "$(dirname "$JAR")" | cut -f1)|target/quarkus-app")
fi
if (( have_native )); then
  measure native "$NATIVE"
  rows+=("native|native executable, defaults|$(stat -c %s "$NATIVE")|$(basename "$NATIVE")")
  # shellcheck disable=SC2086
  APP_ENV+=("${KNATIVE_ENV[@]}")   # last measurement: the extra settings stay
  measure native-knative "$NATIVE" $NATIVE_OPTS
  rows+=("native-knative|native executable, Knative settings ($NATIVE_OPTS, no Flyway/validation at start)|$(stat -c %s "$NATIVE")|$(basename "$NATIVE")")
fi

# ---- report ------------------------------------------------------------------------------------
python3 - "$OUT" "$RUNS" "$REQUESTS" "$QUERY" "$LOAD_BEFORE" "${rows[@]}" <<'PY' | tee "$OUT/results.md"
import json, os, statistics, subprocess, sys, datetime, platform
out, runs, requests, query, load, rows = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
mb = lambda kib: f"{kib / 1024:.1f} MB"
print(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}), "
      f"{mem / 1048576:.1f} GiB RAM, {platform.system()} {platform.release()}, load average {load} before; median of {runs} starts, "
      f"{requests} sequential GraphQL requests over one keep-alive connection (`{query}`); "
      f"PostgreSQL and the Vault-compatible server on the same machine.\n")
print("| Artifact | Start to first GraphQL response | RSS after start | RSS after " + requests + " requests | Requests/s | Size |")
print("|---|---|---|---|---|---|")
for row in rows:
    key, label, size, what = row.split("|")
    rs = [json.loads(l) for l in open(os.path.join(out, key + ".jsonl"))]
    med = lambda k: statistics.median(r[k] for r in rs)
    firsts = ", ".join(f"{r['first_response_ms']:.0f}" for r in rs)
    print(f"| {label} | {med('first_response_ms'):.0f} ms ({firsts}) | {mb(med('rss_start_kib'))} | "
          f"{mb(med('rss_after_kib'))} | {med('requests_per_s'):.0f} | {int(size) / 1e6:.1f} MB ({what}) |")
PY
echo "raw results and logs: $OUT" >&2
