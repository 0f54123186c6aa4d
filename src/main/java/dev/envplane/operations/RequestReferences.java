package dev.envplane.operations;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Gives every HTTP request a reference, kept in the logging context (MDC key {@value #MDC_KEY}) for as long as the
 * request runs: JSON log lines carry it under {@code mdc}, and an {@code INTERNAL} error hands the same reference
 * to the caller, so one grep finds everything that request logged. Quarkus keeps the MDC in the request's Vert.x
 * context, so it follows the request across threads; work moved to a new context must copy it ({@link #current}).
 */
@Singleton
public class RequestReferences {

    public static final String MDC_KEY = "reference";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            MDC.put(MDC_KEY, UUID.randomUUID().toString());
            context.next();
        });
    }

    /** The current request's reference, if this runs for a request. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY)).map(Object::toString);
    }
}
