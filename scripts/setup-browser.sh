#!/usr/bin/env bash
# Installs the browser the web app's end-to-end test drives: Debian's chromium (never Playwright's own download).
# Safe to run again: does nothing when /usr/bin/chromium is there. scripts/setup.sh calls it.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "setup-browser: installing chromium" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
