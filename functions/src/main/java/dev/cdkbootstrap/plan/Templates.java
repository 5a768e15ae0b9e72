package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Place;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Custom bootstrap templates ({@code template}): read through the same {@link PolicyFiles} port as
 * policy files (the folder that holds cdk-app.yml), each path once per plan, checked, and kept by
 * path in {@code contents} so later steps use exactly the bytes that were validated. A problem is
 * reported once at every place that names the path.
 */
final class Templates {
    /**
     * CloudFormation's limit for a template passed in the request body (AWS "CloudFormation quotas":
     * template body size, 51,200 bytes). The CDK CLI sends the toolkit stack's template that way: it
     * has no staging bucket to upload it to (node_modules/aws-cdk/lib/index.js, makeBodyParameter,
     * LARGE_TEMPLATE_SIZE_KB = 50).
     */
    static final int MAX_TEMPLATE_BYTES = 51_200;

    /** A checked template and the parameters it declares. */
    record Loaded(ToolkitSettings.CustomTemplate template, Set<String> parameters) {}

    private record Outcome(Loaded loaded, String problem) {}

    private final PolicyFiles files;
    private final ErrorCollector errors;
    private final Map<String, String> contents;
    private final Map<String, Outcome> byPath = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    Templates(PolicyFiles files, ErrorCollector errors, Map<String, String> contents) {
        this.files = files;
        this.errors = errors;
        this.contents = contents;
    }

    /** The template at {@code path}, or {@code null} after recording (once per place) why it cannot be used. */
    Loaded load(Located<String> path) {
        Outcome outcome = byPath.computeIfAbsent(path.value(), this::read);
        if (outcome.problem() != null) {
            Place at = path.place();
            if (reported.add(at.line() + ":" + at.column() + ":" + at.path())) {
                errors.add(at, outcome.problem());
            }
            return null;
        }
        return outcome.loaded();
    }

    private Outcome read(String path) {
        String shown = "template \"" + Nodes.abbreviate(path) + "\"";
        Optional<String> text;
        try {
            text = files.read(path);
        } catch (PolicyFileException e) {
            return new Outcome(null, shown + " " + e.problem());
        } catch (UncheckedIOException | SecurityException e) {
            return new Outcome(null, "cannot read " + shown + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        if (text.isEmpty()) {
            return new Outcome(null, shown + " not found in the folder that holds " + errors.file());
        }
        byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TEMPLATE_BYTES) {
            return new Outcome(null, shown + " is " + bytes.length + " bytes; the limit is " + MAX_TEMPLATE_BYTES
                    + " (CloudFormation's template body limit: the CDK CLI cannot upload a toolkit template to S3)");
        }
        TemplateFacts facts;
        try {
            facts = TemplateFacts.of(text.get());
        } catch (IllegalArgumentException e) {
            return new Outcome(null, shown + " " + e.getMessage());
        }
        contents.put(path, text.get());
        return new Outcome(new Loaded(new ToolkitSettings.CustomTemplate(path, sha256(bytes), facts.variant(),
                facts.version()), facts.parameters()), null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
