package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SnowflakeConnectionInput")
@Description("account, database and warehouse (the Snowflake virtual warehouse) are required on create; "
        + "clientSessionKeepAlive defaults to false; an empty role clears it.")
public record SnowflakeConnectionInput(String account, String database, String warehouse, String role, Boolean clientSessionKeepAlive) {
}
