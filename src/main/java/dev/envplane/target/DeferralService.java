package dev.envplane.target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.api.ApiException;
import dev.envplane.api.NotFoundException;
import dev.envplane.api.ValidationException;
import dev.envplane.environment.DeferTo;
import dev.envplane.environment.Deferrals;
import dev.envplane.environment.Environment;
import dev.envplane.environment.EnvironmentService;
import io.smallrye.mutiny.Uni;

/** Resolves deferrals when a target is read: by type, to whichever environment holds that place now. */
@ApplicationScoped
public class DeferralService {

    private final EnvironmentService environments;
    private final DeferralSettings settings;

    DeferralService(EnvironmentService environments, DeferralSettings settings) {
        this.environments = environments;
        this.settings = settings;
    }

    /**
     * A key of one level: who defers ({@code owner} for messages, e.g. "Environment 'ci'"; {@code self} the deferring
     * environment's id, null for a job), its deferral, and whether --favor-state is asked for.
     */
    public record Key(UUID projectId, UUID self, String owner, DeferTo deferTo, boolean favorState) {

        public static Key of(Environment environment, boolean favorState) {
            return new Key(environment.getProjectId(), environment.getId(), "Environment '" + environment.getName() + "'",
                    environment.getDeferTo(), favorState);
        }
    }

    /** Per key: the deferral, nothing (no deferral set), or the error naming what is missing. One statement for all keys. */
    public record Outcome(Deferral deferral, ApiException failure) {
    }

    public Uni<Map<Key, Outcome>> resolve(Collection<Key> keys) {
        List<UUID> projectIds = keys.stream().filter(key -> key.deferTo() != null).map(Key::projectId).distinct().toList();
        if (projectIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return environments.findByProjects(projectIds, null, null).map(byProject -> {
            Map<Key, Outcome> outcomes = new HashMap<>();
            for (Key key : keys) {
                if (key.deferTo() != null) {
                    outcomes.put(key, outcome(key, byProject.getOrDefault(key.projectId(), List.of())));
                }
            }
            return outcomes;
        });
    }

    private Outcome outcome(Key key, List<Environment> project) {
        DeferTo deferTo = key.deferTo();
        Optional<Environment> target = Deferrals.resolve(key.self(), deferTo, project);
        if (target.isEmpty()) {
            return new Outcome(null, new NotFoundException("deferTo", key.owner() + " defers to " + deferTo.describe()
                    + (deferTo.environmentId() != null ? ", which no longer exists" : ", which its project does not have (yet)")
                    + "; set its deferTo again or create that environment"));
        }
        if (target.get().getId().equals(key.self())) {
            return new Outcome(null, new ValidationException("deferTo", key.owner() + " defers to " + deferTo.describe()
                    + ", which is now itself; set its deferTo again"));
        }
        boolean favorState = key.favorState();
        String stateLocation = settings.stateLocationOf(target.get().getId());
        List<String> flags = new ArrayList<>(List.of("--defer", "--state", stateLocation));
        if (favorState) {
            flags.add("--favor-state");
        }
        return new Outcome(new Deferral(target.get(), stateLocation, List.copyOf(flags)), null);
    }
}
