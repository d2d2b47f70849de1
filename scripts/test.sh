#!/usr/bin/env bash
# The test command: installs what is missing (chromium included), restores, builds and runs every test project.
# The opt-in CNN (Genrify.Cnn.slnx: TorchSharp/libtorch) is compiled too, so it cannot rot, but its tests are not
# run here: `dotnet test Genrify.Cnn.slnx -c Release` runs them (README, "CNN").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
dotnet build Genrify.Cnn.slnx -c Release --nologo -v q
dotnet test Genrify.slnx -c Release --nologo -v q "$@"
