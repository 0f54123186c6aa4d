package dev.envplane.api;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over HTTP: with {@code application/graphql-response+json}, a request that never reached execution (an
 * unparseable body or document, a document that fails validation, variables that fail coercion, a document over
 * a limit) answers 400, as
 * the specification says; with {@code application/json} everything well-formed stays 200. Quarkus' handler always
 * answers 200, so this filter corrects the status just before the headers go out.
 */
@ApplicationScoped
public class GraphQLOverHttpStatus {

    private static final String OUTCOME = GraphQLOverHttpStatus.class.getName();
    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final Set<ErrorClassification> REQUEST_ERRORS = Set.of(ErrorType.InvalidSyntax, ErrorType.ValidationError,
            ErrorType.ExecutionAborted);

    void registerOn(@Observes Router router) {
        router.routeWithRegex("/graphql/?").order(-100).handler(this::trackGraphQLRequest);
    }

    private void trackGraphQLRequest(RoutingContext routing) {
        Outcome outcome = new Outcome();
        ContextLocals.put(OUTCOME, outcome);
        HttpServerResponse response = routing.response();
        response.headersEndHandler(ignored -> {
            String contentType = response.headers().get("Content-Type");
            if (response.getStatusCode() == 200 && contentType != null && contentType.startsWith(GRAPHQL_RESPONSE_JSON)
                    && outcome.isRequestError()) {
                response.setStatusCode(400);
            }
        });
        routing.next();
    }

    /** Registered through META-INF/services: SmallRye calls it after every execution, before writing the response. */
    public static final class OutcomeRecorder implements EventingService {

        @Override
        public String getConfigKey() {
            return null; // always on
        }

        @Override
        public void afterExecute(Context context) {
            ContextLocals.<Outcome> get(OUTCOME).ifPresent(outcome -> outcome.executed(context.unwrap(ExecutionResult.class)));
        }
    }

    /** Requests that SmallRye turns away before execution (unparseable JSON or document) never report an outcome. */
    private static final class Outcome {
        private volatile boolean executed;
        private volatile boolean rejected;

        void executed(ExecutionResult result) {
            executed = true;
            // SmallRye coerces some variables only when the field runs, so a request error can come with partial data.
            rejected = result != null && result.getErrors().stream().map(GraphQLError::getErrorType).anyMatch(REQUEST_ERRORS::contains);
        }

        boolean isRequestError() {
            return !executed || rejected;
        }
    }
}
