package dev.envplane.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What one GraphQL request may cost (README "Configuration"). Every limit answers {@code QUERY_TOO_COMPLEX} and
 * names itself; the body size limit is {@code quarkus.http.limits.max-body-size} (413).
 */
@ConfigMapping(prefix = "envplane.graphql")
public interface GraphQLLimits {

    /** Lexical tokens in the document, checked while parsing. */
    @WithName("max-tokens")
    @WithDefault("2000")
    int maxTokens();

    /** Nesting of selections, counting the root field as 1. */
    @WithName("max-depth")
    @WithDefault("8")
    int maxDepth();

    /** Aliased fields in the operation. */
    @WithName("max-aliases")
    @WithDefault("30")
    int maxAliases();

    /**
     * Cost of the operation: every field 1 plus its selections, times its page size ({@code first}) or the assumed
     * list size. A full page of 100 projects with every environment's connection and credentials costs ~20,000.
     */
    @WithName("max-complexity")
    @WithDefault("25000")
    int maxComplexity();

    /** The size a list without {@code first} is assumed to have when computing the cost. */
    @WithName("assumed-list-size")
    @WithDefault("10")
    int assumedListSize();

    /** Resolver invocations that go to the database (each batched per level) during one request. */
    @WithName("max-loads")
    @WithDefault("50")
    int maxLoads();

    /**
     * Total length of the parsed and validated query documents kept for reuse ({@link DocumentCache}); 0 turns the
     * cache off. Limits still apply to every request (the token limit was checked when the same text was first parsed).
     */
    @WithName("document-cache-chars")
    @WithDefault("262144")
    long documentCacheChars();

    /** Introspection ({@code __schema}, {@code __type}) and {@code /graphql/schema.graphql}. */
    @WithName("introspection")
    @WithDefault("false")
    boolean introspection();

    static GraphQLLimits get() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(GraphQLLimits.class);
    }
}
