package dev.envplane.mesh;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.environment.Environment;
import dev.envplane.project.Project;

@Type("UpstreamTarget")
@Description("Where references to one upstream project resolve for this target: what dbt Mesh's dependencies.yml needs.")
public record UpstreamTarget(
        @NonNull Project project,
        @NonNull @Description("The upstream's dbt project name (its profile name: the project's name in lowercase, other characters as _).")
        String dbtProjectName,
        @NonNull @Description("The upstream environment references read.") Environment environment,
        @Description("The database its models are built in (dbname, database, project or catalog of its target); null without one.")
        String database,
        @Description("The schema (or dataset) its models are built in; null without one.") String schema) {
}
