package xingcun.pipeline.sample;

import java.util.Locale;

/**
 * The shapes of the synthetic inboxes beyond the Xishan sample: how many sub-districts and communities a county has,
 * how many experts are dispatched by default, and how the large ledgers are cut into files.
 */
public enum ScaleProfile
{
    /** One county of ~10 sub-districts and 150–250 communities, 60–100 experts; one ledger a year, as a county keeps it. */
    COUNTY(8, 12, 150, 250, LedgerPeriod.YEAR),
    /**
     * Yunnan: 16 prefectures, 129 counties of 8–14 sub-districts and 40–68 communities each (≈7,000), 10,000 experts
     * (program-facts.md, "Scale references"); monthly ledgers, so that Spark reads a dozen files of a family side by side.
     */
    PROVINCE(8, 14, 40, 68, LedgerPeriod.MONTH);

    static final int PROVINCE_TALENTS = 10_000;

    private final int minSubdistricts;
    private final int maxSubdistricts;
    private final int minCommunities;
    private final int maxCommunities;
    private final LedgerPeriod ledgerPeriod;

    ScaleProfile(int minSubdistricts, int maxSubdistricts, int minCommunities, int maxCommunities, LedgerPeriod ledgerPeriod)
    {
        this.minSubdistricts = minSubdistricts;
        this.maxSubdistricts = maxSubdistricts;
        this.minCommunities = minCommunities;
        this.maxCommunities = maxCommunities;
        this.ledgerPeriod = ledgerPeriod;
    }

    /** The name the command line uses: county, province. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    int subdistricts(SampleRandom random)
    {
        return random.between(minSubdistricts, maxSubdistricts);
    }

    /** Communities of one county; at least two per sub-district. */
    int communities(SampleRandom random, int subdistricts)
    {
        return Math.max(random.between(minCommunities, maxCommunities), 2 * subdistricts);
    }

    /** How many experts when --talents is not given: the province's published figure, a county's drawn from its seed. */
    int defaultTalents(SampleRandom random)
    {
        return this == PROVINCE ? PROVINCE_TALENTS : random.between(60, 100);
    }

    LedgerPeriod ledgerPeriod()
    {
        return ledgerPeriod;
    }
}
