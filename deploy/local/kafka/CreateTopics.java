import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics on the local broker if they are missing, all in one call (one JVM
 * instead of one TopicCommand per topic). Existing topics are left as they are, so running it on
 * every {@code ./grassroots up} is harmless.
 *
 * <pre>java -cp &lt;kafka classpath&gt; deploy/local/kafka/CreateTopics.java localhost:9092 3 case-events grid-events ...</pre>
 *
 * Arguments: bootstrap servers, partitions per topic, topic names. Replication factor is 1: there
 * is one broker.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CreateTopics <bootstrap servers> <partitions> <topic>...");
            System.exit(2);
        }
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> wanted = List.of(args).subList(2, args.length);

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // The broker may have opened its port a moment before it serves metadata: allow for it.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");

        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            if (missing.isEmpty()) {
                System.out.println("topics present: " + String.join(" ", wanted));
                return;
            }
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    // A service that started first may have made it (auto-create): that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.println("topics created: " + String.join(" ", created));
        }
    }
}
