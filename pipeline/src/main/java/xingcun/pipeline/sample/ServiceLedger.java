package xingcun.pipeline.sample;

import xingcun.pipeline.sample.ProductCatalog.Product;
import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;
import xingcun.pipeline.sample.TalentRoster.Talent;
import xingcun.pipeline.sample.TrainingLedger.Training;

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
 * service_logs/2021年服务台账.csv and 2022年服务台账.csv (GBK, as Excel on a Chinese-locale PC saves them): every
 * service day of every expert — field guidance, teaching, the four quarterly mechanisms, project matching and
 * online consultations — one file per calendar year, each numbered SL-YYYY-NNNN in date order.
 */
final class ServiceLedger
{
    static final String PATH_2021 = "service_logs/2021年服务台账.csv";
    static final String PATH_2022 = "service_logs/2022年服务台账.csv";
    static final List<String> HEADERS = List.of("日志编号", "人才编号", "服务社区代码", "服务日期", "服务类型", "服务天数", "服务人次", "破解技术瓶颈", "服务内容", "备注");

    static final String FIELD_GUIDANCE = "技术指导";
    static final String TEACHING = "培训授课";
    static final String JOINT_MEETING = "联席会议";
    static final String TARGET_ANALYSIS = "目标分析";
    static final String PROGRESS_REPORT = "进度汇报";
    static final String IN_DEPTH_VISIT = "深度走访";
    static final String PROJECT_MATCHING = "项目对接";
    static final String ONLINE_CONSULTATION = "线上咨询";
    /** The four things every expert does every quarter (program rule), in the order they happen in a quarter. */
    static final List<String> MECHANISMS = List.of(JOINT_MEETING, TARGET_ANALYSIS, IN_DEPTH_VISIT, PROGRESS_REPORT);
    /** Sort order of types within a day, so numbering is stable. */
    private static final List<String> TYPE_ORDER = List.of(JOINT_MEETING, TARGET_ANALYSIS, FIELD_GUIDANCE, TEACHING, IN_DEPTH_VISIT,
            PROJECT_MATCHING, PROGRESS_REPORT, ONLINE_CONSULTATION);

    /** The article's figure: 201 person-times of on-site technical guidance. */
    static final int FIELD_GUIDANCE_ROWS = 201;
    static final BigDecimal REQUIRED_ON_SITE_DAYS = new BigDecimal("30");

    /** Field guidance follows the farming calendar: spring planting (Mar-May) and autumn (Sep-Nov) peak. */
    private static final int[] GUIDANCE_WEIGHTS = {2, 3, 7, 8, 6, 4, 3, 4, 6, 7, 5, 2};

    /** Experts with 5 guidance visits instead of 6: 26 × 6 + 9 × 5 = 201. */
    private static final Set<String> FIVE_VISITS = Set.of("黑荞母", "龙门", "海丰", "中平", "云龙", "山冲", "大兴", "乐亩", "蔡家");

    /** Quarterly mechanism rows never held (so compliance is not 100 %): community → quarter of the cycle (0-3) → types. */
    static final Map<String, Map<Integer, List<String>>> MISSED = Map.of(
            "黑荞母", Map.of(1, List.of(PROGRESS_REPORT)),
            "中平", Map.of(2, List.of(IN_DEPTH_VISIT), 3, List.of(IN_DEPTH_VISIT)),
            "大兴", Map.of(3, List.of(JOINT_MEETING, TARGET_ANALYSIS)),
            "乐亩", Map.of(0, MECHANISMS));

    /** Experts who stayed short of the 30 on-site days in their cycle; everyone else serves 30 to 34. */
    static final Map<String, BigDecimal> SHORT_DAYS = Map.of(
            "大兴", new BigDecimal("22"), "云龙", new BigDecimal("26"), "乐亩", new BigDecimal("28.5"));

    /** A technical bottleneck and the months (1-12) of the year when the work on it happens. */
    record Bottleneck(String name, List<Integer> months)
    {
        int[] seasonWeights()
        {
            int[] weights = new int[12];
            months.forEach(month -> weights[month - 1] = 1);
            return weights;
        }
    }

    /** The eight technical bottlenecks solved (article: goat, strawberry, apple …), each where its product grows. */
    static final Map<String, Bottleneck> BOTTLENECKS = bottlenecks();

