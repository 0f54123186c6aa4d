package dev.envplane.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * GraphQL over HTTP, strictly, before SmallRye sees a request: GET and POST only; POST bodies only as JSON (a
 * "simple" cross-site form or text POST executes nothing); mutations only over POST; a well-formed request object
 * ({@code query} a string, {@code variables} and {@code extensions} objects, {@code operationName} a string); a
 * document within the token limit that parses. Anything else is answered here with a request error.
 */
@ApplicationScoped
public class GraphQLHttpGate {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";
    private static final String MEDIA_TYPE = GraphQLHttpGate.class.getName() + ".mediaType";
    private static final String GRAPHQL_PATH = "/graphql/?";
    /** Set once a request passed every check (a GET comes through twice: as itself, then rerouted as a POST). */
    private static final String CHECKED = GraphQLHttpGate.class.getName() + ".checked";
    /** Looked up once: Json.createReader and its kin look the provider up again on every call (a service loader scan). */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    @Inject
    GraphQLLimits limits;

    @Inject
    DocumentCache documents;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void registerOn(@Observes Router router) {
        router.routeWithRegex(GRAPHQL_PATH).order(-111).handler(this::requireAuthentication);
        router.routeWithRegex(GRAPHQL_PATH).order(-110).handler(this::checkMethodAndMediaTypes);
        router.routeWithRegex(GRAPHQL_PATH).order(-109)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()));
        router.routeWithRegex(GRAPHQL_PATH).order(-108).handler(this::checkRequest);
        router.route("/graphql/schema.graphql").order(-111).handler(this::requireAuthentication);
        router.route("/graphql/schema.graphql").order(-110).handler(this::schemaIfIntrospectionIsOn);
    }

    private void schemaIfIntrospectionIsOn(RoutingContext routing) {
        if (limits.introspection()) {
            routing.next();
        } else {
            routing.response().setStatusCode(404).end();
        }
    }

    /**
     * Every GraphQL request carries a valid bearer token (README "Authentication"); without one it is answered 401
     * here, before anything else. Quarkus resolves the token lazily ({@code quarkus.http.auth.proactive=false}) so that
     * a bad one is answered in the same GraphQL shape as a missing one; the identity stays cached for the operation's
     * permission checks. The schema document counts as a GraphQL request too.
     */
    private void requireAuthentication(RoutingContext routing) {
        if (routing.get(CHECKED) != null) {
            routing.next();
            return;
        }
        String mediaType = responseMediaType(routing.request().getHeader("Accept")).orElse(JSON);
        // Quarkus answers a token that fails verification through this handler (its default: an empty 401)
        routing.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (failed, failure) ->
                unauthenticated(failed, mediaType, "The bearer token is not valid"));
        // The identity may be resolved on another thread: the request goes on in its own (duplicated) context,
        // where the next handler puts its RequestBudget and every resolver looks for it.
        Context request = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(routing, null).subscribe().with(identity -> request.runOnContext(ignored -> {
            if (identity == null || identity.isAnonymous()) {
                unauthenticated(routing, mediaType, "A bearer token is required");
            } else {
                routing.next();
            }
        }), failure -> request.runOnContext(ignored -> unauthenticated(routing, mediaType, "The bearer token is not valid")));
    }

    private static void unauthenticated(RoutingContext routing, String mediaType, String message) {
        if (routing.response().ended() || routing.response().headWritten()) {
            return;
        }
        routing.response().putHeader("WWW-Authenticate", "Bearer");
        respond(routing, 401, mediaType, RequestError.unauthenticated(message));
    }

    private void checkMethodAndMediaTypes(RoutingContext routing) {
        if (routing.get(CHECKED) != null) {
            routing.next();
            return;
        }
        HttpMethod method = routing.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            routing.response().putHeader("Allow", "GET, POST");
            refuse(routing, 405, JSON, "Use GET for queries or POST, not " + method.name());
            return;
        }
        Optional<String> mediaType = responseMediaType(routing.request().getHeader("Accept"));
        if (mediaType.isEmpty()) {
            refuse(routing, 406, JSON, "Accept " + JSON + " or " + GRAPHQL_RESPONSE_JSON);
            return;
        }
        // SmallRye picks the response type from Accept: give it exactly the one chosen here.
        routing.request().headers().set("Accept", mediaType.get());
        routing.put(MEDIA_TYPE, mediaType.get());
        if (method == HttpMethod.POST && !isJson(routing.request().getHeader("Content-Type"))) {
            refuse(routing, 415, mediaType.get(), "A POST body must be " + JSON + " (charset utf-8)");
            return;
        }
        routing.next();
    }

    private void checkRequest(RoutingContext routing) {
        if (routing.get(CHECKED) != null) {
            routing.next();
            return;
        }
        String mediaType = routing.get(MEDIA_TYPE);
        boolean get = routing.request().method() == HttpMethod.GET;
        GraphQLRequest request;
        try {
            request = get ? fromQueryParameters(routing.queryParams()) : fromBody(routing.body().buffer());
        } catch (BadRequest bad) {
            refuse(routing, 400, mediaType, bad.getMessage());
            return;
        }
        // a query kept by the document cache passed this parse and the token limit before: it is not parsed again
        Document document = documents.knownQuery(request.query);
        if (document == null) {
            try {
                document = Parser.parse(ParserEnvironment.newParserEnvironment().document(request.query)
                        .parserOptions(ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(limits.maxTokens())))
                        .build());
            } catch (ParseCancelledException tooManyTokens) {
                respond(routing, 400, mediaType, QueryGuard.tooComplex("more tokens", limits.maxTokens(), "envplane.graphql.max-tokens"));
                return;
            } catch (InvalidSyntaxException invalid) {
                GraphQLError error = ErrorMessages.rewrite(invalid.toInvalidSyntaxError(), null);
                // a well-formed request whose document does not parse: 200 for application/json, as the spec says
                respond(routing, mediaType.equals(JSON) ? 200 : 400, mediaType, error);
                return;
            }
        }
        if (get && isMutationOrSubscription(document, request.operationName)) {
            routing.response().putHeader("Allow", "POST");
            refuse(routing, 405, mediaType, "Mutations and subscriptions need POST");
            return;
        }
        // a client that went away (a disconnect, its own timeout) closed the connection: no further loads for it
        HttpServerResponse response = routing.response();
        RequestBudget.start(Vertx.currentContext(), limits.maxLoads(), response::closed);
        routing.put(CHECKED, true);
        if (get) {
            asPost(routing, request);
        } else {
            routing.next();
        }
    }

    /**
     * SmallRye reads GET parameters wrongly (the document as operation name, URL-decoded twice, line breaks
     * removed), so a checked GET query goes on as the equivalent JSON POST.
     */
    private static void asPost(RoutingContext routing, GraphQLRequest request) {
        JsonObjectBuilder body = JSON_PROVIDER.createObjectBuilder().add("query", request.query);
        if (request.operationName != null) {
            body.add("operationName", request.operationName);
        }
        if (request.variables != null && request.variables.getValueType() == JsonValue.ValueType.OBJECT) {
            body.add("variables", request.variables);
        }
        if (request.extensions != null && request.extensions.getValueType() == JsonValue.ValueType.OBJECT) {
            body.add("extensions", request.extensions);
        }
        ((RoutingContextInternal) routing).setBody(Buffer.buffer(body.build().toString()));
        routing.request().headers().set("Content-Type", JSON);
        routing.reroute(HttpMethod.POST, routing.request().path());
    }

    private static boolean isMutationOrSubscription(Document document, String operationName) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                .anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
    }

    private static GraphQLRequest fromBody(Buffer body) {
        if (body == null || body.length() == 0) {
            throw new BadRequest("The request body must be a JSON object with a query");
        }
        JsonValue value;
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(body.toString("UTF-8")))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException unparseable) {
            throw new BadRequest("The request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequest("The request body must be a JSON object with a query");
        }
        JsonObject object = value.asJsonObject();
        return new GraphQLRequest(
                string(object.get("query"), "query", true),
                string(object.get("operationName"), "operationName", false),
                requireObjectOrNull(object.get("variables"), "variables"),
                requireObjectOrNull(object.get("extensions"), "extensions"));
    }

    private static GraphQLRequest fromQueryParameters(MultiMap parameters) {
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            if (parameters.getAll(name).size() > 1) {
                throw new BadRequest("The parameter " + name + " must appear once");
            }
        }
        String query = parameters.get("query");
        if (query == null) {
            throw new BadRequest("The query parameter is missing");
        }
        return new GraphQLRequest(query, parameters.get("operationName"),
                requireObjectOrNull(parseParameter(parameters.get("variables"), "variables"), "variables"),
                requireObjectOrNull(parseParameter(parameters.get("extensions"), "extensions"), "extensions"));
    }

    private static JsonValue parseParameter(String text, String name) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException unparseable) {
            throw new BadRequest(name + " must be a JSON object");
        }
    }

    private static String string(JsonValue value, String name, boolean required) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new BadRequest("The request has no " + name);
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadRequest(name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static JsonValue requireObjectOrNull(JsonValue value, String name) {
        if (value != null && value.getValueType() != JsonValue.ValueType.NULL && value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequest(name + " must be a JSON object");
        }
        return value;
    }

    /** application/json or application/graphql-response+json, with utf-8 as the only charset. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON) && !type.equals(GRAPHQL_RESPONSE_JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")
                    && (parameter.length < 2 || !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /** The response type for an Accept header: none or a wildcard means application/json. */
    static Optional<String> responseMediaType(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        record Candidate(String mediaType, double quality, int position) {
        }
        List<Candidate> candidates = new ArrayList<>();
        String[] ranges = accept.split(",");
        for (int position = 0; position < ranges.length; position++) {
            String[] parts = ranges[position].split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                if (parameter[0].trim().equals("q") && parameter.length == 2) {
                    try {
                        quality = Double.parseDouble(parameter[1].trim());
                    } catch (NumberFormatException ignored) {
                        quality = 0;
                    }
                }
            }
            String mediaType = switch (range) {
                case GRAPHQL_RESPONSE_JSON -> GRAPHQL_RESPONSE_JSON;
                case JSON, "application/*", "*/*" -> JSON;
                default -> null;
            };
            if (mediaType != null && quality > 0) {
                candidates.add(new Candidate(mediaType, quality, position));
            }
        }
        return candidates.stream()
                .min(Comparator.comparingDouble((Candidate c) -> -c.quality()).thenComparingInt(Candidate::position))
                .map(Candidate::mediaType);
    }

    private static void refuse(RoutingContext routing, int status, String mediaType, String message) {
        respond(routing, status, mediaType, RequestError.badRequest(message));
    }

    private static void respond(RoutingContext routing, int status, String mediaType, GraphQLError error) {
        Map<String, Object> specification = error.toSpecification();
        String body = JSON_PROVIDER.createObjectBuilder()
                .add("errors", JSON_PROVIDER.createArrayBuilder().add(JSON_PROVIDER.createObjectBuilder(specification)))
                .build().toString();
        routing.response().setStatusCode(status).putHeader("Content-Type", mediaType + "; charset=utf-8").end(body);
    }

    private record GraphQLRequest(String query, String operationName, JsonValue variables, JsonValue extensions) {
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
