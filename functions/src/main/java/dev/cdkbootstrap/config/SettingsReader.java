package dev.cdkbootstrap.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the Bootstrap keys beyond the seed's (docs/config.md, "Bootstrap settings"), each checked for
 * shape where it is written. Rules that need the target (a key ARN's account and region, what a
 * custom template declares) are checked when the target is planned.
 */
final class SettingsReader {
    /** IAM's managed policy name ({@code [\w+=,.@-]{1,128}}), not starting with '-' (the CDK CLI would read an option). */
    private static final Pattern POLICY_NAME = Pattern.compile("^[\\w+=,.@][\\w+=,.@-]{0,127}$");
    /**
     * AWS tag characters (IAM, SSM and S3 enforce them on the toolkit stack's resources, which inherit
     * the stack's tags): letters, digits, white space and {@code _ . : / = + - @}. A key may not hold
     * '=': the CDK CLI splits {@code --tags k=v} at the first '='.
     */
    private static final Pattern TAG_KEY = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/+@-]{1,128}$");
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+@-]{1,256}$");
    /** CloudFormation's limit of tags per stack. */
    static final int MAX_TAGS = 50;
    /** The spellings of plan.ToolkitSettings (this package does not depend on the planner). */
    static final String EXAMPLE_BOUNDARY = "cdk-example";
    static final List<String> KMS_WORDS = List.of("aws-managed", "create");
    private static final String KEY_ID = "(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final String ALIAS = "alias/[A-Za-z0-9/_-]{1,250}";
    private static final Pattern KMS_KEY = Pattern.compile("^(" + KEY_ID + "|" + ALIAS
            + "|arn:" + Regions.ARN_PARTITION + ":kms:[a-z0-9-]+:[0-9]{12}:(key/" + KEY_ID + "|" + ALIAS + "))$");

    /** The new keys of one block; {@code null} when not given or invalid (the error is recorded). */
    record Settings(List<Located<String>> trustForLookup, Located<String> permissionsBoundary,
                    Located<Boolean> terminationProtection, Located<Map<String, String>> tags,
                    Located<String> kmsKey, Located<Boolean> publicAccessBlock, Located<String> template) {}

    private SettingsReader() {}

    static Settings read(Fields f, ErrorCollector errors) {
        return new Settings(trustForLookup(f, errors), permissionsBoundary(f, errors),
                bool(f, "termination_protection", errors), tags(f, errors), kmsKey(f, errors),
                bool(f, "public_access_block", errors), template(f, errors));
    }

    private static Located<Boolean> bool(Fields f, String key, ErrorCollector errors) {
        Boolean value = Scalars.bool(f, key, errors);
        return value == null ? null : new Located<>(value, f.placeOf(key));
    }

    private static List<Located<String>> trustForLookup(Fields f, ErrorCollector errors) {
        Node node = f.value("trust_for_lookup");
        SequenceNode list = node == null ? null : Scalars.list(node, f.placeOf("trust_for_lookup"), errors);
        if (list == null) {
            return List.of();
        }
        List<Located<String>> accounts = new ArrayList<>();
        String path = f.placeOf("trust_for_lookup").path();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            Located<String> account = Scalars.account(item, Nodes.place(item, new Place(0, 0, path + "[" + i + "]")), errors);
            if (account != null) {
                accounts.add(account);
            }
        }
        return accounts;
    }

    private static Located<String> permissionsBoundary(Fields f, ErrorCollector errors) {
        Located<String> name = Scalars.text(f, "permissions_boundary", errors);
        if (name != null && !name.value().equals(EXAMPLE_BOUNDARY)
                && !POLICY_NAME.matcher(name.value()).matches()) {
            errors.add(name.place(), "permissions_boundary \"" + Nodes.abbreviate(name.value()) + "\" is not a managed "
                    + "policy name (1 to 128 of letters, digits and +=,.@_-, not starting with -; a name, not an ARN) "
                    + "nor " + EXAMPLE_BOUNDARY + " (the CDK's example boundary)");
            return null;
        }
        return name;
    }

    private static Located<String> kmsKey(Fields f, ErrorCollector errors) {
        Located<String> key = Scalars.text(f, "kms_key", errors);
        if (key != null && !KMS_WORDS.contains(key.value()) && !KMS_KEY.matcher(key.value()).matches()) {
            errors.add(key.place(), "kms_key \"" + Nodes.abbreviate(key.value()) + "\" is not aws-managed, create, "
                    + "a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab or mrk-...), a key ARN "
                    + "(arn:<partition>:kms:<region>:<account>:key/<id>) or an alias (alias/<name> or its ARN)");
            return null;
        }
        return key;
    }

    private static Located<String> template(Fields f, ErrorCollector errors) {
        Located<String> path = BootstrapReader.relativePath(f, "template", errors);
        if (path != null && path.value().startsWith("-")) {
            errors.add(path.place(), "template \"" + Nodes.abbreviate(path.value()) + "\" must not start with '-' "
                    + "(the CDK CLI would read it as an option); rename the file");
            return null;
        }
        return path;
    }

    /** Key to value in file order; every key and value checked, so one map may report several errors. */
    private static Located<Map<String, String>> tags(Fields f, ErrorCollector errors) {
        Node node = f.value("tags");
        Place place = f.placeOf("tags");
        MappingNode mapping = node == null ? null : Scalars.mapping(node, place, errors);
        if (mapping == null) {
            return null;
        }
        int before = errors.size();
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Place keyPlace = Nodes.place(tuple.getKeyNode(), place);
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyNode.getTag().equals(Tag.NULL)
                    || keyNode.getTag().equals(Tag.MERGE)) {
                errors.add(keyPlace, "tag keys must be plain text");
                continue;
            }
            String key = keyNode.getValue();
            Place here = Nodes.place(keyNode, place.child(Nodes.abbreviate(key)));
            Integer first = firstLine.putIfAbsent(key, here.line());
            if (first != null) {
                errors.add(here, "duplicate tag \"" + Nodes.abbreviate(key) + "\" (first at line " + first + ")");
                continue;
            }
            String keyProblem = tagKeyProblem(key);
            if (keyProblem != null) {
                errors.add(here, "tag key \"" + Nodes.abbreviate(key) + "\" " + keyProblem);
                continue;
            }
            Node valueNode = tuple.getValueNode();
            Place valuePlace = Nodes.place(valueNode, place.child(Nodes.abbreviate(key)));
            Located<String> value = Nodes.isBlank(valueNode) ? null : Scalars.text(valueNode, valuePlace, errors);
            if (Nodes.isBlank(valueNode)) {
                errors.add(here, "tag \"" + Nodes.abbreviate(key) + "\" has no value; CloudFormation needs 1 to 256 "
                        + "characters");
            } else if (value != null && !TAG_VALUE.matcher(value.value()).matches()) {
                errors.add(valuePlace, "tag value \"" + Nodes.abbreviate(value.value()) + "\" must be 1 to 256 letters, "
                        + "digits, spaces or _ . : / = + - @");
            } else if (value != null) {
                tags.put(key, value.value());
            }
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(place, tags.size() + " tags; CloudFormation allows at most " + MAX_TAGS + " on a stack");
        }
        return errors.size() == before ? new Located<>(Collections.unmodifiableMap(tags), place) : null;
    }

    private static String tagKeyProblem(String key) {
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            return "starts with aws:, which AWS reserves for its own tags";
        }
        if (key.contains("=")) {
            return "contains '=': the CDK CLI reads --tags KEY=VALUE up to the first '='";
        }
        if (key.startsWith("-")) {
            return "starts with '-': the CDK CLI would read --tags -... as an option";
        }
        if (!TAG_KEY.matcher(key).matches()) {
            return "must be 1 to 128 letters, digits, spaces or _ . : / + - @";
        }
        return null;
    }
}
