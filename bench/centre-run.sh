#!/usr/bin/env bash
# Benchmark of the trading centre on this machine (trading-service):
#  - listed post-and-take through the HTTP API: 32 clients, each on a book of its own, post a sell order of 1 t and have
#    another participant take it (delivery versus payment, fees, journals for units and cash); posts plus takes per
#    second with the p50/p99 latency of the requests;
#  - an auction of 10 000 bids (1 t each, more bids than units) allocated at the end: how long the allocation takes
#    (target under 1 s);
#  - the reconciliation (units and cash) after each part.
# A stand-in for the registry (bench/TradingBench.java) serves the issuance feed. Prints its figures; not a test.
# Needs only a JDK 17. DURATION (seconds per run), ACCOUNTS, BIDS, CLIENTS can be set; SKIP_BUILD=1 uses the built jar;
# PARTS=auction runs the auction alone; SERVICE_JAVA_OPTS is passed to the service (e.g. a JFR recording). Exits non-zero
# when a request fails or a reconciliation is not clean; SMOKE=1 runs 2 s of orders and an auction of 200 bids (CI does).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/common.sh
B=.local/bench-centre
SECONDS_EACH=${DURATION:-$(smoke && echo 2 || echo 15)}
WARM=$(smoke && echo 1 || echo 20)
ACCOUNTS=${ACCOUNTS:-200}
BOOKS=${BOOKS:-32}
CLIENTS=${CLIENTS:-32}
BIDS=${BIDS:-$(smoke && echo 200 || echo 10000)}
PG_PORT=${BENCH_PG_PORT:-55498}
PORT=${BENCH_PORT:-8099}
REGISTRY_PORT=${BENCH_REGISTRY_PORT:-8095}
rm -rf "$B" && mkdir -p "$B/classes"

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -B -q install -DskipTests
java deploy/local/DevToken.java keygen >/dev/null
javac -d "$B/classes" bench/TradingBench.java bench/CentreBench.java

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

./mvnw -B -q -pl test-support dependency:build-classpath -Dmdep.outputFile="$ROOT/$B/cp.txt" >/dev/null
CP="$ROOT/test-support/target/classes:$(cat $B/cp.txt)"
java -cp "$CP" org.opengep.testsupport.LocalPostgres "$ROOT/$B/pgdata" "$PG_PORT" gep_trading > "$B/postgres.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "PostgreSQL ready" "$B/postgres.log" 2>/dev/null && break; sleep 1; done

java -Dsun.net.httpserver.nodelay=true -cp "$B/classes" TradingBench registry "$REGISTRY_PORT" "$ACCOUNTS" 1000000 "$BOOKS" > "$B/registry.log" 2>&1 &
PIDS+=($!)
# the bench trades every day at any hour; the system's own close and auction allocation are off (the bench allocates)
GEP_TRADING_DB_URL="jdbc:postgresql://localhost:$PG_PORT/gep_trading" GEP_TRADING_PORT=$PORT GEP_REGISTRY_URL="http://localhost:$REGISTRY_PORT" \
MP_JWT_VERIFY_ISSUER=https://gep.local/issuer MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.local/keys/public.pem" \
GEP_SERVICE_SIGNING_KEY_LOCATION="file:$ROOT/.local/keys/private.pem" GEP_TRADING_FEED_EVERY=off GEP_TRADING_CLOSE_CHECK_EVERY=off \
GEP_TRADING_DAYS=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY QUARKUS_LOG_LEVEL=WARN \
  java ${SERVICE_JAVA_OPTS:-} -jar trading-service/target/quarkus-app/quarkus-run.jar > "$B/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT"
OPERATOR=$(java deploy/local/DevToken.java bench trading-operator,auditor)
curl -fs -X POST -H "Authorization: Bearer $OPERATOR" "$URL/api/v1/feed/sync" > "$B/sync.json"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $ACCOUNTS accounts, $BOOKS books; ${SECONDS_EACH}s per run; feed: $(cat $B/sync.json)"
bench() { java -Dauction.min-window="$(smoke && echo 3 || echo 30)" -cp "$B/classes" CentreBench "$@"; }
measured() { local line; line=$(bench "$@"); no_failures "$line"; echo "$line"; }
reconciled() { local clean intact
  clean=$(curl -fs -H "Authorization: Bearer $OPERATOR" "$URL/api/v1/reconciliation" | grep -o '"clean":[a-z]*')
  intact=$(curl -fs -H "Authorization: Bearer $OPERATOR" "$URL/api/v1/journal/verification" | grep -o '"intact":[a-z]*')
  echo "reconciliation after $1: $clean, journals $intact"
  holds "$clean $intact" '"clean":true "intact":true' "the reconciliation and the journals after $1"; }

bench setup "$URL" "$ACCOUNTS" "$BOOKS"
if [[ "${PARTS:-all}" != auction ]]; then
  measured orders "$URL" "$ACCOUNTS" "$BOOKS" "$CLIENTS" "$WARM" > /dev/null   # warm-up: the JIT compiles the request path
  measured orders "$URL" "$ACCOUNTS" "$BOOKS" "$CLIENTS" "$SECONDS_EACH"
  reconciled "posts and takes"
fi
measured auction "$URL" "$ACCOUNTS" "$BIDS" 16
echo "the writer's longest transaction (the allocation's): $(curl -fs "$URL/q/metrics" | awk '/^gep_ledger_batch_duration_seconds_max/ {printf "%.0f ms", $2 * 1000}')"
reconciled "the auction"
