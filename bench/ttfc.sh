#!/usr/bin/env bash
# Time to first streamed chunk, loopback only: the fake upstream direct (baseline), the reference pass-through
# proxy and Arbiter, measured by bench/Arbiter.Ttfc one request at a time, interleaved request by request.
# CPU layout (2 cores): fake upstream + measuring tool on LOAD_CPU, each gateway on GW_CPU (one request is in
# flight at a time, so the two gateways never run a request concurrently). Stops only what it started, by PID.
# Env: REQUESTS (2000) WARMUP (300, the tool's own) WRK_WARMUP_S (5 per target, if wrk is installed)
#      UPSTREAM_PORT (18080) ARBITER_BENCH_PORT (18088) REFERENCE_PORT (18789) LOAD_CPU (0) GW_CPU (1) PIN (1)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
[ -f "$SHARED/fake-upstream.js" ] || SHARED=/work/shared/bench
OUT=$HERE/out
REQUESTS=${REQUESTS:-2000}
WARMUP=${WARMUP:-300}
WRK_WARMUP_S=${WRK_WARMUP_S:-5}
UPSTREAM_PORT=${UPSTREAM_PORT:-18080}
ARBITER_PORT=${ARBITER_BENCH_PORT:-18088}
REFERENCE_PORT=${REFERENCE_PORT:-18789}
LOAD_CPU=${LOAD_CPU:-0}
GW_CPU=${GW_CPU:-1}
PIN=${PIN:-1}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}   # seconds the measurement may take before it is stopped

die() { echo "error: $*" >&2; exit 1; }
[ -f "$SHARED/fake-upstream.js" ] || die "fake-upstream.js not found (../shared/bench beside the project?)"
for t in node dotnet curl; do command -v $t >/dev/null || die "$t not found"; done
LOAD_PIN=() GW_PIN=()
if [ "$PIN" = 1 ]; then
  command -v taskset >/dev/null || die "taskset not found (apt-get install util-linux)"
  LOAD_PIN=(taskset -c "$LOAD_CPU") GW_PIN=(taskset -c "$GW_CPU")
fi
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$UPSTREAM_PORT" "$ARBITER_PORT" "$REFERENCE_PORT"; do port_free "$p" || die "port $p on 127.0.0.1 is already in use"; done

# Build everything before anything runs, so compilers do not share the CPUs with the measurement.
dotnet publish "$HERE/Arbiter.Ttfc" -c Release -o "$OUT/ttfc" -v q -nologo
REFERENCE_DLL=$SHARED/reference-proxy/out/reference-proxy.dll
UPSTREAM_BASE=http://127.0.0.1:$UPSTREAM_PORT/v1
. "$HERE/arbiter-target.sh"
prepare_targets "$UPSTREAM_BASE"

TMP=$(mktemp -d /tmp/ttfc.XXXXXX)
STARTED=()
descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
cleanup() {
  local rc=$? p all=()
  set +e
  for p in "${STARTED[@]}"; do all+=($(descendants "$p") "$p"); done
  [ ${#all[@]} -gt 0 ] && kill -TERM "${all[@]}" 2>/dev/null
  for _ in $(seq 30); do
    local alive=0; for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.1
  done
  for p in "${all[@]}"; do kill -KILL "$p" 2>/dev/null; done
  [ "${KEEP_LOGS:-0}" = 1 ] && echo "logs kept in $TMP" || rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

BODY=$TMP/body.stream.json
echo '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Say hello in one short sentence."}],"max_tokens":32,"temperature":0,"stream":true}' > "$BODY"

FAKE_PORT=$UPSTREAM_PORT "${LOAD_PIN[@]}" node "$SHARED/fake-upstream.js" > "$TMP/upstream.log" 2>&1 &
STARTED+=($!)
"${GW_PIN[@]}" dotnet "$OUT/arbiter/arbiter.dll" serve --port "$ARBITER_PORT" --config "$OUT/arbiter-bench.yaml" > "$TMP/arbiter.log" 2>&1 &
STARTED+=($!)
UPSTREAM_URL=$UPSTREAM_BASE "${GW_PIN[@]}" dotnet "$REFERENCE_DLL" --urls "http://127.0.0.1:$REFERENCE_PORT" > "$TMP/reference.log" 2>&1 &
STARTED+=($!)

NAMES=(direct reference arbiter)
URLS=("$UPSTREAM_BASE/chat/completions" "http://127.0.0.1:$REFERENCE_PORT/v1/chat/completions" "http://127.0.0.1:$ARBITER_PORT/v1/chat/completions")
LOGS=(upstream reference arbiter)

# Ready = a streamed answer ending in [DONE], within 60 s.
for i in 0 1 2; do
  end=$((SECONDS + 60))
  until curl -s -N --max-time 2 -o "$TMP/ready.out" -X POST "${URLS[$i]}" -H 'content-type: application/json' --data-binary @"$BODY" 2>/dev/null \
      && grep -q 'data: \[DONE\]' "$TMP/ready.out"; do
    for p in "${STARTED[@]}"; do kill -0 "$p" 2>/dev/null || die "a server exited: $(tail -n 3 "$TMP"/*.log)"; done
    [ $SECONDS -lt $end ] || die "${NAMES[$i]} not ready after 60 s: $(tail -5 "$TMP/${LOGS[$i]}.log")"
    sleep 0.3
  done
done

# JIT warm-up (tiered compilation, PGO) with a few thousand streamed requests per target; the tool warms up again.
if command -v wrk >/dev/null && [ -f "$SHARED/wrk-post.lua" ]; then
  for i in 0 1 2; do
    line=$(WRK_BODY_FILE=$BODY "${LOAD_PIN[@]}" timeout $((WRK_WARMUP_S + 20)) wrk -t1 -c4 -d"${WRK_WARMUP_S}"s --timeout 5s \
      -s "$SHARED/wrk-post.lua" "${URLS[$i]}" 2>&1 | grep '^RESULT' || echo "RESULT requests=0")
    echo "# warm-up ${NAMES[$i]}: $(sed -n 's/.*requests=\([0-9]*\).*non2xx=\([0-9]*\).*/\1 requests, \2 non-2xx/p' <<<"$line")"
  done
else
  WARMUP=$((WARMUP > 3000 ? WARMUP : 3000))
  echo "# wrk not found: the tool's own warm-up is $WARMUP requests per target"
fi

mkdir -p "$HERE/results"
TSV=$HERE/results/ttfc-$(date -u +%Y%m%d-%H%M%S).tsv
ARGS=(--requests "$REQUESTS" --warmup "$WARMUP" --tsv "$TSV")
for i in 0 1 2; do ARGS+=(--name "${NAMES[$i]}" --url "${URLS[$i]}"); done
echo "# pinning: $([ "$PIN" = 1 ] && echo "fake upstream + ttfc on CPU $LOAD_CPU; reference + arbiter on CPU $GW_CPU" || echo none); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${LOAD_PIN[@]}" timeout "$RUN_TIMEOUT" dotnet "$OUT/ttfc/Arbiter.Ttfc.dll" "${ARGS[@]}"
echo "# TSV: $TSV"
