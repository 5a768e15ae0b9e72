package dev.cdkbootstrap.aws;

import software.amazon.awssdk.regions.Region;

/** Partition of a region name, by the same prefixes as the planner (semantics.md). */
final class Partitions {

    private Partitions() {}

    static String of(String region) {
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
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
