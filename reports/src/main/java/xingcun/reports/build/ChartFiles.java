package xingcun.reports.build;

import java.util.List;

/** One chart as drawn: its option JSON, SVG and PNG, what its text needs from the font, and how long it took. */
public record ChartFiles(String id, String optionJson, String svg, byte[] png, List<String> texts, long renderMillis)
{
    public ChartFiles
    {
        texts = List.copyOf(texts);
    }
}
