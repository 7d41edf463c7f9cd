#!/usr/bin/env bash
# Runs ../shared/bench/peer-overhead.sh with Arbiter added as the target "arbiter": Arbiter is published in
# Release, started by the shared script (pinned to its own core) on a config whose model points at the fake
# upstream. Arguments and RESULTS_DIR pass through (e.g. --stream, --conns "16", --check).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
OUT=$HERE/out
PORT=${ARBITER_BENCH_PORT:-18088}
[ -x "$SHARED/peer-overhead.sh" ] || { echo "error: $SHARED/peer-overhead.sh not found (../shared beside the project?)" >&2; exit 1; }

# The shared bench's own one-time setup (wrk, Portkey, the reference proxy), when it has not run yet.
# Its last steps can be cut short: `wrk --version` exits 1, which its pipefail turns into an early exit before the
# reference proxy is published. So what it did is checked here; prepare_targets publishes the proxy if it is missing.
if ! command -v wrk >/dev/null || [ ! -d "$SHARED/peers/node_modules" ] || [ ! -f "$SHARED/reference-proxy/out/reference-proxy.dll" ]; then
  "$SHARED/setup.sh" || echo "note: $SHARED/setup.sh exited $?; checking what it installed" >&2
  command -v wrk >/dev/null && [ -d "$SHARED/peers/node_modules" ] || { echo "error: wrk or the Portkey gateway is still missing" >&2; exit 1; }
fi

. "$HERE/arbiter-target.sh"
prepare_targets "http://127.0.0.1:${UPSTREAM_PORT:-18080}/v1"

export RESULTS_DIR=${RESULTS_DIR:-$HERE/results}
exec "$SHARED/peer-overhead.sh" \
  --extra-name arbiter \
  --extra-cmd "dotnet $OUT/arbiter/arbiter.dll serve --port $PORT --config $OUT/arbiter-bench.yaml" \
  --extra-url "http://127.0.0.1:$PORT/v1/chat/completions" \
  --extra-header 'authorization: Bearer sk-bench' \
  "$@"
