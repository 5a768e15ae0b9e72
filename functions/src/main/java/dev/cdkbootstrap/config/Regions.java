package dev.cdkbootstrap.config;

import java.util.regex.Pattern;

/** Region names are checked by shape, not against a list; the partition follows the region. */
public final class Regions {
    private static final Pattern SHAPE = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$");
    private static final Pattern ISO = Pattern.compile("^[a-z]{2}-iso([a-z]?)-.*");

    private Regions() {}

    public static boolean isValid(String region) {
        return SHAPE.matcher(region).matches();
    }

    /** {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso}, {@code aws-iso-b}, ... */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.contains("-gov-")) {
            return "aws-us-gov";
        }
        var iso = ISO.matcher(region);
        if (iso.matches()) {
            return iso.group(1).isEmpty() ? "aws-iso" : "aws-iso-" + iso.group(1);
        }
        return "aws";
    }
}
