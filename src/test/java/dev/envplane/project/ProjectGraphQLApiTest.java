package dev.envplane.project;

import static dev.envplane.testing.Errors.assertError;
import static dev.envplane.testing.Fixtures.unique;
import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
public class ProjectGraphQLApiTest {

    public static final String CREATE = """
            mutation($input: CreateProjectInput!) {
              createProject(input: $input) { id name description repositoryUrl defaultBranch createdAt updatedAt version }
            }""";

    @Test
    void createsAProjectWithTrimmedNameAndDefaultBranch() {
        String name = unique("analytics");
        execute(CREATE, vars("input", Map.of("name", "  " + name + "  ", "description", "Marketing models",
                "repositoryUrl", "git@github.com:acme/analytics.git")))
                .body("errors", nullValue())
                .body("data.createProject.name", equalTo(name))
                .body("data.createProject.description", equalTo("Marketing models"))
                .body("data.createProject.repositoryUrl", equalTo("git@github.com:acme/analytics.git"))
                .body("data.createProject.defaultBranch", equalTo("main"))
                .body("data.createProject.createdAt", notNullValue())
                .body("data.createProject.id", notNullValue());
    }

    @Test
    void keepsTheDbtProjectSubdirectoryAsARelativePathInsideTheRepository() {
        String name = unique("subdir");
        String id = execute(CREATE, vars("input", Map.of("name", name, "dbtProjectSubdirectory", "transform/analytics")))
                .body("errors", nullValue()).extract().path("data.createProject.id");
        String read = "query($id: ID!) { project(id: $id) { dbtProjectSubdirectory } }";
        execute(read, vars("id", id)).body("data.project.dbtProjectSubdirectory", equalTo("transform/analytics"));
        String update = "mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { dbtProjectSubdirectory } }";
        for (String bad : List.of("/abs", "a/../b", "..", "./x", "a//b", "trailing/", "back\\slash", "sp ace", "x".repeat(256))) {
            assertError(execute(update, vars("id", id, "input", Map.of("dbtProjectSubdirectory", bad))), "VALIDATION", "dbtProjectSubdirectory");
            assertError(execute(CREATE, vars("input", Map.of("name", unique("bad-subdir"), "dbtProjectSubdirectory", bad))),
                    "VALIDATION", "dbtProjectSubdirectory");
        }
        execute(read, vars("id", id)).body("data.project.dbtProjectSubdirectory", equalTo("transform/analytics"));
        execute(update, vars("id", id, "input", Map.of("dbtProjectSubdirectory", ""))).body("errors", nullValue())
                .body("data.updateProject.dbtProjectSubdirectory", nullValue());
    }

