package dev.envplane.environment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.envplane.api.Ids;
import dev.envplane.api.ValidationException;

/** The rules of deferral: which environment a deferral names, and what may be set. */
public final class Deferrals {

    private Deferrals() {
    }

    /** The input as stored; @oneOf is enforced by the schema, this keeps the rule for clients that bypass it. */
    static DeferTo parse(DeferToInput input) {
        if ((input.environmentId() == null) == (input.deploymentType() == null)) {
            throw new ValidationException("deferTo", "Give exactly one of environmentId or deploymentType");
        }
        if (input.deploymentType() == DeploymentType.GENERAL) {
            throw new ValidationException("deferTo.deploymentType", "GENERAL is not a place a project has once; name the environment by environmentId");
        }
        return new DeferTo(input.environmentId() == null ? null : Ids.parse("deferTo.environmentId", input.environmentId()), input.deploymentType());
    }

    /** The environment of {@code candidates} (one project's) that {@code from}'s deferral names now, if any. */
    public static Optional<Environment> resolve(Environment from, DeferTo deferTo, List<Environment> candidates) {
        return resolve(from.getId(), deferTo, candidates);
    }

    /** As above for a deferral set on {@code selfId} (an environment; null for a job, which is no environment). */
    public static Optional<Environment> resolve(UUID selfId, DeferTo deferTo, List<Environment> candidates) {
        return candidates.stream().filter(deferTo::names).filter(candidate -> !candidate.getId().equals(selfId)
                || deferTo.environmentId() != null).findFirst();
    }

    /** A job's deferral: any deployment environment of its project, its own included (dbt Cloud's self-deferral). */
    static void checkForJob(DeferTo deferTo, List<Environment> project) {
        resolve((UUID) null, deferTo, project).filter(target -> target.getType() == EnvironmentType.DEVELOPMENT).ifPresent(target -> {
            throw new ValidationException(field(deferTo), "'" + target.getName() + "' is a development environment: "
                    + "no job builds its state; defer to a deployment environment");
        });
    }

    /**
     * Refuses a deferral to itself, to a development environment, or one that closes a cycle through the deferrals
     * set today. {@code project} holds the project's environments; a deferral by type to a place no one holds yet is
     * allowed (reading the target then says what is missing).
     */
    static void check(Environment self, DeferTo deferTo, List<Environment> project) {
        List<Environment> candidates = new ArrayList<>(project);
        if (candidates.stream().noneMatch(each -> each.getId().equals(self.getId()))) {
            candidates.add(self);
        }
        if (deferTo.names(self)) {
            throw new ValidationException(field(deferTo), "An environment cannot defer to itself ('" + self.getName() + "' is "
                    + deferTo.describe() + ")");
        }
        Optional<Environment> target = resolve(self, deferTo, candidates);
        if (target.isPresent() && target.get().getType() == EnvironmentType.DEVELOPMENT) {
            throw new ValidationException(field(deferTo), "'" + target.get().getName() + "' is a development environment: "
                    + "no job builds its state; defer to a deployment environment");
        }
        List<String> path = new ArrayList<>(List.of(self.getName()));
        Set<UUID> seen = new HashSet<>();
        Environment current = target.orElse(null);
        while (current != null && seen.add(current.getId())) {
            path.add(current.getName());
            if (current.getId().equals(self.getId())) {
                throw new ValidationException(field(deferTo), "This deferral would make a cycle: " + String.join(" -> ", path));
            }
            DeferTo next = current.getDeferTo();
            current = next == null ? null : resolve(current, next, candidates).orElse(null);
        }
    }

    private static String field(DeferTo deferTo) {
        return deferTo.environmentId() != null ? "deferTo.environmentId" : "deferTo.deploymentType";
    }
}
