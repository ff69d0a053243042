#!/usr/bin/env bash
# The staff console's browser test drives Debian's Chromium (never a browser a tool downloads itself),
# with CJK and emoji fonts so replies render as in chat apps. Install them when missing and we may (root); otherwise say what to do.
set -eu
have_font() { fc-list 2>/dev/null | grep -qi "noto.*cjk" && fc-list 2>/dev/null | grep -qi "emoji"; }
if [ -x /usr/bin/chromium ] && have_font; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian chromium and its CJK and emoji fonts for the browser test (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fonts-noto-color-emoji fontconfig >/dev/null
  exit 0
fi
echo 'ensure-chromium: chromium or its fonts are missing; run "sudo apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji" for the browser test' >&2
