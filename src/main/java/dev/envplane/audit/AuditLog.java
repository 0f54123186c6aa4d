package dev.envplane.audit;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.envplane.access.Roles;
import dev.envplane.api.ApiException;
import dev.envplane.api.ForbiddenException;
import dev.envplane.database.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.mutiny.Uni;

/** Writes audit events: in the mutation's own transaction when it is allowed, in a transaction of their own otherwise. */
@ApplicationScoped
class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /**
     * The event and its targets in one statement, with the project of each environment and job named (and a job's
     * environment), read as they are before the mutation changes anything (a deleted environment's project too).
     * Lists travel as comma-separated text: ids, kinds and field names never hold a comma.
     */
    private static final String INSERT = """
            with event as (
                insert into audit_event (id, actor, role, action, outcome, error_code, changed_fields, request_reference)
                values (:id, :actor, :role, :action, :outcome, :code, string_to_array(:fields, ','), :reference)
                returning id),
            named as (
                select t.kind, cast(t.target as uuid) as target_id
                from unnest(string_to_array(:kinds, ','), string_to_array(:targets, ',')) as t(kind, target))
            insert into audit_event_target (event_id, kind, target_id)
            select event.id, found.kind, found.target_id from event, (
                select kind, target_id from named
                union select 'PROJECT', e.project_id from environment e join named on named.kind = 'ENVIRONMENT' and e.id = named.target_id
                union select 'PROJECT', j.project_id from job j join named on named.kind = 'JOB' and j.id = named.target_id
                union select 'ENVIRONMENT', j.environment_id from job j join named on named.kind = 'JOB' and j.id = named.target_id
            ) found""";

    private static final String ADD_TARGETS = """
            insert into audit_event_target (event_id, kind, target_id)
            select :id, t.kind, cast(t.target as uuid) from unnest(string_to_array(:kinds, ','), string_to_array(:targets, ',')) as t(kind, target)
            on conflict do nothing""";

    /** The allowed call, inside its transaction: if this write fails, the mutation fails and nothing is committed. */
    Uni<Void> recordAllowed(AuditedCall call) {
        return insert(call, AuditOutcome.ALLOWED, null);
    }

    /** What the mutation created, once it ran (still inside its transaction). */
    Uni<Void> addTargets(AuditedCall call, Set<AuditTarget> found) {
        List<AuditTarget> added = found.stream().filter(target -> !call.targets().contains(target)).toList();
        if (added.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD_TARGETS)
                .setParameter("id", call.eventId())
                .setParameter("kinds", joined(added.stream().map(target -> target.kind().name())))
                .setParameter("targets", joined(added.stream().map(target -> target.id().toString())))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * A denied or failed call, in a transaction of its own (the mutation's rolled back). The caller gets the
     * mutation's own error whatever happens here: a failure to write is logged, never answered instead.
     */
    Uni<Void> recordRefusal(AuditedCall call, Throwable failure) {
        AuditOutcome outcome = isDenial(failure) ? AuditOutcome.DENIED : AuditOutcome.FAILED;
        return Uni.createFrom().deferred(() -> Sessions.transaction(() -> insert(call, outcome, codeOf(failure))))
                .onFailure().invoke(problem -> LOG.errorf(problem, "The audit event of a refused %s could not be written (reference %s)",
                        call.action(), call.reference()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> insert(AuditedCall call, AuditOutcome outcome, String code) {
        return call.identity().chain(identity -> Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", call.eventId())
                .setParameter("actor", actor(identity))
                .setParameter("role", role(identity))
                .setParameter("action", call.action())
                .setParameter("outcome", outcome.name())
                .setParameter("code", code)
                .setParameter("fields", String.join(",", call.fields()))
                .setParameter("reference", call.reference())
                .setParameter("kinds", joined(call.targets().stream().map(target -> target.kind().name())))
                .setParameter("targets", joined(call.targets().stream().map(target -> target.id().toString())))
                .executeUpdate())).replaceWithVoid();
    }

    private static String joined(Stream<String> values) {
        return values.collect(Collectors.joining(","));
    }

    private static String actor(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The most powerful of the caller's roles (README "Roles"). */
    private static String role(SecurityIdentity identity) {
        if (identity == null) {
            return null;
        }
        return Stream.of(Roles.ADMIN, Roles.DEVELOPER, Roles.VIEWER, Roles.INTEGRATION).filter(identity::hasRole).findFirst().orElse(null);
    }

    private static boolean isDenial(Throwable failure) {
        return failure instanceof ForbiddenException || failure instanceof io.quarkus.security.ForbiddenException
                || failure instanceof UnauthorizedException;
    }

    /** The {@code extensions.code} the caller gets (ErrorMappingInterceptor made every failure an ApiException). */
    static String codeOf(Throwable failure) {
        if (isDenial(failure)) {
            return "FORBIDDEN";
        }
        for (Class<?> type = failure.getClass(); failure instanceof ApiException && type != null; type = type.getSuperclass()) {
            ErrorCode code = type.getAnnotation(ErrorCode.class);
            if (code != null) {
                return code.value();
            }
        }
        return "INTERNAL";
    }

    static Collection<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
