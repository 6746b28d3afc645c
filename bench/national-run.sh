#!/usr/bin/env bash
# Benchmark of gep-accounting-service on this machine (issue: national runs and the read path):
#  1. a national job: generated inputs for all 2 978 county-level units, computed, stored and published,
#     then every prefecture, province and the nation summed from their children; compared with the time
#     PostgreSQL needs to COPY the same result rows (the storage floor). Repeated RUNS times (years 2023, 2022...),
#     the first right after the service reports ready; each run prints the CPU the service and PostgreSQL used.
#  2. wrk, 64 connections: GET /api/v1/regions/{code}/gep over random counties vs /q/health/live (the ceiling).
# Prints its figures; nothing here is a pass/fail test. Needs only a JDK 17 (installs wrk with apt when missing).
# SERVICE_JAVA_OPTS is passed to the service's JVM (e.g. -XX:StartFlightRecording=filename=/tmp/national.jfr to profile);
# NATIONAL_ONLY=1 stops after the national runs. Exits non-zero when a request fails or a job item fails; SMOKE=1 runs
# one national run and one 2 s round of each wrk load (CI does, figures ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/common.sh
B=.local/bench
RUNS=${RUNS:-$(smoke && echo 1 || echo 3)}
DURATION=${DURATION:-$(smoke && echo 2s || echo 10s)}
ROUNDS=$(smoke && echo 1 || echo 3)
WARM=$(smoke && echo 1s || echo 20s)
PG_PORT=${BENCH_PG_PORT:-55499}
PORT=${BENCH_PORT:-8099}
rm -rf "$B" && mkdir -p "$B"

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -B -q install -DskipTests
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
java deploy/local/DevToken.java keygen >/dev/null

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

./mvnw -B -q -pl test-support dependency:build-classpath -Dmdep.outputFile="$ROOT/$B/cp.txt" >/dev/null
CP="$ROOT/test-support/target/classes:$(cat $B/cp.txt)"
java -cp "$CP" org.opengep.testsupport.LocalPostgres "$ROOT/$B/pgdata" "$PG_PORT" gep_bench > "$B/postgres.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "PostgreSQL ready" "$B/postgres.log" 2>/dev/null && break; sleep 1; done
DB_URL="jdbc:postgresql://localhost:$PG_PORT/gep_bench"

GEP_ACCOUNTING_DB_URL=$DB_URL GEP_ACCOUNTING_PORT=$PORT MP_JWT_VERIFY_ISSUER=https://gep.local/issuer \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.local/keys/public.pem" QUARKUS_LOG_LEVEL=WARN \
  java @deploy/jvm/gep-accounting-service.options ${SERVICE_JAVA_OPTS:-} -jar gep-accounting-service/target/quarkus-app/quarkus-run.jar > "$B/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
TOKEN=$(java deploy/local/DevToken.java bench gep-accountant,gep-publisher,gep-reader)
API="http://localhost:$PORT/api/v1"
now() { date +%s.%N; }
# CPU seconds (user + system) used so far by the processes whose command line matches a pattern
cpu() { local t=0; for pid in $(pgrep -f "$1"); do t=$((t + $(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || echo 0))); done
        awk -v t=$t -v hz=$(getconf CLK_TCK) 'BEGIN { printf "%.2f", t / hz }'; }
calc() { awk "BEGIN { print $* }"; }

# rollup URLs: every prefecture, every province, the nation (summed from their children)
tail -n +2 gep-accounting-service/src/main/resources/regions/china-division-2.7.0/cities.csv | cut -d, -f1 | sed 's/$/00/' > "$B/prefectures.txt"
tail -n +2 gep-accounting-service/src/main/resources/regions/china-division-2.7.0/provinces.csv | cut -d, -f1 | sed 's/$/0000/' > "$B/provinces.txt"
tail -n +2 gep-accounting-service/src/main/resources/regions/china-division-2.7.0/areas.csv | cut -d, -f1 > "$B/counties.txt"

