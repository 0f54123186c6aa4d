package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SparkConnectionInput")
@Description("host, cluster and method are required on create; port defaults to 443.")
public record SparkConnectionInput(String host, Integer port, String cluster, SparkMethod method) {
}