    record ServiceLog(String logId, String talentId, String communityCode, LocalDate serviceOn, String dateText, String activityType,
            BigDecimal days, int peopleServed, String bottleneck, String topic, String notes, String path, Expectation expected)
    {
        boolean onSite()
        {
            return !activityType.equals(ONLINE_CONSULTATION);
        }
    }

    /** A row being drawn; days may still be halved to meet the expert's target. */
    private static final class Draft
    {
        final String talentId;
        final String communityCode;
        final LocalDate serviceOn;
        final String type;
        BigDecimal days;
        final int peopleServed;
        String bottleneck = "";
        String topic;
        final String notes;
        String dateText = "";
        Expectation expected = Expectation.ACCEPT;

        Draft(Talent talent, LocalDate serviceOn, String type, BigDecimal days, int peopleServed, String topic, String notes)
        {
            this(talent.talentId(), talent.community().code(), serviceOn, type, days, peopleServed, topic, notes);
        }

        Draft(String talentId, String communityCode, LocalDate serviceOn, String type, BigDecimal days, int peopleServed, String topic, String notes)
        {
            this.talentId = talentId;
            this.communityCode = communityCode;
            this.serviceOn = serviceOn;
            this.type = type;
            this.days = days;
            this.peopleServed = peopleServed;
            this.topic = topic;
            this.notes = notes;
        }
    }

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ServiceLedger() {}

    private static Map<String, Bottleneck> bottlenecks()
    {
        Map<String, Bottleneck> bottlenecks = new LinkedHashMap<>();
        bottlenecks.put("西华", new Bottleneck("草莓连作障碍与脱毒种苗繁育", List.of(7, 8, 9)));
        bottlenecks.put("猫猫箐", new Bottleneck("苹果早期落叶病防治", List.of(6, 7, 8)));
        bottlenecks.put("妥吉", new Bottleneck("山羊舍饲圈养与寄生虫病防控", List.of(9, 10, 11)));
        bottlenecks.put("律则", new Bottleneck("彩色水稻旱育秧与图案田定植", List.of(3, 4, 5)));
        bottlenecks.put("中宝", new Bottleneck("樱桃避雨栽培与裂果防控", List.of(3, 4, 5)));
        bottlenecks.put("白鱼", new Bottleneck("大黄梨黑星病防治", List.of(4, 5, 6, 7)));
        bottlenecks.put("碧鸡", new Bottleneck("古茶树复壮与茶园绿色防控", List.of(3, 4, 5)));
        bottlenecks.put("观音山", new Bottleneck("大棚蔬菜基质无土栽培", List.of(9, 10, 11)));
        return bottlenecks;
    }

    static List<ServiceLog> build(List<Talent> talents, List<Training> trainings, SampleRandom random)
    {
        List<Draft> drafts = new ArrayList<>();
        for (Talent talent : talents) {
            drafts.addAll(talentLogs(talent, trainings, random));
        }
        int guidance = (int) drafts.stream().filter(draft -> draft.type.equals(FIELD_GUIDANCE)).count();
        if (guidance != FIELD_GUIDANCE_ROWS) {
            throw new IllegalStateException("Drew " + guidance + " field-guidance rows, not " + FIELD_GUIDANCE_ROWS);
        }
        for (Draft draft : drafts) {
            draft.dateText = ServiceWording.dateStyle(random).format(draft.serviceOn);
        }

        // deliberately bad rows: an impossible month (typed 13 for 12) and an expert who is not on the roster
        Talent zhongxin = talents.get(SampleCommunity.ALL.indexOf(SampleCommunity.byShortName("中新")));
        Draft badDate = new Draft(zhongxin, LocalDate.of(2021, 12, 5), FIELD_GUIDANCE, ONE, 15, "设施蔬菜水肥管理现场指导", "");
        badDate.dateText = "2021-13-05";
        badDate.expected = Expectation.reject("date.invalid");
        drafts.add(badDate);
        Draft unknownTalent = new Draft("XS2021099", SampleCommunity.byShortName("里仁").code(), LocalDate.of(2022, 3, 16), FIELD_GUIDANCE,
                ONE, 12, "蔬菜穴盘育苗现场指导", "");
        unknownTalent.dateText = DateStyles.SLASH.format(unknownTalent.serviceOn);
        unknownTalent.expected = Expectation.reject("talent.unknown");
        drafts.add(unknownTalent);

        List<ServiceLog> logs2021 = number(drafts, 2021, PATH_2021);
        List<ServiceLog> logs2022 = new ArrayList<>(number(drafts, 2022, PATH_2022));
        // a clerk pasted a 2021 guidance row into the 2022 ledger again: same id, same values
        ServiceLog repeated = logs2021.stream().filter(log -> log.activityType().equals(FIELD_GUIDANCE) && log.expected().accepted())
                .skip(4).findFirst().orElseThrow();
        logs2022.add(new ServiceLog(repeated.logId(), repeated.talentId(), repeated.communityCode(), repeated.serviceOn(), repeated.dateText(),
                repeated.activityType(), repeated.days(), repeated.peopleServed(), repeated.bottleneck(), repeated.topic(), repeated.notes(),
                PATH_2022, Expectation.REPEAT));
        List<ServiceLog> all = new ArrayList<>(logs2021);
        all.addAll(logs2022);
        return all;
    }

