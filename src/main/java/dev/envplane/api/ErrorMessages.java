package dev.envplane.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.validation.ValidationError;

/**
 * Turns graphql-java's request errors into {@link RequestError}s with a stable code and a message that names the
 * argument, field and expected type but never the value given: graphql-java prints argument values (secrets
 * included) into several messages, so only known message shapes keep their wording, rebuilt from the names they
 * contain; anything else gets a generic message.
 */
final class ErrorMessages {

    private static final String NAME = "[\\w.]+";
    private static final String TYPE = "[\\w\\[\\]!]+";

    // graphql-java: "Validation error (WrongType@[createProject]) : argument 'input' with value '<value>' <reason>";
    // SmallRye's variable coercion leaves out the part before "argument"
    private static final Pattern ARGUMENT_VALUE = Pattern.compile("^(?:Validation error \\((\\w+)(?:@\\[([^\\]]*)\\])?\\) : )?"
            + "argument '(" + NAME + ")' with value '.*' (must not be null|is not a valid '(" + TYPE + ")'(?: - .*)?"
            + "|must be an object type|is missing required fields '([\\w, \\[\\]]*)'|contains a field not in '(\\w+)': '(\\w+)')$",
            Pattern.DOTALL);
    private static final Pattern MAY_CARRY_VALUE = Pattern.compile("with value|Value\\{|Bad default value|offending token", Pattern.CASE_INSENSITIVE);

    private static final Pattern VARIABLE_INVALID = Pattern.compile("^Variable '(\\w+)' has an invalid value: (.*)$", Pattern.DOTALL);
    private static final List<Pattern> SAFE_COERCION_REASONS = List.of(
            Pattern.compile("^Expected a value that can be converted to type '\\w+' but it was a '\\w+'$"),
            Pattern.compile("^Expected an? \\w+ input, but it was a '\\w+'$"));
    private static final List<Pattern> SAFE_COERCION_MESSAGES = List.of(
            Pattern.compile("^(?:Variable|Field) '" + NAME + "'(?: of variable '\\w+')? has coerced Null value for NonNull type '" + TYPE + "'$"),
            Pattern.compile("^The variables input contains a field name '\\w+' that is not defined for input object type '\\w+' ?$"),
            Pattern.compile("^Exactly one key must be specified for OneOf type '\\w+'\\.$"),
            Pattern.compile("^OneOf type field '" + NAME + "' must be non-null\\.$"),
            Pattern.compile("^Unknown operation named '\\w+'\\.$"),
            Pattern.compile("^Must provide operation name if query contains multiple operations\\.?$"));
    private static final Pattern VARIABLE_NAME = Pattern.compile("(?:^|of )[Vv]ariable '(\\w+)'");

    private ErrorMessages() {
    }

    /** {@code document} may be null (unparseable); it only helps name a variable's type. */
    static GraphQLError rewrite(GraphQLError error, Document document) {
        if (error instanceof RequestError || error instanceof ExceptionWhileDataFetching) {
            return error;
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return RequestError.parseFailed(syntaxMessage(error), error.getLocations());
        }
        if (error instanceof ValidationError validation) {
            return validationError(validation);
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return coercionError(error, document);
        }
        return error;
    }

    private static String syntaxMessage(GraphQLError error) {
        if (error.getLocations() == null || error.getLocations().isEmpty()) {
            return "Invalid syntax";
        }
        var location = error.getLocations().get(0);
        return "Invalid syntax at line " + location.getLine() + " column " + location.getColumn();
    }

    private static RequestError validationError(ValidationError error) {
        String message = error.getMessage();
        String kind = String.valueOf(error.getValidationErrorType());
        Matcher argument = ARGUMENT_VALUE.matcher(message);
        if (argument.matches()) {
            String at = argument.group(2) == null ? "" : " at " + argument.group(2);
            String reason;
            if (argument.group(5) != null) {
                reason = "is not a valid '" + argument.group(5) + "'";
            } else if (argument.group(6) != null) {
                reason = "is missing required fields '" + argument.group(6) + "'";
            } else if (argument.group(7) != null) {
                reason = "contains a field not in '" + argument.group(7) + "': '" + argument.group(8) + "'";
            } else if (argument.group(4).startsWith("must be an object")) {
                reason = "must be an input object";
            } else {
                reason = "must not be null";
            }
            String errorKind = argument.group(1) == null ? kind : argument.group(1);
            return RequestError.validationFailed("Validation error (" + errorKind + ")" + at + ": argument '"
                    + argument.group(3) + "' " + reason, argument.group(3), error.getLocations());
        }
        if (MAY_CARRY_VALUE.matcher(message).find()) {
            return RequestError.validationFailed("Validation error (" + kind + "): a value does not fit its type", null,
                    error.getLocations());
        }
        return RequestError.validationFailed(message, null, error.getLocations());
    }

    private static RequestError coercionError(GraphQLError error, Document document) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        Matcher variableName = VARIABLE_NAME.matcher(message);
        String variable = variableName.find() ? variableName.group(1) : null;
        if (SAFE_COERCION_MESSAGES.stream().anyMatch(safe -> safe.matcher(message).matches())) {
            return RequestError.validationFailed(message, variable, error.getLocations());
        }
        Matcher invalid = VARIABLE_INVALID.matcher(message);
        if (invalid.matches() && SAFE_COERCION_REASONS.stream().anyMatch(safe -> safe.matcher(invalid.group(2)).matches())) {
            return RequestError.validationFailed(message, variable, error.getLocations());
        }
        if (variable != null) {
            String type = variableType(document, variable).map(t -> " for type '" + t + "'").orElse("");
            return RequestError.validationFailed("Variable '" + variable + "' has an invalid value" + type, variable,
                    error.getLocations());
        }
        return RequestError.validationFailed("The document or its variables do not fit the schema", null, error.getLocations());
    }

    private static Optional<String> variableType(Document document, String variable) {
        if (document == null) {
            return Optional.empty();
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .flatMap(operation -> operation.getVariableDefinitions().stream())
                .filter(definition -> definition.getName().equals(variable))
                .map(VariableDefinition::getType)
                .map(AstPrinter::printAst)
                .findFirst();
    }
}
