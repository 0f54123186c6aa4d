package dev.envplane.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a GraphQL API class: every {@code @Query} runs in a read session of its own and every {@code @Mutation} in a
 * transaction of its own (see {@link SessionBoundaryInterceptor}). Nested fields ({@code @Source}) load through
 * {@link Batches}, which opens one read session per batch.
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SessionBoundary {
}
