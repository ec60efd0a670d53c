#!/usr/bin/env bash
# Builds the image from the Dockerfile and checks a running container as an operator would: the
# HEALTHCHECK turns healthy, /readyz, an answer with citations, a passage page, /metrics, feedback
# stored on the /data volume, the process running as "node", and a clean stop on SIGTERM.
#
#   scripts/container-smoke.sh                 # podman or docker, whichever is installed
#   ENGINE=podman ENGINE_ARGS="--runtime runc" RUN_ARGS="--network host" BUILD_ARGS="--network host" scripts/container-smoke.sh
#
# Loopback only: the container listens on 127.0.0.1:${SMOKE_PORT:-3300} of this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINE=${ENGINE:-$(command -v podman || command -v docker || true)}
[ -n "$ENGINE" ] || { echo "no container engine (podman or docker) found" >&2; exit 1; }
read -r -a EA <<< "${ENGINE_ARGS:-}"
read -r -a BA <<< "${BUILD_ARGS:-}"
# podman writes OCI images by default, which drop HEALTHCHECK; the Docker format keeps it.
[ "$(basename "$ENGINE")" = podman ] && BA+=(--format docker)
read -r -a RA <<< "${RUN_ARGS:-}"
PORT=${SMOKE_PORT:-3300}
NAME=factsheet-qa-smoke
IMAGE=factsheet-qa:smoke
BASE="http://127.0.0.1:$PORT"
e() { "$ENGINE" "${EA[@]}" "$@"; }
step() { printf '\n== %s\n' "$*"; }
cleanup() { e rm -f "$NAME" "$NAME-hybrid" >/dev/null 2>&1 || true; e volume rm -f "$NAME-data" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

step "build ($ENGINE)"
t0=$(date +%s)
e build "${BA[@]}" -t "$IMAGE" .
echo "built in $(( $(date +%s) - t0 )) s; image size: $(e image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"

step "run"
e volume create "$NAME-data" >/dev/null
# Without --network host, publish the port instead: -p 127.0.0.1:$PORT:$PORT
e run -d --name "$NAME" "${RA[@]}" -e PORT="$PORT" -e PUBLIC_BASE_URL="$BASE" -v "$NAME-data:/data" "$IMAGE" >/dev/null

step "healthcheck"
status=starting
for _ in $(seq 1 60); do
  if [ "$(basename "$ENGINE")" = podman ]; then
    if e healthcheck run "$NAME" >/dev/null 2>&1; then status=healthy; break; fi
  else
    status=$(e inspect --format '{{.State.Health.Status}}' "$NAME")
    [ "$status" = healthy ] && break
  fi
  sleep 1
done
echo "health: $status"
[ "$status" = healthy ] || { e logs "$NAME" | tail -20; exit 1; }

step "readiness and an answer"
for _ in $(seq 1 60); do curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$BASE/readyz"; echo
answer=$(curl -fsS "$BASE/api/chat" -H 'content-type: application/json' -d '{"message":"數碼港匯集多少家初創企業和科技公司？","format":"text"}')
echo "$answer" | node -e 'const a=JSON.parse(require("fs").readFileSync(0,"utf8")); if(!a.answer.includes("1,900")||!a.citations.length) {console.error(a); process.exit(1)} console.log(a.answer)'
answer_id=$(echo "$answer" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).answerId)')
passage=$(echo "$answer" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).citations[0].url)')

step "passage page $passage"
curl -fsS "$passage" | grep -o '<mark>[^<]*</mark>'

step "feedback"
curl -fsS "$BASE/api/feedback" -H 'content-type: application/json' -d "{\"answerId\":\"$answer_id\",\"rating\":\"up\"}"; echo

step "metrics"
curl -fsS "$BASE/metrics" | grep -E '^(factsheet_answers_total|factsheet_index_passages|http_requests_total\{method="POST",route="/api/chat")'

step "user and data volume"
e exec "$NAME" id
e exec "$NAME" ls -l /data

step "models volume: the test-only model mounted read-only, EMBEDDING_MODEL set → hybrid index rebuilt at start"
models=$(mktemp -d)
npx tsx tests/fixtures/test-model.ts --out "$models" >/dev/null
chmod -R a+rX "$models"
e run -d --name "$NAME-hybrid" "${RA[@]}" -e PORT=$((PORT + 1)) -e EMBEDDING_MODEL=test-only/hash-char-embedder \
  -v "$models:/models:ro" "$IMAGE" >/dev/null
ready=""
for _ in $(seq 1 90); do ready=$(curl -fsS "http://127.0.0.1:$((PORT + 1))/readyz" 2>/dev/null) && break; sleep 1; done
echo "$ready" | grep -o '"retrieval":"[a-z]*","model":"[^"]*"'
e logs "$NAME-hybrid" 2>&1 | grep -q 'rebuilding the index' && echo "the baked lexical index was rebuilt for the model at start"
e rm -f "$NAME-hybrid" >/dev/null
rm -rf "$models"
echo "$ready" | grep -q '"retrieval":"hybrid"'

step "stop (SIGTERM)"
t0=$(date +%s)
e stop -t 15 "$NAME" >/dev/null
echo "stopped in $(( $(date +%s) - t0 )) s, exit code $(e inspect --format '{{.State.ExitCode}}' "$NAME")"
e logs "$NAME" 2>&1 | grep -E 'draining|SIGTERM' || true
echo; echo "container smoke test passed"
