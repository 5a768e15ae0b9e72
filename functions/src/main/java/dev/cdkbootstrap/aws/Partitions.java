package dev.cdkbootstrap.aws;

import software.amazon.awssdk.regions.Region;

/** IAM's signing region per partition (the partition of a region is {@code config.Regions.partition}). */
final class Partitions {

    private Partitions() {}

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
