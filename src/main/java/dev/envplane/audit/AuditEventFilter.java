package dev.envplane.audit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AuditEventFilter")
@Description("Which audit events to list; every filter given must hold. projectId also finds events on the project's "
        + "environments and jobs.")
public record AuditEventFilter(@Description("The caller's name as its token gives it (upn, preferred_username or sub).") String actor,
        @Id String projectId, @Id String environmentId,
        @Description("A mutation's name, e.g. setEnvironmentCredentials.") String action, AuditOutcome outcome,
        @Description("From this time on (inclusive).") Instant from,
        @Description("Before this time (exclusive).") Instant to) {
}
