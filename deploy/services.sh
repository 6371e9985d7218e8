#!/usr/bin/env bash
# The platform's processes on the local stack: the portal simulator (8090) and the four services (intake 8081,
# validation 8082, review 8083, publication 8084), each `java -jar target/quarkus-app/quarkus-run.jar` on 127.0.0.1,
# against Kafka, PostgreSQL and Keycloak of deploy/stack.sh. Builds first when a jar is missing or older than its
# sources. Logs and pid files in deploy/.data/services/<name>.log|.pid; working folders (publication's archive, the
# portal's stored pages) in deploy/.data/services/<name>/.
#   deploy/services.sh start|stop|status|build
#   deploy/services.sh seeds     imports the five seed reports (their text) as their townships through intake
# Environment: SERVICE_JAVA_OPTS (default: deploy/service-jvm.options, what the services ship with),
#   READY_TIMEOUT (seconds per process, default 240).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

SVC_DATA="$DATA_DIR/services"
JAVA_OPTS_SVC="${SERVICE_JAVA_OPTS:-$(grep -v '^#' "$(dirname "${BASH_SOURCE[0]}")/service-jvm.options" | tr '\n' ' ')}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
READY_TIMEOUT="${READY_TIMEOUT:-240}"
ISSUER="http://127.0.0.1:$OIDC_PORT/realms/annual-report"
# name  module  port  database (- for none)
PROCESSES="portal-simulator deploy/portal-simulator 8090 -
intake intake-service 8081 intake
validation validation-service 8082 validation
review review-service 8083 review
publication publication-service 8084 publication"

jar_of() { echo "$REPO_DIR/$1/target/quarkus-app/quarkus-run.jar"; }

