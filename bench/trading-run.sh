#!/usr/bin/env bash
# Benchmark of trading-service on this machine (issue: the rights ledger):
#  - trades recorded through the HTTP API, 32 and 64 clients, between many accounts; p50/p99 latency;
#  - in the same run, pgbench TPC-B on the same PostgreSQL (the database's own transfer transaction): the ratio;
#  - a hot account (one seller, many buyers), and batches of 1 000 trades over many accounts;
#  - the reconciliation afterwards.
# A stand-in for the registry (bench/TradingBench.java) serves the issuance feed. Prints its figures; not a test.
# Needs only a JDK 17 (installs pgbench with apt when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=.local/bench-trading
SECONDS_EACH=${DURATION:-15}
ACCOUNTS=${ACCOUNTS:-1000}
PG_PORT=${BENCH_PG_PORT:-55497}
PORT=${BENCH_PORT:-8097}
REGISTRY_PORT=${BENCH_REGISTRY_PORT:-8096}
rm -rf "$B" && mkdir -p "$B"

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -B -q install -DskipTests
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib >/dev/null; }
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
GEP_TRADING_DB_URL="jdbc:postgresql://localhost:$PG_PORT/gep_trading" GEP_TRADING_PORT=$PORT GEP_REGISTRY_URL="http://localhost:$REGISTRY_PORT" \
MP_JWT_VERIFY_ISSUER=https://gep.local/issuer MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.local/keys/public.pem" \
GEP_SERVICE_SIGNING_KEY_LOCATION="file:$ROOT/.local/keys/private.pem" GEP_TRADING_FEED_EVERY=off QUARKUS_LOG_LEVEL=WARN \
  java -jar trading-service/target/quarkus-app/quarkus-run.jar > "$B/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
OPERATOR=$(java deploy/local/DevToken.java bench trading-operator,auditor)
API="http://localhost:$PORT/api/v1"
curl -fs -X POST -H "Authorization: Bearer $OPERATOR" "$API/feed/sync" > "$B/sync.json"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $ACCOUNTS accounts; ${SECONDS_EACH}s per run; feed: $(cat $B/sync.json)"

load() { java bench/TradingBench.java load "http://localhost:$PORT" "$ACCOUNTS" "$@"; }
load many 32 5 > /dev/null   # warm-up (JIT, connection pools)
M32=$(load many 32 "$SECONDS_EACH"); echo "$M32"
M64=$(load many 64 "$SECONDS_EACH"); echo "$M64"
HOT=$(load hot 64 "$SECONDS_EACH"); echo "$HOT"
BATCH=$(load batch 4 "$SECONDS_EACH"); echo "$BATCH"

"$PGBENCH" -i -q -s 10 -h localhost -p "$PG_PORT" -U postgres pgbench > "$B/pgbench-init.log" 2>&1
PGB=$("$PGBENCH" -c 32 -j 2 -T "$SECONDS_EACH" -h localhost -p "$PG_PORT" -U postgres pgbench 2>/dev/null | awk '/^tps/{print $3; exit}')
T32=$(echo "$M32" | awk '{print $3}')
echo "pgbench TPC-B, 32 clients, scale 10: $PGB tps"
echo "ratio trades/s (32 clients) / pgbench tps: $(awk -v a="$T32" -v b="$PGB" 'BEGIN{printf "%.2f", a/b}')   (target >= 0.5)"
echo "reconciliation: $(curl -fs -H "Authorization: Bearer $OPERATOR" "$API/reconciliation" | head -c 300)"
