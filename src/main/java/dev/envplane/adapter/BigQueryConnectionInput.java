package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("BigQueryConnectionInput")
@Description("gcpProjectId and serviceAccountKeyJson are required on create. On update, a serviceAccountKeyJson rotates "
        + "the key; leaving it out keeps it. An empty location clears it.")
public record BigQueryConnectionInput(
        String gcpProjectId,
        String location,
        @Description("The service-account key file (JSON). Write-only: stored in the secret store, never shown again.")
        String serviceAccountKeyJson) {

    /** Records print their components; this one must never print the key. */
    @Override
    public String toString() {
        return "BigQueryConnectionInput[gcpProjectId=" + gcpProjectId + ", location=" + location + ", serviceAccountKeyJson="
                + (serviceAccountKeyJson == null ? "null" : "****") + "]";
    }
}
