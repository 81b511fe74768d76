package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * industry_outputs/产业数据.csv (UTF-8 with BOM): the community stories of the article as statistics rows — output
 * value, incomes, tourists, vehicles, jobs — with the period styles staff write (2021, 2021年, 2021Q3, 2021年第三季度,
 * 2021-07) and community names with and without their suffix.
 */
final class IndustryStatistics
{
    static final String PATH = "industry_outputs/产业数据.csv";
    static final List<String> HEADERS = List.of("社区名称", "统计期", "指标", "产品", "数值", "单位");

    record IndustryFigure(String communityText, String period, String indicator, String product, BigDecimal value, String unit) {}

    private IndustryStatistics() {}

    static List<IndustryFigure> build()
    {
        List<IndustryFigure> rows = new ArrayList<>();
        // 西华: strawberry output value 80 million+ yuan, and the first half of 2022 by quarter
        add(rows, "西华社区", "2021", "产值", "草莓", "8050", "万元");
        add(rows, "西华社区", "2021", "种植面积", "草莓", "5200", "亩");
        add(rows, "西华社区", "2021", "带动农户", "草莓", "386", "户");
        add(rows, "西华社区", "2022Q1", "产值", "草莓", "3620", "万元");
        add(rows, "西华社区", "2022年第二季度", "产值", "草莓", "2150", "万元");
        add(rows, "西华社区", "2021年", "集体经济收入", "", "152", "万元");
        // 律则: coloured rice — 42 households raised 6 million+; after opening 400+ vehicles and ~1,000 tourists a day
        add(rows, "律则社区居委会", "2021", "筹集资金", "彩色水稻", "605", "万元");
        add(rows, "律则社区居委会", "2021", "带动农户", "彩色水稻", "42", "户");
        add(rows, "律则社区居委会", "2021Q3", "日均车辆", "彩色水稻", "410", "辆");
        add(rows, "律则社区居委会", "2021Q3", "游客人次", "彩色水稻", "980", "人次");
        add(rows, "律则社区居委会", "2021年", "农家乐", "", "6", "个");
        add(rows, "律则社区居委会", "2021年", "特色小吃店", "", "12", "个");
        add(rows, "律则社区居委会", "2021年", "农产品摊点", "", "15", "个");
        add(rows, "律则社区居委会", "2021年", "新增就业", "", "126", "人");
        add(rows, "律则社区居委会", "2021", "种植面积", "彩色水稻", "320", "亩");
        // 猫猫箐: the apple cooperative orchard earns over 100,000 yuan a year
        add(rows, "猫猫箐", "2021", "合作社收入", "苹果", "10.6", "万元");
        add(rows, "猫猫箐", "2021", "种植面积", "苹果", "860", "亩");
        // the brands: 永靖 apples, 中宝 cherries, 白鱼 big yellow pear, 碧鸡 tea and strawberry tourism
        add(rows, "永靖社区", "2021", "产值", "苹果", "1260", "万元");
        add(rows, "永靖社区", "2021", "种植面积", "苹果", "3100", "亩");
        add(rows, "中宝社区", "2021年", "产值", "樱桃", "560", "万元");
        add(rows, "中宝社区", "2022-04", "产值", "樱桃", "160", "万元");
        add(rows, "中宝社区", "2022-05", "产值", "樱桃", "410", "万元");
        // 白鱼 has an annual row and a harvest-quarter row for the same year: reports must use the annual one
        add(rows, "白鱼社区", "2021", "产值", "大黄梨", "430", "万元");
        add(rows, "白鱼社区", "2021年第三季度", "产值", "大黄梨", "360", "万元");
        add(rows, "碧鸡社区", "2021", "产值", "茶", "210", "万元");
        add(rows, "碧鸡社区", "2022Q1", "游客人次", "草莓", "18600", "人次");
        add(rows, "碧鸡社区", "2021-07", "游客人次", "茶", "4200", "人次");
        add(rows, "妥吉社区", "2021", "产值", "山羊", "185", "万元");
        add(rows, "观音山社区", "2021", "产值", "蔬菜", "640", "万元");
        add(rows, "双哨社区", "2021", "集体经济收入", "", "38", "万元");
        return rows;
    }

    private static void add(List<IndustryFigure> rows, String community, String period, String indicator, String product, String value, String unit)
    {
        rows.add(new IndustryFigure(community, period, indicator, product, new BigDecimal(value), unit));
    }

    static SampleTable table(List<IndustryFigure> figures)
    {
        List<Row> rows = figures.stream().map(f -> Row.of(Expectation.ACCEPT, f.communityText(), f.period(), f.indicator(), f.product(),
                f.value().toPlainString(), f.unit())).toList();
        return SampleTable.of(PATH, FileFormat.CSV_UTF8_BOM, HEADERS, rows);
    }
}
