package xingcun.reports.definition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds report definitions and their named queries: in the installation's reports/definitions/ folder when there is
 * one (an edit there shows in the next report, no rebuild), else the copy built into the jar.
 */
public final class ReportDefinitions
{
    public static final List<String> KINDS = List.of("annual", "quarterly", "monthly", "community", "talent");
    private static final String RESOURCE_FOLDER = "xingcun/reports/definitions/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Optional<Path> folder;

    private ReportDefinitions(Optional<Path> folder)
    {
        this.folder = folder;
    }

    /** The definitions of this installation (system property xingcun.home), else the built-in ones. */
    public static ReportDefinitions installed()
    {
        return new ReportDefinitions(Optional.ofNullable(System.getProperty("xingcun.home"))
                .map(home -> Path.of(home, "reports", "definitions"))
                .filter(Files::isDirectory));
    }

    public static ReportDefinitions in(Path folder)
    {
        return new ReportDefinitions(Optional.of(folder));
    }

    public ReportDefinition load(String kind)
    {
        List<String> kinds = kinds();
        if (!kinds.contains(kind)) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Unknown report kind " + kind + "; use one of: " + String.join(", ", kinds));
        }
        String file = kind + ".yml";
        try {
            ReportDefinition definition = YAML.readValue(read(file), ReportDefinition.class);
            if (!definition.kind().equals(kind)) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid report definition " + file + ": it says kind " + definition.kind());
            }
            return definition;
        }
        catch (UnrecognizedPropertyException e) {
            // records are read through a buffer, so Jackson's line is not the key's: name the key and what is allowed
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid report definition " + file + ": unknown key " + e.getPropertyName()
                    + "; allowed here: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(java.util.stream.Collectors.joining(", ")), e);
        }
        catch (JsonMappingException e) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid report definition " + file + location(e) + ": " + rootMessage(e), e);
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot read report definition " + file + ": " + e.getMessage(), e);
        }
    }

    /** The kinds there are: the built-in five, then any other KIND.yml in the definitions folder (a kind is a file). */
    public List<String> kinds()
    {
        List<String> kinds = new java.util.ArrayList<>(KINDS);
        if (folder.isPresent()) {
            try (java.util.stream.Stream<Path> files = Files.list(folder.get())) {
                files.map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(".yml") && !name.equals("labels.yml"))
                        .map(name -> name.substring(0, name.length() - ".yml".length()))
                        .filter(name -> !kinds.contains(name))
                        .sorted()
                        .forEach(kinds::add);
            }
            catch (IOException e) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot list report definitions in " + folder.get() + ": " + e.getMessage(), e);
            }
        }
        return kinds;
    }

    /** The SQL of a named query (queries/NAME.sql), with :from, :to, :community and :talent as parameters. */
    public String query(String name)
    {
        if (!name.matches("[a-z0-9_]+")) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid query name " + name + ": use lower-case letters, digits and _");
        }
        try {
            return read("queries/" + name + ".sql");
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot read query " + name + ": " + e.getMessage(), e);
        }
    }

    private String read(String file)
            throws IOException
    {
        if (folder.isPresent()) {
            Path path = folder.get().resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IOException("no file " + path);
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        try (InputStream input = ReportDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (input == null) {
                throw new IOException("no " + file + " among the built-in definitions");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String location(JsonMappingException e)
    {
        return e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
    }

    /** Jackson wraps the record's own message ("a chart section has an id …"): that is the one to show. */
    private static String rootMessage(Throwable e)
    {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
