package dev.envplane.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a GraphQL operation whose answer no cache may keep (it hands out something that opens a secret): the HTTP
 * response of any request that invoked it carries {@code Cache-Control: no-store} ({@link NoStoreResponses}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoStore {
}
