#!/usr/bin/env bash
# The test command: installs what is missing (chromium and redis-server included), restores, builds and runs every test project.
# The opt-in CNN (Genrify.Cnn.slnx: TorchSharp/libtorch) is compiled too, so it cannot rot, but its tests are not
# run here: `dotnet test Genrify.Cnn.slnx -c Release` runs them (README, "CNN").
# --quick: the loop while working: neither the CNN's compilation nor the tests tagged [Trait("Category", "Slow")]
# (those that take more than about five seconds each).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [ "${1:-}" = "--quick" ]; then quick=true; shift; fi
bash scripts/setup.sh --tests
if $quick; then
  dotnet test Genrify.slnx -c Release --nologo -v q --filter "Category!=Slow" "$@"
else
  dotnet build Genrify.Cnn.slnx -c Release --nologo -v q
  dotnet test Genrify.slnx -c Release --nologo -v q "$@"
fi
