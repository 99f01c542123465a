package dev.fieldtest.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PSI, Jensen–Shannon and Wasserstein-1 against values worked by hand (the arithmetic is in each comment). */
class DivergenceTest {
    @Test
    void psiOfTwoCategoricalDistributions() {
        // golden A 50 %, B 30 %, C 20 %; production A 30 %, B 30 %, C 40 %:
        // (0.3−0.5)·ln(0.3/0.5) + 0 + (0.4−0.2)·ln(0.4/0.2) = 0.2·0.5108256 + 0.2·0.6931472 = 0.1021651 + 0.1386294 = 0.2407946
        long[] golden = {50, 30, 20}, production = {3, 3, 4};
        assertThat(Divergence.psi(golden, production)).isCloseTo(0.2407946, within(1e-6));
        assertThat(PsiVerdict.of(0.2407946)).isEqualTo(PsiVerdict.MODERATE);
        // Expected PSI from sampling alone: (3 bins − 1)·(1/100 + 1/10) = 2·0.11 = 0.22
        List<String> g = new java.util.ArrayList<>(), p = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) g.add(i < 50 ? "A" : i < 80 ? "B" : "C");
        for (int i = 0; i < 10; i++) p.add(i < 3 ? "A" : i < 6 ? "B" : "C");
        DescriptorDrift d = DescriptorDrift.categorical("x", g, p);
        assertThat(d.psi()).isCloseTo(0.2407946, within(1e-6));
        assertThat(d.psiNoise()).isCloseTo(0.22, within(1e-12));
    }

    @Test
    void psiGivesAnEmptyBinTheEpsilonShare() {
        // golden 50/50 over two bins, production all in the first; the empty bin counts as 0.0001:
        // (1−0.5)·ln(1/0.5) + (0.0001−0.5)·ln(0.0001/0.5) = 0.5·0.6931472 + (−0.4999)·(−8.5171932) = 0.3465736 + 4.2577449 = 4.6043185
        assertThat(Divergence.psi(new long[] {5, 5}, new long[] {7, 0})).isCloseTo(4.6043185, within(1e-6));
    }

    @Test
    void psiOfIdenticalSharesIsZeroAndVerdictsFollowTheRuleOfThumb() {
        assertThat(Divergence.psi(new long[] {1, 2, 3}, new long[] {10, 20, 30})).isZero();
        assertThat(PsiVerdict.of(0.099)).isEqualTo(PsiVerdict.STABLE);
        assertThat(PsiVerdict.of(0.1)).isEqualTo(PsiVerdict.MODERATE);
        assertThat(PsiVerdict.of(0.25)).isEqualTo(PsiVerdict.MODERATE);
        assertThat(PsiVerdict.of(0.26)).isEqualTo(PsiVerdict.SHIFT);
    }

    @Test
    void numericPsiBinsAtGoldenDeciles() {
        // golden 1..10: edges 1..9 (nearest rank ⌈i·10/10⌉), ten bins of 10 % each.
        // production {1,1,2,2,3,3,3,3,10,10}: bins <=1: 20 %, (1,2]: 20 %, (2,3]: 40 %, > 9: 20 %, six bins empty.
        // PSI = 0.1·ln2 + 0.1·ln2 + 0.3·ln4 + 0.1·ln2 + 6·(0.0001−0.1)·ln(0.0001/0.1)
        //     = 0.0693147·3 + 0.4158883 + 6·0.6900848 = 0.2079442 + 0.4158883 + 4.1405088 = 4.7643413
        double[] golden = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] production = {1, 1, 2, 2, 3, 3, 3, 3, 10, 10};
        Binned b = Binned.deciles(golden, production);
        assertThat(b.labels()).hasSize(10).startsWith("<= 1", "(1, 2]").endsWith("> 9");
        assertThat(b.golden()).containsOnly(1);
        assertThat(b.production()).containsExactly(2, 2, 4, 0, 0, 0, 0, 0, 0, 2);
        assertThat(Divergence.psi(b.golden(), b.production())).isCloseTo(4.7643413, within(1e-6));
    }

    @Test
    void tiedGoldenDecilesMerge() {
        // golden {5,5,5,5,5,5,5,5,5,9}: edges 5 (i=1..9) once → bins <=5 and > 5.
        Binned b = Binned.deciles(new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 9}, new double[] {1, 6, 100});
        assertThat(b.labels()).containsExactly("<= 5", "> 5");
        assertThat(b.golden()).containsExactly(9, 1);
        assertThat(b.production()).containsExactly(1, 2);
    }

    @Test
    void categoriesAreTheUnionSorted() {
        Binned b = Binned.categories(List.of("en", "en", "de"), List.of("fr", "en"));
        assertThat(b.labels()).containsExactly("de", "en", "fr");
        assertThat(b.golden()).containsExactly(1, 2, 0);
        assertThat(b.production()).containsExactly(0, 1, 1);
    }

    @Test
    void jensenShannonInBits() {
        // P = [0.5, 0.5], Q = [1, 0], M = [0.75, 0.25].
        // KL(P‖M) = 0.5·log2(0.5/0.75) + 0.5·log2(0.5/0.25) = 0.5·(−0.5849625) + 0.5·1 = 0.2075187
        // KL(Q‖M) = 1·log2(1/0.75) = 0.4150375;  JS = (0.2075187 + 0.4150375)/2 = 0.3112781
        assertThat(Divergence.jensenShannon(new long[] {1, 1}, new long[] {4, 0})).isCloseTo(0.3112781, within(1e-6));
        // Disjoint supports are the maximum, 1 bit; identical ones 0.
        assertThat(Divergence.jensenShannon(new long[] {3, 0}, new long[] {0, 2})).isCloseTo(1.0, within(1e-12));
        assertThat(Divergence.jensenShannon(new long[] {1, 3}, new long[] {2, 6})).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void wassersteinOneBetweenTwoSmallSamples() {
        // X = {0,1,3}, Y = {1,2}. ∫|F−G|: [0,1): |1/3−0|·1 = 1/3; [1,2): |2/3−1/2|·1 = 1/6; [2,3): |2/3−1|·1 = 1/3 → 5/6.
        // Check by quantiles: on u ∈ (0,1/3] |0−1| = 1, (1/3,1/2] 0, (1/2,2/3] |1−2| = 1, (2/3,1] |3−2| = 1 → 1/3+1/6+1/3 = 5/6.
        assertThat(Divergence.wasserstein1(new double[] {3, 0, 1}, new double[] {2, 1})).isCloseTo(5.0 / 6, within(1e-12));
        // A shift by 5 moves all the mass 5.
        assertThat(Divergence.wasserstein1(new double[] {0, 1, 3}, new double[] {5, 6, 8})).isCloseTo(5.0, within(1e-12));
        assertThat(Divergence.wasserstein1(new double[] {2, 2}, new double[] {2})).isZero();
    }
}
