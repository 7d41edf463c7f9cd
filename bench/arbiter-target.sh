# Sourced by peer-overhead.sh and ttfc.sh: builds what both measure and Arbiter's bench config.
# prepare_targets UPSTREAM_BASE: publishes Arbiter (Release) to $OUT/arbiter and the reference proxy if it is not
# built yet, then writes $OUT/arbiter-bench.yaml from arbiter-bench.yaml on an empty SQLite request log in
# $OUT/data (a log grown by earlier runs would make start-up and every write dearer) and validates it.
# Needs ROOT, HERE, SHARED and OUT set.
prepare_targets() {
  local upstream=$1
  dotnet publish "$ROOT/src/Arbiter.Cli" -c Release -o "$OUT/arbiter" -v q -nologo
  [ -f "$SHARED/reference-proxy/out/reference-proxy.dll" ] ||
    dotnet publish "$SHARED/reference-proxy" -c Release -o "$SHARED/reference-proxy/out" -v q -nologo
  rm -rf "$OUT/data" && mkdir -p "$OUT/data"
  sed -e "s#{UPSTREAM}#$upstream#" -e "s#{DB}#$OUT/data/arbiter.db#" "$HERE/arbiter-bench.yaml" > "$OUT/arbiter-bench.yaml"
  dotnet "$OUT/arbiter/arbiter.dll" config validate "$OUT/arbiter-bench.yaml"
}
