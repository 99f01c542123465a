package dev.fieldtest.core.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sample: buckets against SHA-256 computed here (and by hand with sha256sum), the share against the binomial. */
class SpanSamplerTest {
    @Test
    void bucketsAreTheFirstEightBytesOfSha256UnsignedModuloTenThousand() throws Exception {
        // printf '4bf92f3577b34da6a3ce929d0e0e4736\n00f067aa0ba902b7\nsupport' | sha256sum → 7911dde353c44a57…; 0x7911dde353c44a57 mod 10000 = 9111
        assertThat(SpanSampler.bucket("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "support")).isEqualTo(9111);
        // the same span for another suite falls elsewhere: 38437a7291d1071a… → 3946
        assertThat(SpanSampler.bucket("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "billing")).isEqualTo(3946);
        // a digest starting with 0xea (negative as a signed long) is read unsigned: 0xea7fb08b7a2dc461 mod 10000 = 2801
        assertThat(SpanSampler.bucket("a", "b", "c")).isEqualTo(2801);
        assertThat(SpanSampler.bucket("a", "b", "c")).isEqualTo(independentBucket("a\nb\nc"));
        assertThat(SpanSampler.bucket("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "support")).isEqualTo(9605);
    }

    @Test
    void aSpanIsSelectedWhenItsBucketIsBelowRateTimesTenThousand() {
        assertThat(SpanSampler.selected("a", "b", "c", 0.2801)).isFalse();
        assertThat(SpanSampler.selected("a", "b", "c", 0.2802)).isTrue();
        assertThat(SpanSampler.selected("a", "b", "c", 0)).isFalse();
        assertThat(SpanSampler.selected("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "support", 1)).isTrue();
        assertThat(SpanSampler.selected("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "support", 0.5)).isFalse();
        assertThat(SpanSampler.selected("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "billing", 0.5)).isTrue();
    }

    @Test
    void theSelectedShareOfTenThousandIdsIsWithinBinomialToleranceAndRepeats() throws Exception {
        int n = 10_000;
        double rate = 0.1;
        boolean[] first = new boolean[n];
        int selected = 0;
        for (int i = 0; i < n; i++) {
            String trace = String.format("%032x", i * 7919L);
            first[i] = SpanSampler.selected(trace, String.format("%016x", i), "suite", rate);
            if (first[i]) selected++;
            assertThat(SpanSampler.bucket(trace, String.format("%016x", i), "suite")).isEqualTo(independentBucket(trace + "\n" + String.format("%016x", i) + "\nsuite"));
        }
        // sd = sqrt(n·p·(1−p)) = 30; 4 sd either side of 1,000
        assertThat(selected).isBetween(880, 1120);
        boolean[] again = new boolean[n];
        for (int i = 0; i < n; i++) again[i] = SpanSampler.selected(String.format("%032x", i * 7919L), String.format("%016x", i), "suite", rate);
        assertThat(Arrays.equals(first, again)).isTrue();
    }

    /** The specification written out another way: BigInteger over the first 8 digest bytes, unsigned. */
    private static int independentBucket(String text) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(d, 8)).mod(BigInteger.valueOf(10_000)).intValue();
    }
}
