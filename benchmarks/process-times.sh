#!/usr/bin/env bash
# Whole-process times of ptero: the native AOT binary and the JIT build, against the fake panel as a process
# (127.0.0.1, 120 extra servers for the demo user): `--help`, `account show` and `servers list --output json` (all
# 123 servers). hyperfine when installed (median, mean ± σ, min..max), else a bash loop; and the binary size.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
out=artifacts/bench
mkdir -p "$out"

echo "== build: native (publish -r linux-x64), JIT (build), fake panel"
dotnet publish src/PteroAot.Cli -c Release -r linux-x64 -o "$out/ptero-native" >/dev/null
dotnet build src/PteroAot.Cli -c Release -o "$out/ptero-jit" >/dev/null
dotnet build src/PteroAot.Testing -c Release -o "$out/panel" >/dev/null
native="$out/ptero-native/ptero"
jit="dotnet $out/ptero-jit/ptero.dll"
echo "native binary: $(stat -c %s "$native") bytes"

# --help needs no panel: timed before the panel process starts, so that the panel's own background JIT work (it runs
# on the JIT and keeps a core busy for a while after the warm-up) does not land in it (that measured 30 ms for 8 ms).
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$out/process-times-help.json" \
    -n "native --help" "$native --help" -n "JIT --help" "$jit --help" >/dev/null
fi

dotnet "$out/panel/PteroAot.Testing.dll" --servers 120 --exit-after 600 > "$out/panel.out" 2>&1 &
panel=$!
trap 'kill "$panel" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^PTERO_TOKEN=' "$out/panel.out" 2>/dev/null && break; sleep 0.1; done
export PTERO_URL=$(sed -n 's/^PTERO_URL=//p' "$out/panel.out") PTERO_TOKEN=$(sed -n 's/^PTERO_TOKEN=//p' "$out/panel.out")
echo "panel $PTERO_URL"
# Warm the panel process (it runs on the JIT) so that its start-up does not land in the first measurement.
for _ in $(seq 20); do $native servers list --output json >/dev/null; done

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$out/process-times.json" \
    -n "native account show" "$native account show" \
    -n "native servers list --output json" "$native servers list --output json" \
    -n "JIT account show" "$jit account show" \
    -n "JIT servers list --output json" "$jit servers list --output json" >/dev/null
  python3 - "$out/process-times-help.json" "$out/process-times.json" <<'PY'
import json, sys
print("| command | median | mean ± σ | min .. max |\n| --- | ---: | ---: | ---: |")
for r in [r for f in sys.argv[1:] for r in json.load(open(f))["results"]]:
    ms = lambda v: f"{v * 1000:.1f}"
    print(f"| {r['command']} | {ms(r['median'])} ms | {ms(r['mean'])} ± {ms(r['stddev'])} ms | {ms(r['min'])} .. {ms(r['max'])} ms |")
PY
else
  for cmd in "$native --help" "$native account show" "$native servers list --output json" \
             "$jit --help" "$jit account show" "$jit servers list --output json"; do
    for _ in $(seq "$RUNS"); do s=$(date +%s%N); $cmd >/dev/null; echo $(( ($(date +%s%N) - s) / 1000 )); done \
      | sort -n | awk -v c="$cmd" '{a[NR]=$1} END {printf "%s: median %.1f ms, min %.1f, max %.1f\n", c, a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'
  done
fi
