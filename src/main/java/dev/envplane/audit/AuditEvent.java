package dev.envplane.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditEvent")
@Description("One mutation call, allowed, denied or failed. Holds names of fields, never a value.")
public record AuditEvent(@NonNull @Id UUID id, @NonNull Instant occurredAt,
        @NonNull @Description("Who called: the token's upn, preferred_username or sub.") String actor,
        @Description("The caller's most powerful role: admin, developer, viewer or integration.") String role,
        @NonNull @Description("The mutation's name.") String action,
        @NonNull AuditOutcome outcome,
        @Description("The error's extensions.code when the call was denied or failed.") String errorCode,
        @NonNull @Description("The arguments and input fields the call carried, as paths (input.snowflake.privateKey), "
                + "never their values; ids the call is about are targets instead.") List<@NonNull String> changedFields,
        @Description("The request's reference, as in the log and in INTERNAL errors.") String requestReference,
        @NonNull @Description("What the call concerns: the ids it named, what it created, and their project.") List<@NonNull AuditTarget> targets) {
}
