package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which response models count as a claim's model (no store). */
class LedgerSameModelTest {
    @Test
    void aDatedSnapshotIsItsBaseModelButAnotherModelWithTheSamePrefixIsNot() {
        assertThat(LedgerProduction.sameModel("gpt-4o", "GPT-4o")).isTrue();
        assertThat(LedgerProduction.sameModel("gpt-4o", "gpt-4o-2024-08-06")).isTrue();
        assertThat(LedgerProduction.sameModel("claude-3-5-sonnet", "claude-3-5-sonnet-20240620")).isTrue();
        assertThat(LedgerProduction.sameModel("gpt-4o", "gpt-4o-mini")).isFalse();
        assertThat(LedgerProduction.sameModel("gpt-4o", "gpt-4o-mini-2024-07-18")).isFalse();
        assertThat(LedgerProduction.sameModel("gpt-4", "gpt-4o")).isFalse();
        assertThat(LedgerProduction.sameModel("gpt-4o", null)).isFalse();
    }
}
