package xingcun.pipeline.sample;

import xingcun.pipeline.sample.ProductCatalog.Organization;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * A dispatched expert of a generated county. activity scales how much the expert does (about 1 on average, a few
 * three times as much), so that service, trainings and outputs are skewed the way real ledgers are.
 */
record ScaleTalent(String talentId, String name, String gender, String idNumber, String phone, Organization organization, String specialty,
        String title, ScaleCommunity community, LocalDate cycleStart, LocalDate cycleEnd, String batch, double activity)
{
    ScaleTalent
    {
        requireNonNull(talentId, "talentId is null");
        requireNonNull(community, "community is null");
        requireNonNull(cycleStart, "cycleStart is null");
        requireNonNull(cycleEnd, "cycleEnd is null");
    }

    ProductCatalog.Product product()
    {
        return ProductCatalog.of(community.product());
    }
}
