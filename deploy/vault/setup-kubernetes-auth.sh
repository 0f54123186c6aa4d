#!/usr/bin/env bash
# Configures Vault for envplane: the KV v2 mount, the `envplane` policy and the Kubernetes-auth role
# `envplane` bound to the service account `envplane`.
#
# Run with a Vault token allowed to manage auth methods, policies and mounts:
#   export VAULT_ADDR=https://vault.example:8200 VAULT_TOKEN=...
#   ENVPLANE_NAMESPACE=envplane deploy/vault/setup-kubernetes-auth.sh
#
# Variables (all optional):
#   ENVPLANE_NAMESPACE      namespace the service runs in                      (default: envplane)
#   ENVPLANE_SERVICE_ACCOUNT service account of the pods                       (default: envplane)
#   ENVPLANE_VAULT_MOUNT    KV v2 mount (same value as the service's env var)  (default: secret)
#   ENVPLANE_VAULT_PREFIX   key prefix  (same value as the service's env var)  (default: envplane)
#   VAULT_K8S_AUTH_PATH     mount path of the kubernetes auth method           (default: kubernetes)
#   KUBERNETES_HOST         API server URL Vault calls for TokenReview. Default: the in-cluster
#                           address, right when Vault itself runs in this cluster.
#   KUBERNETES_CA_CERT      file with the API server CA (needed when Vault runs outside the cluster)
#   TOKEN_REVIEWER_JWT      file with a JWT allowed to call TokenReview (Vault outside the cluster)
#   VAULT_K8S_AUDIENCE      the audience the role requires of service-account tokens (default: vault);
#                           the workloads mount a projected token with this audience
#   SKIP_AUTH_CONFIG=1      leave an existing auth/<path>/config untouched
set -euo pipefail

ns=${ENVPLANE_NAMESPACE:-envplane}
sa=${ENVPLANE_SERVICE_ACCOUNT:-envplane}
mount=${ENVPLANE_VAULT_MOUNT:-secret}
prefix=${ENVPLANE_VAULT_PREFIX:-envplane}
prefix=${prefix%/}
auth_path=${VAULT_K8S_AUTH_PATH:-kubernetes}
policy_file="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/envplane-policy.hcl"

command -v vault >/dev/null || { echo "the vault CLI is required" >&2; exit 1; }
: "${VAULT_ADDR:?set VAULT_ADDR}"

# 1. KV v2 mount (kept if it exists; it must be version 2)
if ! vault secrets list -format=json | grep -q "\"${mount}/\""; then
  vault secrets enable -path="$mount" -version=2 kv
fi

# 2. Policy, with mount and prefix substituted when they differ from the defaults
sed -e "s#\"secret/\\(data\\|metadata\\|destroy\\)/envplane/\\*\"#\"${mount}/\\1/${prefix}/*\"#" \
  "$policy_file" | vault policy write envplane -

# 3. Kubernetes auth method and its connection to the API server
if ! vault auth list -format=json | grep -q "\"${auth_path}/\""; then
  vault auth enable -path="$auth_path" kubernetes
fi
if [[ ${SKIP_AUTH_CONFIG:-0} != 1 ]]; then
  args=(kubernetes_host="${KUBERNETES_HOST:-https://kubernetes.default.svc:443}")
  [[ -n ${KUBERNETES_CA_CERT:-} ]] && args+=(kubernetes_ca_cert=@"$KUBERNETES_CA_CERT")
  [[ -n ${TOKEN_REVIEWER_JWT:-} ]] && args+=(token_reviewer_jwt=@"$TOKEN_REVIEWER_JWT")
  vault write "auth/${auth_path}/config" "${args[@]}"
fi

# 4. Role `envplane`: only the envplane service account in its namespace; short-lived tokens that
#    carry the envplane policy (plus `default` for token self-renewal); the service renews or logs in again.
role_args=(
  bound_service_account_names="$sa"
  bound_service_account_namespaces="$ns"
  token_policies=envplane
  token_ttl=1h
  token_max_ttl=4h
  # only tokens minted for Vault: a token leaked from another audience (the API server's) is refused
  audience="${VAULT_K8S_AUDIENCE:-vault}"
)
vault write "auth/${auth_path}/role/envplane" "${role_args[@]}"

echo "Vault ready: policy envplane on ${mount}/{data,metadata,destroy}/${prefix}/*, role envplane for ${ns}/${sa}"
