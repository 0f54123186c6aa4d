package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PostgresCredentialsInput")
@Description("For postgres and redshift blocks. username, password and schema are required the first time.")
public record PostgresCredentialsInput(String username, String password, String schema, Integer threads) {
    @Override
    public String toString() {
        return "PostgresCredentialsInput[username=" + username + ", schema=" + schema + ", threads=" + threads + "]";
    }
}
