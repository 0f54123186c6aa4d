package dev.envplane.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;

/**
 * Refuses an operation that would cost too much before any of it runs (depth, aliases, complexity), refuses
 * introspection when it is off, and gives every request error its code and a message without input values.
 */
final class QueryGuard extends SimplePerformantInstrumentation {

    private static final Object ROOT = new Object();

    private final GraphQLLimits limits;
    private final OperationCosts<Cost> costs;

    QueryGuard(GraphQLLimits limits, DocumentCache documents) {
        this.limits = limits;
        this.costs = new OperationCosts<>(documents);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Cost cost = costs.cost(parameters.getExecutionContext(), this::measure);
        if (cost.introspection && !limits.introspection()) {
            throw abort(RequestError.validationFailed("Introspection is disabled on this server", null, null));
        }
        if (cost.depth > limits.maxDepth()) {
            throw abort(tooComplex("depth " + cost.depth, limits.maxDepth(), "envplane.graphql.max-depth"));
        }
        if (cost.aliases > limits.maxAliases()) {
            throw abort(tooComplex(cost.aliases + " aliases", limits.maxAliases(), "envplane.graphql.max-aliases"));
        }
        if (cost.complexity > limits.maxComplexity()) {
            throw abort(tooComplex("complexity " + cost.complexity, limits.maxComplexity(), "envplane.graphql.max-complexity"));
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        Document document = parseQuietly(parameters.getQuery());
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> ErrorMessages.rewrite(error, document))
                .collect(Collectors.toList());
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build());
    }

    private static Document parseQuietly(String query) {
        try {
            return query == null ? null : Parser.parse(query);
        } catch (RuntimeException unparseable) {
            return null;
        }
    }

    static RequestError tooComplex(String measured, int limit, String key) {
        return RequestError.tooComplex("The query is too complex: " + measured + " exceeds the limit of " + limit + " (" + key + ")", key);
    }

    private static AbortExecutionException abort(RequestError error) {
        return new AbortExecutionException(List.of(error));
    }

    /**
     * One pass over the operation as it would execute (fragments expanded, skipped fields left out). Under a union
     * or interface only one concrete type applies per object, so its type-specific fields cost the most expensive
     * type's, not their sum.
     */
    private Cost measure(ExecutionContext execution) {
        Map<Object, Long> common = new HashMap<>();
        Map<Object, Map<String, Long>> byType = new HashMap<>();
        Map<Object, Integer> childDepth = new HashMap<>();
        Cost cost = new Cost();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPostOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        String name = field.getField().getName();
                        if (name.startsWith("__")) {
                            // introspection is bounded by the schema (and graphql-java's good-faith checks)
                            cost.introspection |= name.equals("__schema") || name.equals("__type");
                            return;
                        }
                        if (field.getField().getAlias() != null) {
                            cost.aliases++;
                        }
                        long children = common.getOrDefault(field, 0L)
                                + byType.getOrDefault(field, Map.of()).values().stream().mapToLong(Long::longValue).max().orElse(0);
                        long own = saturated(multiplier(field), 1 + children);
                        QueryVisitorFieldEnvironment parentField = field.getParentEnvironment();
                        Object parent = parentField == null ? ROOT : parentField;
                        String container = field.getFieldsContainer().getName();
                        if (parentField == null || container.equals(GraphQLTypeUtil.unwrapAll(parentField.getFieldDefinition().getType()).getName())) {
                            common.merge(parent, own, QueryGuard::saturatedSum);
                        } else {
                            byType.computeIfAbsent(parent, ignored -> new HashMap<>()).merge(container, own, QueryGuard::saturatedSum);
                        }
                        childDepth.merge(parent, 1 + childDepth.getOrDefault(field, 0), Math::max);
                    }
                });
        cost.complexity = common.getOrDefault(ROOT, 0L);
        cost.depth = childDepth.getOrDefault(ROOT, 0);
        return cost;
    }

    private static long saturated(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / 4 / b ? Long.MAX_VALUE / 4 : a * b;
    }

    private static long saturatedSum(long a, long b) {
        return Math.min(Long.MAX_VALUE / 4, a + b);
    }

    /** A page costs its size; a list without one costs the assumed size; the edges of a page are already counted. */
    private long multiplier(QueryVisitorFieldEnvironment field) {
        boolean paged = field.getFieldDefinition().getArgument("first") != null;
        if (paged) {
            Object first = field.getArguments().get("first");
            return first instanceof Number size ? Math.max(1, size.longValue()) : PageRequest.DEFAULT_SIZE;
        }
        boolean list = GraphQLTypeUtil.unwrapNonNull(field.getFieldDefinition().getType()) instanceof GraphQLList;
        QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
        boolean edgesOfPage = parent != null && parent.getFieldDefinition().getArgument("first") != null;
        return list && !edgesOfPage ? limits.assumedListSize() : 1;
    }

    private static final class Cost {
        long complexity;
        int depth;
        int aliases;
        boolean introspection;
    }
}
