package dev.cdkbootstrap.sandbox.deploy;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A template's {@code Parameters} section, checked the way CloudFormation checks a value before it
 * deploys: the name must be declared; {@code AllowedValues}, {@code AllowedPattern} (Java regex syntax,
 * matching the WHOLE value; for a {@code CommaDelimitedList}, each element), {@code Type: Number} with
 * {@code MinValue}/{@code MaxValue}; a parameter without {@code Default} must be given. Source:
 * CloudFormation User Guide, "Parameters" and "Using regular expressions in CloudFormation templates".
 */
public final class TemplateParameters {
    private final Path file;
    private final Map<String, Map<String, Object>> declared;

    public TemplateParameters(Path file, Map<String, Map<String, Object>> declared) {
        this.file = file;
        this.declared = declared;
    }

    /** The Parameters section of {@code template} (a CloudFormation/SAM YAML file). */
    @SuppressWarnings("unchecked")
    public static TemplateParameters of(Path template) {
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        ((Map<String, Object>) CloudFormationYaml.load(template).getOrDefault("Parameters", Map.of()))
                .forEach((name, definition) -> declared.put(name, (Map<String, Object>) definition));
        return new TemplateParameters(template, declared);
    }

    /** Every declared name, in template order. */
    public List<String> names() {
        return List.copyOf(declared.keySet());
    }

    /** The parameter's Default, when it has one. */
    public Optional<String> defaultOf(String name) {
        return Optional.ofNullable(definition(name).get("Default")).map(String::valueOf);
    }

    /** Whether the parameter is a {@code CommaDelimitedList} (its Ref is a list). */
    public boolean isList(String name) {
        return "CommaDelimitedList".equals(definition(name).get("Type"));
    }

    /**
     * The reason CloudFormation would refuse {@code value} for parameter {@code name}, or empty when it
     * accepts it. An undeclared name is refused naming every declared one.
     */
    public Optional<String> problem(String name, String value) {
        if (!declared.containsKey(name)) {
            return Optional.of(file.getFileName() + " has no parameter " + name + "; its parameters are: "
                    + String.join(", ", names()));
        }
        Map<String, Object> definition = declared.get(name);
        Object allowedValues = definition.get("AllowedValues");
        if (allowedValues instanceof List<?> values
                && values.stream().map(String::valueOf).noneMatch(value::equals)) {
            return Optional.of(name + "=" + value + " is not one of its AllowedValues " + values);
        }
        Object pattern = definition.get("AllowedPattern");
        if (pattern != null) {
            Pattern regex = Pattern.compile(String.valueOf(pattern));
            List<String> elements = isList(name) ? List.of(value.split(",", -1)) : List.of(value);
            for (String element : elements) {
                if (!regex.matcher(element).matches()) {
                    return Optional.of(name + "=" + value + " does not match its AllowedPattern " + pattern
                            + (isList(name) ? " (element \"" + element + "\")" : "")
                            + Optional.ofNullable(definition.get("ConstraintDescription")).map(d -> ": " + d).orElse(""));
                }
            }
        }
        if ("Number".equals(definition.get("Type"))) {
            return numberProblem(name, value, definition);
        }
        return Optional.empty();
    }

    /** Every problem of a whole set of values: refused values, and parameters without Default left out. */
    public List<String> problems(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        values.forEach((name, value) -> problem(name, value).ifPresent(problems::add));
        declared.forEach((name, definition) -> {
            if (!definition.containsKey("Default") && !values.containsKey(name)) {
                problems.add(name + " has no Default and was not given");
            }
        });
        return problems;
    }

    private static Optional<String> numberProblem(String name, String value, Map<String, Object> definition) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return Optional.of(name + "=" + value + " is not a number");
        }
        Object min = definition.get("MinValue");
        Object max = definition.get("MaxValue");
        if (min != null && number.compareTo(new BigDecimal(String.valueOf(min))) < 0) {
            return Optional.of(name + "=" + value + " is below its MinValue " + min);
        }
        if (max != null && number.compareTo(new BigDecimal(String.valueOf(max))) > 0) {
            return Optional.of(name + "=" + value + " is above its MaxValue " + max);
        }
        return Optional.empty();
    }

    private Map<String, Object> definition(String name) {
        Map<String, Object> definition = declared.get(name);
        if (definition == null) {
            throw new IllegalArgumentException(file.getFileName() + " has no parameter " + name);
        }
        return definition;
    }
}
