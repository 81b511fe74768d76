package xingcun.pipeline.normalize;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.contract.Enumeration;
import xingcun.pipeline.contract.Enumerations;
import xingcun.pipeline.contract.Family;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsersTest
{
    @Test
    void parsesHandTypedDates()
    {
        LocalDate expected = LocalDate.of(2021, 7, 13);
        for (String text : new String[] {"2021-07-13", "2021/7/13", "2021.07.13", "20210713", "2021年7月13日", " ２０２１－０７－１３ ", "2021-07-13 00:00:00", "44390"}) {
            assertThat(DateParser.parse(text)).as(text).contains(expected);
        }
    }

    @Test
    void rejectsImpossibleDates()
    {
        assertThat(DateParser.parse("2021-13-05")).isEmpty();
        assertThat(DateParser.parse("2021-02-30")).isEmpty();
        assertThat(DateParser.parse("下周三")).isEmpty();
        assertThat(DateParser.parse("7/13/2021")).isEmpty();
    }

    @Test
    void parsesHandTypedNumbers()
    {
        assertThat(NumberParser.parse("1.05万").orElseThrow().value()).isEqualByComparingTo("10500");
        assertThat(NumberParser.parse("1.05万").orElseThrow().hasMultiplier()).isTrue();
        assertThat(NumberParser.parse("１，２００").orElseThrow().value()).isEqualByComparingTo("1200");
        assertThat(NumberParser.parse("80,000,000元").orElseThrow().value()).isEqualByComparingTo("80000000");
        assertThat(NumberParser.parse("10亿").orElseThrow().value()).isEqualByComparingTo(BigDecimal.valueOf(1_000_000_000));
        assertThat(NumberParser.parse("42户").orElseThrow().hasMultiplier()).isFalse();
        assertThat(NumberParser.parse("-12").orElseThrow().value()).isEqualByComparingTo("-12");
        assertThat(NumberParser.parse("约一千")).isEmpty();
        assertThat(NumberParser.parse("1.2.3")).isEmpty();
        // plain digits take a path without the pattern: the same numbers, to 18 digits and past them
        assertThat(NumberParser.parse("007")).contains(new NumberParser.ParsedNumber(new BigDecimal("7"), false));
        assertThat(NumberParser.parse("123456789012345678")).contains(new NumberParser.ParsedNumber(new BigDecimal("123456789012345678"), false));
        assertThat(NumberParser.parse("1234567890123456789")).contains(new NumberParser.ParsedNumber(new BigDecimal("1234567890123456789"), false));
        assertThat(NumberParser.parse("")).isEmpty();
    }

    @Test
    void parsesPeriods()
    {
        assertThat(Period.parse("2021")).contains(new Period("2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
        assertThat(Period.parse("2021年")).map(Period::label).contains("2021");
        assertThat(Period.parse("2021Q3")).contains(new Period("2021Q3", LocalDate.of(2021, 7, 1), LocalDate.of(2021, 9, 30)));
        assertThat(Period.parse("2021年第三季度")).map(Period::label).contains("2021Q3");
        assertThat(Period.parse("2021-07")).contains(new Period("2021-07", LocalDate.of(2021, 7, 1), LocalDate.of(2021, 7, 31)));
        assertThat(Period.parse("2021年2月")).map(Period::end).contains(LocalDate.of(2021, 2, 28));
        assertThat(Period.parse("2021-13")).isEmpty();
        assertThat(Period.parse("上半年")).isEmpty();
    }

    @Test
    void matchesHeadersIgnoringWidthCaseAndUnits()
    {
        HeaderMatcher matcher = new HeaderMatcher(Family.SERVICE_LOGS);
        assertThat(matcher.match("服务人次（人次）").canonical()).contains("people_served");
        assertThat(matcher.match("服务人次（人次）").unit()).contains("人次");
        assertThat(matcher.match(" Log_ID ").canonical()).contains("log_id");
        assertThat(matcher.match("\uFEFF日志编号").canonical()).contains("log_id");
        assertThat(matcher.match("服务社区代码").canonical()).contains("community_code");
        assertThat(matcher.match("序号").canonical()).isEmpty();
        HeaderMatcher projects = new HeaderMatcher(Family.PROJECTS);
        assertThat(projects.match("到位资金(万元)").canonical()).contains("funds_in_place");
        assertThat(projects.match("到位资金(万元)").unit()).contains("万元");
    }

    @Test
    void removesSpacesAsTheRegexWouldAndKeepsACleanValueAsItIs()
    {
        for (String typed : new String[] {"XS 2021\t001", " a\u000Bb\fc\r\n", "138-0000 1234", "", "   ", "全角　空格"}) {
            String codePoints = typed.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString(); // blanks and controls made visible
            assertThat(Text.withoutSpaces(typed)).as(codePoints).isEqualTo(typed.replaceAll("\\s+", ""));
            assertThat(Text.withoutSpacesOrHyphens(typed)).as(codePoints).isEqualTo(typed.replaceAll("[\\s-]", ""));
        }
        String clean = "XS2021001";
        assertThat(Text.withoutSpaces(clean)).isSameAs(clean);
        assertThat(Text.withoutSpacesOrHyphens("13800001234")).isEqualTo("13800001234");
    }

    @Test
    void readsAnEnumerationValueTypedExactlyOrLoosely()
    {
        Enumeration activity = Enumerations.ACTIVITY_TYPE;
        assertThat(activity.canonical("技术指导")).contains("field_guidance");
        assertThat(activity.canonical("field_guidance")).contains("field_guidance");
        assertThat(activity.canonical(" Field-Guidance ")).contains("field_guidance");
        assertThat(activity.canonical("FIELD GUIDANCE")).contains("field_guidance");
        assertThat(Enumerations.ORGANIZATION_TYPE.canonical("高校")).contains("university");
        assertThat(activity.canonical("喝茶")).isEmpty();
    }

    @Test
    void refusesAnEnumerationWordWhoseMatchKeyIsNotStable()
    {
        // an em space left at the end once the separators are gone: that key is not its own match key, so looking a
        // value up as typed would not agree with matching it
        assertThatThrownBy(() -> Enumeration.of("test", "a", "甲_\u2003_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The word \"甲_\u2003_\" of enumeration test has a match key that changes when matched again: \"甲\u2003\"");
    }
}
