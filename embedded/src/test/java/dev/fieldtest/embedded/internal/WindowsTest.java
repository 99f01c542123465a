package dev.fieldtest.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

    @Test
    void aShortTextIsOneWindow() {
        assertThat(Windows.split(tokens(new int[] {1, 2, 3}, new boolean[3]), 5)).containsExactly(new int[] {1, 2, 3});
    }

    @Test
    void anEmptyTextIsOneEmptyWindow() {
        assertThat(Windows.split(tokens(new int[0], new boolean[0]), 5)).containsExactly(new int[0]);
    }

    @Test
    void windowsNeverCutAWord() {
        // words: [1] [2 ##3 ##4] [5] [6]; windows of 3 would cut after ##3, so the first ends before 2
        boolean[] continues = {false, false, true, true, false, false};
        List<int[]> w = Windows.split(tokens(new int[] {1, 2, 3, 4, 5, 6}, continues), 3);
        assertThat(w).containsExactly(new int[] {1}, new int[] {2, 3, 4}, new int[] {5, 6});
    }

    @Test
    void aWordLongerThanAWindowIsCutAnyway() {
        boolean[] continues = {false, true, true, true, true};
        assertThat(Windows.split(tokens(new int[] {1, 2, 3, 4, 5}, continues), 2))
                .containsExactly(new int[] {1, 2}, new int[] {3, 4}, new int[] {5});
    }

    private static Tokens tokens(int[] ids, boolean[] continues) {
        return new Tokens(ids, continues);
    }
}
