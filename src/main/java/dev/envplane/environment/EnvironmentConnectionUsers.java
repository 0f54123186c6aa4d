package dev.envplane.environment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.connection.ConnectionUsers;
import io.smallrye.mutiny.Uni;

/** Tells the connection feature which environments still run on a connection, so it is not deleted under them. */
@ApplicationScoped
class EnvironmentConnectionUsers implements ConnectionUsers {

    private final EnvironmentRepository environments;

    EnvironmentConnectionUsers(EnvironmentRepository environments) {
        this.environments = environments;
    }

    @Override
    public Uni<List<String>> environmentsUsing(UUID connectionId) {
        return environments.describeUsersOf(connectionId);
    }
}
