#!/usr/bin/env bash
# Publishes the sample feeds under feeds/ to a local Azurite, which it starts (and leaves running, storing its data
# in .azurite/) unless one already listens on the port, then prints the feed URLs to subscribe to. The port is
# AZURITE_PORT (default 10000); something else listening there is an error, not a storage to publish to.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/azurite.sh
ensure_azurite

port=${AZURITE_PORT:-10000}
# Azurite's well-known development account key: public, not a secret.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
# Azurite names itself in every answer's headers ("Server: Azurite-Blob/3.37.0"), even to a request it refuses.
is_azurite() (
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf 'GET /devstoreaccount1?comp=list HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  # Header lines up to the blank line that ends them; a server that says nothing is given 5 s per line.
  while IFS= read -r -t 5 line <&3; do
    line=${line%$'\r'}
    [ -n "$line" ] || exit 1
    case ${line,,} in "server: azurite-blob/"*) exit 0 ;; esac
  done
  exit 1
) 2>/dev/null

if ! listening; then
  mkdir -p .azurite
  # Started directly (not through npx) so that the saved PID is the server's; stop it with SIGTERM.
  nohup node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$port" --location .azurite/data \
    --skipApiVersionCheck --disableTelemetry --silent > .azurite/azurite.log 2>&1 &
  echo $! > .azurite/azurite.pid
  for _ in $(seq 1 100); do listening && break; sleep 0.2; done
  listening || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
  echo "Started Azurite on 127.0.0.1:$port (pid $(cat .azurite/azurite.pid)); stop it with: kill \$(cat .azurite/azurite.pid)"
elif is_azurite; then
  echo "Using the Azurite already listening on 127.0.0.1:$port"
else
  echo "port $port is in use by something that is not Azurite; set AZURITE_PORT to a free port (or to the port Azurite listens on)" >&2
  exit 1
fi

dotnet run --project src/Syndication.Worker -c Release -- publish --feeds feeds \
  --connection-string "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
