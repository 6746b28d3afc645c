#!/usr/bin/env bash
# Benchmark of trading-service on this machine (the ledger engine):
#  - trades recorded through the HTTP API by wrk (bench/trades.lua), 32 and 64 clients, between many accounts; p50/p99;
#  - in the same run, pgbench TPC-B on the same PostgreSQL (the database's own transfer transaction): the ratio;
#  - a hot account (one seller, 64 clients buying), and batches of 1 000 trades over many accounts (bench/TradingBench.java);
#  - 32 clients against two trading-service instances on the same database;
#  - the reconciliation after each part.
# A stand-in for the registry (bench/TradingBench.java) serves the issuance feed. Prints its figures; not a test.
# Needs only a JDK 17 (installs pgbench and wrk with apt when missing). SERVICE_JAVA_OPTS is passed to the service, e.g.
# "-XX:StartFlightRecording=filename=/tmp/trading.jfr,settings=profile" for a profile. Exits non-zero when any request
# fails or a reconciliation is not clean; SMOKE=1 runs every part for 2 s on 100 accounts (CI does, figures ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/common.sh
B=.local/bench-trading
SECONDS_EACH=${DURATION:-$(smoke && echo 2 || echo 15)}
WARM=$(smoke && echo 1 || echo 20)
ACCOUNTS=${ACCOUNTS:-$(smoke && echo 100 || echo 1000)}
PG_PORT=${BENCH_PG_PORT:-55497}
PORT=${BENCH_PORT:-8097}
PORT2=${BENCH_PORT2:-8098}
REGISTRY_PORT=${BENCH_REGISTRY_PORT:-8096}
rm -rf "$B" && mkdir -p "$B"

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -B -q install -DskipTests
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib >/dev/null; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1)
java deploy/local/DevToken.java keygen >/dev/null

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

./mvnw -B -q -pl test-support dependency:build-classpath -Dmdep.outputFile="$ROOT/$B/cp.txt" >/dev/null
CP="$ROOT/test-support/target/classes:$(cat $B/cp.txt)"
java -cp "$CP" org.opengep.testsupport.LocalPostgres "$ROOT/$B/pgdata" "$PG_PORT" gep_trading pgbench > "$B/postgres.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "PostgreSQL ready" "$B/postgres.log" 2>/dev/null && break; sleep 1; done

java -Dsun.net.httpserver.nodelay=true bench/TradingBench.java registry "$REGISTRY_PORT" "$ACCOUNTS" 1000000 > "$B/registry.log" 2>&1 &
PIDS+=($!)
service() { # port log
  GEP_TRADING_DB_URL="jdbc:postgresql://localhost:$PG_PORT/gep_trading" GEP_TRADING_PORT=$1 GEP_REGISTRY_URL="http://localhost:$REGISTRY_PORT" \
  MP_JWT_VERIFY_ISSUER=https://gep.local/issuer MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.local/keys/public.pem" \
  GEP_SERVICE_SIGNING_KEY_LOCATION="file:$ROOT/.local/keys/private.pem" GEP_TRADING_FEED_EVERY=off QUARKUS_LOG_LEVEL=WARN \
    java ${SERVICE_JAVA_OPTS:-} -jar trading-service/target/quarkus-app/quarkus-run.jar > "$2" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -fs "http://localhost:$1/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
}
service "$PORT" "$B/service.log"
OPERATOR=$(java deploy/local/DevToken.java bench trading-operator,auditor)
API="http://localhost:$PORT/api/v1"
curl -fs -X POST -H "Authorization: Bearer $OPERATOR" "$API/feed/sync" > "$B/sync.json"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $ACCOUNTS accounts; ${SECONDS_EACH}s per run; feed: $(cat $B/sync.json)"

java bench/TradingBench.java tokens "$ACCOUNTS" "$B/tokens.txt"
reconciled() { local r; r=$(curl -fs -H "Authorization: Bearer $OPERATOR" "$API/reconciliation" | head -c 300)
  echo "reconciliation after $1: $r"; holds "$r" '"clean":true' "the reconciliation after $1"; }
trades() { # scenario clients seconds [url]: the figure line, after checking that no request failed
  local line
  line=$(TOKENS="$B/tokens.txt" SCENARIO=$1 CLIENTS=$2 wrk -t2 -c"$2" -d"$3"s --latency -s bench/trades.lua "${4:-http://localhost:$PORT}" | grep "clients=")
  no_failures "$line"; echo "$line"
}
load() { local line; line=$(java bench/TradingBench.java load "http://localhost:$PORT" "$ACCOUNTS" "$@"); no_failures "$line"; echo "$line"; }
# warm-up (the JIT compiles the request path in about 20 s of load; pgbench needs none), connection pools
trades many 64 "$WARM" > /dev/null
load batch 2 "$WARM" > /dev/null
M32=$(trades many 32 "$SECONDS_EACH"); echo "$M32"
M64=$(trades many 64 "$SECONDS_EACH"); echo "$M64"
reconciled "many"
HOT=$(trades hot 64 "$SECONDS_EACH"); echo "$HOT"
reconciled "hot"
BATCH=$(load batch 4 "$SECONDS_EACH"); echo "$BATCH"
reconciled "batch"

# a second instance on the same database: 16 clients each
service "$PORT2" "$B/service2.log"
trades many 32 "$WARM" "http://localhost:$PORT2" > /dev/null
trades many 16 "$SECONDS_EACH" > "$B/two-a.txt" & A=$!
trades many 16 "$SECONDS_EACH" "http://localhost:$PORT2" > "$B/two-b.txt"
wait $A
echo "two instances clients=32: $(cat $B/two-a.txt $B/two-b.txt | awk '{s += $3} END {printf "%.0f", s}') trades/s   ($(cat $B/two-a.txt | cut -d, -f1-2); $(cat $B/two-b.txt | cut -d, -f1-2))"
reconciled "two instances"

"$PGBENCH" -i -q -s "$(smoke && echo 1 || echo 10)" -h localhost -p "$PG_PORT" -U postgres pgbench > "$B/pgbench-init.log" 2>&1
PGB=$("$PGBENCH" -c 32 -j 2 -T "$SECONDS_EACH" -h localhost -p "$PG_PORT" -U postgres pgbench 2>/dev/null | awk '/^tps/{print $3; exit}')
[[ -n "$PGB" ]] || { echo "BENCHMARK FAILED: pgbench printed no tps" >&2; exit 1; }
T32=$(echo "$M32" | awk '{print $3}')
H64=$(echo "$HOT" | awk '{print $3}')
TB=$(echo "$BATCH" | awk '{print $3}')
echo "pgbench TPC-B, 32 clients, scale $(smoke && echo 1 || echo 10): $PGB tps"
echo "ratio trades/s (32 clients) / pgbench tps: $(awk -v a="$T32" -v b="$PGB" 'BEGIN{printf "%.2f", a/b}')   (target >= 0.5)"
echo "hot seller, 64 clients: $H64 trades/s (target >= 1000); batches of 1 000: $TB trades/s (target >= 5000)"
