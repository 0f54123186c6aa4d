#!/usr/bin/env bash
# Schema-validates every manifest under deploy/kubernetes (Kubernetes + Knative Serving), strictly
# (unknown fields are errors), with the npm packages kubernetes-models and @kubernetes-models/knative.
# Installs them (pinned in deploy/validator/package.json) into a cache directory on first use.
#   deploy/validate.sh [FILE.yaml...]
# Needs node >= 18 and npm. Cache: $ENVPLANE_VALIDATOR_CACHE (default ~/.cache/envplane-manifest-validator).
set -euo pipefail
deploy_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache=${ENVPLANE_VALIDATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/envplane-manifest-validator}
mkdir -p "$cache"
if ! cmp -s "$deploy_dir/validator/package.json" "$cache/package.json" || [[ ! -d $cache/node_modules ]]; then
  cp "$deploy_dir/validator/package.json" "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --loglevel=error --engine-strict=false >&2)
fi
cp "$deploy_dir/validator/validate.mjs" "$cache/validate.mjs"
if [[ $# -eq 0 ]]; then
  mapfile -t files < <(find "$deploy_dir/kubernetes" -name '*.yaml' | sort)
else
  files=("$@")
fi
exec node "$cache/validate.mjs" "${files[@]}"
