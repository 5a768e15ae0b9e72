package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.Wiring;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each function's environment in template.yaml (Globals merged with its own) carries the variables
 * docs/contracts.md says it uses, and is enough for {@link Wiring} to build its step.
 */
class EnvironmentContractTest {
    private static final Pattern ROW = Pattern.compile("^\\| (`[A-Z_]+`(?:, `[A-Z_]+`)*)(?: \\(optional\\))? \\| ([^|]+) \\|");
    private static final Pattern NAME = Pattern.compile("`([A-Z_]+)`");

    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    @Test
    void everyFunctionHasTheVariablesTheContractSaysItUses() {
        Map<String, Set<String>> contract = contractVariablesByFunction();
        assertThat(contract).containsKeys("LoadConfig", "PrepareTarget", "StartBootstrap", "CheckBootstrap",
                "VerifyTarget", "RecordResult", "Summarize", "NewAccount");
        contract.forEach((function, variables) ->
                assertThat(environment(function + "Function").keySet()).as(function).containsAll(variables));
    }

    @Test
    void everyFunctionsEnvironmentLetsWiringBuildItsStep() throws Exception {
        for (String function : functionNames()) {
            Map<String, String> env = new HashMap<>();
            environment(function + "Function").forEach((name, value) -> env.put(name, resolve(value)));
            env.put("AWS_REGION", "eu-west-1");
            env.put("AWS_ACCESS_KEY_ID", "contract-test");
            env.put("AWS_SECRET_ACCESS_KEY", "contract-test");
            Method step = Wiring.class.getMethod(Character.toLowerCase(function.charAt(0)) + function.substring(1) + "Step");
            assertThatCode(() -> step.invoke(Wiring.from(env))).as(function).doesNotThrowAnyException();
        }
    }

    /** "LoadConfig" -> variables, from the contract's table ("all" rows apply to every function). */
    private Map<String, Set<String>> contractVariablesByFunction() {
        Map<String, Set<String>> byFunction = new LinkedHashMap<>();
        Set<String> forAll = new LinkedHashSet<>();
        String contracts = ProjectFiles.text("docs/contracts.md");
        String table = contracts.substring(contracts.indexOf("## Environment variables of the functions"));
        int nextSection = table.indexOf("\n## ");
        if (nextSection >= 0) {
            table = table.substring(0, nextSection); // its section only
        }
        for (String line : table.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.find() || row.group(1).contains("AWS_REGION")) {
                continue; // AWS_REGION is set by Lambda; AWS_ENDPOINT_URL only in the emulator
            }
            Set<String> variables = new LinkedHashSet<>();
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                variables.add(name.group(1));
            }
            for (String function : row.group(2).split(",")) {
                String trimmed = function.trim();
                if (trimmed.equals("all")) {
                    forAll.addAll(variables);
                } else {
                    byFunction.computeIfAbsent(trimmed, f -> new LinkedHashSet<>()).addAll(variables);
                }
            }
        }
        functionNames().forEach(f -> byFunction.computeIfAbsent(f, x -> new LinkedHashSet<>()).addAll(forAll));
        return byFunction;
    }

    private Set<String> functionNames() {
        Set<String> names = new LinkedHashSet<>();
        template.path("Resources").properties().forEach(e -> {
            if ("AWS::Serverless::Function".equals(e.getValue().path("Type").asText())) {
                names.add(e.getKey().replaceFirst("Function$", ""));
            }
        });
        return names;
    }

    private Map<String, JsonNode> environment(String logicalId) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        template.path("Globals").path("Function").path("Environment").path("Variables").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue()));
        template.path("Resources").path(logicalId).path("Properties").path("Environment").path("Variables").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue()));
        return env;
    }

    /** A literal as is; a Ref to a parameter as its default; any other intrinsic as a placeholder name. */
    private String resolve(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        JsonNode ref = value.path("Ref");
        JsonNode parameter = template.path("Parameters").path(ref.asText());
        if (ref.isTextual() && parameter.has("Default")) {
            return parameter.path("Default").asText();
        }
        return "resolved-" + value.toString().replaceAll("[^A-Za-z0-9]", "");
    }
}
