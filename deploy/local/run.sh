#!/usr/bin/env bash
# Runs the whole system on this machine with nothing but a JDK 17:
#   PostgreSQL (GEP_ACCOUNTING_DB_URL, GEP_REGISTRY_DB_URL and GEP_TRADING_DB_URL if set, else an embedded server keeping
#   its data in .local/pgdata, one database per service), dev signing keys (.local/keys), the services, the dashboard
#   (with the development sign-in, which only this script turns on) and the demonstration dataset through their APIs
#   (unless GEP_DEMO_DATA=0 or it is there already). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
mkdir -p .local/logs

step() { echo "$(date +%H:%M:%S)  $*"; }

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  step "Building the services and the dashboard (a first run downloads dependencies: 3 to 5 minutes; later runs about a minute; log: .local/logs/build.log)"
  if ! ./mvnw -B -q install -DskipTests > .local/logs/build.log 2>&1; then
    tail -40 .local/logs/build.log >&2
    echo "The build failed; the whole log is .local/logs/build.log" >&2
    exit 1
  fi
fi
java deploy/local/DevToken.java keygen

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

ready() { # port: whether the service there answers /q/health/ready with 200 (bash only, no curl needed)
  { exec 3<>"/dev/tcp/localhost/$1" && printf 'GET /q/health/ready HTTP/1.0\r\n\r\n' >&3 && head -1 <&3 | grep -q ' 200'; } 2>/dev/null
  local answered=$?
  exec 3>&- 2>/dev/null || true
  return $answered
}

wait_for() { # port, name, log
  step "Starting $2 on port $1 (log: $3)"
  for waited in $(seq 1 120); do
    if ready "$1"; then step "  $2 is ready after $waited s"; return 0; fi
    sleep 1
  done
  echo "$2 did not come up; see $3" >&2; exit 1
}

step "Starting PostgreSQL (embedded unless GEP_*_DB_URL are set)"
# the local PostgreSQL and the demonstration dataset run from the system-tests module and its dependencies
./mvnw -B -q -pl system-tests dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$ROOT/.local/system.classpath" >/dev/null
CP="$ROOT/system-tests/target/classes:$(cat .local/system.classpath)"

PG_PORT=${GEP_LOCAL_PG_PORT:-55432}
if [[ -z "${GEP_ACCOUNTING_DB_URL:-}" || -z "${GEP_REGISTRY_DB_URL:-}" || -z "${GEP_TRADING_DB_URL:-}" ]]; then
  java -cp "$CP" org.opengep.testsupport.LocalPostgres "$ROOT/.local/pgdata" "$PG_PORT" gep_accounting gep_registry gep_trading \
    > .local/logs/postgres.log 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q "PostgreSQL ready" .local/logs/postgres.log 2>/dev/null && break; sleep 1; done
  grep -q "PostgreSQL ready" .local/logs/postgres.log || { echo "PostgreSQL did not start; see .local/logs/postgres.log" >&2; exit 1; }
  export GEP_ACCOUNTING_DB_URL="${GEP_ACCOUNTING_DB_URL:-jdbc:postgresql://localhost:$PG_PORT/gep_accounting}"
  export GEP_REGISTRY_DB_URL="${GEP_REGISTRY_DB_URL:-jdbc:postgresql://localhost:$PG_PORT/gep_registry}"
  export GEP_TRADING_DB_URL="${GEP_TRADING_DB_URL:-jdbc:postgresql://localhost:$PG_PORT/gep_trading}"
fi

export MP_JWT_VERIFY_ISSUER=https://gep.local/issuer
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.local/keys/public.pem"
# services sign their own tokens for calls to each other; locally with the dev issuer's key
export GEP_SERVICE_SIGNING_KEY_LOCATION="file:$ROOT/.local/keys/private.pem"

ACCOUNTING_PORT=${GEP_ACCOUNTING_PORT:-8081}
REGISTRY_PORT=${GEP_REGISTRY_PORT:-8082}
TRADING_PORT=${GEP_TRADING_PORT:-8083}
GEP_ACCOUNTING_PORT=$ACCOUNTING_PORT GEP_TRADING_URL="http://localhost:$TRADING_PORT" \
  java @deploy/jvm/gep-accounting-service.options -jar gep-accounting-service/target/quarkus-app/quarkus-run.jar \
  > .local/logs/gep-accounting-service.log 2>&1 &
PIDS+=($!)
wait_for "$ACCOUNTING_PORT" gep-accounting-service .local/logs/gep-accounting-service.log

GEP_REGISTRY_PORT=$REGISTRY_PORT GEP_ACCOUNTING_URL="http://localhost:$ACCOUNTING_PORT" GEP_TRADING_URL="http://localhost:$TRADING_PORT" \
  java -jar ecological-product-registry/target/quarkus-app/quarkus-run.jar > .local/logs/ecological-product-registry.log 2>&1 &
PIDS+=($!)
wait_for "$REGISTRY_PORT" ecological-product-registry .local/logs/ecological-product-registry.log

