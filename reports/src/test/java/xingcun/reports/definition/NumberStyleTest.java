package xingcun.reports.definition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberStyleTest
{
    @Test
    void chineseNumbersUseWanAndYi()
    {
        assertThat(NumberStyle.withUnit(1_000_000_000.0, "yuan", Language.ZH)).isEqualTo("10亿元");
        assertThat(NumberStyle.withUnit(1_050_000.0, "yuan", Language.ZH)).isEqualTo("105万元");
        assertThat(NumberStyle.withUnit(113_350_000.0, "yuan", Language.ZH)).isEqualTo("1.13亿元");
        assertThat(NumberStyle.withUnit(2_695.0, "person_times", Language.ZH)).isEqualTo("2,695人次");
        assertThat(NumberStyle.withUnit(201.0, "person_times", Language.ZH)).isEqualTo("201人次");
        assertThat(NumberStyle.withUnit(24.5, "days", Language.ZH)).isEqualTo("24.5天");
        assertThat(NumberStyle.withUnit(0.914, "ratio", Language.ZH)).isEqualTo("91.4%");
        assertThat(NumberStyle.withUnit(null, "days", Language.ZH)).isEqualTo("—");
    }

    @Test
    void englishNumbersUseMillionsAndUnitWords()
    {
        assertThat(NumberStyle.withUnit(1_050_000.0, "yuan", Language.EN)).isEqualTo("1.05M yuan");
        assertThat(NumberStyle.withUnit(2_695.0, "person_times", Language.EN)).isEqualTo("2,695 person-times");
        assertThat(NumberStyle.withUnit(8.0, "count", Language.EN)).isEqualTo("8");
    }

    @Test
    void changesAgainstThePreviousPeriod()
    {
        assertThat(NumberStyle.change(110.0, 100.0, Language.ZH)).isEqualTo("+10%");
        assertThat(NumberStyle.change(97.0, 100.0, Language.ZH)).isEqualTo("−3%");
        assertThat(NumberStyle.change(5.0, 0.0, Language.ZH)).isEmpty();
        assertThat(NumberStyle.change(0.0, 0.0, Language.EN)).isEqualTo("no change");
        assertThat(NumberStyle.change(5.0, null, Language.EN)).isEmpty();
    }
}
