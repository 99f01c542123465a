import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The two HTTP clients fieldtest could use, beside each other on bench/load's endpoint: the JDK's java.net.http
 * and Apache HttpClient 5 (classic, what the openai target uses). Each runs closed loop from THREADS platform threads
 * for SECONDS after a warm-up, POSTing the bench body; prints requests/s and the process's CPU per request.
 *
 * Usage: java -cp HTTPCLIENT5_JARS ClientPeers.java URL BODY [THREADS=4] [SECONDS=5]   (run.sh calls it)
 */
public class ClientPeers {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        byte[] body = args[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;

        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        measure("java.net.http", threads, seconds, () -> jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).statusCode());

        CloseableHttpClient apache = HttpClients.custom().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(256).setMaxConnTotal(256).build())
                .build();
        measure("Apache HttpClient 5", threads, seconds, () -> {
            HttpPost post = new HttpPost(url);
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            return apache.execute(post, response -> {
                response.getEntity().getContent().readAllBytes();
                return response.getCode();
            });
        });
    }

    /** Warm-up, then THREADS loops for SECONDS; a status other than 200 counts as an error. */
    private static void measure(String name, int threads, int seconds, Callable<Integer> call) throws Exception {
        for (int i = 0; i < 5_000; i++) call.call();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong done = new AtomicLong(), errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread[] loops = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            loops[t] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (call.call() != 200) errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            });
        }
        for (Thread t : loops) t.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("CLIENT name=%s threads=%d rps=%.0f cpu_us_per_request=%.1f errors=%d%n", name.replace(' ', '_'),
                threads, done.get() / secs, (os.getProcessCpuTime() - cpu0) / 1e3 / done.get(), errors.get());
    }
}