# the local run's trading centre trades every day of the week, so that the demonstration works on any day
GEP_TRADING_PORT=$TRADING_PORT GEP_REGISTRY_URL="http://localhost:$REGISTRY_PORT" \
  GEP_TRADING_DAYS="${GEP_TRADING_DAYS:-MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY}" \
  java -jar trading-service/target/quarkus-app/quarkus-run.jar > .local/logs/trading-service.log 2>&1 &
PIDS+=($!)
wait_for "$TRADING_PORT" trading-service .local/logs/trading-service.log

# the dashboard: OpenID Connect off, the development sign-in on (tokens signed with the dev key the services trust)
DASHBOARD_PORT=${GEP_DASHBOARD_PORT:-8080}
GEP_DASHBOARD_PORT=$DASHBOARD_PORT GEP_ACCOUNTING_URL="http://localhost:$ACCOUNTING_PORT" GEP_REGISTRY_URL="http://localhost:$REGISTRY_PORT" \
  GEP_TRADING_URL="http://localhost:$TRADING_PORT" GEP_DASHBOARD_OIDC_ENABLED=false GEP_DASHBOARD_DEV_SIGN_IN=true \
  GEP_DASHBOARD_DEV_SIGNING_KEY_LOCATION="file:$ROOT/.local/keys/private.pem" GEP_DASHBOARD_HOME_REGION=330602 \
  java -jar gep-dashboard/target/quarkus-app/quarkus-run.jar > .local/logs/gep-dashboard.log 2>&1 &
PIDS+=($!)
wait_for "$DASHBOARD_PORT" gep-dashboard .local/logs/gep-dashboard.log

if [[ "${GEP_DEMO_DATA:-1}" != "0" ]]; then
  step "Loading the demonstration dataset through the APIs (about 20 s; once)"
  java -cp "$CP" org.opengep.system.DemoDataset "http://localhost:$ACCOUNTING_PORT" "http://localhost:$REGISTRY_PORT" \
    "http://localhost:$TRADING_PORT" "$ROOT/.local/keys/private.pem" "$MP_JWT_VERIFY_ISSUER"
fi

cat <<MSG

GEP platform is running (logs in .local/logs/):
  Dashboard                    http://localhost:$DASHBOARD_PORT   sign in as any user with the roles you need (development
                               sign-in); the demonstration county 越城区 opens first
  gep-accounting-service       http://localhost:$ACCOUNTING_PORT   Swagger UI: http://localhost:$ACCOUNTING_PORT/q/swagger-ui
  ecological-product-registry  http://localhost:$REGISTRY_PORT   Swagger UI: http://localhost:$REGISTRY_PORT/q/swagger-ui
  trading-service              http://localhost:$TRADING_PORT   Swagger UI: http://localhost:$TRADING_PORT/q/swagger-ui
  PostgreSQL                   ${GEP_ACCOUNTING_DB_URL}, ${GEP_REGISTRY_DB_URL}, ${GEP_TRADING_DB_URL}
  Metrics (Prometheus)         http://localhost:<port>/q/metrics      OpenAPI documents: openapi/*.yaml

Tokens (valid 8 hours; paste into Swagger UI's Authorize, or use as a bearer token):
  accounting  java deploy/local/DevToken.java alice gep-reader,gep-accountant,gep-publisher
  registry    java deploy/local/DevToken.java li registrar,registry-reader     (verifier: a second person, e.g.
              java deploy/local/DevToken.java wang verifier)
  trading     java deploy/local/DevToken.java sun auditor,trading-operator    (a trader acts for a holder:
              java deploy/local/DevToken.java zhang trader 8 <holder-id>; a platform that reports matched trades:
              java deploy/local/DevToken.java p1 trading-platform)
  credit      java deploy/local/DevToken.java lin lender                     (a bank: policies and credit capacity)
Try it:       TOKEN=\$(java deploy/local/DevToken.java alice gep-reader)
              curl -H "Authorization: Bearer \$TOKEN" "http://localhost:$ACCOUNTING_PORT/api/v1/regions/330602/gep/realisation?year=$(date +%Y)"
              the compensation allocations of 绍兴市 and their arithmetic, and its counties' SEEA EA tables:
              curl -H "Authorization: Bearer \$TOKEN" "http://localhost:$ACCOUNTING_PORT/api/v1/compensation/allocations?regionCode=330600"
              curl -H "Authorization: Bearer \$TOKEN" "http://localhost:$ACCOUNTING_PORT/api/v1/regions/330602/seea?from=$(( $(date +%Y) - 1 ))&to=$(date +%Y)"
              the trading centre's instruments, then .../instruments/<id>/book and .../market-data, with a trading token:
              TRADING_TOKEN=\$(java deploy/local/DevToken.java sun market-reader)
              curl -H "Authorization: Bearer \$TRADING_TOKEN" http://localhost:$TRADING_PORT/api/v1/instruments

Ctrl-C stops everything.
MSG
wait
