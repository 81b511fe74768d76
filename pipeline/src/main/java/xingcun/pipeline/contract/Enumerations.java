package xingcun.pipeline.contract;

/** The enumerations of the data contract (../shared/design/data-contract.md, "Enumerations"). */
public final class Enumerations
{
    public static final Enumeration GENDER = Enumeration.of("gender", "male", "男", "female", "女");
    public static final Enumeration ORGANIZATION_TYPE = Enumeration.of("organization_type",
            "research_institute", "科研院所", "tech_enterprise", "科技企业", "tech_association", "技术协会",
            "university", "高等院校|高校", "other", "其他");
    public static final Enumeration ACTIVITY_TYPE = Enumeration.of("activity_type",
            "field_guidance", "技术指导", "teaching", "培训授课", "joint_meeting", "联席会议",
            "target_analysis", "目标分析", "progress_report", "进度汇报", "in_depth_visit", "深度走访",
            "project_matching", "项目对接", "online_consultation", "线上咨询", "other", "其他");
    public static final Enumeration AUDIENCE = Enumeration.of("audience",
            "large_grower", "种养殖大户", "villager", "村民", "cooperative_member", "合作社成员",
            "village_cadre", "村干部", "other", "其他");
    public static final Enumeration TRAINING_MODE = Enumeration.of("mode",
            "on_site", "现场", "field", "田间", "online", "线上");
    public static final Enumeration OUTPUT_TYPE = Enumeration.of("output_type",
            "invention_patent", "发明专利", "utility_model", "实用新型专利|实用新型", "design_patent", "外观设计专利|外观设计",
            "software_copyright", "软件著作权|计算机软件著作权|软著", "enterprise_standard", "企业标准",
            "new_variety", "新品种", "other", "其他");
    public static final Enumeration INDICATOR = Enumeration.of("indicator",
            "output_value", "产值", "collective_income", "集体经济收入", "cooperative_income", "合作社收入",
            "tourists", "游客人次", "daily_vehicles", "日均车辆", "new_jobs", "新增就业", "households_benefiting", "带动农户",
            "farm_restaurants", "农家乐", "snack_shops", "特色小吃店", "produce_stalls", "农产品摊点",
            "funds_raised", "筹集资金", "planted_area", "种植面积");
    public static final Enumeration UNIT = Enumeration.of("unit",
            "yuan", "元", "10k_yuan", "万元", "100m_yuan", "亿元", "person_times", "人次", "vehicles", "辆",
            "persons", "人", "households", "户", "count", "个|家", "mu", "亩");
    public static final Enumeration PROJECT_KIND = Enumeration.of("kind",
            "introduced", "引进项目", "innovation", "人才工作创新项目|创新项目", "recruitment", "双招双引");
    public static final Enumeration PROJECT_STATUS = Enumeration.of("status",
            "negotiating", "洽谈中", "intended", "意向", "landed", "已落地");
    public static final Enumeration RATING = Enumeration.of("rating",
            "excellent", "优秀", "qualified", "合格", "unqualified", "不合格");
    public static final Enumeration YOUTH_CATEGORY = Enumeration.of("category",
            "large_grower", "种养殖大户", "graduate", "高校毕业生", "veteran", "退役军人",
            "rural_teacher", "乡村教师", "rural_doctor", "乡村医生", "other", "其他");

    private Enumerations() {}
}
