#!/usr/bin/env bash
# Publishes the sample feeds under feeds/ to a local Azurite, which it starts (and leaves running, storing its data
# in .azurite/) unless one already listens on the port, then prints the feed URLs to subscribe to.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/azurite.sh
ensure_azurite

port=${AZURITE_PORT:-10000}
# Azurite's well-known development account key: public, not a secret.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

if ! listening; then
  mkdir -p .azurite
  # Started directly (not through npx) so that the saved PID is the server's; stop it with SIGTERM.
  nohup node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$port" --location .azurite/data \
    --skipApiVersionCheck --disableTelemetry --silent > .azurite/azurite.log 2>&1 &
  echo $! > .azurite/azurite.pid
  for _ in $(seq 1 100); do listening && break; sleep 0.2; done
  listening || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
  echo "Started Azurite on 127.0.0.1:$port (pid $(cat .azurite/azurite.pid)); stop it with: kill \$(cat .azurite/azurite.pid)"
else
  echo "Using the Azurite already listening on 127.0.0.1:$port"
fi

dotnet run --project src/Syndication.Worker -c Release -- publish --feeds feeds \
  --connection-string "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
