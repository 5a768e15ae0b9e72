package dev.cdkbootstrap.config;

/**
 * Bounds that keep a hostile cdk-app.yml from exhausting memory or time. A real config with
 * 10,000 targets uses about a fifth of the node budget and a tenth of the size cap.
 */
public final class ConfigLimits {
    /** Largest accepted file, checked before any parsing. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Aliases (of any kind) per file; anchors are for small shared blocks, not bulk expansion. */
    public static final int MAX_ALIASES = 20;
    /** Nesting of mappings and sequences; the schema needs 7. */
    public static final int MAX_DEPTH = 32;
    /** YAML nodes per file (each is an object in memory): a hostile file then fits a 256 MB heap. */
    public static final int MAX_NODES = 300_000;
    /** Errors reported; past this, one closing line says how many more there were. */
    public static final int MAX_ERRORS = 100;
    /** Errors kept in memory while reading (the rest are only counted): hostile files make millions. */
    public static final int MAX_STORED_ERRORS = 1_000;
    /**
     * Stage entries read across all sets, counting repeats through aliases: bounds the work an
     * aliased set or stage list can multiply. 10,000 targets need about 10,000.
     */
    public static final int MAX_STAGES = 100_000;
    /** Largest policy document IAM accepts for a managed policy (characters without whitespace). */
    public static final int MAX_POLICY_CHARS = 6_144;

    private ConfigLimits() {}

    /** The error for an oversized file; also used by readers that stop reading at the cap. */
    public static String tooLarge(long bytes) {
        return "file is " + bytes + " bytes; the limit is " + MAX_BYTES + " bytes (8 MiB)";
    }
}
