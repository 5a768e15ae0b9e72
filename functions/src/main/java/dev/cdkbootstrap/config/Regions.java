package dev.cdkbootstrap.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Regions and partitions from the AWS SDK's region metadata ({@code software.amazon.awssdk.regions}:
 * static data generated from the SDK's endpoints model; no client, no call), so there is one table
 * and the SDK keeps it: a new SDK brings its new regions and partitions. The rules that use it
 * (known, near miss, plausibly new) are {@link RegionCheck}'s; docs/config.md states them.
 */
public final class Regions {
    /** The AWS SDK whose metadata this is (a compile-time constant of the build). */
    public static final String SDK_VERSION = VersionInfo.SDK_VERSION;

    /**
     * A region's shape: a 2-4 letter prefix, one to three lowercase words, a number 1-99 without a
     * leading zero ({@code eu-west-1}, {@code us-gov-west-1}, {@code eusc-de-east-1}). Ours, not the
     * SDK's: its partition patterns use {@code \w}, which lets {@code us-East-1} through.
     */
    private static final Pattern SHAPE = Pattern.compile("^[a-z]{2,4}(-[a-z]+){1,3}-[1-9][0-9]?$");

    /**
     * The partition field of an ARN as the config accepts it: {@code aws} or {@code aws-} and words
     * ({@code aws-cn}, {@code aws-us-gov}, {@code aws-iso-b}, {@code aws-eusc}), also a partition newer
     * than the SDK. Whether it is the target's partition is the planner's check.
     */
    public static final String ARN_PARTITION = "aws(?:-[a-z]+)*";

    /** Real regions (the SDK's {@code *-global} pseudo-regions are not places to bootstrap). */
    private static final SortedSet<String> KNOWN;
    /** A known region to its partition, as its own metadata says (and a lookup, not eight patterns). */
    private static final Map<String, String> KNOWN_PARTITION;
    /** Partition id to its region pattern, by id. */
    private static final Map<String, Pattern> PARTITIONS;

    static {
        SortedSet<String> known = new TreeSet<>();
        Map<String, Pattern> partitions = new TreeMap<>();
        Map<String, String> knownPartition = new HashMap<>();
        for (Region region : Region.regions()) {
            RegionMetadata metadata = RegionMetadata.of(region);
            if (metadata == null) {
                continue;
            }
            PartitionMetadata partition = metadata.partition();
            partitions.computeIfAbsent(partition.id(), id -> Pattern.compile(partition.regionRegex()));
            if (!region.isGlobalRegion()) {
                known.add(region.id());
                knownPartition.put(region.id(), partition.id());
            }
        }
        KNOWN = Collections.unmodifiableSortedSet(known);
        PARTITIONS = Collections.unmodifiableMap(partitions);
        KNOWN_PARTITION = Map.copyOf(knownPartition);
    }

    private Regions() {}

    /** Region-shaped (see the shape above), known to the SDK or not. */
    public static boolean isValid(String region) {
        return SHAPE.matcher(region).matches();
    }

    /** A region of this build's AWS SDK ({@link #SDK_VERSION}). */
    public static boolean isKnown(String region) {
        return KNOWN.contains(region);
    }

    /** Every region of this build's AWS SDK, sorted. */
    public static SortedSet<String> known() {
        return KNOWN;
    }

    /** The partition ids the SDK knows ({@code aws}, {@code aws-cn}, {@code aws-eusc}, ...), sorted. */
    public static SortedSet<String> partitions() {
        return new TreeSet<>(PARTITIONS.keySet());
    }

    /**
     * The region's partition: a known region's own; any other name by the SDK's rule, the partition
     * whose region pattern matches it, so a region newer than the SDK in a known partition is still
     * placed right ({@code cn-south-1} is {@code aws-cn}); when no pattern matches, the SDK's default
     * ({@code aws}), which is also where the SDK would send the calls.
     */
    public static String partition(String region) {
        String known = KNOWN_PARTITION.get(region);
        if (known != null) {
            return known;
        }
        for (Map.Entry<String, Pattern> partition : PARTITIONS.entrySet()) {
            if (partition.getValue().matcher(region).matches()) {
                return partition.getKey();
            }
        }
        return PartitionMetadata.of(Region.of(region)).id();
    }

    /** Whether some partition's region pattern matches (else {@link #partition} is the SDK's default). */
    public static boolean isPlaced(String region) {
        return PARTITIONS.values().stream().anyMatch(p -> p.matcher(region).matches());
    }

    /** The DNS suffix of the region's partition ({@code amazonaws.com}, {@code amazonaws.com.cn}, ...). */
    public static String dnsSuffix(String region) {
        return PartitionMetadata.of(partition(region)).dnsSuffix();
    }
}
