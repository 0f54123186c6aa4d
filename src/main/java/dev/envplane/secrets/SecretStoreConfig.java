package dev.envplane.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where envplane keeps secrets in Vault: {@code <mount>/data/<prefix>/...} of a KV version 2 engine. */
@ConfigMapping(prefix = "envplane.vault")
public interface SecretStoreConfig {

    /** Mount path of the KV v2 engine. */
    @WithDefault("secret")
    String mount();

    /** Folder under the mount that holds every envplane secret. */
    @WithDefault("envplane")
    String prefix();
}
