#!/usr/bin/env bash
# Rebuilds the pretrained demo sessions in assets/ with the engine's own command line.
# Each session is written compact (float32 weights, no optimizer state) and a NAME.txt beside it
# records the command, the machine and what training took.
#
#   ./mvnw -q -DskipTests package && assets/tools/build-demos.sh [NAME ...]
#
# Names: swissroll swissroll-ddpm heartbeat digits deadleaves (default: all). Takes about an
# hour on a 2-core machine; run it on a quiet machine (the sessions record the training time).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=assets/src/main/resources/lab/diffusion/assets/sessions
# a copy of the engine, so rebuilding the project meanwhile does not pull the jar from under a run
tmp=$(mktemp -d)
cp -r engine/target/diffusion-lab-engine.jar engine/target/lib "$tmp/"
trap 'rm -rf "$tmp"' EXIT
eng=(java -jar "$tmp/diffusion-lab-engine.jar")
mkdir -p "$out"

declare -A cmd=(
  [swissroll]="train --data swissroll --model paper --T 40 --schedule logsnr --seconds 300 --batch 512 --lr 1e-3 --lr-end 1e-4 --seed 1 --n 20000 --heldout 5000"
  [swissroll-ddpm]="train --data swissroll --model ddpm --T 40 --schedule logsnr --seconds 300 --batch 512 --lr 1e-3 --lr-end 1e-4 --seed 1 --n 20000 --heldout 5000"
  [heartbeat]="train --model binomial --data heartbeat --T 2000 --seconds 900 --lr 1e-3 --lr-end 3e-5 --seed 1"
  [digits]="train --data mnist --width 256 --schedule cosine --T 200 --seconds 1500 --lr 1e-3 --lr-end 5e-5 --seed 1"
  [deadleaves]="train --data deadleaves --width 256 --schedule cosine --T 200 --seconds 1500 --lr 1e-3 --lr-end 5e-5 --seed 1 --n 10000"
)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(swissroll swissroll-ddpm heartbeat digits deadleaves)
for n in "${names[@]}"; do
  c=${cmd[$n]:?unknown demo $n}
  echo "== $n: $c"
  "${eng[@]}" $c --compact --out "$out/$n.dlab.tmp" --force --quiet --json > "/tmp/demo-$n.json"
  mv "$out/$n.dlab.tmp" "$out/$n.dlab"
  {
    echo "Produced by: java -jar engine/target/diffusion-lab-engine.jar $c --compact --out $n.dlab"
    echo "On: $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "Result (--json):"
    cat "/tmp/demo-$n.json"
  } > "$out/$n.txt"
  echo "   $(cat /tmp/demo-$n.json)"
done
