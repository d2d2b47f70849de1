#!/bin/bash
# genrify extract over 8 machines: a Slurm array of 8 tasks (ids 0 to 7), each extracting the songs of its shard into
# parts/part-0000i-of-00008.parquet on the shared file system. Submit with `sbatch deploy/slurm-array.sh MUSIC OUT`
# (MUSIC: a folder per genre or a manifest; OUT: the folder of parts); then, once every task has finished:
#   genrify extract --combine OUT --out all.parquet
# A task that is run again keeps the part it finished and redoes nothing; its cache is its own (one per shard).
# docs/scale.md explains the sharding.
#SBATCH --job-name=genrify-extract
#SBATCH --array=0-7
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --time=12:00:00
#SBATCH --output=genrify-extract-%A_%a.log
set -euo pipefail

music=${1:?usage: sbatch slurm-array.sh MUSIC OUT}
parts=${2:?usage: sbatch slurm-array.sh MUSIC OUT}
# The shard count is the array's size, so changing --array above is the only edit needed.
shards=${SLURM_ARRAY_TASK_COUNT:-8}

exec genrify extract "$music" --preset musicnn+full --out "$parts/" \
    --shard "${SLURM_ARRAY_TASK_ID:?run this with sbatch (SLURM_ARRAY_TASK_ID is not set)}/$shards" \
    --jobs "${SLURM_CPUS_PER_TASK:-8}" --cache-dir "$parts/.cache-shard-$SLURM_ARRAY_TASK_ID"
