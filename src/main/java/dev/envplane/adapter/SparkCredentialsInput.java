package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Input;

@Input("SparkCredentialsInput")
public record SparkCredentialsInput(String token, String schema, Integer threads) {
    @Override
    public String toString() {
        return "SparkCredentialsInput[schema=" + schema + ", threads=" + threads + "]";
    }
}
