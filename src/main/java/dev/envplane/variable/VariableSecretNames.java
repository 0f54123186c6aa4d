package dev.envplane.variable;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.environment.SecretVariableNames;
import io.smallrye.mutiny.Uni;

/** Tells extended attributes which secret variables a project has, so their env_var() references can be checked. */
@ApplicationScoped
class VariableSecretNames implements SecretVariableNames {

    private final VariableRepository variables;

    VariableSecretNames(VariableRepository variables) {
        this.variables = variables;
    }

    @Override
    public Uni<Set<String>> of(UUID projectId) {
        return variables.findByProject(projectId).map(list -> list.stream().filter(EnvironmentVariable::secret)
                .map(EnvironmentVariable::name).collect(Collectors.toSet()));
    }
}
