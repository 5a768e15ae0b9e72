package dev.cdkbootstrap.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers every error of one file so they are reported together, in file order. */
public final class ErrorCollector {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();
    private int dropped;

    public ErrorCollector(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(Place place, String message) {
        if (errors.size() < ConfigLimits.MAX_STORED_ERRORS) {
            errors.add(new ConfigError(file, place.line(), place.column(), place.path(), message));
        } else {
            dropped++;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Errors seen so far, stored or only counted. */
    public int size() {
        return errors.size() + dropped;
    }

    /** Throws when anything was collected: sorted by place, capped at {@link ConfigLimits#MAX_ERRORS}. */
    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column)
                .thenComparing(ConfigError::path).thenComparing(ConfigError::message));
        List<ConfigError> distinct = sorted.stream().distinct().toList();
        if (distinct.size() > ConfigLimits.MAX_ERRORS || dropped > 0) {
            List<ConfigError> capped = new ArrayList<>(distinct.subList(0, Math.min(distinct.size(), ConfigLimits.MAX_ERRORS)));
            ConfigError last = capped.get(capped.size() - 1);
            capped.add(new ConfigError(file, last.line(), last.column(), Place.ROOT,
                    "too many errors: " + (distinct.size() - capped.size() + dropped) + " more not shown"));
            distinct = capped;
        }
        throw new ConfigValidationException(distinct);
    }
}
