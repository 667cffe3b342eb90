#!/usr/bin/env bash
# Shared by the other scripts (source it): installs the pinned Azurite from package-lock.json when it is missing
# or out of date. Nothing else is installed by hand: the tests start Azurite themselves.
ensure_azurite() {
  local wanted installed
  wanted=$(node -p "require('./package-lock.json').packages['node_modules/azurite'].version")
  installed=$(node -p "try { require('./node_modules/azurite/package.json').version } catch { '' }")
  if [ "$wanted" != "$installed" ] || [ ! -x node_modules/.bin/azurite-blob ]; then
    echo "Installing Azurite $wanted from package-lock.json (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
