package xingcun.reports.definition;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A kind of report as data (reports/definitions/KIND.yml): which period it covers, what it is about (the district,
 * one community, one talent) and its sections in order. Adding a chart to a report is an edit of that file.
 */
public record ReportDefinition(
        @JsonProperty("kind") String kind,
        @JsonProperty("period") PeriodKind period,
        @JsonProperty("subject") Subject subject,
        @JsonProperty("title_zh") String titleChinese,
        @JsonProperty("title_en") String titleEnglish,
        @JsonProperty("sections") List<Section> sections)
{
    public ReportDefinition
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(period, "period is null");
        subject = subject == null ? Subject.DISTRICT : subject;
        requireNonNull(titleChinese, "title_zh is null");
        sections = List.copyOf(requireNonNull(sections, "sections is null"));
        long distinct = sections.stream().map(Section::id).filter(java.util.Objects::nonNull).distinct().count();
        if (distinct != sections.stream().map(Section::id).filter(java.util.Objects::nonNull).count()) {
            throw new IllegalArgumentException("two sections of report " + kind + " have the same id");
        }
    }

    public String title(Language language)
    {
        return language.pick(titleChinese, titleEnglish);
    }

    public List<Section> charts()
    {
        return sections.stream().filter(section -> section.type() == Section.SectionType.CHART).toList();
    }

    /** What --period must name for this kind of report. */
    public enum PeriodKind
    {
        @JsonProperty("year") YEAR,
        @JsonProperty("quarter") QUARTER,
        @JsonProperty("month") MONTH,
        /** any period: a year, a quarter or a month */
        @JsonProperty("any") ANY,
    }

    /** Whom the report is about: the whole district, one community (--community) or one talent (--talent). */
    public enum Subject
    {
        @JsonProperty("district") DISTRICT,
        @JsonProperty("community") COMMUNITY,
        @JsonProperty("talent") TALENT,
    }
}
