package dev.cdkbootstrap.sandbox.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions the project's templates use, against the sandbox's values:
 * Ref (parameters, pseudo parameters, resources), GetAtt, Sub, If/Not/Equals/And/Or, Join, Select,
 * Split. {@code AWS::NoValue} removes the key. Unknown references are errors naming them.
 */
public final class Intrinsics {
    /** Marks a value that resolved to AWS::NoValue (dropped from maps and lists). */
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, String> parameters;
    private final java.util.Set<String> listParameters;
    private final Map<String, Object> conditions;
    private final Function<String, String> refResource;
    private final BiFunction<String, String, String> getAtt;

    /**
     * @param parameters parameter and pseudo-parameter values (AWS::Region, AWS::AccountId, ...)
     * @param conditions the template's Conditions section
     * @param refResource a resource's Ref value by logical id ({@code X.Alias} for SAM's alias Ref)
     * @param getAtt a resource attribute by logical id and attribute name
     */
    public Intrinsics(Map<String, String> parameters, Map<String, Object> conditions,
                      Function<String, String> refResource, BiFunction<String, String, String> getAtt) {
        this(parameters, java.util.Set.of(), conditions, refResource, getAtt);
    }

    /**
     * As above; a Ref to one of {@code listParameters} (CommaDelimitedList parameters) is the list of
     * its comma-separated elements, as in CloudFormation.
     */
    public Intrinsics(Map<String, String> parameters, java.util.Set<String> listParameters, Map<String, Object> conditions,
                      Function<String, String> refResource, BiFunction<String, String, String> getAtt) {
        this.parameters = parameters;
        this.listParameters = listParameters;
        this.conditions = conditions == null ? Map.of() : conditions;
        this.refResource = refResource;
        this.getAtt = getAtt;
    }

    /** The value with every intrinsic resolved (maps and lists copied). */
    public Object resolve(Object value) {
        Object resolved = eval(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    public String string(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : String.valueOf(resolved);
    }

    @SuppressWarnings("unchecked")
    private Object eval(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = (String) map.keySet().iterator().next();
                Object argument = map.values().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, argument);
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                Object resolved = eval(v);
                if (resolved != NO_VALUE) {
                    copy.put(k, resolved);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                Object resolved = eval(item);
                if (resolved != NO_VALUE) {
                    copy.add(resolved);
                }
            }
            return copy;
        }
        return value;
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref((String) argument);
            case "Fn::GetAtt" -> {
                List<?> parts = (List<?>) eval(argument);
                yield getAtt.apply(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::If" -> {
                List<?> parts = (List<?>) argument;
                yield eval(condition(String.valueOf(parts.get(0))) ? parts.get(1) : parts.get(2));
            }
            case "Fn::Join" -> {
                List<?> parts = (List<?>) argument;
                List<?> items = (List<?>) eval(parts.get(1));
                yield String.join(String.valueOf(parts.get(0)), items.stream().map(String::valueOf).toList());
            }
            case "Fn::Select" -> {
                List<?> parts = (List<?>) eval(argument);
                yield ((List<?>) parts.get(1)).get(Integer.parseInt(String.valueOf(parts.get(0))));
            }
            case "Fn::Split" -> {
                List<?> parts = (List<?>) eval(argument);
                yield List.of(String.valueOf(parts.get(1)).split(Pattern.quote(String.valueOf(parts.get(0))), -1));
            }
            case "Fn::Not", "Fn::Equals", "Fn::And", "Fn::Or" -> test(Map.of(name, argument));
            default -> throw new IllegalArgumentException("the sandbox does not resolve " + name);
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            return listParameters.contains(name) ? List.of(parameters.get(name).split(",", -1)) : parameters.get(name);
        }
        return refResource.apply(name);
    }

    private String sub(Object argument) {
        String template;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> list) {
            template = String.valueOf(list.get(0));
            variables = (Map<?, ?>) eval(list.get(1));
        } else {
            template = String.valueOf(argument);
        }
        Map<?, ?> local = variables;
        Matcher matcher = SUB.matcher(template);
        return matcher.replaceAll(m -> {
            String ref = m.group(1);
            Object value;
            if (local.containsKey(ref)) {
                value = local.get(ref);
            } else if (ref.contains(".") && !ref.startsWith("AWS::")) {
                value = getAtt.apply(ref.substring(0, ref.indexOf('.')), ref.substring(ref.indexOf('.') + 1));
            } else {
                value = ref(ref);
            }
            return Matcher.quoteReplacement(String.valueOf(value));
        });
    }

    /** Evaluates a named condition of the template. */
    public boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("unknown condition " + name);
        }
        return test(definition);
    }

    private boolean test(Object definition) {
        Map<?, ?> map = (Map<?, ?>) definition;
        String key = (String) map.keySet().iterator().next();
        Object argument = map.values().iterator().next();
        return switch (key) {
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::Not" -> !test(((List<?>) argument).get(0));
            case "Fn::And" -> ((List<?>) argument).stream().allMatch(this::test);
            case "Fn::Or" -> ((List<?>) argument).stream().anyMatch(this::test);
            case "Fn::Equals" -> {
                List<?> parts = (List<?>) argument;
                yield String.valueOf(eval(parts.get(0))).equals(String.valueOf(eval(parts.get(1))));
            }
            default -> throw new IllegalArgumentException("not a condition: " + key);
        };
    }
}