results=()
for run in $(seq 1 "$RUNS"); do
  YEAR=$((2024 - run))
  java bench/GenerateNational.java "$YEAR" > "$B/national-$YEAR.json"
  { echo 'header = "Authorization: Bearer '"$TOKEN"'"'; echo 'silent'; echo 'fail'
    cat "$B/prefectures.txt" "$B/provinces.txt" <(echo 100000) | while read -r code; do
      echo "url = \"$API/regions/$code/gep?year=$YEAR&basis=children\""; echo "output = /dev/null"; done; } > "$B/rollups-$YEAR.curl"

  PG0=$(cpu "postgres.*$PG_PORT|postgres:"); SVC0=$(cpu quarkus-run.jar)
  T0=$(now)
  LOCATION=$(curl -fsS -D - -o "$B/job-$YEAR.json" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary @"$B/national-$YEAR.json" "$API/gep-account-jobs?publish=true&reason=benchmark" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  T1=$(now)
  while :; do
    curl -fsS -H "Authorization: Bearer $TOKEN" "$LOCATION" > "$B/job-$YEAR.json"
    grep -q '"status":"DONE"' "$B/job-$YEAR.json" && break
    sleep 0.05
  done
  T2=$(now)
  curl --parallel --parallel-max 4 -K "$B/rollups-$YEAR.curl"
  T3=$(now)
  PG1=$(cpu "postgres.*$PG_PORT|postgres:"); SVC1=$(cpu quarkus-run.jar)
  DONE=$(sed -n 's/.*"done":\([0-9]*\).*/\1/p' "$B/job-$YEAR.json")
  FAILED=$(sed -n 's/.*"failed":\([0-9]*\).*/\1/p' "$B/job-$YEAR.json")
  [[ "$FAILED" == 0 && "$DONE" -gt 0 ]] || { echo "BENCHMARK FAILED: the national job: $(head -c 600 "$B/job-$YEAR.json")" >&2; exit 1; }
  read -r ROWS COPY BYTES < <(java -cp "$CP" bench/CopyFloor.java "$DB_URL" "$YEAR")
  TOTAL=$(calc "$T3 - $T0")
  printf 'run %d (year %d): %s accounts stored and published (%s failed); upload %.2f s, job %.2f s, 374 sums up the tree %.2f s; national run %.2f s | COPY of the same %s rows (%s MB) %.2f s | ratio %.1f\n' \
    "$run" "$YEAR" "$DONE" "$FAILED" "$(calc "$T1 - $T0")" "$(calc "$T2 - $T1")" "$(calc "$T3 - $T2")" \
    "$TOTAL" "$ROWS" "$((BYTES / 1000000))" "$COPY" "$(calc "$TOTAL / $COPY")"
  printf '  CPU used during the run: the service %.2f s, PostgreSQL %.2f s (2 cores: %.2f core-seconds available)\n' \
    "$(calc "$SVC1 - $SVC0")" "$(calc "$PG1 - $PG0")" "$(calc "2 * $TOTAL")"
  results+=("$TOTAL $COPY")
done
printf '%s\n' "${results[@]}" | sort -n | awk -v n="$RUNS" '{t[NR]=$1; c[NR]=$2; r[NR]=$1/$2} END {m=int((n+1)/2); worst=0; for (i=1;i<=n;i++) if (r[i]>worst) worst=r[i]
  printf "median national run: %.2f s, slowest %.2f s (target: every run < 6 s); COPY floor %.2f s; ratio %.1f, worst %.1f (target <= 2)\n", t[m], t[n], c[m], t[m]/c[m], worst}'

[[ "${NATIONAL_ONLY:-}" == 1 ]] && exit 0

# read path: official figures of random counties vs the HTTP stack's ceiling. Both are warmed up until the JIT
# has compiled their paths (the figures' first 20 s run at a fraction of their steady speed), then measured
# in three alternating rounds; medians are reported.
YEAR=2023
export TOKEN CODES_FILE="$ROOT/$B/counties.txt" YEAR
wrk -t2 -c64 -d"$WARM" -s bench/random-county.lua "http://localhost:$PORT" > "$B/wrk-warm-gep.txt"
wrk -t2 -c64 -d"$WARM" -s bench/auth.lua "http://localhost:$PORT/q/health/live" > "$B/wrk-warm-health.txt"
wrk_ok "$B/wrk-warm-gep.txt"; wrk_ok "$B/wrk-warm-health.txt"
rps() { sed -n 's/^Requests\/sec: *//p' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
# The baseline carries the same bearer token (authenticated like every request, the service's default proactive
# authentication); the same endpoint without a token is printed too, for the bare HTTP stack.
for round in $(seq 1 "$ROUNDS"); do
  wrk -t2 -c64 -d"$DURATION" --latency -s bench/auth.lua "http://localhost:$PORT/q/health/live" > "$B/wrk-health-$round.txt"
  wrk -t2 -c64 -d"$DURATION" --latency "http://localhost:$PORT/q/health/live" > "$B/wrk-bare-$round.txt"
  wrk -t2 -c64 -d"$DURATION" --latency -s bench/random-county.lua "http://localhost:$PORT" > "$B/wrk-gep-$round.txt"
  printf 'wrk round %d: GET /api/v1/regions/{county}/gep %s req/s (p99 %s) | /q/health/live %s req/s (p99 %s), without a token %s req/s\n' \
    "$round" "$(rps $B/wrk-gep-$round.txt)" "$(p99 $B/wrk-gep-$round.txt)" "$(rps $B/wrk-health-$round.txt)" \
    "$(p99 $B/wrk-health-$round.txt)" "$(rps $B/wrk-bare-$round.txt)"
  for f in gep health bare; do wrk_ok "$B/wrk-$f-$round.txt"; done
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
GEP=$(for r in $(seq 1 "$ROUNDS"); do rps "$B/wrk-gep-$r.txt"; done | median)
HEALTH=$(for r in $(seq 1 "$ROUNDS"); do rps "$B/wrk-health-$r.txt"; done | median)
BARE=$(for r in $(seq 1 "$ROUNDS"); do rps "$B/wrk-bare-$r.txt"; done | median)
printf 'median wrk -c64 %s: GET /api/v1/regions/{county}/gep %s req/s | /q/health/live with the token %s req/s: ratio %.2f (target >= 0.5) | without a token %s req/s: ratio %.2f\n' \
  "$DURATION" "$GEP" "$HEALTH" "$(calc "$GEP / $HEALTH")" "$BARE" "$(calc "$GEP / $BARE")"
