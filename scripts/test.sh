#!/usr/bin/env bash
# The test command: installs what is missing, restores, builds and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet test Genrify.slnx -c Release --nologo -v q "$@"
