package xingcun.pipeline.sample;

import java.util.List;

import static xingcun.pipeline.sample.ServiceLedger.JOINT_MEETING;
import static xingcun.pipeline.sample.ServiceLedger.IN_DEPTH_VISIT;
import static xingcun.pipeline.sample.ServiceLedger.TARGET_ANALYSIS;

/**
 * The words of a service-log row as experts and clerks write them — topics, notes, head counts, date styles — shared
 * by the Xishan sample and the county and province profiles, so both ledgers read alike. Each method draws from the
 * caller's random in a fixed order; the Xishan sample's bytes depend on that order.
 */
final class ServiceWording
{
    private static final List<String> NOTES = List.of("与社区农技员共同开展", "雨天改为室内讲解", "补录", "附现场照片3张", "农户反映效果良好", "街道分管领导参加");
    private static final List<String> PARTNERS = List.of("农产品收购企业", "冷链物流企业", "电商平台", "农业龙头企业", "涉农金融机构", "乡村旅游投资方", "科研院所示范基地");
    private static final List<String> ONLINE_SUBJECTS = List.of("病虫害", "施肥", "品种选择", "销售", "修剪");
    /** Hand-typed dates: every style the contract allows appears, ISO and slashes most often. */
    private static final List<DateStyles> LEDGER_DATE_STYLES = List.of(DateStyles.ISO, DateStyles.ISO, DateStyles.SLASH, DateStyles.SLASH, DateStyles.SLASH,
            DateStyles.CHINESE, DateStyles.DOTTED, DateStyles.COMPACT);

    private ServiceWording() {}

    static String guidanceTopic(ProductCatalog.Product product, SampleRandom random)
    {
        return random.pick(product.guidanceTopics()) + "现场指导";
    }

    static String bottleneckTopic(String bottleneck)
    {
        return "攻关" + bottleneck + "，形成技术方案并示范推广";
    }

    static String projectMatchingTopic(String product, SampleRandom random)
    {
        return "对接" + random.pick(PARTNERS) + "，洽谈" + product + "产业合作";
    }

    static String onlineTopic(String product, SampleRandom random)
    {
        return "微信群解答" + product + random.pick(ONLINE_SUBJECTS) + "问题";
    }

    static String teachingTopic(String trainingTopic)
    {
        return "培训授课：" + trainingTopic;
    }

    /** How many people a quarterly mechanism brings together. */
    static int mechanismPeople(String type, SampleRandom random)
    {
        return switch (type) {
            case JOINT_MEETING -> random.between(6, 15);
            case TARGET_ANALYSIS -> random.between(4, 10);
            case IN_DEPTH_VISIT -> random.between(3, 12);
            default -> random.between(3, 8);
        };
    }

    /** quarter is 0-3 within the expert's service year. */
    static String mechanismTopic(String type, String product, int quarter)
    {
        String q = "第" + "一二三四".charAt(quarter) + "季度";
        return switch (type) {
            case JOINT_MEETING -> "参加社区人才工作联席会议，商定" + q + "服务计划";
            case TARGET_ANALYSIS -> "与社区“两委”分析" + q + product + "产业服务目标";
            case IN_DEPTH_VISIT -> "深度走访" + product + (ProductCatalog.livestock(product) ? "养殖户" : "种植户") + "，了解技术需求";
            default -> "向街道汇报" + q + "服务进度";
        };
    }

    static String note(SampleRandom random, double probability)
    {
        return random.chance(probability) ? random.pick(NOTES) : "";
    }

    static DateStyles dateStyle(SampleRandom random)
    {
        return random.pick(LEDGER_DATE_STYLES);
    }
}
