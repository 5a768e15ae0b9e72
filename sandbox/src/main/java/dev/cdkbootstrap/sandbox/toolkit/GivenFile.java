package dev.cdkbootstrap.sandbox.toolkit;

import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Place;
import dev.cdkbootstrap.config.Regions;
import dev.cdkbootstrap.config.Suggestions;
import dev.cdkbootstrap.config.yaml.HardenedYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Reads a {@code --given FILE}: {@code toolkits:} followed by entries with the keys below (docs/sandbox.md,
 * "--given"). The YAML goes through the project's hardened reader (size, aliases, depth, tags), and every
 * mistake is reported at once as {@code FILE:LINE:COL: error: PATH: MESSAGE}: unknown or duplicate
 * key (with a "did you mean"), wrong type, a target that is not ACCOUNT/REGION, an account that is not 12
 * digits, an unknown stack status, the same target and stack name (or qualifier) twice.
 */
public final class GivenFile {
    static final List<String> KEYS = List.of("target", "stackName", "qualifier", "version", "trust", "trustForLookup",
            "executionPolicies", "variant", "status", "ssmVersion");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    /** The pinned template's Qualifier AllowedPattern. */
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9_-]{1,10}");
    static final Set<String> STATUSES = new TreeSet<>(StackStatus.knownValues().stream().map(StackStatus::toString).toList());

    private final String file;
    private final ErrorCollector errors;
    private final NodeReader read;

    private GivenFile(String file) {
        this.file = file;
        this.errors = new ErrorCollector(file);
        this.read = new NodeReader(errors);
    }

    /** The file's toolkit states; a bad file throws {@link IllegalArgumentException} listing every error. */
    public static List<ToolkitState> read(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--given: cannot read " + file + ": " + e.getMessage(), e);
        } catch (ConfigValidationException e) {
            throw new IllegalArgumentException("--given " + file + " is invalid:\n" + e.getMessage(), e);
        }
    }

    /** Parses {@code content}; errors throw {@link ConfigValidationException} naming {@code fileName}. */
    public static List<ToolkitState> parse(String fileName, byte[] content) {
        GivenFile given = new GivenFile(fileName);
        List<ToolkitState> states = given.document(content);
        given.errors.throwIfAny();
        return states;
    }

    private List<ToolkitState> document(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
            errors.add(Place.fileStart(), "file is empty; expected the key toolkits with a list of toolkit stacks");
            return List.of();
        }
        Node root = HardenedYaml.load(content, errors);
        if (root == null) {
            return List.of();
        }
        Map<String, Node> top = read.fields(root, new Place(1, 1, Place.ROOT), List.of("toolkits"));
        if (top == null) {
            return List.of();
        }
        Node list = top.get("toolkits");
        if (list == null) {
            errors.add(NodeReader.place(root, "toolkits"), "required key is missing");
            return List.of();
        }
        if (!(list instanceof SequenceNode sequence)) {
            errors.add(NodeReader.place(list, "toolkits"), "expected a list (- items), got " + NodeReader.describe(list));
            return List.of();
        }
        List<ToolkitState> states = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            ToolkitState state = entry(item, "toolkits[" + i + "]");
            // duplicates are found from the raw keys, so an entry with another mistake is checked too
            int line = item.getStartMark().getLine() + 1;
            for (String key : identities(item)) {
                Integer first = seen.putIfAbsent(key, line);
                if (first != null) {
                    errors.add(NodeReader.place(item, "toolkits[" + i + "]"), "duplicate: " + key + " is already given at line " + first
                            + " (one toolkit stack per target and stack name, one per target and qualifier)");
                    break;
                }
            }
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    /** "TARGET stack NAME" and "TARGET qualifier Q" of an entry, read as written (defaults filled); none without a target. */
    private static List<String> identities(Node item) {
        if (!(item instanceof MappingNode mapping)) {
            return List.of();
        }
        Map<String, String> scalars = new HashMap<>();
        mapping.getValue().forEach(tuple -> {
            if (tuple.getKeyNode() instanceof ScalarNode key
                    && tuple.getValueNode() instanceof ScalarNode value) {
                scalars.put(key.getValue(), value.getValue().strip());
            }
        });
        String target = scalars.get("target");
        if (target == null || target.isEmpty()) {
            return List.of();
        }
        return List.of(target + " stack " + scalars.getOrDefault("stackName", ToolkitState.DEFAULT_STACK_NAME),
                target + " qualifier " + scalars.getOrDefault("qualifier", ToolkitState.DEFAULT_QUALIFIER));
    }

    private ToolkitState entry(Node item, String path) {
        Map<String, Node> f = read.fields(item, NodeReader.place(item, path), KEYS);
        if (f == null) {
            return null;
        }
        int before = errors.size();
        String target = read.text(f, "target", path, null);
        String[] parts = target == null ? null : target.split("/", -1);
        if (target == null && !f.containsKey("target")) {
            errors.add(NodeReader.place(item, path + ".target"), "required key is missing");
        } else if (parts != null && (parts.length != 2 || !ACCOUNT.matcher(parts[0]).matches() || !Regions.isValid(parts[1]))) {
            errors.add(NodeReader.place(f.get("target"), path + ".target"), "\"" + Nodes.abbreviate(target)
                    + "\" is not ACCOUNT/REGION (12 digits, a slash, a region such as eu-west-1)");
        }
        String stackName = read.text(f, "stackName", path, STACK_NAME);
        String qualifier = read.text(f, "qualifier", path, QUALIFIER);
        Integer version = read.number(f, "version", path);
        List<String> trust = read.list(f, "trust", path, read::account);
        List<String> lookup = read.list(f, "trustForLookup", path, read::account);
        List<String> policies = read.list(f, "executionPolicies", path, read::arn);
        String variant = read.text(f, "variant", path, null);
        String status = status(f, path);
        String ssm = ssmVersion(f, path);
        if (errors.size() > before || parts == null) {
            return null;
        }
        String partition = Regions.partition(parts[1]);
        return new ToolkitState(parts[0], parts[1], stackName == null ? ToolkitState.DEFAULT_STACK_NAME : stackName,
                qualifier == null ? ToolkitState.DEFAULT_QUALIFIER : qualifier, version,
                trust == null ? List.of() : trust, lookup == null ? List.of() : lookup,
                policies == null ? List.of("arn:" + partition + ":iam::aws:policy/AdministratorAccess") : policies,
                variant, status == null ? "CREATE_COMPLETE" : status, ssm, file + ":" + (item.getStartMark().getLine() + 1));
    }

    private String status(Map<String, Node> f, String path) {
        String status = read.text(f, "status", path, null);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(NodeReader.place(f.get("status"), path + ".status"), "unknown stack status \"" + Nodes.abbreviate(status) + "\""
                    + Suggestions.closest(status, STATUSES).map(s -> "; did you mean " + s + "?")
                    .orElse("; expected a CloudFormation stack status such as CREATE_COMPLETE or ROLLBACK_COMPLETE"));
            return null;
        }
        return status;
    }

    private String ssmVersion(Map<String, Node> f, String path) {
        Node node = f.get("ssmVersion");
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) && scalar.getValue().matches("0*[1-9]\\d{0,5}")
                || scalar.getTag().equals(Tag.STR) && ToolkitState.MISSING.equals(scalar.getValue()))) {
            return scalar.getTag().equals(Tag.INT) ? Integer.toString(Integer.parseInt(scalar.getValue())) : ToolkitState.MISSING;
        }
        errors.add(NodeReader.place(node, path + ".ssmVersion"), "expected a version number or \"missing\", got " + NodeReader.describe(node));
        return null;
    }

}
