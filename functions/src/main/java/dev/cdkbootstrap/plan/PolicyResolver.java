package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.BootstrapConfig;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Regions;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the execution policy of one contribution, in the order of docs/config.md ("Execution policies"): the given file,
 * else the given ARN, else {@code execution_policy_<ACCOUNT>_<REGION>.json} beside cdk-app.yml,
 * else AdministratorAccess. A given file that is missing or invalid is an error, never a fallback.
 */
final class PolicyResolver {
    private static final Pattern ARN = Pattern.compile("^arn:([a-z-]+):iam::([0-9]{12}|aws):policy/.*$");

    private final String appPrefix;
    private final PolicyFiles files;
    private final ErrorCollector errors;
    /** Text of every policy file used, by relative path: what later steps create in IAM. */
    private final Map<String, String> documents;

    PolicyResolver(String appPrefix, PolicyFiles files, ErrorCollector errors, Map<String, String> documents) {
        this.appPrefix = appPrefix;
        this.files = files;
        this.errors = errors;
        this.documents = documents;
    }

    static String administratorAccess(String partition) {
        return "arn:" + partition + ":iam::aws:policy/AdministratorAccess";
    }

    static String defaultFileName(String account, String region) {
        return "execution_policy_" + account + "_" + region + ".json";
    }

    /** The policy, or {@code null} after recording an error. */
    ResolvedPolicy resolve(Contribution c) {
        BootstrapConfig b = c.bootstrap();
        String partition = Regions.partition(c.region());
        if (b.policyFile() != null) {
            Located<String> file = b.policyFile();
            Optional<String> text = read(file.value(), file);
            if (text == null) {
                return null;
            }
            if (text.isEmpty()) {
                errors.add(file.place(), "policy file \"" + Nodes.abbreviate(file.value())
                        + "\" not found in the folder that holds " + errors.file());
                return null;
            }
            return fromFile(c, file.value(), text.get(), ExecutionPolicy.Origin.FILE, file, "");
        }
        if (b.policyArn() != null) {
            return fromArn(c, b.policyArn(), partition);
        }
        String defaultFile = defaultFileName(c.account(), c.region());
        Located<String> owner = new Located<>(defaultFile, c.place());
        Optional<String> text = read(defaultFile, owner);
        if (text == null) {
            return null;
        }
        if (text.isPresent()) {
            return fromFile(c, defaultFile, text.get(), ExecutionPolicy.Origin.DEFAULT_FILE, owner,
                    " (found beside cdk-app.yml and used by default for " + c.key() + ")");
        }
        return new ResolvedPolicy(new ExecutionPolicy(administratorAccess(partition),
                ExecutionPolicy.Origin.DEFAULT, null), c, b.place());
    }

    /** The file's text, empty when there is none, or {@code null} after recording why it cannot be read. */
    private Optional<String> read(String path, Located<String> at) {
        try {
            return files.read(path);
        } catch (PolicyFileException e) {
            errors.add(at.place(), "policy file \"" + Nodes.abbreviate(path) + "\" " + e.problem());
            return null;
        } catch (UncheckedIOException | SecurityException e) {
            errors.add(at.place(), "cannot read policy file \"" + Nodes.abbreviate(path) + "\": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return null;
        }
    }

    private ResolvedPolicy fromFile(Contribution c, String path, String text, ExecutionPolicy.Origin origin,
                                    Located<String> at, String note) {
        Optional<String> problem = PolicyDocuments.problem(text);
        if (problem.isPresent()) {
            errors.add(at.place(), "policy file \"" + Nodes.abbreviate(path) + "\"" + note + " " + problem.get());
            return null;
        }
        documents.put(path, text);
        String arn = "arn:" + Regions.partition(c.region()) + ":iam::" + c.account() + ":policy/"
                + policyName(c.region());
        return new ResolvedPolicy(new ExecutionPolicy(arn, origin, path), c, at.place());
    }

    /** Per region: IAM is global per account, so two regions must not fight over one policy. */
    String policyName(String region) {
        return appPrefix + "-exec-" + region;
    }

    private ResolvedPolicy fromArn(Contribution c, Located<String> arn, String partition) {
        Matcher m = ARN.matcher(arn.value());
        if (!m.matches()) {
            return null; // the reader already reported the shape
        }
        if (!m.group(1).equals(partition)) {
            errors.add(arn.place(), "policy ARN is in partition " + m.group(1) + " but " + c.key()
                    + " is in " + partition);
            return null;
        }
        if (!m.group(2).equals("aws") && !m.group(2).equals(c.account())) {
            errors.add(arn.place(), "policy ARN belongs to account " + m.group(2) + "; target " + c.key()
                    + " can only use its own account's policies or AWS managed ones");
            return null;
        }
        return new ResolvedPolicy(new ExecutionPolicy(arn.value(), ExecutionPolicy.Origin.ARN, null), c, arn.place());
    }
}
