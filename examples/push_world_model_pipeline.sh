#!/usr/bin/env bash
# Policy rounds for the Push world model (DIAMOND-style): train PPO inside a world model, let that
# policy collect real Push-v0 episodes, warm-start the model on them, and train PPO again.
#
#   bash examples/push_world_model_pipeline.sh [START_MODEL] [ROUNDS] [HYDRA_OVERRIDES...]
#
# START_MODEL: a WorldModel folder (default: stage 2's export, runs/push_world_model/model; the
# shipped release 4 was that export). ROUNDS: 1 (default) or 2. HYDRA_OVERRIDES go to every round's
# training and must repeat the size overrides the start model was trained with (e.g.
# model.world_model.hidden_size=96). TAG (environment, default empty) prefixes every output name,
# so a second lineage does not reuse the first one's policies: TAG=fast_ writes runs/policies/fast_p1,
# rollouts/train/fast_ppo_round1 and runs/push_world_model_fast_round1. Every stage is skipped when its
# output exists, and training resumes from its checkpoint, so the script can be rerun after an
# interruption. Outputs: runs/policies/p{1,2,3}.json (PPO in each model, scored in pybullet over
# 200 unseen starts), runs/push_world_model_round{1,2}/model. The shipped release 5 is round 1
# (docs/robotics.md, "Policy rounds"); about 1.5 hours per round on two CPU cores.
set -euo pipefail
START=${1:-runs/push_world_model/model}
ROUNDS=${2:-1}
shift $(( $# < 2 ? $# : 2 ))
TAG=${TAG:-}
P=runs/policies
ROLL=runs/push_world_model/rollouts
PPO=(python examples/rl_in_imagination.py --steps 300000 --policy-blur 1.5 --skip-real-baseline --threads 1)
stage() { echo "=== $(date -u +%H:%M:%S) $*"; }
mkdir -p "$P"
[ -f "$ROLL/val/index.json" ] || { echo "no rollouts in $ROLL: run 'sora-sdk train experiment=push_world_model_base' first" >&2; exit 1; }

model=$START
for round in $(seq 1 "$ROUNDS"); do
  prev=$P/${TAG}p$round
  if [ ! -f "$prev/ppo_world_model.zip" ]; then
    stage "PPO in $model"
    "${PPO[@]}" --world-model "$model" --save-dir "$prev" --eval-episodes 200 --out-json "$prev.json"
  fi
  if [ ! -f "$ROLL/train/${TAG}ppo_round$round/index.json" ]; then
    stage "collect 30k real steps with policy $round"
    python examples/robotics_collect.py --policy "$prev/ppo_world_model.zip" --steps 30000 \
      --seed $((10000 + 10000 * round)) --out "$ROLL/train/${TAG}ppo_round$round"
  fi
  name=push_world_model_${TAG}round$round
  if [ ! -f "runs/$name/model/config.json" ]; then
    stage "train $name"
    sora-sdk train experiment=push_world_model_round1 name="$name" model.training.init_from="$model" resume=true "$@"
  fi
  model=runs/$name/model
done
last=$P/${TAG}p$((ROUNDS + 1))
if [ ! -f "$last/ppo_world_model.zip" ]; then
  stage "PPO in $model"
  "${PPO[@]}" --world-model "$model" --save-dir "$last" --eval-episodes 200 --out-json "$last.json"
fi
stage done
