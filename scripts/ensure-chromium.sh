#!/usr/bin/env bash
# The staff console's browser test drives Debian's Chromium (never a browser a tool downloads itself).
# Install it when missing and we may (root); otherwise say what to do in one line.
set -eu
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian chromium for the browser test (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing; run 'sudo apt-get install -y chromium' for the browser test" >&2
