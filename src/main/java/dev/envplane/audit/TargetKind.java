package dev.envplane.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What an audited id names. */
@Enum("AuditTargetKind")
@Description("What kind of record an audit event's target id names.")
public enum TargetKind {
    PROJECT,
    ENVIRONMENT,
    JOB,
    CONNECTION,
    VARIABLE;

    /**
     * The kind a noun ends with: {@code fromEnvironment} and {@code environment} are ENVIRONMENT, {@code EnvironmentVariable}
     * (from {@code deleteEnvironmentVariable}) is VARIABLE. Empty when it names none of them.
     */
    static Optional<TargetKind> endingWith(String noun) {
        String lower = noun.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> lower.endsWith(kind.name().toLowerCase(Locale.ROOT))).findFirst();
    }
}
