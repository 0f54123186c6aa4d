package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DatabricksConnectionInput")
@Description("host and httpPath (starting with /) are required on create; an empty catalog clears it.")
public record DatabricksConnectionInput(String host, String httpPath, String catalog) {
}
