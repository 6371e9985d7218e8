#!/usr/bin/env bash
# One service in Quarkus dev mode (live reload; the Dev UI at /q/dev-ui) on its usual port, against the local stack's
# Kafka (9092), PostgreSQL (5432), Keycloak (8180) and SMTP server (2525) — each started first when it is not running,
# as deploy/stack.sh does; the other services need not run. Works on a fresh clone: the modules it depends on
# (contracts, service-support) are built with it (-am). No Dev Services: they need containers, which this project does
# not use.
#   deploy/dev.sh intake|validation|review|publication [more quarkus:dev arguments]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
D="$DEPLOY_DIR"

case "${1:-}" in
  intake|validation|review|publication) service="$1"; shift ;;
  *) usage "intake|validation|review|publication [quarkus:dev arguments]" ;;
esac

"$D/kafka.sh" start
"$D/postgres.sh" start
"$D/oidc.sh" start
"$D/mail.sh" start
cd "$REPO_DIR"
exec ./mvnw -B -ntp quarkus:dev -pl "$service-service" -am -Dquarkus.analytics.disabled=true "$@"
