package xingcun.pipeline.sample;

import static java.util.Objects.requireNonNull;

/**
 * A generated community (社区居委会) or administrative village (村委会): its 12-digit statistics code, the name people
 * say (李家营), the sub-district it belongs to, the product its expert serves, and whether it is one of the county's
 * busiest — a few communities host several experts and most of the activity.
 */
record ScaleCommunity(String code, String shortName, boolean village, String subdistrictCode, String product, boolean busy)
{
    ScaleCommunity
    {
        requireNonNull(code, "code is null");
        requireNonNull(shortName, "shortName is null");
        requireNonNull(subdistrictCode, "subdistrictCode is null");
        requireNonNull(product, "product is null");
        if (!code.matches("\\d{12}") || !code.startsWith(subdistrictCode.substring(0, 9))) {
            throw new IllegalArgumentException("Invalid community code " + code + " under " + subdistrictCode);
        }
    }

    /** The registered name, as on the division table: 李家营村委会, 新街社区居委会. */
    String fullName()
    {
        return shortName + (village ? "村委会" : "社区居委会");
    }
}
