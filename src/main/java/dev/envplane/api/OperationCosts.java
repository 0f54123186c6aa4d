package dev.envplane.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.execution.ExecutionContext;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The cost {@link QueryGuard} measures, remembered per kept document: it depends only on the document, the operation
 * chosen and the values of the variables that reach a page size ({@code first}) or a directive ({@code @skip},
 * {@code @include}), so a frontend's repeated query is measured once per such combination. Other variables (ids,
 * names) are not part of the key, and are never held here. Only documents the {@link DocumentCache} keeps are
 * remembered (their identity is stable), and only while it keeps them.
 */
final class OperationCosts<C> {

    private static final int COMBINATIONS_PER_DOCUMENT = 32;

    private final DocumentCache documents;
    private final Map<Document, PerDocument<C>> byDocument = Collections.synchronizedMap(new WeakHashMap<>());

    OperationCosts(DocumentCache documents) {
        this.documents = documents;
    }

    C cost(ExecutionContext execution, Function<ExecutionContext, C> measure) {
        Document document = execution.getDocument();
        if (documents.knownQuery(execution.getExecutionInput().getQuery()) != document) {
            return measure.apply(execution);
        }
        PerDocument<C> known = byDocument.computeIfAbsent(document, PerDocument::new);
        Object[] key = new Object[known.costVariables.size() + 1];
        key[0] = execution.getOperationDefinition().getName();
        int i = 1;
        for (String name : known.costVariables) {
            key[i++] = execution.getCoercedVariables().get(name);
        }
        return known.cost(Arrays.asList(key), () -> measure.apply(execution));
    }

    private static final class PerDocument<C> {
        final Set<String> costVariables;
        private final Map<List<Object>, C> costs = new HashMap<>();

        PerDocument(Document document) {
            this.costVariables = costVariables(document);
        }

        synchronized C cost(List<Object> key, Supplier<C> measure) {
            C cost = costs.get(key);
            if (cost == null) {
                cost = measure.get();
                if (costs.size() >= COMBINATIONS_PER_DOCUMENT) {
                    costs.clear();
                }
                costs.put(key, cost);
            }
            return cost;
        }
    }

    /** Variables used in a {@code first} argument or in any directive's arguments, anywhere in the document. */
    static Set<String> costVariables(Document document) {
        Set<String> names = new LinkedHashSet<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument argument, TraverserContext<Node> context) {
                Node<?> parent = context.getParentNode();
                if (parent instanceof Directive || parent instanceof Field && argument.getName().equals("first")) {
                    collect(argument.getValue(), names);
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return names;
    }

    private static void collect(Value<?> value, Set<String> names) {
        if (value instanceof VariableReference reference) {
            names.add(reference.getName());
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(each -> collect(each, names));
        } else if (value instanceof ObjectValue object) {
            object.getObjectFields().stream().map(ObjectField::getValue).forEach(each -> collect(each, names));
        }
    }
}
