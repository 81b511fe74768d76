package xingcun.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven filtered into xingcun-version.properties at build time. */
final class VersionProvider
        implements IVersionProvider
{
    @Override
    public String[] getVersion()
            throws IOException
    {
        Properties properties = new Properties();
        try (InputStream stream = VersionProvider.class.getResourceAsStream("/xingcun-version.properties")) {
            properties.load(stream);
        }
        return new String[] {"xingcun " + properties.getProperty("version")};
    }
}
