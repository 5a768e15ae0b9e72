package dev.cdkbootstrap.config;

/** Where something sits in a cdk-app.yml: 1-based line and column, and its path. */
public record Place(int line, int column, String path) {

    /** The path used for problems of the whole file (size, encoding, syntax before any key). */
    public static final String ROOT = "$";

    public static Place fileStart() {
        return new Place(1, 1, ROOT);
    }

    public Place child(String key) {
        return new Place(line, column, ROOT.equals(path) ? key : path + "." + key);
    }

    public Place at(int line, int column) {
        return new Place(line, column, path);
    }

    /** {@code file:line:col}, used when a message names a second place. */
    public String describe(String file) {
        return file + ":" + line + ":" + column + " (" + path + ")";
    }
}
