package dev.envplane.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/** On a GraphQL API class: every failure leaves it as an {@link ApiException} (see {@link ErrorMappingInterceptor}). */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MapsErrors {
}