    @Test
    void findsAProjectByIdAndByName() {
        String name = unique("finance");
        String id = Fixtures.project(name);
        execute("query($id: ID!) { project(id: $id) { id name } }", vars("id", id))
                .body("data.project.name", equalTo(name));
        execute("query($name: String!) { projectByName(name: $name) { id } }", vars("name", name))
                .body("data.projectByName.id", equalTo(id));
        execute("query($id: ID!) { project(id: $id) { id } }", vars("id", UUID.randomUUID().toString()))
                .body("errors", nullValue())
                .body("data.project", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\t", "101" })
    void refusesABadNameAndWritesNothing(String name) {
        name = name.equals("101") ? "x".repeat(101) : name;
        ValidatableResponse response = execute(CREATE, vars("input", Map.of("name", name)));
        assertError(response, "VALIDATION", "name");
        assertEquals(0, Database.count("select count(*) from project where name = ? or name = ?", name, name.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com/repo.git", "http://github.com/acme/repo.git", "not a url", "https://",
            "git@github.com", "https://github.com/acme/repo.git; rm -rf /" })
    void refusesARepositoryUrlThatIsNotAGitUrl(String url) {
        assertError(execute(CREATE, vars("input", Map.of("name", unique("repo"), "repositoryUrl", url))), "VALIDATION", "repositoryUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://github.com/acme/analytics.git", "https://gitlab.example.com:8443/group/sub/repo",
            "ssh://git@github.com/acme/analytics.git", "git@bitbucket.org:acme/analytics.git" })
    void acceptsHttpsAndSshGitUrls(String url) {
        execute(CREATE, vars("input", Map.of("name", unique("repo"), "repositoryUrl", url)))
                .body("errors", nullValue())
                .body("data.createProject.repositoryUrl", equalTo(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "feature..x", "-main", "main.lock", "a b", "main/", "/main", ".hidden", "a//b", "x~1", "a^b",
            "a:b", "a?b", "a*b", "a[b", "a\\b", "@", "a@{b", "ends." })
    void refusesADefaultBranchThatGitWouldRefuse(String branch) {
        assertError(execute(CREATE, vars("input", Map.of("name", unique("branch"), "defaultBranch", branch))), "VALIDATION", "defaultBranch");
    }

    @Test
    void refusesADuplicateNameWithConflict() {
        String name = unique("dup");
        Fixtures.project(name);
        assertError(execute(CREATE, vars("input", Map.of("name", name))), "CONFLICT", "name")
                .body("errors[0].message", containsString(name));
        assertEquals(1, Database.count("select count(*) from project where name = ?", name));
    }

    @Test
    void updatesOnlyTheFieldsGivenAndClearsWithEmptyStrings() {
        String name = unique("upd");
        String id = execute(CREATE, vars("input", Map.of("name", name, "description", "old", "repositoryUrl",
                "https://github.com/acme/a.git"))).extract().path("data.createProject.id");
        String update = "mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) "
                + "{ name description repositoryUrl defaultBranch version } }";
        execute(update, vars("id", id, "input", Map.of("defaultBranch", "trunk")))
                .body("data.updateProject.name", equalTo(name))
                .body("data.updateProject.description", equalTo("old"))
                .body("data.updateProject.defaultBranch", equalTo("trunk"))
                .body("data.updateProject.version", is(1));
        execute(update, vars("id", id, "input", Map.of("description", "", "repositoryUrl", "")))
                .body("errors", nullValue())
                .body("data.updateProject.description", nullValue())
                .body("data.updateProject.repositoryUrl", nullValue());
    }

    @Test
    void updateReportsUnknownIdsBadFieldsAndTakenNames() {
        String update = "mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { name } }";
        assertError(execute(update, vars("id", UUID.randomUUID().toString(), "input", Map.of("name", "x"))), "NOT_FOUND", "id");
        String taken = unique("taken");
        Fixtures.project(taken);
        String id = Fixtures.project(unique("mine"));
        assertError(execute(update, vars("id", id, "input", Map.of("name", taken))), "CONFLICT", "name");
        assertError(execute(update, vars("id", id, "input", Map.of("repositoryUrl", "nope"))), "VALIDATION", "repositoryUrl");
        assertError(execute(update, vars("id", id, "input", Map.of("name", " "))), "VALIDATION", "name");
    }

    @Test
    void deleteRefusesAProjectWithEnvironmentsUnlessForced() {
        String name = unique("del");
        String id = Fixtures.project(name);
        execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"dev\", type: DEVELOPMENT}) { id } }", vars("p", id))
                .body("errors", nullValue());
        String delete = "mutation($id: ID!, $force: Boolean) { deleteProject(id: $id, force: $force) { projects { id name } } }";
        assertError(execute(delete, vars("id", id, "force", null)), "CONFLICT", "force")
                .body("errors[0].message", containsString("dev"));
        assertEquals(1, Database.count("select count(*) from project where name = ?", name));

        execute(delete, vars("id", id, "force", true)).body("errors", nullValue())
                .body("data.deleteProject.projects.name", contains(name)).body("data.deleteProject.projects.id", contains(id));
        assertEquals(0, Database.count("select count(*) from project where name = ?", name));
        assertEquals(0, Database.count("select count(*) from environment where project_id = ?::uuid", id));
        assertError(execute(delete, vars("id", id, "force", true)), "NOT_FOUND", "id");
    }

    @Test
    void deletesAProjectWithoutEnvironments() {
        String id = Fixtures.project(unique("empty"));
        execute("mutation($id: ID!) { deleteProject(id: $id) { projects { id } } }", vars("id", id)).body("errors", nullValue())
                .body("data.deleteProject.projects.id", contains(id));
        execute("query($id: ID!) { project(id: $id) { id } }", vars("id", id)).body("errors", nullValue()).body("data.project", nullValue());
    }

    @Test
    void pagesThroughProjectsWithCursorsAndCounts() {
        String prefix = unique("page");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            names.add(prefix + "-" + i);
            Fixtures.project(prefix + "-" + i);
        }
        String query = """
                query($first: Int, $after: String, $filter: String) {
                  projects(first: $first, after: $after, nameContains: $filter) {
                    totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor }
                  }
                }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            ValidatableResponse page = execute(query, vars("first", 3, "after", after, "filter", prefix.toUpperCase()))
                    .body("errors", nullValue())
                    .body("data.projects.totalCount", is(7));
            seen.addAll(page.extract().path("data.projects.edges.node.name"));
            more = page.extract().path("data.projects.pageInfo.hasNextPage");
            after = page.extract().path("data.projects.pageInfo.endCursor");
            pages++;
        }
        assertEquals(names, seen);
        assertEquals(3, pages);
    }

    @Test
    void refusesBadPageArguments() {
        assertError(execute("{ projects(first: 101) { totalCount } }"), "VALIDATION", "first");
        assertError(execute("{ projects(first: -1) { totalCount } }"), "VALIDATION", "first");
        assertError(execute("{ projects(after: \"garbage!\") { totalCount } }"), "VALIDATION", "after");
    }

    @Test
    void nameFilterTreatsWildcardsLiterally() {
        String name = unique("wild") + "_50%";
        Fixtures.project(name);
        execute("query($f: String) { projects(nameContains: $f) { edges { node { name } } } }", vars("f", "_50%"))
                .body("data.projects.edges.node.name", contains(name));
    }
}
