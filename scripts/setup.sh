#!/usr/bin/env bash
# Installs what Genrify needs on a fresh Debian 12 machine: native audio/DSP libraries
# (only those missing) and the NuGet packages. Safe to run again: it does nothing when all is there.
# --browser (scripts/test.sh): also Debian's chromium, the browser the web app's end-to-end test drives
# (Playwright never downloads its own).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libsndfile.so.1' || need+=(libsndfile1)
have_lib 'libsoxr.so.0'    || need+=(libsoxr0)
have_lib 'libfftw3f.so.3'  || need+=(libfftw3-single3)
have_lib 'libfftw3\.so\.3' || need+=(libfftw3-double3)  # double-precision FFT: numpy's rfft is float64
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium fonts-dejavu-core); fi
if [ "${GENRIFY_SETUP_EXTRA:-}" != "" ]; then need+=($GENRIFY_SETUP_EXTRA); fi

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
