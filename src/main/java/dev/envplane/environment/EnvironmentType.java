package dev.envplane.environment;

import org.eclipse.microprofile.graphql.Description;

@Description("DEVELOPMENT: where developers work (at most one per project). DEPLOYMENT: where jobs run.")
public enum EnvironmentType {
    DEVELOPMENT,
    DEPLOYMENT
}
