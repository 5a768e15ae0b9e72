package dev.cdkbootstrap.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CloudFormation's checks of a parameter value, on a small template of each kind of constraint. */
class TemplateParametersTest {
    private final TemplateParameters parameters = new TemplateParameters(Path.of("t.yaml"), Map.of(
            "Name", Map.of("Type", "String", "AllowedPattern", "^[a-z]+$", "ConstraintDescription", "lowercase letters"),
            "Flag", Map.of("Type", "String", "Default", "false", "AllowedValues", List.of("true", "false")),
            "Count", Map.of("Type", "Number", "Default", 3, "MinValue", 1, "MaxValue", 10),
            "Arns", Map.of("Type", "CommaDelimitedList", "AllowedPattern", "^arn:\\w+$")));

    @Test
    void aPatternMustMatchTheWholeValue() {
        assertThat(parameters.problem("Name", "abc")).isEmpty();
        assertThat(parameters.problem("Name", "abc1")).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("Name=abc1 does not match its AllowedPattern ^[a-z]+$: lowercase letters"));
    }

    @Test
    void aListPatternMustMatchEveryElement() {
        assertThat(parameters.problem("Arns", "arn:a,arn:b")).isEmpty();
        assertThat(parameters.problem("Arns", "arn:a,")).hasValueSatisfying(p -> assertThat(p).contains("(element \"\")"));
        assertThat(parameters.isList("Arns")).isTrue();
    }

    @Test
    void allowedValuesAndNumberBoundsAreChecked() {
        assertThat(parameters.problem("Flag", "yes")).hasValueSatisfying(p -> assertThat(p).contains("not one of its AllowedValues"));
        assertThat(parameters.problem("Count", "0")).hasValueSatisfying(p -> assertThat(p).contains("below its MinValue 1"));
        assertThat(parameters.problem("Count", "11")).hasValueSatisfying(p -> assertThat(p).contains("above its MaxValue 10"));
        assertThat(parameters.problem("Count", "x")).hasValueSatisfying(p -> assertThat(p).contains("is not a number"));
        assertThat(parameters.problem("Count", "10")).isEmpty();
    }

    @Test
    void anUnknownNameNamesEveryDeclaredOneAndARequiredOneMustBeGiven() {
        assertThat(parameters.problem("Nmae", "x")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("t.yaml has no parameter Nmae; its parameters are: ").contains("Name").contains("Arns"));
        Map<String, String> values = new LinkedHashMap<>(Map.of("Name", "abc"));
        assertThat(parameters.problems(values)).containsExactly("Arns has no Default and was not given");
    }
}
