#!/usr/bin/env bash
# Replays the dead letters of a topic: copies the records of <topic>.dlq back to <topic> (see deploy/topics.md).
#   deploy/replay-dlq.sh annual-report.validated [--dry-run] [--bootstrap 127.0.0.1:9092] [--group dead-letter-replay]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
[ $# -ge 1 ] || usage "TOPIC [--dry-run] [--bootstrap HOST:PORT] [--group NAME]"
ensure_infra_built
args=("$@")
case " $* " in *" --bootstrap "*) ;; *) args+=(--bootstrap "127.0.0.1:$KAFKA_PORT") ;; esac
exec "$(java_bin)" -cp "$INFRA_CLASSES:$(cat "$INFRA_CLASSES/cn/gov/disclosure/infra/kafka.classpath")" \
  cn.gov.disclosure.infra.DeadLetterReplay "${args[@]}"
