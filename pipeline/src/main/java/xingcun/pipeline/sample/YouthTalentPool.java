package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * youth_talents/青年人才库.tsv (UTF-8, tab-separated): the young local talents introduced and fostered ("200+" in the
 * article; 213 here), over the five categories the program pays attention to.
 */
final class YouthTalentPool
{
    static final String PATH = "youth_talents/青年人才库.tsv";
    static final List<String> HEADERS = List.of("编号", "姓名", "类别", "所在社区", "引进日期");

    static final int YOUTH_TALENTS = 213;
    /** How many of each category: large growers first, as the pairing model (1 batch of large growers) asks. */
    private static final List<String> CATEGORIES = List.of("种养殖大户", "高校毕业生", "退役军人", "乡村教师", "乡村医生");
    private static final int[] CATEGORY_COUNTS = {86, 48, 30, 22, 27};

    /** A clerk pasted the 150th entry a second time, as the 201st data row (file row 202). */
    private static final int REPEAT_AFTER = 200;
    private static final int REPEATED = 150;

    record YouthTalent(String personId, String name, String category, String communityText, LocalDate joinedOn, String dateText, Expectation expected) {}

    private YouthTalentPool() {}

    static List<YouthTalent> build(SyntheticPeople people, SampleRandom random)
    {
        List<YouthTalent> drafts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long days = XishanSampleGenerator.PERIOD_END.toEpochDay() - XishanSampleGenerator.PERIOD_START.toEpochDay();
        for (int c = 0; c < CATEGORIES.size(); c++) {
            for (int i = 0; i < CATEGORY_COUNTS[c]; i++) {
                SampleCommunity community = random.pick(SampleCommunity.ALL);
                LocalDate joined = XishanSampleGenerator.PERIOD_START.plusDays(random.between(0, (int) days));
                String communityText = random.chance(0.5) ? community.shortName() : community.communityName();
                String dateText = (random.chance(0.75) ? DateStyles.ISO : DateStyles.SLASH).format(joined);
                drafts.add(new YouthTalent("", people.name(people.male(), names), CATEGORIES.get(c), communityText, joined, dateText, Expectation.ACCEPT));
            }
        }
        if (drafts.size() != YOUTH_TALENTS) {
            throw new IllegalStateException("Drew " + drafts.size() + " young talents, not " + YOUTH_TALENTS);
        }
        drafts.sort(Comparator.comparing(YouthTalent::joinedOn).thenComparing(YouthTalent::name));
        List<YouthTalent> pool = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            YouthTalent d = drafts.get(i);
            pool.add(new YouthTalent("QN2021-%03d".formatted(i + 1), d.name(), d.category(), d.communityText(), d.joinedOn(), d.dateText(), d.expected()));
        }
        YouthTalent repeated = pool.get(REPEATED - 1);
        pool.add(REPEAT_AFTER, new YouthTalent(repeated.personId(), repeated.name(), repeated.category(), repeated.communityText(),
                repeated.joinedOn(), repeated.dateText(), Expectation.REPEAT));
        return pool;
    }

    static SampleTable table(List<YouthTalent> pool)
    {
        List<Row> rows = pool.stream().map(y -> Row.of(y.expected(), y.personId(), y.name(), y.category(), y.communityText(), y.dateText())).toList();
        return SampleTable.of(PATH, FileFormat.TSV_UTF8, HEADERS, rows);
    }
}
