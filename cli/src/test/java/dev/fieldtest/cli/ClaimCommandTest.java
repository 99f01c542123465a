package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldtest claim add / import / list against a history file in a temporary directory. */
class ClaimCommandTest {
    @TempDir Path dir;

    /** What a command line printed and returned. */
    record Result(int code, String out, String err) {}

    /** Runs the command line with System.out/err captured (the commands print there). */
    static Result fieldtest(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String db() {
        return dir.resolve("h.duckdb").toString();
    }

    @Test
    void addingTheSameClaimTwiceRecordsItOnce() throws Exception {
        String[] add = {"claim", "add", "--vendor", "acme", "--model", "m1", "--metric", "pass_rate.value", "--value", "0.9", "--source",
                "https://acme.example/m1", "--date", "2026-01-05", "--history", db()};
        Result first = fieldtest(add);
        assertThat(first.code()).isZero();
        // the id's first 12 hex digits: SHA-256 of the canonical fields, worked with sha256sum (ClaimTest)
        assertThat(first.out()).startsWith("recorded claim 7bf870b8131d (acme/m1 pass_rate.value = 0.9)");
        Result second = fieldtest(add);
        assertThat(second.out()).startsWith("already recorded: claim 7bf870b8131d");
        JsonNode list = new ObjectMapper().readTree(fieldtest("claim", "list", "--json", "--history", db()).out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo("7bf870b8131dee323381387a07f53aae8239431a06655fc6a374515a28d5a6da");
        assertThat(list.get(0).path("date").asText()).isEqualTo("2026-01-05");
    }

    @Test
    void badOptionsAreAllReportedWithExit2() {
        Result r = fieldtest("claim", "add", "--vendor", "acme", "--model", "m1", "--metric", "pass rate", "--value", "0.9", "--source", "s",
                "--date", "2026-01-32", "--history", db());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--date 2026-01-32 is not a date: write it as YYYY-MM-DD").contains("--metric \"pass rate\" is not a dotted metric path");
        assertThat(Files.exists(dir.resolve("h.duckdb"))).isFalse();
    }

    @Test
    void anImportWithOneBadClaimRecordsNothingAndNamesTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("claims.yaml"), """
                - {vendor: acme, model: m2, metric: pass_rate.value, value: 0.8, source: s, date: 2026-01-05}
                - {vendor: acme, model: m3, metric: pass_rate.value, value: "80%", source: s, date: 2026-01-05}
                """);
        Result r = fieldtest("claim", "import", file.toString(), "--history", db());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the claims file (nothing was recorded) has 1 problem:").contains(file + ":2:61: [1].value must be a number");
        assertThat(fieldtest("claim", "list", "--json", "--history", db()).out().trim()).isEqualTo("[]");

        Files.writeString(file, Files.readString(file).replace("\"80%\"", "0.8"));
        Result ok = fieldtest("claim", "import", file.toString(), "--history", db());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).startsWith("recorded 2 new claims of 2");
        assertThat(fieldtest("claim", "import", file.toString(), "--history", db()).out()).startsWith("recorded 0 new claims of 2").contains("(2 already recorded)");
        assertThat(fieldtest("claim", "list", "--history", db()).out()).contains("acme/m2").contains("acme/m3");
    }
}
