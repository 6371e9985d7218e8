#!/usr/bin/env bash
# The whole platform under load, under failure and under attack (issue 9), each a command run on demand (not part of
# ./mvnw verify). Every run starts its own platform (Kafka, PostgreSQL, an OIDC provider, the portal simulator and
# the four services from their jars, on free ports of 127.0.0.1) under deploy/.data/<command>/run-<time>/, and stops it
# at the end. See BENCHMARKS.md and deploy/README.md.
#   deploy/system-tests.sh benchmark [--reports 40000] [--clients 16] [--rate 0] [--approve 1000] [--faulty 0.05] [--out FILE]
#   deploy/system-tests.sh failures  [--reports 3000] [--clients 8] [--rate 12] [--between 15] [--replicas intake,validation,review] [--out FILE]
#   deploy/system-tests.sh hostile   [--out FILE]
# Builds what is missing first (./mvnw -DskipTests package -pl deploy/system-tests -am); --no-build skips it.
# Environment: SYSTEM_TESTS_JAVA_OPTS (default -Xmx3g) for the JVM of the command itself.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

cmd="${1:-}"; shift || true
case "$cmd" in
  benchmark) main=cn.gov.disclosure.system.load.LoadBenchmark ;;
  failures)  main=cn.gov.disclosure.system.failure.FailureDrill ;;
  hostile)   main=cn.gov.disclosure.system.hostile.HostileInputRun ;;
  *) usage "benchmark|failures|hostile [options]" ;;
esac

args=()
build=1
for a in "$@"; do
  if [ "$a" = --no-build ]; then build=0; else args+=("$a"); fi
done
if [ "$build" = 1 ]; then
  echo "building the services and deploy/system-tests ..." >&2
  (cd "$REPO_DIR" && ./mvnw -q -B -DskipTests package -pl deploy/system-tests -am >&2)
fi
classpath="$DEPLOY_DIR/system-tests/target/classes:$(cat "$DEPLOY_DIR/system-tests/target/runtime.classpath")"
# shellcheck disable=SC2086
exec "$(java_bin)" ${SYSTEM_TESTS_JAVA_OPTS:--Xmx3g} -cp "$classpath" "$main" --repo "$REPO_DIR" \
  --data "$DATA_DIR/$cmd" "${args[@]}"
