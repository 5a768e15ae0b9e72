package dev.cdkbootstrap.config;

import java.util.List;
import java.util.stream.Collectors;

/** A cdk-app.yml that cannot be planned; carries every error found, not just the first. */
public final class ConfigValidationException extends RuntimeException {
    private final List<ConfigError> errors;

    public ConfigValidationException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::format).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