    private static List<Draft> talentLogs(Talent talent, List<Training> trainings, SampleRandom random)
    {
        Product product = ProductCatalog.of(talent.product());
        String shortName = talent.community().shortName();
        Set<LocalDate> taken = new HashSet<>();
        YearMonth firstMonth = YearMonth.from(talent.cycleStart());
        List<Draft> onSite = new ArrayList<>();

        // teaching days mirror the accepted trainings the expert gave (the training ledger is the source)
        for (Training training : trainings) {
            if (training.expected().accepted() && training.talent().equals(talent)) {
                taken.add(training.heldOn());
                // a session in the village is a day on site, preparation and follow-up questions included
                onSite.add(new Draft(talent, training.heldOn(), TEACHING, ONE, training.attendees(), ServiceWording.teachingTopic(training.topic()), ""));
            }
        }
        // the quarterly mechanism: joint meeting and target analysis in the first month, visit in the second, report in the third
        Map<Integer, List<String>> missed = MISSED.getOrDefault(shortName, Map.of());
        for (int quarter = 0; quarter < 4; quarter++) {
            for (String type : MECHANISMS) {
                if (missed.getOrDefault(quarter, List.of()).contains(type)) {
                    continue;
                }
                int monthInQuarter = switch (type) {
                    case JOINT_MEETING, TARGET_ANALYSIS -> 0;
                    case IN_DEPTH_VISIT -> 1;
                    default -> 2;
                };
                LocalDate day = random.freeDay(firstMonth.plusMonths(quarter * 3L + monthInQuarter), talent.cycleStart(), talent.cycleEnd(), taken);
                taken.add(day);
                onSite.add(new Draft(talent, day, type, ONE, ServiceWording.mechanismPeople(type, random),
                        ServiceWording.mechanismTopic(type, talent.product(), quarter), ServiceWording.note(random, 0.08)));
            }
        }
        // field guidance, following the farming calendar; a bottleneck is solved on the first visit of its season
        Bottleneck bottleneck = BOTTLENECKS.get(shortName);
        int visits = FIVE_VISITS.contains(shortName) ? 5 : 6;
        for (int i = 0; i < visits; i++) {
            int[] weights = i == 0 && bottleneck != null ? bottleneck.seasonWeights() : GUIDANCE_WEIGHTS;
            LocalDate day = random.freeDay(random.month(firstMonth, 12, weights), talent.cycleStart(), talent.cycleEnd(), taken);
            taken.add(day);
            Draft visit = new Draft(talent, day, FIELD_GUIDANCE, random.chance(0.05) ? HALF : ONE, random.between(6, 40),
                    ServiceWording.guidanceTopic(product, random), ServiceWording.note(random, 0.15));
            if (i == 0 && bottleneck != null) {
                visit.bottleneck = bottleneck.name();
                visit.topic = ServiceWording.bottleneckTopic(bottleneck.name());
            }
            onSite.add(visit);
        }
        onSite.add(projectMatching(talent, product, taken, random, ONE));

        meetTarget(talent, onSite, taken, product, random);

        List<Draft> logs = new ArrayList<>(onSite);
        for (int i = random.between(0, 3); i > 0; i--) {
            LocalDate day = random.freeDay(random.month(firstMonth, 12, GUIDANCE_WEIGHTS), talent.cycleStart(), talent.cycleEnd(), taken);
            taken.add(day);
            logs.add(new Draft(talent, day, ONLINE_CONSULTATION, HALF, random.between(1, 6),
                    ServiceWording.onlineTopic(product.name(), random), ""));
        }
        return logs;
    }

