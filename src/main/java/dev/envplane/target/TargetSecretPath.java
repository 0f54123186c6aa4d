package dev.envplane.target;

import java.util.List;
import java.util.Set;

/**
 * One Vault path a target reads, at the version it reads: every key stored there (by the database's reference, never
 * by reading Vault) and the target's secrets it supplies (which environment variable gets which key, and how).
 */
public record TargetSecretPath(String path, int version, Set<String> keys, List<SecretLocation> supplies) {
}
