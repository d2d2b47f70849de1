#!/usr/bin/env bash
# The test command: installs what is missing (chromium included), restores, builds and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
dotnet test Genrify.slnx -c Release --nologo -v q "$@"
