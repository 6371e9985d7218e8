#!/usr/bin/env bash
# The whole local system, one command: Kafka (127.0.0.1:9092), PostgreSQL (127.0.0.1:5432, the four service
# databases), the OIDC provider (Keycloak, 127.0.0.1:8180), the portal simulator (8090) and the four services
# (intake 8081, validation 8082, review 8083, publication 8084; built first when needed). Data in deploy/.data.
#   deploy/stack.sh start [--with-seeds]   start everything, wait until ready, print the URLs and demo users;
#                                          --with-seeds: import the five seed reports as their townships
#   deploy/stack.sh stop                   stop everything (no process left behind)
#   deploy/stack.sh status
#   deploy/stack.sh wipe                   stop everything and delete deploy/.data
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
D="$DEPLOY_DIR"

summary() {
  cat <<TXT

stack: everything is up (data in $DATA_DIR; logs in $DATA_DIR/services/*.log)
pages (sign in with a demo user below):
  townships' workspace   http://127.0.0.1:8081/workspace/   (upload, check, submit and follow the report)
  reviewers' page        http://127.0.0.1:8083/admin/       (the county's queue, cases, completeness)
  published reports      http://127.0.0.1:8090              (the portal simulator)
services:
  intake        http://127.0.0.1:8081   (API docs http://127.0.0.1:8081/q/swagger-ui)
  validation    http://127.0.0.1:8082   (API docs http://127.0.0.1:8082/q/swagger-ui)
  review        http://127.0.0.1:8083   (API docs http://127.0.0.1:8083/q/swagger-ui)
  publication   http://127.0.0.1:8084   (API docs http://127.0.0.1:8084/q/swagger-ui)
  portal        http://127.0.0.1:8090   (the government portal simulator)
  each service: /q/health/live, /q/health/ready, /q/metrics (Prometheus)
  Keycloak      http://127.0.0.1:$OIDC_PORT/admin (admin/admin), issuer http://127.0.0.1:$OIDC_PORT/realms/annual-report
  SMTP          127.0.0.1:$SMTP_PORT (GreenMail; the reminders sent: http://127.0.0.1:$SMTP_API_PORT/api/user/<address>/messages/INBOX/)
  Kafka         127.0.0.1:$KAFKA_PORT      PostgreSQL 127.0.0.1:$POSTGRES_PORT (intake/validation/review/publication, user = password = name)
demo users (password demo; token: client annual-report-cli, password grant):
  townships  zimao (seed 000), nankou (001), changfu (002), hongxing (003), huimeng (004), shenhu (deploy/system-tests/src/test/resources/documents/shenhu-2020.docx)
  counties   jinjiang, changping, zhangshu, fenglin, mengjin      province-admin, operator
stop: deploy/stack.sh stop    wipe the data: deploy/stack.sh wipe
TXT
}

case "${1:-}" in
  start)
    seeds=0
    case "${2:-}" in
      --with-seeds) seeds=1 ;;
      "") ;;
      *) usage "start [--with-seeds]|stop|status|wipe" ;;
    esac
    # build before anything runs: the build is the slow, CPU-heavy part
    "$D/services.sh" build
    "$D/kafka.sh" start
    "$D/postgres.sh" start
    "$D/oidc.sh" start
    "$D/mail.sh" start
    SERVICES_BUILT=1 "$D/services.sh" start
    if [ "$seeds" = 1 ]; then "$D/services.sh" seeds; fi
    summary
    ;;
  stop)
    rc=0
    "$D/services.sh" stop || rc=1
    "$D/oidc.sh" stop || rc=1
    "$D/mail.sh" stop || rc=1
    "$D/postgres.sh" stop || rc=1
    "$D/kafka.sh" stop || rc=1
    echo "stack: stopped"
    exit $rc
    ;;
  status)
    rc=0
    "$D/kafka.sh" status || rc=3
    "$D/postgres.sh" status || rc=3
    "$D/oidc.sh" status || rc=3
    "$D/mail.sh" status || rc=3
    "$D/services.sh" status || rc=3
    exit $rc
    ;;
  wipe)
    "$0" stop
    rm -rf "$DATA_DIR"
    echo "stack: wiped $DATA_DIR"
    ;;
  *) usage "start [--with-seeds]|stop|status|wipe" ;;
esac
