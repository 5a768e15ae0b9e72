package dev.cdkbootstrap.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads Bootstrap blocks (of the file, a set, a stage or the pipeline: the same keys everywhere) and
 * the (validated, otherwise unused) code_commit block. The keys beyond the seed's are read by
 * {@link SettingsReader}.
 */
final class BootstrapReader {
    static final List<String> KEYS = List.of("enabled", "execution_policy_filepath", "execution_policy_arn",
            "aws_profile", "qualifier", "toolkit_stack_name", "trust_for_lookup", "permissions_boundary",
            "termination_protection", "tags", "kms_key", "public_access_block", "template");
    private static final List<String> CODE_COMMIT_KEYS = List.of("infra", "project_template");
    private static final List<String> REPO_KEYS = List.of("repo_name", "branch_name");
    private static final Pattern POLICY_ARN = Pattern.compile(
            "^arn:" + Regions.ARN_PARTITION + ":iam::([0-9]{12}|aws):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}$");
    /**
     * docs/config.md ("Schema", extensions): 1-10 of {@code a-z 0-9 -}. Decision: not starting with '-', which the CDK CLI's
     * argument parser would read as an option ({@code --qualifier -x}).
     */
    private static final Pattern QUALIFIER = Pattern.compile("^[a-z0-9][a-z0-9-]{0,9}$");
    private static final Pattern STACK_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,127}$");

    private BootstrapReader() {}

    /** The block under {@code owner}'s {@code bootstrap} key, defaults when absent or blank. */
    static BootstrapConfig read(Fields owner, ErrorCollector errors) {
        Node node = owner.value("bootstrap");
        Place place = owner.placeOf("bootstrap");
        if (node == null) {
            return BootstrapConfig.defaults(owner.place().at(place.line(), place.column()));
        }
        MappingNode mapping = Scalars.mapping(node, place, errors);
        if (mapping == null) {
            return BootstrapConfig.defaults(place);
        }
        Fields f = Fields.of(mapping, place, KEYS, errors);
        Boolean enabled = Scalars.bool(f, "enabled", errors);
        Located<String> file = relativePath(f, "execution_policy_filepath", errors);
        Located<String> arn = Scalars.text(f, "execution_policy_arn", errors);
        if (arn != null && !POLICY_ARN.matcher(arn.value()).matches()) {
            errors.add(arn.place(), "\"" + Nodes.abbreviate(arn.value())
                    + "\" is not an IAM policy ARN (arn:<partition>:iam::<account or aws>:policy/<name>)");
            arn = null;
        }
        if (f.value("execution_policy_filepath") != null && f.value("execution_policy_arn") != null) {
            errors.add(f.placeOf("execution_policy_arn"),
                    "choose one: execution_policy_filepath or execution_policy_arn, not both");
        }
        Located<String> qualifier = Scalars.text(f, "qualifier", errors);
        if (qualifier != null && !QUALIFIER.matcher(qualifier.value()).matches()) {
            errors.add(qualifier.place(), "qualifier must be 1 to 10 lowercase letters, digits or '-', "
                    + "starting with a letter or digit");
            qualifier = null;
        }
        Located<String> stack = Scalars.text(f, "toolkit_stack_name", errors);
        if (stack != null && !STACK_NAME.matcher(stack.value()).matches()) {
            errors.add(stack.place(), "not a CloudFormation stack name (a letter, then letters, digits or -, "
                    + "at most 128)");
            stack = null;
        }
        SettingsReader.Settings s = SettingsReader.read(f, errors);
        return new BootstrapConfig(enabled == null ? null : new Located<>(enabled, f.placeOf("enabled")), file, arn,
                Scalars.text(f, "aws_profile", errors), qualifier, stack, s.trustForLookup(), s.permissionsBoundary(),
                s.terminationProtection(), s.tags(), s.kmsKey(), s.publicAccessBlock(), s.template(), place);
    }

    /**
     * A file path under {@code key}, normalized (no "." or empty segments); absolute or climbing paths
     * are errors. The rule of {@code execution_policy_filepath}, also used for {@code template}.
     */
    static Located<String> relativePath(Fields f, String key, ErrorCollector errors) {
        Located<String> raw = Scalars.text(f, key, errors);
        if (raw == null) {
            return null;
        }
        String path = raw.value();
        String problem = null;
        if (path.chars().anyMatch(Character::isISOControl)) {
            problem = "contains control characters";
        } else if (path.contains("\\")) {
            problem = "use / as the separator, not \\";
        } else if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("~")) {
            problem = "must be relative to the folder that holds " + errors.file() + ", not absolute";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                problem = problem != null ? problem : "must not climb out of the folder that holds " + errors.file() + " (..)";
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (problem == null && segments.isEmpty()) {
            problem = "is not a file path";
        }
        if (problem != null) {
            errors.add(raw.place(), key + " \"" + Nodes.abbreviate(path) + "\" " + problem);
            return null;
        }
        return new Located<>(String.join("/", segments), raw.place());
    }

    /** code_commit is accepted for compatibility with the guide and checked for shape only. */
    static void checkCodeCommit(Fields owner, ErrorCollector errors) {
        Node node = owner.value("code_commit");
        if (node == null) {
            return;
        }
        Place place = owner.placeOf("code_commit");
        MappingNode mapping = Scalars.mapping(node, place, errors);
        if (mapping == null) {
            return;
        }
        Fields f = Fields.of(mapping, place, CODE_COMMIT_KEYS, errors);
        for (String repo : CODE_COMMIT_KEYS) {
            Node repoNode = f.value(repo);
            if (repoNode == null) {
                continue;
            }
            MappingNode repoMapping = Scalars.mapping(repoNode, f.placeOf(repo), errors);
            if (repoMapping != null) {
                Fields r = Fields.of(repoMapping, f.placeOf(repo), REPO_KEYS, errors);
                REPO_KEYS.forEach(k -> Scalars.text(r, k, errors));
            }
        }
    }
}
