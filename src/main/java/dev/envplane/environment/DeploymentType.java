package dev.envplane.environment;

import org.eclipse.microprofile.graphql.Description;

@Description("PRODUCTION: the single source of truth (at most one per project). STAGING: production tooling without "
        + "production data. GENERAL: any other deployment use.")
public enum DeploymentType {
    PRODUCTION,
    STAGING,
    GENERAL
}
