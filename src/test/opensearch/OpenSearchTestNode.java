import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node for the search tests, started with the Netty transport and the
 * analysis-common module as plugins on the class path (what a distribution loads from its
 * modules folder), no security manager and no bootstrap checks: single-node discovery, HTTP on
 * 127.0.0.1 at the given port, data under the given folder. It stops when the process that
 * started it closes its standard input (or dies).
 * <p>
 * Run as a single source file: {@code java -cp "target/opensearch-node/lib/*" OpenSearchTestNode.java <http port> <home>}
 * (the jars the build copies there, see the pom's execution "opensearch-node").
 */
public class OpenSearchTestNode {

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Settings settings = Settings.builder()
                .put("cluster.name", "playerdesk-test")
                .put("node.name", "playerdesk-test-node")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", args.length > 2 ? args[2] : "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // a shared build machine's disk may be fuller than the default watermarks allow
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("node.processors", 1)
                .build();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null,
                () -> "playerdesk-test-node");
        Node node = new TestNode(environment);
        node.start();
        System.out.println("OpenSearch test node listening on 127.0.0.1:" + httpPort);
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // the starter holds the pipe open for as long as it wants the node
            }
        } catch (IOException closed) {
            // the starter is gone
        }
        node.close();
        System.exit(0);
    }

    private static final class TestNode extends Node {
        TestNode(Environment environment) {
            super(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
        }
    }
}
