package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;
import xingcun.pipeline.sample.TalentRoster.Talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * trainings/培训台账.csv (UTF-8 with BOM) and training_attendance/签到表.csv (UTF-8): the special skills trainings the
 * experts gave to large growers, and the sign-in sheets kept for a dozen of them.
 */
final class TrainingLedger
{
    static final String TRAININGS_PATH = "trainings/培训台账.csv";
    static final String ATTENDANCE_PATH = "training_attendance/签到表.csv";
    static final List<String> TRAINING_HEADERS = List.of("培训编号", "授课人才编号", "服务社区", "培训日期", "培训主题", "学时", "参训人次", "培训对象", "形式");
    static final List<String> ATTENDANCE_HEADERS = List.of("培训编号", "姓名", "手机号", "村组", "身份");

    /** The article's figures: 145 trainings, 2,695 large-grower person-times. */
    static final int TRAININGS = 145;
    static final int ATTENDEES = 2695;
    static final String LARGE_GROWERS = "种养殖大户";

    /** Trainings follow the slack season: winter and early spring more, the summer rush less (index 0 = January). */
    private static final int[] MONTH_WEIGHTS = {5, 4, 5, 4, 3, 2, 2, 3, 3, 3, 5, 6};

    private static final List<String> VILLAGE_PARTS = List.of("上村", "下村", "大村", "新村", "中村", "小河");
    private static final List<String> HERDER_ROLES = List.of("养殖大户", "养殖大户", "家庭农场主");
    private static final List<String> GROWER_ROLES = List.of("种植大户", "种植大户", "家庭农场主", "合作社理事长");

    /** The strawberry studio, the coloured-rice and the apple experts teach more than the average. */
    private static final Map<String, Integer> FIXED_COUNTS = fixedCounts();

    record Training(String trainingId, Talent talent, String communityText, LocalDate heldOn, String dateText, String topic,
            BigDecimal hours, int attendees, String attendeesText, String audience, String mode, Expectation expected) {}

    record Attendance(String trainingId, String name, String phone, String village, String role) {}

    private TrainingLedger() {}

    private static Map<String, Integer> fixedCounts()
    {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("西华", 8);
        counts.put("律则", 6);
        counts.put("猫猫箐", 5);
        return counts;
    }

    static List<Training> build(List<Talent> talents, SampleRandom random)
    {
        int[] counts = sessionCounts(talents, random);
        List<Training> drafts = new ArrayList<>();
        for (int t = 0; t < talents.size(); t++) {
            Talent talent = talents.get(t);
            List<String> topics = ProductCatalog.of(talent.product()).trainingTopics();
            Set<LocalDate> taken = new HashSet<>();
            for (int i = 0; i < counts[t]; i++) {
                LocalDate day = day(talent, taken, random);
                String topic = topics.get(i % topics.size()) + (i >= topics.size() ? "（第" + "一二三四五六".charAt(i / topics.size()) + "期）" : "");
                drafts.add(new Training("", talent, talent.community().shortName(), day, dateText(day, random), topic,
                        random.pick(List.of(new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("2.5"))),
                        random.between(10, 28), "", LARGE_GROWERS, random.chance(0.5) ? "田间" : "现场", Expectation.ACCEPT));
            }
        }
        List<Training> trainings = balanceAttendees(drafts, random);

        // two deliberately bad rows: a negative count typed by mistake, and a community outside the program
        Talent zhongxin = talents.get(SampleCommunity.ALL.indexOf(SampleCommunity.byShortName("中新")));
        Talent baiyu = talents.get(SampleCommunity.ALL.indexOf(SampleCommunity.byShortName("白鱼")));
        LocalDate negativeDay = LocalDate.of(2021, 11, 18);
        trainings.add(new Training("", zhongxin, "中新", negativeDay, negativeDay.toString(), "蔬菜病虫害绿色防控（补录）",
                new BigDecimal("2"), -12, "-12", LARGE_GROWERS, "现场", Expectation.reject("number.negative")));
        LocalDate unknownDay = LocalDate.of(2022, 3, 9);
        trainings.add(new Training("", baiyu, "幸福", unknownDay, unknownDay.toString(), "梨树病虫害防治",
                new BigDecimal("3"), 20, "20", LARGE_GROWERS, "田间", Expectation.reject("community.unknown")));

        // the clerk numbers the ledger in date order
        trainings.sort(Comparator.comparing(Training::heldOn).thenComparing(training -> training.talent().talentId()));
        List<Training> numbered = new ArrayList<>();
        for (int i = 0; i < trainings.size(); i++) {
            Training training = trainings.get(i);
            numbered.add(new Training("TR-2021-%03d".formatted(i + 1), training.talent(), training.communityText(), training.heldOn(),
                    training.dateText(), training.topic(), training.hours(), training.attendees(),
                    training.attendeesText().isEmpty() ? String.valueOf(training.attendees()) : training.attendeesText(),
                    training.audience(), training.mode(), training.expected()));
        }
        return numbered;
    }

