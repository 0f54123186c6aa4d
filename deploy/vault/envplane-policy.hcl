# Vault policy "envplane": what the envplane service needs on the KV v2 mount `secret`, prefix
# `envplane/`, and nothing more. Written for the defaults; setup-kubernetes-auth.sh rewrites the mount
# and prefix when ENVPLANE_VAULT_MOUNT / ENVPLANE_VAULT_PREFIX are set.
#
# Token housekeeping (auth/token/lookup-self, renew-self, revoke-self) comes from Vault's built-in
# `default` policy, which the role keeps attached.

# Secret values. A write is a check-and-set POST: `create` for the first version of a secret,
# `update` for every later one. `read` serves GET ...?version=n, plain (the protocol keeps the values it
# does not change) and wrapped with X-Vault-Wrap-TTL (deliverSecrets: Vault keeps the answer for a
# single-use token the runner unwraps; unwrapping with that token needs no policy).
# No `max_wrapping_ttl`/`min_wrapping_ttl` here: Vault would then refuse every unwrapped request on these
# paths, the protocol's own reads and writes included; envplane bounds the TTL itself (30 s to 1 h).
# No `delete`: the service never soft-deletes the latest version through the data path.
path "secret/data/envplane/*" {
  capabilities = ["create", "update", "read"]
}

# Metadata: `read` (the current version before a check-and-set write), `delete` (DELETE metadata
# removes every version and the key when a secret is removed), `list` (LIST over the prefix, to
# reconcile Vault with the database). No `create`/`update`: the service never writes metadata
# (cas_required, max_versions, custom_metadata stay as the operator set them).
path "secret/metadata/envplane/*" {
  capabilities = ["read", "delete", "list"]
}

# Permanent destruction of given versions: POST secret/destroy/<path> needs `update`.
path "secret/destroy/envplane/*" {
  capabilities = ["update"]
}

# Deliberately absent: secret/delete/envplane/* and secret/undelete/envplane/* (soft delete and
# restore are not operations the service performs), sys/*, any other mount or prefix.
