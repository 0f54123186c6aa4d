package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;

/** Which dbt adapter a connection or credentials are for. Never used by ordinal: see {@link Adapters}. */
@Description("The dbt adapter (kind of data warehouse) a connection or credentials are for. It never changes.")
public enum AdapterType {
    POSTGRES,
    REDSHIFT,
    SNOWFLAKE,
    BIGQUERY,
    SPARK,
    DATABRICKS
}
