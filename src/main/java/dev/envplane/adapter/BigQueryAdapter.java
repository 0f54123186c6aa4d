package dev.envplane.adapter;

import static dev.envplane.adapter.ConnectionColumn.GCP_PROJECT_ID;
import static dev.envplane.adapter.ConnectionColumn.LOCATION;
import static dev.envplane.adapter.CredentialColumn.DATASET;
import static dev.envplane.adapter.ProfileKey.Source.connection;
import static dev.envplane.adapter.ProfileKey.Source.constant;
import static dev.envplane.adapter.ProfileKey.Source.credentials;
import static dev.envplane.adapter.ProfileKey.Source.secretFile;

import java.util.List;
import java.util.regex.Pattern;

/** dbt-bigquery with a service-account key file; the key is the connection's secret. */
public final class BigQueryAdapter {

    public static final String SERVICE_ACCOUNT_KEY = "serviceAccountKeyJson";
    private static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{5,29}");

    static final Adapter DEFINITION = new Adapter(AdapterType.BIGQUERY, "bigquery",
            ConnectionField.of(BigQueryConnectionInput.class)
                    .required("gcpProjectId", BigQueryConnectionInput::gcpProjectId, GCP_PROJECT_ID,
                            Checks.matching(GCP_PROJECT, "6 to 30 lowercase letters, digits and hyphens, starting with a letter"))
                    .optional("location", BigQueryConnectionInput::location, LOCATION, Checks.optional(64))
                    .secret(SERVICE_ACCOUNT_KEY, BigQueryConnectionInput::serviceAccountKeyJson, Checks::serviceAccountKey)
                    .build(),
            CredentialField.of(BigQueryCredentialsInput.class)
                    .required("dataset", BigQueryCredentialsInput::dataset, DATASET, Checks.text(1, 1024))
                    .threads(BigQueryCredentialsInput::threads)
                    .build(),
            CredentialsRule.NONE,
            List.of(),
            List.of(ProfileKey.of("type", constant("bigquery")),
                    ProfileKey.of("method", constant("service-account")),
                    ProfileKey.of("project", connection("gcpProjectId")),
                    ProfileKey.of("dataset", credentials("dataset")),
                    ProfileKey.of("location", connection("location")),
                    ProfileKey.of("keyfile", secretFile(SERVICE_ACCOUNT_KEY)),
                    ProfileKey.of("threads", credentials("threads")),
                    ProfileKey.extendedOnly("priority"),
                    ProfileKey.extendedOnly("maximum_bytes_billed"),
                    ProfileKey.extendedOnly("job_execution_timeout_seconds"),
                    ProfileKey.extendedOnly("job_creation_timeout_seconds"),
                    ProfileKey.extendedOnly("job_retries"),
                    ProfileKey.extendedOnly("job_retry_deadline_seconds"),
                    ProfileKey.extendedOnly("impersonate_service_account"),
                    ProfileKey.extendedOnly("execution_project"),
                    ProfileKey.extendedOnly("keyfile_json"),
                    ProfileKey.extendedOnly("scopes"),
                    ProfileKey.extendedOnly("compute_region"),
                    ProfileKey.extendedOnly("dataproc_region"),
                    ProfileKey.extendedOnly("dataproc_cluster_name"),
                    ProfileKey.extendedOnly("gcs_bucket")));

    private BigQueryAdapter() {
    }
}
