package bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.*;
import io.gatling.javaapi.http.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Gatling's open model at one rate: {@code -Drate=R} users per second, each making one
 * POST /v1/chat/completions to 127.0.0.1:{@code -Dport}, for {@code -Dduration} seconds (users arrive at a
 * constant rate, as in fieldtest's {@code profile: constant}).
 *
 * <p>Gatling's own report gives throughput as a count over whole seconds and no measurement window, so
 * the simulation measures itself. The i-th user to start was meant to start at {@code i / R} seconds after
 * the first. Users meant for the first {@code -Dwarmup} seconds warm the JVM and are not counted (as
 * fieldtest's {@code warm_up}). For the rest: the achieved rate is their successful responses divided by the
 * time from the end of the warm-up to the last of their responses (if Gatling cannot start or finish users
 * on time, that time stretches past the injection's end and the rate falls below R), and the late share is
 * the share of them that started more than 1 ms after their planned instant (fieldtest's late-send rule).
 * {@link #after()} prints one line, {@code BENCH rate=… ok=… ko=… window_s=… achieved_rps=… late_share=…},
 * that bench/load/run.sh reads.
 */
public class ChatSimulation extends Simulation {
    private static final int RATE = Integer.getInteger("rate", 1000);
    private static final int DURATION_S = Integer.getInteger("duration", 10);
    private static final double WARM_UP_S = Double.parseDouble(System.getProperty("warmup", "2"));
    private static final int PORT = Integer.getInteger("port", 8080);
    private static final String BODY = System.getProperty("body",
            "{\"model\":\"fixed\",\"messages\":[{\"role\":\"user\",\"content\":\"Say ok: one\"}]}");

    private static final AtomicLong STARTED = new AtomicLong();
    private static final AtomicLong FIRST_START = new AtomicLong();
    /** Per user, in start order: start − first start − planned offset (ns); may be negative (see after()). */
    private static final long[] OFFSET = new long[Math.toIntExact((long) RATE * DURATION_S + RATE)];
    private static final LongAccumulator LAST_END = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private static final LongAdder OK = new LongAdder();
    private static final LongAdder KO = new LongAdder();
    private static final long WARM_UP_NANOS = (long) (WARM_UP_S * 1e9);

    // shareConnections: one keep-alive pool for all users, as a single client service (and wrk, hey and
    // fieldtest) would use; without it every arriving user opens and closes its own TCP connection.
    private final HttpProtocolBuilder protocol = http.baseUrl("http://127.0.0.1:" + PORT)
            .contentTypeHeader("application/json").acceptHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder chat = scenario("chat")
            .exec(session -> {
                long now = System.nanoTime();
                int i = Math.toIntExact(STARTED.getAndIncrement());
                if (i == 0) FIRST_START.set(now);          // read only by users planned 2 s later
                long planned = (long) (i * 1e9 / RATE);   // offset from the first start
                if (i < OFFSET.length) OFFSET[i] = now - FIRST_START.get() - planned;
                return session.set("measured", planned >= WARM_UP_NANOS);
            })
            .exec(http("chat").post("/v1/chat/completions").body(StringBody(BODY)).check(status().is(200)))
            .exec(session -> {
                if (session.getBoolean("measured")) {
                    (session.isFailed() ? KO : OK).increment();
                    LAST_END.accumulate(System.nanoTime());
                }
                return session;
            });

    {
        setUp(chat.injectOpen(constantUsersPerSec(RATE).during(DURATION_S))).protocols(protocol);
    }

    @Override
    public void after() {
        // The first user may itself start late; the schedule's true origin is where the earliest user (relative
        // to its plan) says it is, so offsets are taken from the smallest one.
        int n = (int) Math.min(STARTED.get(), OFFSET.length);
        long origin = 0;
        for (int i = 0; i < n; i++) origin = Math.min(origin, OFFSET[i]);
        int firstMeasured = (int) Math.ceil(WARM_UP_S * RATE);
        long late = 0;
        for (int i = firstMeasured; i < n; i++) if (OFFSET[i] - origin > 1_000_000) late++;
        long ok = OK.sum(), ko = KO.sum();
        double window = (LAST_END.get() - (FIRST_START.get() + origin) - WARM_UP_NANOS) / 1e9;
        double achieved = window > 0 ? ok / window : 0;
        double lateShare = n > firstMeasured ? (double) late / (n - firstMeasured) : 0;
        System.out.printf("BENCH rate=%d ok=%d ko=%d window_s=%.3f achieved_rps=%.1f late_share=%.4f%n",
                RATE, ok, ko, window, achieved, lateShare);
    }
}