# 0 when the module's jar exists and nothing it is built from (its sources, service-support, contracts) is newer
jar_fresh() {
  local jar; jar="$(jar_of "$1")"
  [ -f "$jar" ] || return 1
  local srcs=("$REPO_DIR/$1/src/main" "$REPO_DIR/$1/pom.xml" "$REPO_DIR/pom.xml")
  if [ "$1" != deploy/portal-simulator ]; then
    srcs+=("$REPO_DIR/service-support/src/main" "$REPO_DIR/service-support/pom.xml")
  fi
  srcs+=("$REPO_DIR/contracts/src/main" "$REPO_DIR/contracts/pom.xml")
  [ -z "$(find "${srcs[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]
}

build() {
  local stale=() name module port db
  while read -r name module port db; do
    jar_fresh "$module" || stale+=("$module")
  done <<< "$PROCESSES"
  if [ "${#stale[@]}" -gt 0 ]; then
    echo "services: building (${stale[*]} missing or older than the sources): ./mvnw -q -DskipTests package ..."
    (cd "$REPO_DIR" && ./mvnw -q -DskipTests package)
    # a jar the build left unchanged (up to date for Maven) still counts as built now
    for module in "${stale[@]}"; do [ -f "$(jar_of "$module")" ] && touch "$(jar_of "$module")"; done
  fi
}

running_pid() {
  local pidfile="$SVC_DATA/$1.pid"
  [ -f "$pidfile" ] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q quarkus-run.jar && echo "$pid"
}

ready_url() {
  # the portal simulator has no health extension: any answer of its HTTP server will do
  if [ "$1" = portal-simulator ]; then echo "http://127.0.0.1:$2/"; else echo "http://127.0.0.1:$2/q/health/ready"; fi
}

is_ready() {
  local code; code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$(ready_url "$1" "$2")" || true)"
  if [ "$1" = portal-simulator ]; then [ "$code" != 000 ]; else [ "$code" = 200 ]; fi
}

start_one() {
  local name="$1" module="$2" port="$3" db="$4" pid
  if pid="$(running_pid "$name")"; then echo "$name already running: pid $pid, http://127.0.0.1:$port"; return 0; fi
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "services: port $port ($name) is already in use" >&2; return 1
  fi
  mkdir -p "$SVC_DATA/$name"
  local props=(-Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port")
  if [ "$db" != - ]; then
    props+=(-Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT"
            -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$db"
            -Dquarkus.datasource.username="$db" -Dquarkus.datasource.password="$db"
            -Dquarkus.oidc.auth-server-url="$ISSUER"
            -Dregistry.file="$DEPLOY_DIR/organisations.json")
  fi
  case "$name" in
    publication) props+=(-Dquarkus.rest-client.portal.url=http://127.0.0.1:8090
                         -Darchive.root="$SVC_DATA/publication/archive") ;;
    portal-simulator) props+=(-Dportal.storage-dir="$SVC_DATA/portal-simulator/pages") ;;
  esac
  # in a session of its own (survives the terminal); setsid execs in place, so $! is the JVM's pid
  # shellcheck disable=SC2086
  (cd "$SVC_DATA/$name"
   ARCHIVE_ROOT="$SVC_DATA/publication/archive" setsid "$(java_bin)" $JAVA_OPTS_SVC "${props[@]}" \
     -jar "$(jar_of "$module")" </dev/null >>"$SVC_DATA/$name.log" 2>&1 &
   echo $! > "$SVC_DATA/$name.pid")
  echo "$name starting: pid $(cat "$SVC_DATA/$name.pid"), log $SVC_DATA/$name.log"
}

wait_ready() {
  local name="$1" port="$2" i t0; t0="$(date +%s)"
  for i in $(seq 1 "$READY_TIMEOUT"); do
    if is_ready "$name" "$port"; then
      echo "$name ready in $(( $(date +%s) - t0 )) s: http://127.0.0.1:$port"; return 0
    fi
    if ! running_pid "$name" >/dev/null; then
      echo "services: $name exited while starting; $SVC_DATA/$name.log:" >&2; tail -n 40 "$SVC_DATA/$name.log" >&2
      rm -f "$SVC_DATA/$name.pid"; return 1
    fi
    sleep 1
  done
  echo "services: $name not ready within $READY_TIMEOUT s; $(ready_url "$name" "$port"):" >&2
  curl -s --max-time 5 "$(ready_url "$name" "$port")" >&2 || true
  return 1
}

start() {
  # deploy/stack.sh builds before it starts the infrastructure and passes SERVICES_BUILT=1
  [ "${SERVICES_BUILT:-0}" = 1 ] || build
  mkdir -p "$SVC_DATA"
  local name module port db
  # all at once (the JVMs start in parallel), then wait for each
  while read -r name module port db; do start_one "$name" "$module" "$port" "$db" || return 1; done <<< "$PROCESSES"
  while read -r name module port db; do wait_ready "$name" "$port" || return 1; done <<< "$PROCESSES"
}

stop_one() {
  local name="$1" pid i
  if ! pid="$(running_pid "$name")"; then rm -f "$SVC_DATA/$name.pid"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then echo "services: $name (pid $pid) did not stop in 30 s; killing it" >&2; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$SVC_DATA/$name.pid"
  echo "$name stopped (pid $pid)"
}

stop() {
  local name module port db
  # the services first, all at once (each drains its consumers and its outbox relay), the portal simulator last
  local pids=()
  while read -r name module port db; do
    [ "$name" = portal-simulator ] || { stop_one "$name" & pids+=($!); }
  done <<< "$PROCESSES"
  [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}"
  stop_one portal-simulator
}

status() {
  local rc=0 name module port db pid
  while read -r name module port db; do
    if pid="$(running_pid "$name")"; then
      if is_ready "$name" "$port"; then echo "$name running: pid $pid, http://127.0.0.1:$port (ready)";
      else echo "$name running: pid $pid, http://127.0.0.1:$port (NOT ready)"; rc=3; fi
    else echo "$name not running"; rc=3; fi
  done <<< "$PROCESSES"
  return $rc
}

# seed file prefix → the township user who submits it (deploy/keycloak/annual-report-realm.json, password demo)
SEEDS="000 zimao
001 nankou
002 changfu
003 hongxing
004 huimeng"

seeds() {
  local dir="$REPO_DIR/contracts/src/test/resources/seeds" prefix user file token answer
  while read -r prefix user; do
    file="$(ls "$dir/${prefix}"_*.txt)"
    token="$(curl -sf -d grant_type=password -d client_id=annual-report-cli -d username="$user" -d password=demo \
      "$ISSUER/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    if [ -z "$token" ]; then echo "seeds: no token for $user from $ISSUER" >&2; return 1; fi
    # the file name as idempotency key: importing the seeds twice submits them once
    answer="$(curl -s -w ' HTTP %{http_code}' -H "Authorization: Bearer $token" \
      -H 'Content-Type: text/plain; charset=UTF-8' -H "Idempotency-Key: seed-$(basename "$file" .txt)" \
      --data-binary @"$file" "http://127.0.0.1:8081/api/v1/reports/import")"
    case "$answer" in
      *"HTTP 20"*) echo "seed $prefix submitted by $user: $(echo "$answer" | sed -n 's/.*"reportId":"\([^"]*\)".*/report \1/p')" ;;
      *) echo "seeds: seed $prefix ($user) not accepted: $answer" >&2; return 1 ;;
    esac
  done <<< "$SEEDS"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  build) build ;;
  seeds) seeds ;;
  *) usage "start|stop|status|build|seeds" ;;
esac
