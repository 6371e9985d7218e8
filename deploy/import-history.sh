#!/usr/bin/env bash
# Loads earlier years' published reports as history into the running stack (intake's POST /api/v1/history), as the
# province administrator: one document, or every document of a folder at once.
#   deploy/import-history.sh --year 2025 --organisation 350582107 FILE
#   deploy/import-history.sh --year 2025 DIR      # each file named after its organisation: 350582107*.pdf, …
# Prints one line per document: 201 loaded, 422 listed for a person (the reason), anything else the problem.
# USER/PASSWORD: the province administrator of the realm (default province-admin / demo).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
year="" organisation="" paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --year) year="$2"; shift 2 ;;
    --organisation) organisation="$2"; shift 2 ;;
    *) paths+=("$1"); shift ;;
  esac
done
[ -n "$year" ] && [ ${#paths[@]} -gt 0 ] || usage "--year YEAR [--organisation CODE] FILE|DIR…"
INTAKE="${INTAKE_URL:-http://127.0.0.1:8081}"
ISSUER="http://127.0.0.1:$OIDC_PORT/realms/annual-report"
token="$(curl -sf -d grant_type=password -d client_id=annual-report-cli -d username="${USER_NAME:-province-admin}" \
  -d password="${PASSWORD:-demo}" "$ISSUER/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "import-history: no token from $ISSUER" >&2; exit 1; }

files=()
for p in "${paths[@]}"; do
  if [ -d "$p" ]; then while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$p" -maxdepth 1 -type f -print0 | sort -z)
  else files+=("$p"); fi
done
rc=0
for f in "${files[@]}"; do
  name="$(basename "$f")"
  org="$organisation"
  [ -n "$org" ] || org="$(printf '%s' "$name" | grep -oE '^[0-9]{6,9}' || true)"
  if [ -z "$org" ]; then echo "$name: skipped (no --organisation, and the file name does not start with its code)"; rc=1; continue; fi
  answer="$(curl -s -w '\nHTTP %{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
    --data-binary @"$f" "$INTAKE/api/v1/history?organisation=$org&year=$year&name=$(printf '%s' "$name" | jq -sRr @uri 2>/dev/null || echo "$name")")"
  code="${answer##*HTTP }"
  body="${answer%$'\n'HTTP *}"
  case "$code" in
    201) echo "$name: $org $year loaded as history" ;;
    422) echo "$name: $org $year listed for a person — $(printf '%s' "$body" | sed -n 's/.*"detail":"\([^"]*\)".*/\1/p')"; rc=1 ;;
    *) echo "$name: HTTP $code $body"; rc=1 ;;
  esac
done
exit $rc
