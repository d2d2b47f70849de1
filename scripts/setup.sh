#!/usr/bin/env bash
# Installs what Genrify needs on a fresh Debian 12 machine: native audio/DSP libraries
# (only those missing) and the NuGet packages. Safe to run again: it does nothing when all is there.
# --tests (scripts/test.sh): also what the tests start: Debian's chromium, the browser the web app's end-to-end test
# drives (Playwright never downloads its own), and redis-server, the membership store of the cluster's integration
# test (started by the test on a loopback port, never as a service). --browser: chromium only.
# It says in one line what it installs; apt's own output goes to a log file, printed only if the installation fails.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# The cache is read once: `ldconfig -p | grep -q` under pipefail fails at random (grep exits at its first match and
# ldconfig dies of SIGPIPE), which made set-up reinstall libraries that were there.
libraries="$(ldconfig -p 2>/dev/null || true)"
have_lib() { grep -q "$1" <<<"$libraries"; }
have_lib 'libsndfile.so.1' || need+=(libsndfile1)
have_lib 'libsoxr.so.0'    || need+=(libsoxr0)
have_lib 'libfftw3\.so\.3' || need+=(libfftw3-double3)  # double-precision FFT: numpy's rfft is float64
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
case "${1:-}" in --browser|--tests) [ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core) ;; esac
if [ "${1:-}" = "--tests" ] && ! command -v redis-server >/dev/null 2>&1; then need+=(redis-server); fi
if [ "${GENRIFY_SETUP_EXTRA:-}" != "" ]; then need+=($GENRIFY_SETUP_EXTRA); fi

if [ ${#need[@]} -gt 0 ]; then
  # apt prints hundreds of lines; they go to a log, shown only if the installation fails.
  log="$(mktemp "${TMPDIR:-/tmp}/genrify-setup.XXXXXX.log")"
  echo "setup: installing ${need[*]} (Debian packages; log: $log)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1 </dev/null; then
    cat "$log" >&2
    echo "setup: installing ${need[*]} failed; apt's output is above and in $log" >&2
    exit 1
  fi
fi
