package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PostgresConnectionInput")
@Description("host and dbname are required on create; port defaults to 5432 and sslMode to PREFER.")
public record PostgresConnectionInput(String host, Integer port, String dbname, SslMode sslMode) {
}
