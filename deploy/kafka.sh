#!/usr/bin/env bash
# Kafka (KRaft, one node) for the local stack: 127.0.0.1:9092 (controller 9093), data in deploy/.data/kafka.
#   deploy/kafka.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
case "${1:-}" in
  start) infra kafka start --data "$DATA_DIR/kafka" --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT" ;;
  stop|status) infra kafka "$1" --data "$DATA_DIR/kafka" ;;
  *) usage "start|stop|status" ;;
esac
