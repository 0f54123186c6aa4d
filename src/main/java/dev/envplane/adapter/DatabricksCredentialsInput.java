package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Input;

@Input("DatabricksCredentialsInput")
public record DatabricksCredentialsInput(String token, String schema, String catalog, Integer threads) {
    @Override
    public String toString() {
        return "DatabricksCredentialsInput[schema=" + schema + ", catalog=" + catalog + ", threads=" + threads + "]";
    }
}
