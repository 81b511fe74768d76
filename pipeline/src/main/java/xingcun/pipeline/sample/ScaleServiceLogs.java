package xingcun.pipeline.sample;

import xingcun.pipeline.sample.InboxFiles.LedgerFile;
import xingcun.pipeline.sample.ProductCatalog.Product;
import xingcun.pipeline.sample.ScaleTrainings.Session;

import java.io.IOException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import static xingcun.pipeline.sample.ServiceLedger.FIELD_GUIDANCE;
import static xingcun.pipeline.sample.ServiceLedger.IN_DEPTH_VISIT;
import static xingcun.pipeline.sample.ServiceLedger.MECHANISMS;
import static xingcun.pipeline.sample.ServiceLedger.ONLINE_CONSULTATION;
import static xingcun.pipeline.sample.ServiceLedger.PROJECT_MATCHING;
import static xingcun.pipeline.sample.ServiceLedger.TEACHING;

/**
 * An expert's service log of one year (service_logs/…服务台账.csv, GBK): a row a service day — the teaching day of
 * every training, the four quarterly mechanisms (now and then one is missed), and field guidance, online
 * consultations, project matching and visits on days drawn from the farming calendar.
 */
final class ScaleServiceLogs
{
    /** Log rows a year of an expert of average activity: the province's 10,000 experts write about 1 million. */
    static final int MEAN_LOGS = 100;
    /** No expert serves more days than this in a year, however active. */
    static final int MAX_LOGS = 250;
    private static final String OTHER = "其他";
    private static final List<String> DAY_TYPES = List.of(FIELD_GUIDANCE, ONLINE_CONSULTATION, PROJECT_MATCHING, IN_DEPTH_VISIT, OTHER);
    private static final int[] DAY_TYPE_WEIGHTS = {62, 22, 8, 5, 3};
    private static final double MECHANISM_HELD = 0.92;
    private static final double BOTTLENECK_SOLVED = 0.005;
    private static final List<String> OTHER_TOPICS = List.of("协助社区开展农产品展销", "协助申报农业项目", "整理服务台账与影像资料", "接待考察调研");

    private ScaleServiceLogs() {}

    /** count rows in all: one per session, the rest on days not in taken. */
    static void write(CountyScope scope, ScaleTalent talent, SeasonalCalendar calendar, LocalDate from, int count, List<Session> sessions, BitSet taken)
            throws IOException
    {
        SampleRandom random = scope.random();
        int[] days = calendar.serviceDays(from, count - sessions.size(), taken, random);
        String[] types = dayTypes(days, calendar, from, random);
        // the teaching days and the other days, merged in date order (they never share a day)
        int session = 0;
        for (int i = 0; i < days.length || session < sessions.size(); ) {
            if (session < sessions.size() && (i == days.length || !sessions.get(session).day().isAfter(calendar.day(days[i])))) {
                Session teaching = sessions.get(session++);
                write(scope, talent, teaching.day(), TEACHING, "1", teaching.attendees(), "", ServiceWording.teachingTopic(teaching.topic()), talent.community());
            }
            else {
                LocalDate day = calendar.day(days[i]);
                writeDay(scope, talent, day, types[i], from);
                i++;
            }
        }
    }

    /**
     * Each quarter's four mechanisms on days of that quarter (when it has free days), every other day a type drawn
     * from the usual mix.
     */
    private static String[] dayTypes(int[] days, SeasonalCalendar calendar, LocalDate from, SampleRandom random)
    {
        String[] types = new String[days.length];
        for (int quarter = (from.getMonthValue() - 1) / 3; quarter < 4; quarter++) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < days.length; i++) {
                if ((calendar.day(days[i]).getMonthValue() - 1) / 3 == quarter) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            for (String mechanism : MECHANISMS) {
                if (first >= 0 && random.chance(MECHANISM_HELD)) {
                    int at = random.between(first, last);
                    if (types[at] == null) {
                        types[at] = mechanism;
                    }
                }
            }
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                types[i] = DAY_TYPES.get(random.weighted(DAY_TYPE_WEIGHTS));
            }
        }
        return types;
    }

    private static void writeDay(CountyScope scope, ScaleTalent talent, LocalDate day, String type, LocalDate from)
            throws IOException
    {
        SampleRandom random = scope.random();
        Product product = talent.product();
        if (MECHANISMS.contains(type)) {
            int quarter = (day.getMonthValue() - 1) / 3 - (from.getMonthValue() - 1) / 3;
            write(scope, talent, day, type, random.chance(0.3) ? "0.5" : "1", ServiceWording.mechanismPeople(type, random), "",
                    ServiceWording.mechanismTopic(type, product.name(), quarter), talent.community());
            return;
        }
        switch (type) {
            case FIELD_GUIDANCE -> {
                String bottleneck = random.chance(BOTTLENECK_SOLVED) ? random.pick(product.guidanceTopics()) : "";
                String topic = bottleneck.isEmpty() ? ServiceWording.guidanceTopic(product, random) : ServiceWording.bottleneckTopic(bottleneck);
                write(scope, talent, day, type, random.chance(0.1) ? "0.5" : "1", random.between(3, 40), bottleneck, topic, scope.nearby(talent.community()));
            }
            case ONLINE_CONSULTATION -> write(scope, talent, day, type, "0.5", random.between(1, 6), "", ServiceWording.onlineTopic(product.name(), random),
                    talent.community());
            case PROJECT_MATCHING -> write(scope, talent, day, type, "1", random.between(2, 8), "", ServiceWording.projectMatchingTopic(product.name(), random),
                    talent.community());
            case IN_DEPTH_VISIT -> write(scope, talent, day, type, "1", random.between(3, 12), "",
                    ServiceWording.mechanismTopic(type, product.name(), 0), scope.nearby(talent.community()));
            default -> write(scope, talent, day, type, random.chance(0.5) ? "0.5" : "1", random.between(1, 10), "", random.pick(OTHER_TOPICS),
                    talent.community());
        }
    }

    private static void write(CountyScope scope, ScaleTalent talent, LocalDate day, String type, String days, int people, String bottleneck,
            String topic, ScaleCommunity community)
            throws IOException
    {
        SampleRandom random = scope.random();
        PeriodLedgers ledgers = scope.ledgers().serviceLogs();
        Object[] cells = {ledgers.nextNumber(day), talent.talentId(), community.code(), ServiceWording.dateStyle(random).format(day), type, days,
                String.valueOf(people), bottleneck, topic, ServiceWording.note(random, 0.1)};
        LedgerFile ledger = ledgers.at(day);
        ledger.write(Expectation.ACCEPT, cells);
        switch (scope.bad().twin(4)) {
            case 0 -> ledger.write(Expectation.REPEAT, cells);
            case 1 -> ledger.write(BadRows.DATE_INVALID, BadRows.with(cells, 3, BadRows.impossibleDate(day)));
            case 2 -> ledger.write(BadRows.ENUMERATION_UNKNOWN, BadRows.with(cells, 4, "技术服务"));
            case 3 -> ledger.write(Expectation.reject("talent.unknown"), BadRows.with(cells, 1, talent.talentId().substring(0, talent.talentId().length() - 1)));
            default -> {
                // no twin
            }
        }
    }
}
