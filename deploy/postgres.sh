#!/usr/bin/env bash
# PostgreSQL for the local stack: 127.0.0.1:5432, data in deploy/.data/postgres; one database per service
# (intake, validation, review, publication), each with user and password = its name. Superuser postgres/postgres.
#   deploy/postgres.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
case "${1:-}" in
  start) infra postgres start --data "$DATA_DIR/postgres" --port "$POSTGRES_PORT" --databases "$SERVICE_DATABASES" ;;
  stop|status) infra postgres "$1" --data "$DATA_DIR/postgres" ;;
  *) usage "start|stop|status" ;;
esac
