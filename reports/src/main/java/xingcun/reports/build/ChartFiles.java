package xingcun.reports.build;

import java.util.List;

/**
 * One chart as drawn: its option JSON, SVG and PNG, the texts it shows (for the glyph check), and how long the SVG
 * and the PNG took.
 */
public record ChartFiles(String id, String optionJson, String svg, byte[] png, List<String> texts, long svgMillis, long pngMillis)
{
    public ChartFiles
    {
        texts = List.copyOf(texts);
    }

    public ChartFiles withPng(byte[] png, long pngMillis)
    {
        return new ChartFiles(id, optionJson, svg, png, texts, svgMillis, pngMillis);
    }
}
