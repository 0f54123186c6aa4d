package dev.envplane.secrets;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the database keeps of a record's secrets: where they are in Vault, which version is current, and the names
 * (never the values) of the fields that are set, so {@code passwordSet} and friends need no Vault call.
 */
@Embeddable
public class SecretReference {

    @Column(name = "secret_path")
    private String path;
    @Column(name = "secret_version")
    private Integer version;
    @Column(name = "secret_keys")
    private String keys;
    @Column(name = "secrets_updated_at")
    private Instant updatedAt;

    protected SecretReference() {
    }

    SecretReference(String path, int version, Set<String> keys, Instant updatedAt) {
        this.path = path;
        this.version = version;
        this.keys = String.join(",", new TreeSet<>(keys));
        this.updatedAt = updatedAt;
    }

    public static SecretReference none() {
        return new SecretReference();
    }

    public String path() {
        return path;
    }

    /** The current Vault version; 0 when nothing was ever written. */
    public int version() {
        return version == null ? 0 : version;
    }

    public Set<String> keys() {
        return keys == null || keys.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(keys.split(",")));
    }

    public boolean has(String key) {
        return keys().contains(key);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
