import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts submission.scored events for the benchmark: "declare QUEUE" binds a queue to the platform exchange before the
 * load; "drain QUEUE COURSE" consumes it and prints: events for the course, distinct submissions, duplicates.
 * Run with the RabbitMQ client on the class path (see run.sh).
 */
public class ScoredEvents {

    private static final Pattern COURSE = Pattern.compile("\"courseKey\":\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("\"submissionId\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = args[1];
            if ("declare".equals(args[0])) {
                channel.queueDeclare(queue, false, false, false, null);
                channel.queueBind(queue, "openlearn.events", "submission.scored");
                return;
            }
            String course = args[2];
            Set<String> seen = new HashSet<>();
            int total = 0;
            int duplicates = 0;
            GetResponse message;
            while ((message = channel.basicGet(queue, true)) != null) {
                String body = new String(message.getBody(), StandardCharsets.UTF_8);
                Matcher c = COURSE.matcher(body);
                if (!c.find() || !c.group(1).equals(course)) {
                    continue;
                }
                Matcher s = SUBMISSION.matcher(body);
                total++;
                if (s.find() && !seen.add(s.group(1))) {
                    duplicates++;
                }
            }
            channel.queueDelete(queue);
            System.out.println(total + " " + seen.size() + " " + duplicates);
        }
    }
}
