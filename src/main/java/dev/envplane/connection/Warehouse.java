package dev.envplane.connection;

import org.eclipse.microprofile.graphql.Description;

@Description("The kind of data warehouse a connection points at. A connection's warehouse never changes.")
public enum Warehouse {
    POSTGRES,
    REDSHIFT,
    SNOWFLAKE,
    BIGQUERY,
    SPARK,
    DATABRICKS
}
