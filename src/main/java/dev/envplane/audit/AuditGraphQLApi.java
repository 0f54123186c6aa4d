package dev.envplane.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.envplane.access.Permissions;
import dev.envplane.api.MapsErrors;
import dev.envplane.api.PageRequest;
import dev.envplane.api.SessionBoundary;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** The audit log, for administrators. */
@GraphQLApi
@MapsErrors
@SessionBoundary
public class AuditGraphQLApi {

    private final AuditEventReader reader;

    AuditGraphQLApi(AuditEventReader reader) {
        this.reader = reader;
    }

    @Query("auditEvents")
    @PermissionsAllowed(Permissions.READ_AUDIT)
    @Description("Every mutation call, allowed, denied or failed, newest first, a page at a time (first: 0 to 100, "
            + "default 20). Field names only, never a value.")
    public Uni<@NonNull AuditEventConnection> auditEvents(AuditEventFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return reader.page(filter, page).map(rows -> new AuditEventConnection(rows, page));
    }
}
