package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.config.Regions;
import software.amazon.awssdk.regions.Region;

/** Partition of a region name (the planner's rule, semantics.md) and IAM's signing region per partition. */
final class Partitions {

    private Partitions() {}

    /** The planner's rule, so the adapters never disagree with the plan about a region. */
    static String of(String region) {
        return Regions.partition(region);
    }

    /** IAM is global per partition; its signing region. */
    static Region iamRegion(String partition, String targetRegion) {
        return switch (partition) {
            case "aws" -> Region.AWS_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            default -> Region.of(targetRegion);
        };
    }
}
