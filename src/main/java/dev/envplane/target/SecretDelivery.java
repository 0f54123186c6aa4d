package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;

@Description("How a runner hands a secret to dbt.")
public enum SecretDelivery {
    @Description("Set the environment variable to the secret's value.")
    VALUE,
    @Description("Write the secret's value to a file and set the environment variable to the file's path (BigQuery's keyfile).")
    FILE
}