    /** Sessions per talent: fixed for the three named experts, at least 3 for everyone else, 145 in all. */
    private static int[] sessionCounts(List<Talent> talents, SampleRandom random)
    {
        int[] counts = new int[talents.size()];
        int total = 0;
        List<Integer> open = new ArrayList<>();
        for (int t = 0; t < talents.size(); t++) {
            Integer fixed = FIXED_COUNTS.get(talents.get(t).community().shortName());
            counts[t] = fixed != null ? fixed : 3;
            total += counts[t];
            if (fixed == null) {
                open.add(t);
            }
        }
        while (total < TRAININGS) {
            int t = random.pick(open);
            if (counts[t] < 6) {
                counts[t]++;
                total++;
            }
        }
        return counts;
    }

    private static LocalDate day(Talent talent, Set<LocalDate> taken, SampleRandom random)
    {
        YearMonth month = random.month(YearMonth.from(talent.cycleStart()), 12, MONTH_WEIGHTS);
        LocalDate day = random.freeDay(month, talent.cycleStart(), talent.cycleEnd(), taken);
        taken.add(day);
        return day;
    }

    /** The ledger is typed in Excel: mostly ISO dates, some with slashes. */
    static String dateText(LocalDate day, SampleRandom random)
    {
        return (random.chance(0.7) ? DateStyles.ISO : DateStyles.SLASH).format(day);
    }

    /** Nudges the drawn attendance, one person at a time, until the sessions add up to the published 2,695. */
    private static List<Training> balanceAttendees(List<Training> drafts, SampleRandom random)
    {
        int[] attendees = drafts.stream().mapToInt(Training::attendees).toArray();
        int sum = 0;
        for (int value : attendees) {
            sum += value;
        }
        while (sum != ATTENDEES) {
            int i = random.between(0, attendees.length - 1);
            if (sum < ATTENDEES && attendees[i] < 40) {
                attendees[i]++;
                sum++;
            }
            else if (sum > ATTENDEES && attendees[i] > 8) {
                attendees[i]--;
                sum--;
            }
        }
        List<Training> balanced = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Training d = drafts.get(i);
            balanced.add(new Training(d.trainingId(), d.talent(), d.communityText(), d.heldOn(), d.dateText(), d.topic(), d.hours(),
                    attendees[i], "", d.audience(), d.mode(), d.expected()));
        }
        return balanced;
    }

    /**
     * Sign-in sheets for 12 sessions: one row per attendee who signed, never more than the session's person-times
     * (a few growers leave without signing, so some sheets are short).
     */
    static List<Attendance> attendance(List<Training> trainings, SyntheticPeople people, SampleRandom random)
    {
        List<Training> eligible = new ArrayList<>(trainings.stream().filter(t -> t.expected().accepted() && t.attendees() <= 24).toList());
        random.shuffle(eligible);
        List<Training> chosen = new ArrayList<>(eligible.subList(0, 12));
        chosen.sort(Comparator.comparing(Training::trainingId));
        List<Attendance> rows = new ArrayList<>();
        for (int s = 0; s < chosen.size(); s++) {
            Training training = chosen.get(s);
            int signed = s % 3 == 2 ? training.attendees() - random.between(1, 3) : training.attendees();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < signed; i++) {
                String village = village(training.talent().community().shortName(), random);
                String role = role(training.talent().product(), random);
                rows.add(new Attendance(training.trainingId(), people.name(people.male(), names), people.phone(), village, role));
            }
        }
        return rows;
    }

    /** The village group (村组) a grower signs in with: 西华下村六组. */
    static String village(String communityShortName, SampleRandom random)
    {
        return communityShortName + random.pick(VILLAGE_PARTS) + "一二三四五六".charAt(random.between(0, 5)) + "组";
    }

    /** What a grower calls themselves on the sheet; herders and growers differ. */
    static String role(String product, SampleRandom random)
    {
        return random.pick(ProductCatalog.livestock(product) ? HERDER_ROLES : GROWER_ROLES);
    }

    static SampleTable trainingTable(List<Training> trainings)
    {
        List<Row> rows = trainings.stream().map(t -> Row.of(t.expected(), t.trainingId(), t.talent().talentId(), t.communityText(),
                t.dateText(), t.topic(), t.hours().toPlainString(), t.attendeesText(), t.audience(), t.mode())).toList();
        return SampleTable.of(TRAININGS_PATH, FileFormat.CSV_UTF8_BOM, TRAINING_HEADERS, rows);
    }

    static SampleTable attendanceTable(List<Attendance> attendance)
    {
        List<Row> rows = attendance.stream().map(a -> Row.of(Expectation.ACCEPT, a.trainingId(), a.name(), a.phone(), a.village(), a.role())).toList();
        return SampleTable.of(ATTENDANCE_PATH, FileFormat.CSV_UTF8, ATTENDANCE_HEADERS, rows);
    }
}
