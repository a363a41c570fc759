#!/usr/bin/env bash
# Audits production dependencies: fails on a high or critical finding; warns (and passes) only
# when the registry has no audit endpoint to ask. The decision is src/cli/audit-verdict.ts.
set -uo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
npm audit --omit=dev --json >"$report" 2>/dev/null
code=$?
set -e
node_modules/.bin/tsx src/cli/audit-verdict.ts "$code" <"$report"
