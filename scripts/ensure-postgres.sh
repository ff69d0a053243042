#!/usr/bin/env bash
# The multi-process tests start a real PostgreSQL server (Debian's postgresql package) in a temporary
# directory on 127.0.0.1. Install it when missing and we may (root); otherwise say what to do.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-postgres: installing Debian postgresql for the multi-process tests (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # The package's own cluster is not used (tests run initdb in a temporary directory); don't start it.
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  exit 0
fi
echo 'ensure-postgres: PostgreSQL is missing; run "sudo apt-get install -y postgresql" for the multi-process tests' >&2
