package dev.envplane.api;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * Registered through META-INF/services. SmallRye's fetchers without the part envplane never reads: for every field
 * of every object, SmallRye fills a request context with the field's selection set, built as JSON twice (with and
 * without source fields). The JFR profile put that in 35% of the CPU samples of {@code projects(first: 50)} and 25%
 * of the staging read (README, "Where the JVM's time goes"): it is paid per object, so it grows with the page.
 * <ul>
 * <li>A plain property (a getter, no resolver method) gets {@link PropertyFetcher}: SmallRye's reading and
 * transformations, no context at all.</li>
 * <li>A resolver (queries, mutations, {@code @Source} fields) keeps SmallRye's fetcher, with its interceptors,
 * eventing and context, but sees an empty selection set. Consequence: no resolver can see what was selected below
 * it ({@code Context.getSelectedFields()} and the unwrapped environment's {@code getSelectionSet()} are empty). None
 * needs it: each level loads in one statement of its own ({@link Batches}).</li>
 * <li>Every field is visible: SmallRye reads {@code quarkus.smallrye-graphql.field-visibility}'s default, "default",
 * as a list of blocked field patterns, so graphql-java ran the regex "default" against every field it resolved (3.0%
 * of the samples of the bench). envplane hides no field; introspection is {@link QueryGuard}'s to refuse. A
 * visibility set on purpose is kept.</li>
 * </ul>
 * This runs once, while SmallRye builds the schema (at build time in the native image).
 */
public final class LeanFieldFetchers implements EventingService {

    private static final String DEFAULT_VISIBILITY = "default";

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        // the builder does not expose its code registry; a draft build resolves the types and collects it
        GraphQLSchema draft = builder.build();
        GraphQLCodeRegistry lean = draft.getCodeRegistry().transform(registry -> {
            if (DEFAULT_VISIBILITY.equals(Config.get().getFieldVisibility())) {
                registry.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
            }
            for (GraphQLObjectType type : draft.getAllTypesAsList().stream()
                    .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
                for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                    DataFetcher<?> smallRye = registry.getDataFetcher(coordinates, field);
                    if (smallRye instanceof FieldDataFetcher<?> property) {
                        registry.dataFetcher(coordinates, PropertyFetcher.of(property));
                    } else if (smallRye instanceof PlugableDataFetcher<?> resolver) {
                        registry.dataFetcher(coordinates, (DataFetcher<?>) environment -> resolver.get(new WithoutSelection(environment)));
                    }
                }
            }
        });
        return builder.codeRegistry(lean);
    }

    /** What {@link FieldDataFetcher#get} does, less the context: read the property, transform or adapt it. */
    static final class PropertyFetcher implements DataFetcher<Object>, TrivialDataFetcher<Object> {
        private final Field field;
        private final String ownerClass;
        private final FieldHelper helper;
        private volatile Accessor accessor;

        private PropertyFetcher(Field field, Reference owner) {
            this.field = field;
            this.ownerClass = owner.getClassName();
            this.helper = new FieldHelper(field);
        }

        static PropertyFetcher of(FieldDataFetcher<?> smallRye) {
            return new PropertyFetcher(read(smallRye, "field", Field.class), read(smallRye, "owner", Reference.class));
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object value = accessor().get(environment.getSource());
            try {
                return helper.transformOrAdaptResponse(value, environment);
            } catch (AbstractDataFetcherException untransformable) {
                return value; // as SmallRye does (which also logs the value; a value is never logged here)
            }
        }

        /** Built on first use, as SmallRye does, so that the native image needs what it already registers. */
        private Accessor accessor() throws ReflectiveOperationException {
            Accessor known = accessor;
            if (known == null) {
                Class<?> owner = ClassloadingService.get().loadClass(ownerClass);
                known = field.getMethodName() == null
                        ? owner.getField(field.getPropertyName())::get
                        : invoking(owner.getMethod(field.getMethodName()));
                accessor = known;
            }
            return known;
        }

        private static Accessor invoking(java.lang.reflect.Method getter) {
            return source -> {
                try {
                    return getter.invoke(source);
                } catch (InvocationTargetException thrown) {
                    throw thrown.getCause() instanceof Exception cause ? cause : thrown;
                }
            };
        }

        private static <T> T read(FieldDataFetcher<?> smallRye, String name, Class<T> type) {
            try {
                java.lang.reflect.Field held = FieldDataFetcher.class.getDeclaredField(name);
                held.setAccessible(true);
                return type.cast(held.get(smallRye));
            } catch (ReflectiveOperationException changed) {
                throw new IllegalStateException("SmallRye's FieldDataFetcher no longer holds its " + name, changed);
            }
        }
    }

    @FunctionalInterface
    private interface Accessor {
        Object get(Object source) throws Exception;
    }

    /** The field's environment with an empty selection set, so SmallRye's context has nothing to build. */
    private static final class WithoutSelection extends DelegatingDataFetchingEnvironment {
        WithoutSelection(DataFetchingEnvironment field) {
            super(field);
        }

        @Override
        public DataFetchingFieldSelectionSet getSelectionSet() {
            return NO_SELECTION;
        }
    }

    private static final DataFetchingFieldSelectionSet NO_SELECTION = new DataFetchingFieldSelectionSet() {
        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern, String... fieldGlobPatterns) {
            return Map.of();
        }
    };
}
