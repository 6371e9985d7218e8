#!/usr/bin/env bash
# The OIDC provider of the local stack: Keycloak (org.keycloak:keycloak-quarkus-dist from Maven Central) in dev mode
# on 127.0.0.1:8180, realm annual-report imported from deploy/keycloak/annual-report-realm.json.
# Data (the unpacked distribution and its H2 database) in deploy/.data/keycloak. Admin console: admin/admin.
# Keycloak 26 needs Java 21+: /usr/lib/jvm/temurin-25-jdk-amd64 when present, else $KEYCLOAK_JAVA_HOME or a JDK 21+.
#   deploy/oidc.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
KC_DATA="$DATA_DIR/keycloak"
KC_HOME="$KC_DATA/keycloak-$KEYCLOAK_VERSION"
KC_PID="$KC_DATA/keycloak.pid"
KC_LOG="$KC_DATA/keycloak.log"
REALM_FILE="$DEPLOY_DIR/keycloak/annual-report-realm.json"
ISSUER="http://127.0.0.1:$OIDC_PORT/realms/annual-report"

keycloak_java_home() {
  local candidate
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  echo "oidc: Keycloak $KEYCLOAK_VERSION needs Java 21+ and none was found (set KEYCLOAK_JAVA_HOME)" >&2
  return 1
}

running_pid() {
  [ -f "$KC_PID" ] || return 1
  local pid; pid="$(cat "$KC_PID")"
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q keycloak && echo "$pid"
}

install_keycloak() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  echo "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip (about 170 MB, once) ..."
  mkdir -p "$KC_DATA/download"
  (cd "$REPO_DIR" && ./mvnw -q -N dependency:copy \
     -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$KC_DATA/download")
  unzip -q -o "$KC_DATA/download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$KC_DATA"
  rm -rf "$KC_DATA/download"
}

start() {
  if pid="$(running_pid)"; then echo "oidc already running: pid $pid, issuer $ISSUER"; return 0; fi
  if curl -s -o /dev/null "http://127.0.0.1:$OIDC_PORT/"; then
    echo "oidc: port $OIDC_PORT is already in use" >&2; return 1
  fi
  local java_home; java_home="$(keycloak_java_home)"
  install_keycloak
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/annual-report-realm.json"
  local t0; t0="$(date +%s)"
  # start-dev: H2 database in $KC_HOME/data, HTTP only; --import-realm skips a realm that already exists
  # (deploy/stack.sh wipe, or delete deploy/.data/keycloak, to re-import an edited realm file)
  JAVA_HOME="$java_home" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}" \
    setsid "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$OIDC_PORT" --import-realm \
    </dev/null >>"$KC_LOG" 2>&1 &
  echo $! > "$KC_PID"
  local i
  for i in $(seq 1 300); do
    if curl -sf -o /dev/null "$ISSUER/.well-known/openid-configuration"; then
      echo "oidc started in $(( $(date +%s) - t0 )) s: pid $(cat "$KC_PID"), issuer $ISSUER, admin console" \
        "http://127.0.0.1:$OIDC_PORT/admin (admin/admin), log $KC_LOG"
      return 0
    fi
    if ! kill -0 "$(cat "$KC_PID")" 2>/dev/null; then
      echo "oidc: Keycloak exited while starting; $KC_LOG:" >&2; tail -n 40 "$KC_LOG" >&2; rm -f "$KC_PID"; return 1
    fi
    sleep 1
  done
  echo "oidc: Keycloak did not answer within 300 s; $KC_LOG:" >&2; tail -n 40 "$KC_LOG" >&2; return 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then echo "oidc was not running"; rm -f "$KC_PID"; return 0; fi
  # setsid made Keycloak the leader of its own process group: stop the whole group
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  local i
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$KC_PID"; echo "oidc stopped (data kept in $KC_DATA)"; return 0; }
    sleep 1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$KC_PID"; echo "oidc killed after 60 s"
}

status() {
  if pid="$(running_pid)"; then echo "oidc running: pid $pid, issuer $ISSUER"; return 0; fi
  echo "oidc not running (data $KC_DATA)"; return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage "start|stop|status" ;;
esac
