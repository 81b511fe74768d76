package xingcun.pipeline.sample;

import xingcun.pipeline.sample.InboxFiles.LedgerFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * The young local talents each expert's community introduces and fosters in a year (youth_talents/2025年青年人才库.tsv),
 * large growers first, as the pairing model asks.
 */
final class ScaleYouthTalents
{
    private static final List<String> CATEGORIES = List.of("种养殖大户", "高校毕业生", "退役军人", "乡村教师", "乡村医生", "其他");
    private static final int[] CATEGORY_WEIGHTS = {40, 22, 14, 10, 12, 2};

    private ScaleYouthTalents() {}

    static void write(CountyScope scope, ScaleTalent talent, LocalDate from, LocalDate to)
            throws IOException
    {
        SampleRandom random = scope.random();
        SyntheticPeople people = scope.people();
        PeriodLedgers ledgers = scope.ledgers().youthTalents();
        for (int i = random.between(2, 8); i > 0; i--) {
            LocalDate joined = random.day(from, to);
            ScaleCommunity community = scope.nearby(talent.community());
            String communityText = community.village() || random.chance(0.5) ? community.shortName() : community.shortName() + "社区";
            Object[] cells = {ledgers.nextNumber(joined), people.name(people.male(), new HashSet<>()), CATEGORIES.get(random.weighted(CATEGORY_WEIGHTS)),
                    communityText, (random.chance(0.75) ? DateStyles.ISO : DateStyles.SLASH).format(joined)};
            LedgerFile ledger = ledgers.at(joined);
            ledger.write(Expectation.ACCEPT, cells);
            switch (scope.bad().twin(3)) {
                case 0 -> ledger.write(Expectation.REPEAT, cells);
                case 1 -> ledger.write(BadRows.DATE_INVALID, BadRows.with(cells, 4, BadRows.impossibleDate(joined)));
                case 2 -> ledger.write(BadRows.ENUMERATION_UNKNOWN, BadRows.with(cells, 2, "致富带头人"));
                default -> {
                    // no twin
                }
            }
        }
    }
}
