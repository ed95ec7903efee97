#!/usr/bin/env bash
# Lists every server of one fake panel (process mode, 120 extra servers for the demo user, on 127.0.0.1) with
# the npm peers nodeactyl 3.3.0 and jspteroapi 1.11.3, with the native `ptero servers list`, and with the SDK on the JIT,
# printing the items each returned (correctness: some stop at page 1) and wall time per process (hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
SERVERS=${SERVERS:-120}
RUNS=${RUNS:-10}
out=artifacts/bench
mkdir -p "$out"

echo "== install peers into benchmarks/peers"
npm install --prefix benchmarks/peers --no-audit --no-fund --silent nodeactyl@3.3.0 jspteroapi@1.11.3

echo "== build the fake panel and the SDK side"
dotnet build src/PteroAot.Testing -c Release -o "$out/panel" >/dev/null
dotnet build benchmarks/PteroAot.Benchmarks -c Release >/dev/null
sdk="dotnet benchmarks/PteroAot.Benchmarks/bin/Release/net10.0/PteroAot.Benchmarks.dll --list-all"
[ -x artifacts/ptero/ptero ] || dotnet publish src/PteroAot.Cli -c Release -r linux-x64 -o artifacts/ptero >/dev/null
ptero="artifacts/ptero/ptero servers list --output jsonl"

echo "== fake panel with $SERVERS extra servers"
dotnet "$out/panel/PteroAot.Testing.dll" --servers "$SERVERS" --exit-after 600 > "$out/peers-panel.out" 2>&1 &
panel=$!
trap 'kill "$panel" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^PTERO_TOKEN=' "$out/peers-panel.out" 2>/dev/null && break; sleep 0.1; done
export PTERO_URL=$(sed -n 's/^PTERO_URL=//p' "$out/peers-panel.out") PTERO_TOKEN=$(sed -n 's/^PTERO_TOKEN=//p' "$out/peers-panel.out")
echo "panel $PTERO_URL"

echo "== items returned"
printf '%-12s %s\n' SDK "$($sdk)"
printf '%-12s %s\n' ptero "$($ptero | wc -l)"
for peer in nodeactyl jspteroapi; do printf '%-12s %s\n' "$peer" "$(node benchmarks/peers/list-all.js $peer)"; done

echo "== wall time per process (hyperfine -N, $RUNS runs)"
hyperfine -N --warmup 2 --runs "$RUNS" --export-markdown "$out/peers.md" \
  -n "ptero (native)" "$ptero" \
  -n "SDK (dotnet, JIT)" "$sdk" \
  -n "nodeactyl 3.3.0" "node benchmarks/peers/list-all.js nodeactyl" \
  -n "jspteroapi 1.11.3" "node benchmarks/peers/list-all.js jspteroapi"
cat "$out/peers.md"
