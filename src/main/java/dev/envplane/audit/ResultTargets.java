package dev.envplane.audit;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import dev.envplane.connection.Connection;
import dev.envplane.environment.Environment;
import dev.envplane.job.Job;
import dev.envplane.project.Project;
import dev.envplane.variable.EnvironmentVariableView;

/**
 * The records a successful mutation answers with, so that what it created is a target too ({@code createProject}
 * names no id before it runs), with an environment's or a job's project, which a filter by project looks for.
 */
final class ResultTargets {

    private ResultTargets() {
    }

    static Set<AuditTarget> of(Object result) {
        Set<AuditTarget> targets = new HashSet<>();
        add(result, targets);
        return targets;
    }

    private static void add(Object result, Set<AuditTarget> targets) {
        if (result instanceof Collection<?> many) {
            many.forEach(each -> add(each, targets));
        } else if (result instanceof Project project) {
            targets.add(new AuditTarget(TargetKind.PROJECT, project.getId()));
        } else if (result instanceof Environment environment) {
            targets.add(new AuditTarget(TargetKind.ENVIRONMENT, environment.getId()));
            targets.add(new AuditTarget(TargetKind.PROJECT, environment.getProjectId()));
        } else if (result instanceof Job job) {
            targets.add(new AuditTarget(TargetKind.JOB, job.getId()));
            targets.add(new AuditTarget(TargetKind.ENVIRONMENT, job.getEnvironmentId()));
            targets.add(new AuditTarget(TargetKind.PROJECT, job.getProjectId()));
        } else if (result instanceof Connection connection) {
            targets.add(new AuditTarget(TargetKind.CONNECTION, connection.getId()));
        } else if (result instanceof EnvironmentVariableView variable) {
            targets.add(new AuditTarget(TargetKind.VARIABLE, variable.getId()));
        }
    }
}
