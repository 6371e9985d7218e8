#!/usr/bin/env bash
# The offline document check: deploy/check-documents.sh FILE|DIR…
# Reads each document with the intake service's importer and checks it with the validation service's rules, without
# the stack (no Kafka, PostgreSQL or OIDC). One JSON object per document on standard output
# ({"file","format","status":"read"|"refused"|"crashed","report","notes","findings","problems"}), a summary in Chinese
# on standard error. Builds deploy/document-check on first use (or with --rebuild).
#   deploy/check-documents.sh --benchmark [SECONDS] FILE…   documents per second of the importer, per file
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/deploy/document-check"
if [ "${1:-}" = "--rebuild" ]; then shift; rm -f "$module/target/classpath.txt"; fi
if [ ! -f "$module/target/classpath.txt" ] || [ ! -d "$module/target/classes" ]; then
  echo "首次使用，正在构建检查程序… / building the check…" >&2
  (cd "$root" && ./mvnw -q -B -ntp -pl deploy/document-check -am package -DskipTests >&2)
fi
main=cn.gov.disclosure.check.DocumentCheck
if [ "${1:-}" = "--benchmark" ]; then shift; main=cn.gov.disclosure.check.DocumentBenchmark; fi
exec java -Xss8m -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" "$main" "$@"
