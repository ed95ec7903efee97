#!/usr/bin/env bash
# Builds the native `ptero` and runs it against a local fake panel: no real Pterodactyl panel needed.
# The fake panel (src/PteroAot.Testing) binds 127.0.0.1 on a free port, seeds a demo account, runs each
# command below with PTERO_URL/PTERO_TOKEN set, and stops by itself.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${PTERO_SKIP_PUBLISH:-}" != 1 ] || [ ! -x artifacts/ptero/ptero ]; then
  echo "== publishing the native ptero (Native AOT, about a minute the first time)"
  dotnet publish src/PteroAot.Cli/PteroAot.Cli.csproj -c Release -r linux-x64 -o artifacts/ptero -v quiet -nologo
fi
dotnet build src/PteroAot.Testing/PteroAot.Testing.csproj -c Release -o artifacts/fake-panel -v quiet -nologo >/dev/null

ptero="$PWD/artifacts/ptero/ptero"
dotnet artifacts/fake-panel/PteroAot.Testing.dll --exit-after 120 \
  --run "$ptero account show" \
  --run "$ptero servers list" \
  --run "$ptero account api-keys list" \
  --run "$ptero account ssh-keys list" \
  --run "$ptero account activity --limit 5" \
  --run "$ptero account show --output json"
