package xingcun.pipeline.cluster;

import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Spark standalone master URL: {@code spark://HOST:PORT}, or {@code spark://HOST1:PORT1,HOST2:PORT2} for a master
 * with standbys.
 */
public record StandaloneMaster(String url, List<InetSocketAddress> endpoints)
{
    private static final String SCHEME = "spark://";

    public StandaloneMaster
    {
        requireNonNull(url, "url is null");
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("Invalid standalone master " + url + ": no endpoints");
        }
    }

    /** The standalone master a Spark master URL names; empty for local[*], yarn, k8s://… */
    public static Optional<StandaloneMaster> parse(String master)
    {
        if (!master.startsWith(SCHEME)) {
            return Optional.empty();
        }
        List<InetSocketAddress> endpoints = new ArrayList<>();
        for (String endpoint : master.substring(SCHEME.length()).split(",")) {
            int colon = endpoint.lastIndexOf(':');
            if (colon <= 0 || !endpoint.substring(colon + 1).matches("\\d{1,5}") || Integer.parseInt(endpoint.substring(colon + 1)) > 65535) {
                throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                        "Invalid Spark master " + master + ": use spark://HOST:PORT, the URL at the top of the master's web UI (port 7077 by default)");
            }
            endpoints.add(InetSocketAddress.createUnresolved(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))));
        }
        return Optional.of(new StandaloneMaster(master, endpoints));
    }

    /**
     * Fails with a line saying what to do unless some endpoint accepts a connection. Spark itself would retry for a
     * minute and then leave the session unusable, so this is checked before the session starts.
     */
    public void requireReachable(Duration timeout)
    {
        String problem = "";
        for (InetSocketAddress endpoint : endpoints) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHostString(), endpoint.getPort()), (int) timeout.toMillis());
                return;
            }
            catch (IOException e) {
                problem = e instanceof UnknownHostException ? "unknown host " + endpoint.getHostString() : e.getMessage();
            }
        }
        throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot reach Spark master " + url + " (" + problem
                + "): start the master (scripts/spark-standalone.sh start runs one on this machine) or give --master the spark:// URL at the top of its web UI");
    }

    /** Whether every endpoint is this machine's loopback address: then so are the workers, and the driver must listen there too. */
    public boolean onLoopback()
    {
        return endpoints.stream().allMatch(endpoint -> {
            try {
                return InetAddress.getByName(endpoint.getHostString()).isLoopbackAddress();
            }
            catch (UnknownHostException e) {
                return false;
            }
        });
    }
}
