package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;

@Description("How dbt talks to the Spark cluster.")
public enum SparkMethod {
    HTTP,
    THRIFT,
    ODBC
}
