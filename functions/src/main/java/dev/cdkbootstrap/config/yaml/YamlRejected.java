package dev.cdkbootstrap.config.yaml;

import org.yaml.snakeyaml.error.Mark;

/** A YAML stream stopped by a hardening rule, at a known place. No stack trace: it is an answer. */
final class YamlRejected extends RuntimeException {
    private final transient Mark mark;
    private final String path;

    YamlRejected(Mark mark, String path, String message) {
        super(message, null, false, false);
        this.mark = mark;
        this.path = path;
    }

    Mark mark() {
        return mark;
    }

    String path() {
        return path;
    }
}
