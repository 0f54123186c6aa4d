package dev.envplane.api;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.field}: the input field an {@link ApiException} concerns (null when none). */
public class FieldErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "field";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (exception instanceof ApiException api && api.field() != null) {
            return Json.createValue(api.field());
        }
        return JsonValue.NULL;
    }
}