    /**
     * Makes the expert's on-site days add up exactly to a target: 30 to 34 for most, the short totals for three.
     * Too many days → some half days (mechanism rows first, they are often half-day meetings); too few → more
     * project-matching days, which is what experts fill their remaining service time with.
     */
    private static void meetTarget(Talent talent, List<Draft> onSite, Set<LocalDate> taken, Product product, SampleRandom random)
    {
        BigDecimal target = SHORT_DAYS.getOrDefault(talent.community().shortName(),
                REQUIRED_ON_SITE_DAYS.add(HALF.multiply(BigDecimal.valueOf(random.between(0, 8)))));
        BigDecimal sum = onSite.stream().map(draft -> draft.days).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Draft> halvable = new ArrayList<>(onSite);
        halvable.sort(Comparator.comparing((Draft draft) -> MECHANISMS.contains(draft.type) ? 0 : draft.type.equals(TEACHING) ? 1 : 2)
                .thenComparing(draft -> draft.serviceOn));
        for (Draft draft : halvable) {
            if (sum.compareTo(target) <= 0) {
                break;
            }
            if (draft.days.compareTo(ONE) == 0) {
                draft.days = HALF;
                sum = sum.subtract(HALF);
            }
        }
        if (sum.compareTo(target) > 0) {
            throw new IllegalStateException("Cannot bring " + talent.talentId() + " down to " + target + " on-site days");
        }
        while (sum.compareTo(target) < 0) {
            BigDecimal days = target.subtract(sum).min(ONE);
            onSite.add(projectMatching(talent, product, taken, random, days));
            sum = sum.add(days);
        }
    }

    private static Draft projectMatching(Talent talent, Product product, Set<LocalDate> taken, SampleRandom random, BigDecimal days)
    {
        LocalDate day = random.freeDay(random.month(YearMonth.from(talent.cycleStart()), 12, GUIDANCE_WEIGHTS), talent.cycleStart(), talent.cycleEnd(), taken);
        taken.add(day);
        String topic = ServiceWording.projectMatchingTopic(product.name(), random);
        return new Draft(talent, day, PROJECT_MATCHING, days, random.between(2, 8), topic, ServiceWording.note(random, 0.1));
    }

    /** The rows of one calendar year's file, in date order, numbered SL-YYYY-NNNN. */
    private static List<ServiceLog> number(List<Draft> drafts, int year, String path)
    {
        List<Draft> rows = new ArrayList<>(drafts.stream().filter(draft -> draft.serviceOn.getYear() == year).toList());
        rows.sort(Comparator.comparing((Draft draft) -> draft.serviceOn).thenComparing(draft -> draft.talentId)
                .thenComparing(draft -> TYPE_ORDER.indexOf(draft.type)));
        List<ServiceLog> logs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Draft d = rows.get(i);
            // 1, not 1.0: the ledger holds whole and half days as people type them
            logs.add(new ServiceLog("SL-%d-%04d".formatted(year, i + 1), d.talentId, d.communityCode, d.serviceOn, d.dateText, d.type,
                    d.days.stripTrailingZeros(), d.peopleServed, d.bottleneck, d.topic, d.notes, path, d.expected));
        }
        return logs;
    }

    static List<SampleTable> tables(List<ServiceLog> logs)
    {
        return List.of(table(logs, PATH_2021), table(logs, PATH_2022));
    }

    private static SampleTable table(List<ServiceLog> logs, String path)
    {
        List<Row> rows = logs.stream().filter(log -> log.path().equals(path))
                .map(log -> Row.of(log.expected(), log.logId(), log.talentId(), log.communityCode(), log.dateText(), log.activityType(),
                        log.days().toPlainString(), String.valueOf(log.peopleServed()), log.bottleneck(), log.topic(), log.notes()))
                .toList();
        return SampleTable.of(path, FileFormat.CSV_GBK, HEADERS, rows);
    }
}
