#!/usr/bin/env bash
# Checks envplane-policy.hcl against a Vault (or the project's Vault-compatible server): writes the
# policy, creates a token carrying only that policy, then performs every operation envplane does on
# its prefix (must succeed) and every capability the policy leaves out, on the prefix and beside it
# (must be 403). CI runs it against the Vault-compatible server (VaultPolicyCheckTest).
#   VAULT_ADDR=http://127.0.0.1:8200 VAULT_TOKEN=<admin/root> deploy/vault/check-policy.sh
# ENVPLANE_POLICY_FILE checks another policy file (the test uses it to prove a too-wide policy fails).
# Writes and destroys test data under secret/envplane/policy-check-*; needs curl and python3.
set -euo pipefail
: "${VAULT_ADDR:?set VAULT_ADDR}" "${VAULT_TOKEN:?set VAULT_TOKEN (a token that may write policies and create tokens)}"
mount=${ENVPLANE_VAULT_MOUNT:-secret}
prefix=${ENVPLANE_VAULT_PREFIX:-envplane}
policy_file=${ENVPLANE_POLICY_FILE:-"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/envplane-policy.hcl"}
key="$prefix/policy-check-$$-$RANDOM"
fail=0

call() {  # token method path [json] -> prints status; WRAP_TTL=<seconds> asks for response wrapping
  local tok=$1 method=$2 path=$3 body=${4:-}
  curl -s -o /tmp/check-policy.$$ -w '%{http_code}' -X "$method" -H "X-Vault-Token: $tok" \
    ${WRAP_TTL:+-H "X-Vault-Wrap-TTL: $WRAP_TTL"} \
    ${body:+-H 'Content-Type: application/json' --data "$body"} "$VAULT_ADDR/v1/$path"
}
answer() {  # a Python expression on the last answer's JSON, bound to `a` -> prints its value
  python3 -c "import json,sys; a=json.load(open(sys.argv[1])); print($1)" /tmp/check-policy.$$
}
expect() {  # description, expected status pattern, actual
  if [[ $3 =~ ^($2)$ ]]; then echo "ok   $1 ($3)"; else echo "FAIL $1: expected $2, got $3: $(head -c 300 /tmp/check-policy.$$)"; fail=1; fi
}
trap 'rm -f /tmp/check-policy.$$' EXIT

policy_json=$(sed -e "s#\"secret/\\(data\\|metadata\\|destroy\\)/envplane/\\*\"#\"${mount}/\\1/${prefix}/*\"#" "$policy_file" |
  python3 -c 'import json,sys; print(json.dumps({"policy": sys.stdin.read()}))')
expect "write policy envplane" '200|204' "$(call "$VAULT_TOKEN" PUT sys/policies/acl/envplane "$policy_json")"
expect "create a token with only the envplane policy" 200 \
  "$(call "$VAULT_TOKEN" POST auth/token/create '{"policies":["envplane"],"ttl":"10m"}')"
T=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["auth"]["client_token"])' /tmp/check-policy.$$)

# what envplane does
expect "write v1, check-and-set 0 (create)"  200 "$(call "$T" POST "$mount/data/$key" '{"options":{"cas":0},"data":{"password":"v1"}}')"
expect "write v2, check-and-set 1 (update)"  200 "$(call "$T" POST "$mount/data/$key" '{"options":{"cas":1},"data":{"password":"v2"}}')"
expect "read latest"                         200 "$(call "$T" GET "$mount/data/$key")"
expect "read version 1"                      200 "$(call "$T" GET "$mount/data/$key?version=1")"
expect "read metadata"                       200 "$(call "$T" GET "$mount/metadata/$key")"
expect "list the prefix"                     200 "$(call "$T" LIST "$mount/metadata/$prefix/")"
# response wrapping (deliverSecrets): the read of a version, wrapped, answers a single-use token and no data;
# the token unwraps once on Vault, needs no policy, and opens nothing else
expect "wrapped read of version 2"           200 "$(WRAP_TTL=120 call "$T" GET "$mount/data/$key?version=2")"
W=$(answer 'a["wrap_info"]["token"]')
expect "the wrapped answer holds no data"    'None 120' "$(answer 'a["data"], a["wrap_info"]["ttl"]' | tr -d '(),')"
expect "the wrapping token reads nothing"    403 "$(call "$W" GET "$mount/data/$key")"
expect "unwrap with the wrapping token"      200 "$(call "$W" POST sys/wrapping/unwrap)"
expect "the unwrapped answer is version 2"   'v2 2' "$(answer 'a["data"]["data"]["password"], a["data"]["metadata"]["version"]' | tr -d "(),'")"
expect "unwrap the same token again"         400 "$(call "$W" POST sys/wrapping/unwrap)"
expect "wrapped read outside the prefix"     403 "$(WRAP_TTL=120 call "$T" GET "$mount/data/other-app/x")"
expect "destroy version 1"                   '200|204' "$(call "$T" POST "$mount/destroy/$key" '{"versions":[1]}')"
# what it must not do: every capability left out on the prefix ...
expect "write metadata (not granted)"        403 "$(call "$T" POST "$mount/metadata/$key" '{"cas_required":true,"max_versions":10}')"
expect "patch metadata (not granted)"        403 "$(call "$T" PUT "$mount/metadata/$key" '{"max_versions":1}')"
expect "delete latest via data (not granted)" 403 "$(call "$T" DELETE "$mount/data/$key")"
expect "soft delete (not granted)"           403 "$(call "$T" POST "$mount/delete/$key" '{"versions":[2]}')"
expect "undelete (not granted)"              403 "$(call "$T" POST "$mount/undelete/$key" '{"versions":[1]}')"
expect "list data path (not granted)"        '403|405' "$(call "$T" LIST "$mount/data/$prefix/")"
expect "read destroy path (not granted)"     '403|405' "$(call "$T" GET "$mount/destroy/$key")"
# ... and everything beside it
expect "read outside the prefix"             403 "$(call "$T" GET "$mount/data/other-app/x")"
expect "write outside the prefix"            403 "$(call "$T" POST "$mount/data/other-app/x" '{"data":{"a":"b"}}')"
expect "write a sibling of the prefix"       403 "$(call "$T" POST "$mount/data/${prefix}-other/x" '{"data":{"a":"b"}}')"
expect "list outside the prefix"             403 "$(call "$T" LIST "$mount/metadata/")"
expect "destroy outside the prefix"          403 "$(call "$T" POST "$mount/destroy/other-app/x" '{"versions":[1]}')"
expect "delete metadata outside the prefix"  403 "$(call "$T" DELETE "$mount/metadata/other-app/x")"
expect "read policies (sys)"                 403 "$(call "$T" GET sys/policies/acl/envplane)"
expect "write policies (sys)"                403 "$(call "$T" PUT sys/policies/acl/envplane "$policy_json")"
expect "mount a secrets engine (sys)"        403 "$(call "$T" POST sys/mounts/evil '{"type":"kv"}')"
# clean-up, also an envplane operation
expect "delete metadata and all versions"    '200|204' "$(call "$T" DELETE "$mount/metadata/$key")"
expect "gone afterwards"                     404 "$(call "$T" GET "$mount/data/$key")"
call "$VAULT_TOKEN" POST auth/token/revoke "{\"token\":\"$T\"}" >/dev/null || true
exit $fail
