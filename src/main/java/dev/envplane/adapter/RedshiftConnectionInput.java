package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("RedshiftConnectionInput")
@Description("host and dbname are required on create; port defaults to 5439.")
public record RedshiftConnectionInput(String host, Integer port, String dbname) {
}
