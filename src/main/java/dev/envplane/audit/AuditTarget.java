package dev.envplane.audit;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One record an audited call concerns. */
@Type("AuditTarget")
@Description("A record an audited call concerns, by kind and id (the record may have been deleted since).")
public record AuditTarget(@NonNull TargetKind kind, @NonNull @Id UUID id) {
}
