package xingcun.pipeline.sample;

import xingcun.pipeline.sample.DivisionHierarchy.County;
import xingcun.pipeline.sample.DivisionHierarchy.Subdistrict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one county's records are drawn with and written to: its own random stream (so a county's rows do not depend
 * on the counties before it), its bad-row stream, its people, and the inbox's ledgers.
 */
final class CountyScope
{
    /** Experts often serve a neighbouring community of their sub-district too. */
    private static final double NEIGHBOUR = 0.1;

    private final County county;
    private final SampleRandom random;
    private final BadRows bad;
    private final SyntheticPeople people;
    private final VillagePeople villagers;
    private final ScaleLedgers ledgers;
    private final Map<String, List<ScaleCommunity>> bySubdistrict = new HashMap<>();

    CountyScope(County county, long seed, ScaleLedgers ledgers)
    {
        this.county = county;
        this.random = new SampleRandom(SampleRandom.derive(seed, 1));
        this.bad = new BadRows(new SampleRandom(SampleRandom.derive(seed, 2)));
        this.people = new SyntheticPeople(SampleRandom.derive(seed, 3));
        this.villagers = new VillagePeople(people, new SampleRandom(SampleRandom.derive(seed, 4)));
        this.ledgers = ledgers;
        for (Subdistrict subdistrict : county.subdistricts()) {
            bySubdistrict.put(subdistrict.code(), subdistrict.communities());
        }
    }

    County county()
    {
        return county;
    }

    SampleRandom random()
    {
        return random;
    }

    BadRows bad()
    {
        return bad;
    }

    SyntheticPeople people()
    {
        return people;
    }

    VillagePeople villagers()
    {
        return villagers;
    }

    ScaleLedgers ledgers()
    {
        return ledgers;
    }

    /** The expert's own community, or now and then another of its sub-district. */
    ScaleCommunity nearby(ScaleCommunity home)
    {
        return random.chance(NEIGHBOUR) ? random.pick(bySubdistrict.get(home.subdistrictCode())) : home;
    }
}
