package dev.envplane.credentials;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.database.PrimaryKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CredentialsRepository implements PanacheRepositoryBase<EnvironmentCredentials, UUID> {

    public Uni<List<EnvironmentCredentials>> findByEnvironments(Collection<UUID> environmentIds) {
        return PrimaryKeys.find(EnvironmentCredentials.class, environmentIds);
    }
}
