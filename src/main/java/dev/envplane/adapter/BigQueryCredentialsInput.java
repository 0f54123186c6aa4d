package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("BigQueryCredentialsInput")
@Description("The service account key lives on the BigQuery connection.")
public record BigQueryCredentialsInput(String dataset, Integer threads) {
}
