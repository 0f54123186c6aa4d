package dev.envplane.audit;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.envplane.operations.RequestReferences;
import graphql.schema.DataFetchingEnvironment;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.mutiny.Uni;

/**
 * What the audit keeps of one mutation call, read from its GraphQL arguments before it runs: the mutation's name,
 * the ids it names and the names (never the values) of the arguments and input fields it carries.
 *
 * <p>Ids are found by name, wherever they are in the arguments: {@code projectId}, {@code fromEnvironmentId},
 * {@code jobIds}, ... name their kind; {@code id} inside an input named {@code project} or {@code environment} takes
 * that input's kind, and a top-level {@code id} the kind the mutation's name ends with ({@code deleteJob}: JOB).
 * Top-level ids say what the call is about, so they are targets only; ids inside inputs are changes too (a new
 * {@code connectionId}), so their names are also kept as fields.
 */
record AuditedCall(UUID eventId, String action, Set<AuditTarget> targets, List<String> fields, String reference,
        Uni<SecurityIdentity> identity) {

    /** Where the call is kept for the interceptor that writes it inside the transaction. */
    static final String KEY = AuditedCall.class.getName();

    /** The call SmallRye is running now (its per-field context is current while the interceptors are entered). */
    static AuditedCall current(Method method, Uni<SecurityIdentity> identity) {
        SmallRyeContext field = SmallRyeContextManager.getCurrentSmallRyeContext();
        DataFetchingEnvironment environment = field == null ? null : field.unwrap(DataFetchingEnvironment.class);
        if (environment == null) {
            throw new IllegalStateException(method + " was called outside a GraphQL request: it cannot be audited");
        }
        return of(environment.getFieldDefinition().getName(), environment.getArguments(), identity);
    }

    static AuditedCall of(String action, Map<String, Object> arguments, Uni<SecurityIdentity> identity) {
        Set<AuditTarget> targets = new HashSet<>();
        Set<String> fields = new TreeSet<>();
        arguments.forEach((name, value) -> {
            Optional<TargetKind> kind = kindOfArgument(action, name);
            if (kind.isPresent()) {
                ids(value).forEach(id -> targets.add(new AuditTarget(kind.get(), id)));
            } else {
                walk(name, name, value, targets, fields);
            }
        });
        return new AuditedCall(UUID.randomUUID(), action, Set.copyOf(targets), List.copyOf(fields),
                RequestReferences.current().orElse(null), identity);
    }

    /** The kind of id a top-level argument of the mutation holds, if it holds one. */
    static Optional<TargetKind> kindOfArgument(String action, String argument) {
        return argument.equals("id") ? TargetKind.endingWith(action.replaceFirst("^[a-z]+", "")) : kindOfIdNamed(argument);
    }

    /** {@code projectId}, {@code toEnvironmentId}, {@code jobIds}: the kind the name ends with before Id(s). */
    static Optional<TargetKind> kindOfIdNamed(String name) {
        if (name.endsWith("Ids")) {
            return TargetKind.endingWith(name.substring(0, name.length() - 3));
        }
        if (name.endsWith("Id")) {
            return TargetKind.endingWith(name.substring(0, name.length() - 2));
        }
        return Optional.empty();
    }

    private static void walk(String path, String name, Object value, Set<AuditTarget> targets, Set<String> fields) {
        if (value instanceof Map<?, ?> input) {
            input.forEach((key, nested) -> {
                String field = String.valueOf(key);
                Optional<TargetKind> kind = field.equals("id") ? TargetKind.endingWith(name) : kindOfIdNamed(field);
                kind.ifPresent(found -> ids(nested).forEach(id -> targets.add(new AuditTarget(found, id))));
                walk(path + "." + field, field, nested, targets, fields);
            });
        } else if (value instanceof Collection<?> list && list.stream().anyMatch(Map.class::isInstance)) {
            list.forEach(element -> walk(path, name, element, targets, fields));
        } else {
            fields.add(path);
        }
    }

    /** The ids a value holds; text that is not an id names nothing (the mutation itself refuses it). */
    private static List<UUID> ids(Object value) {
        Collection<?> values = value instanceof Collection<?> list ? list : Collections.singletonList(value);
        return values.stream().filter(String.class::isInstance).map(String.class::cast).<UUID> mapMulti((text, out) -> {
            try {
                out.accept(UUID.fromString(text.strip()));
            } catch (IllegalArgumentException notAnId) {
                // skipped
            }
        }).toList();
    }
}
