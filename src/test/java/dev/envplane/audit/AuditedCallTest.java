package dev.envplane.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** How a call's arguments become targets and field names: by name, at any depth, never a value. */
class AuditedCallTest {

    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID ENVIRONMENT = UUID.randomUUID();
    private static final UUID JOB = UUID.randomUUID();

    private static AuditedCall call(String action, Map<String, Object> arguments) {
        return AuditedCall.of(action, arguments, Uni.createFrom().nullItem());
    }

    @Test
    void aTopLevelIdTakesTheKindTheMutationNameEndsWith() {
        assertEquals(Set.of(new AuditTarget(TargetKind.JOB, JOB)), call("deleteJob", Map.of("id", JOB.toString())).targets());
        assertEquals(Set.of(new AuditTarget(TargetKind.VARIABLE, JOB)), call("deleteEnvironmentVariable", Map.of("id", JOB.toString())).targets());
        assertEquals(List.of(), call("deleteJob", Map.of("id", JOB.toString())).fields(), "the id says what the call is about");
    }

    @Test
    void idsInsideInputsAreTargetsAndFieldsAndValuesAreNeverKept() {
        Map<String, Object> value = new HashMap<>();
        value.put("environmentId", ENVIRONMENT.toString());
        value.put("name", "DBT_ENV_SECRET_TOKEN");
        value.put("value", "a-secret");
        AuditedCall call = call("setEnvironmentVariableValues", Map.of("projectId", PROJECT.toString(),
                "values", List.of(value, Map.of("name", "DBT_X", "value", "other"))));
        assertEquals(Set.of(new AuditTarget(TargetKind.PROJECT, PROJECT), new AuditTarget(TargetKind.ENVIRONMENT, ENVIRONMENT)), call.targets());
        assertEquals(List.of("values.environmentId", "values.name", "values.value"), call.fields());
        assertFalse(call.toString().contains("a-secret") || call.toString().contains("DBT_ENV_SECRET_TOKEN"));
    }

    @Test
    void referencesByIdTakeTheKindOfTheirInputAndListsOfIdsCount() {
        AuditedCall delivery = call("deliverSecrets", Map.of("project", Map.of("id", PROJECT.toString()),
                "environment", Map.of("deploymentType", "PRODUCTION")));
        assertEquals(Set.of(new AuditTarget(TargetKind.PROJECT, PROJECT)), delivery.targets());
        assertEquals(List.of("environment.deploymentType", "project.id"), delivery.fields());

        AuditedCall move = call("moveJobs", Map.of("fromEnvironmentId", ENVIRONMENT.toString(), "toEnvironmentId", "not-an-id",
                "jobIds", List.of(JOB.toString())));
        assertEquals(Set.of(new AuditTarget(TargetKind.ENVIRONMENT, ENVIRONMENT), new AuditTarget(TargetKind.JOB, JOB)), move.targets());
    }
}
