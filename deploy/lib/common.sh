# Sourced by the deploy/*.sh scripts: paths (all relative to this file) and the infra launcher.
# shellcheck shell=bash
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$DEPLOY_DIR/.." && pwd)"
DATA_DIR="$DEPLOY_DIR/.data"
INFRA_CLASSES="$DEPLOY_DIR/infra/target/classes"

# Fixed local ports, 127.0.0.1 only. Override through the environment if one is taken.
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
POSTGRES_PORT="${POSTGRES_PORT:-5432}"
OIDC_PORT="${OIDC_PORT:-8180}"
SMTP_PORT="${SMTP_PORT:-2525}"
SMTP_API_PORT="${SMTP_API_PORT:-8025}"
SERVICE_DATABASES="intake,validation,review,publication"

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

# Compiles deploy/infra when its classes (or the broker's classpath file) are missing or older than its sources.
ensure_infra_built() {
  local stamp="$DEPLOY_DIR/infra/target/.deploy-scripts-build"
  if [ ! -f "$INFRA_CLASSES/cn/gov/disclosure/infra/kafka.classpath" ] \
     || [ ! -f "$INFRA_CLASSES/cn/gov/disclosure/infra/Infra.class" ] || [ ! -f "$stamp" ] \
     || [ -n "$(find "$DEPLOY_DIR/infra/src/main" "$DEPLOY_DIR/infra/pom.xml" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    echo "building deploy/infra ..." >&2
    (cd "$REPO_DIR" && ./mvnw -q -pl deploy/infra -am compile >&2)
    touch "$stamp"
  fi
}

# Runs cn.gov.disclosure.infra.Infra in a session of its own (setsid), so that what it starts survives the terminal.
infra() {
  ensure_infra_built
  mkdir -p "$DATA_DIR"
  setsid -w "$(java_bin)" -cp "$INFRA_CLASSES" cn.gov.disclosure.infra.Infra "$@"
}

usage() {
  echo "usage: $0 $1" >&2
  exit 2
}
