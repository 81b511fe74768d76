package xingcun.reports.definition;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Readable names of dimension codes (reports/definitions/labels.yml): utility_model reads 实用新型专利. */
public final class Labels
{
    private static final Map<String, Map<String, Map<String, String>>> LABELS = load();

    private Labels() {}

    public static String of(String dimension, Object code, Language language)
    {
        String key = code == null ? "null" : code.toString();
        Map<String, String> names = LABELS.getOrDefault(dimension, Map.of()).get(key);
        if (names == null) {
            return code == null ? "—" : key;
        }
        return names.getOrDefault(language.id(), key);
    }

    /** Like the definitions, the installation's reports/definitions/labels.yml wins over the built-in copy. */
    private static Map<String, Map<String, Map<String, String>>> load()
    {
        Optional<Path> installed = Optional.ofNullable(System.getProperty("xingcun.home"))
                .map(home -> Path.of(home, "reports", "definitions", "labels.yml"))
                .filter(Files::isRegularFile);
        try (InputStream input = installed.isPresent()
                ? Files.newInputStream(installed.get())
                : Labels.class.getClassLoader().getResourceAsStream("xingcun/reports/definitions/labels.yml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(input, new TypeReference<>() {});
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot read labels.yml: " + e.getMessage(), e);
        }
    }
}
