#!/usr/bin/env bash
# The whole local stack, one command: Kafka (127.0.0.1:9092), PostgreSQL (127.0.0.1:5432, the four service
# databases) and the OIDC provider (Keycloak, 127.0.0.1:8180). Data in deploy/.data.
#   deploy/stack.sh start|stop|status|wipe     (wipe: stop everything and delete deploy/.data)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
D="$DEPLOY_DIR"

case "${1:-}" in
  start)
    "$D/kafka.sh" start
    "$D/postgres.sh" start
    "$D/oidc.sh" start
    echo "stack: infrastructure up. The services (intake, validation, review, publication) are not part of the" \
         "stack yet: they come later; run one with ./mvnw quarkus:dev -pl <service> meanwhile."
    ;;
  stop)
    rc=0
    "$D/oidc.sh" stop || rc=1
    "$D/postgres.sh" stop || rc=1
    "$D/kafka.sh" stop || rc=1
    echo "stack: infrastructure stopped (no services to stop yet: they come later)"
    exit $rc
    ;;
  status)
    rc=0
    "$D/kafka.sh" status || rc=3
    "$D/postgres.sh" status || rc=3
    "$D/oidc.sh" status || rc=3
    echo "stack: services not part of the stack yet"
    exit $rc
    ;;
  wipe)
    "$0" stop
    rm -rf "$DATA_DIR"
    echo "stack: wiped $DATA_DIR"
    ;;
  *) usage "start|stop|status|wipe" ;;
esac
