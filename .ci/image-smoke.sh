#!/usr/bin/env bash
# No Docker engine runs on CI's machine, so this performs the Dockerfile's own steps outside
# Docker: build stage, production-only install, then the image's CMD and HEALTHCHECK commands,
# read from the Dockerfile itself so the two cannot drift apart.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
node_bin=${1:-node}
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

instruction() { # prints the JSON array that follows a Dockerfile instruction (CMD / HEALTHCHECK ... CMD)
  "$node_bin" -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    const line = text.split("\n").find((l) => l.startsWith(process.argv[2]));
    const json = line.slice(line.indexOf("CMD ") + 4);
    for (const arg of JSON.parse(json)) console.log(arg);' "$root/Dockerfile" "$1"
}

echo "-- build stage"
mkdir -p "$work/build" "$work/app"
cp -r "$root/package.json" "$root/package-lock.json" "$root/tsconfig.json" "$root/tsconfig.build.json" "$root/src" "$work/build/"
(cd "$work/build" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && npm run build --silent)

echo "-- runtime stage (production dependencies only)"
cp -r "$root/package.json" "$root/package-lock.json" "$root/openapi.yaml" "$root/rules" "$work/app/"
cp -r "$work/build/dist" "$work/app/dist"
(cd "$work/app" && NODE_ENV=production npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
if [ -d "$work/app/node_modules/typescript" ] || [ -d "$work/app/node_modules/jest" ]; then
  echo "dev dependencies leaked into the runtime install" >&2
  exit 1
fi

mapfile -t cmd < <(instruction 'CMD ')
mapfile -t health < <(instruction 'HEALTHCHECK ')
[ "${cmd[0]}" = node ] && [ "${health[0]}" = node ] || { echo "expected node commands" >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))

echo "-- production without API keys refuses to start"
if (cd "$work/app" && NODE_ENV=production PORT=$port HOST=127.0.0.1 SANDBOX_PORT=off "$node_bin" "${cmd[@]:1}" 2>"$work/refused.txt"); then
  echo "the service started in production without API keys" >&2
  exit 1
fi
grep -q 'API_KEYS_FILE' "$work/refused.txt"

# A throwaway key for this run: the image runs with NODE_ENV=production, which requires keys.
pepper="ci-smoke-pepper-$RANDOM-$RANDOM-0123456789abcdef"
secret="SmokeSecret$RANDOM$RANDOM$RANDOM"
digest=$("$node_bin" -e 'process.stdout.write(require("crypto").createHmac("sha256", process.argv[1]).update(process.argv[2]).digest("hex"))' "$pepper" "$secret")
keys="{\"clients\":[{\"name\":\"ci-smoke\",\"scopes\":[\"enrich\"],\"keys\":[{\"id\":\"smoke001\",\"digest\":\"$digest\"}]}]}"

echo "-- start: ${cmd[*]} (PORT=$port, $("$node_bin" --version))"
(cd "$work/app" && NODE_ENV=production PORT=$port HOST=127.0.0.1 API_KEYS="$keys" API_KEY_PEPPER="$pepper" exec "$node_bin" "${cmd[@]:1}") &
pid=$!
for _ in $(seq 1 50); do
  if (cd "$work/app" && PORT=$port "$node_bin" "${health[@]:1}"); then
    echo "-- HEALTHCHECK passed"
    body='{"email":"maria.lopez@northwind-analytics.com","company":{"employees":240}}'
    status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/score" -H 'content-type: application/json' -d "$body")
    [ "$status" = 401 ] || { echo "POST /v1/score without a key answered $status, not 401" >&2; exit 1; }
    echo "-- POST /v1/score without a key: 401"
    curl -fsS -X POST "http://127.0.0.1:$port/v1/score" -H "authorization: Bearer sk_smoke001_$secret" -H 'content-type: application/json' -d "$body" | grep -q '"status":"scored"'
    echo "-- POST /v1/score with a key answered"
    kill -TERM "$pid"
    wait "$pid"
    echo "-- stopped cleanly on SIGTERM"
    exit 0
  fi
  sleep 0.2
done
echo "the service did not become healthy" >&2
exit 1
