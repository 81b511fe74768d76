package xingcun.pipeline.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.contract.Family;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DelimitedFileReaderTest
{
    private static final String HEADER = "日志编号,备注";

    /** Each text with whether a quoted cell in it runs over a line break, as a clerk's Excel export could have it. */
    private static final List<Case> CASES = List.of(
            new Case("\n", HEADER + "\nSL-1,\"第一行\n第二行\"\nSL-2,正常\n", true),
            new Case("\r\n", HEADER + "\r\nSL-1,\"第一行\r\n第二行\"\r\nSL-2,正常\r\n", true),
            new Case("lone \\r (old Mac Excel)", HEADER + "\rSL-1,\"第一行\r第二行\"\rSL-2,正常\r", true),
            new Case("odd quotes on a last line without a line break", HEADER + "\nSL-1,\"没有结束", true),
            new Case("balanced quotes, \\r\\n", HEADER + "\r\nSL-1,\"引号\"\"内\"\"的字\",x\r\nSL-2,\"𠀀 四字节\"\r\n", false),
            new Case("byte-order mark, no quotes", "\uFEFF" + HEADER + "\nSL-1,正常\nSL-2,中文\n", false),
            new Case("balanced quotes, no final line break", HEADER + "\nSL-1,\"甲\"", false),
            new Case("an empty line inside a quoted cell", HEADER + "\nSL-1,\"上\n\n下\"\n", true));

    @Test
    void findsCellsSpanningLinesFromTheBytesAsDecodedLinesWould(@TempDir Path temp)
            throws IOException
    {
        int index = 0;
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            for (Case ledger : CASES) {
                Path file = temp.resolve("ledger-" + index++ + ".csv");
                Files.write(file, ledger.text().getBytes(charset));
                InboxFile inboxFile = new InboxFile(Family.SERVICE_LOGS, file, "service_logs/" + file.getFileName(), FileKind.CSV, 0);
                String description = ledger.description() + " in " + charset;

                assertThat(DelimitedFileReader.hasCellsSpanningLines(inboxFile)).as(description).isEqualTo(ledger.spansLines());
                assertThat(someDecodedLineHasOddQuotes(file, charset)).as("the line-by-line reading, " + description).isEqualTo(ledger.spansLines());
            }
        }
    }

    /** The check as it was before it read bytes: every line decoded, its quotes counted. */
    private static boolean someDecodedLineHasOddQuotes(Path file, Charset charset)
            throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            return reader.lines().anyMatch(line -> line.chars().filter(c -> c == '"').count() % 2 == 1);
        }
    }

    private record Case(String description, String text, boolean spansLines) {}
}
