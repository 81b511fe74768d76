package xingcun.pipeline.sample;

import xingcun.pipeline.sample.DivisionHierarchy.County;
import xingcun.pipeline.sample.ProductCatalog.Organization;
import xingcun.pipeline.sample.ProductCatalog.Product;
import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The experts dispatched to one county, and their rows in the prefecture's roster workbook (talents/昆明市人才名册.xlsx).
 * Most communities get one expert in turn; one expert in five goes to one of the county's busy communities, which
 * end up with several experts and the most activity.
 */
final class CountyTalents
{
    private static final double TO_BUSY_COMMUNITY = 0.2;
    private static final double BUSY_ACTIVITY = 1.5;
    /** Spreads activity as a log-normal: most experts near the mean, a few at two or three times it. */
    private static final double ACTIVITY_SPREAD = 0.5;
    private static final double SECOND_BATCH = 0.2;

    private CountyTalents() {}

    static List<ScaleTalent> draw(County county, int count, ScaleOptions options, SyntheticPeople people, SampleRandom random)
    {
        List<ScaleCommunity> inTurn = new ArrayList<>(county.communities());
        random.shuffle(inTurn);
        List<ScaleCommunity> busy = inTurn.stream().filter(ScaleCommunity::busy).toList();
        List<ScaleTalent> talents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ScaleCommunity community = !busy.isEmpty() && random.chance(TO_BUSY_COMMUNITY) ? random.pick(busy) : inTurn.get(i % inTurn.size());
            talents.add(talent("RC%s%05d".formatted(county.code(), i + 1), community, options, people, random));
        }
        return talents;
    }

    private static ScaleTalent talent(String talentId, ScaleCommunity community, ScaleOptions options, SyntheticPeople people, SampleRandom random)
    {
        Product product = ProductCatalog.of(community.product());
        Organization organization = random.pick(product.organizations());
        boolean male = people.male();
        boolean secondBatch = random.chance(SECOND_BATCH);
        double activity = Math.exp(ACTIVITY_SPREAD * random.gaussian() - ACTIVITY_SPREAD * ACTIVITY_SPREAD / 2) * (community.busy() ? BUSY_ACTIVITY : 1);
        return new ScaleTalent(
                talentId,
                people.name(male, new HashSet<>()),
                male ? "男" : "女",
                people.residentId(male, 1962, 1992),
                people.phone(),
                organization,
                product.specialty(),
                random.pick(TalentRoster.titles(organization.type(), ProductCatalog.livestock(product.name()))),
                community,
                secondBatch ? options.periodStart().withMonth(7) : options.periodStart(),
                options.periodEnd(),
                secondBatch ? TalentRoster.SECOND_BATCH : TalentRoster.FIRST_BATCH,
                activity);
    }

    /** The talents' roster rows, each followed now and then by a bad twin. */
    static void addRosterRows(List<ScaleTalent> talents, BadRows bad, SampleRandom random, List<Row> roster)
    {
        for (ScaleTalent talent : talents) {
            Object[] cells = {talent.talentId(), talent.name(), talent.gender(), talent.idNumber(), talent.phone(), talent.organization().name(),
                    talent.organization().type(), talent.specialty(), talent.title(), typedName(talent.community(), random), talent.cycleStart(),
                    talent.cycleEnd(), talent.batch()};
            roster.add(Row.of(Expectation.ACCEPT, cells));
            switch (bad.twin(3)) {
                case 0 -> roster.add(Row.of(Expectation.REPEAT, cells));
                case 1 -> roster.add(Row.of(Expectation.reject("id_number.invalid"), BadRows.with(cells, 3, BadRows.wrongCheckCharacter(talent.idNumber()))));
                case 2 -> roster.add(Row.of(BadRows.DATE_INVALID, BadRows.with(cells, 10, BadRows.impossibleDate(talent.cycleStart()))));
                default -> {
                    // no twin
                }
            }
        }
    }

    static SampleTable roster(String prefectureName, List<Row> rows)
    {
        return new SampleTable("talents/" + prefectureName + "人才名册.xlsx", FileFormat.XLSX, "人才名册", TalentRoster.HEADERS, rows, List.of());
    }

    /**
     * A community as a clerk types it: the registered name, the name people say, or for a 社区 that name with 社区 —
     * never 李家营村, which the ingest could not tell from another village.
     */
    static String typedName(ScaleCommunity community, SampleRandom random)
    {
        double draw = random.fraction();
        if (draw < 0.5) {
            return community.fullName();
        }
        return draw < 0.8 || community.village() ? community.shortName() : community.shortName() + "社区";
    }
}
