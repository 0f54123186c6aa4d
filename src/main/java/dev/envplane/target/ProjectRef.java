package dev.envplane.target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.OneOf;

@Input("ProjectRef")
@OneOf
@Description("A project by id or by its exact name: exactly one of them.")
public record ProjectRef(@Id String id, String name) {
}
