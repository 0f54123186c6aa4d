package dev.envplane.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AuditOutcome")
@Description("ALLOWED: the mutation ran and was committed. DENIED: refused for lack of permission (FORBIDDEN). FAILED: "
        + "refused or failed while running (errorCode says how); nothing it did was committed.")
public enum AuditOutcome {
    ALLOWED,
    DENIED,
    FAILED
}
