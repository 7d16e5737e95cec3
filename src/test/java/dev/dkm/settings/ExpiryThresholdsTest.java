package dev.dkm.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The thresholds text of Preferences: positive whole days, de-duplicated, largest first, or one sentence why not. */
class ExpiryThresholdsTest {
    @Test
    void whole_positive_days_are_deduplicated_and_sorted_largest_first() {
        ExpiryThresholds.Parsed parsed = ExpiryThresholds.parse(" 7, 60 30,7;1 ");
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.days()).containsExactly(60, 30, 7, 1);
        assertThat(ExpiryThresholds.format(parsed.days())).isEqualTo("60, 30, 7, 1");
        assertThat(ExpiryThresholds.parse(ExpiryThresholds.format(Settings.DEFAULT_EXPIRY_THRESHOLDS)).days())
                .isEqualTo(Settings.DEFAULT_EXPIRY_THRESHOLDS);
        assertThat(ExpiryThresholds.parse("14").days()).containsExactly(14);
        assertThat(ExpiryThresholds.parse("3650, 1").days()).containsExactly(3650, 1);
    }

    @Test
    void a_bad_value_gives_one_sentence_and_no_days() {
        assertProblem("", "Give at least one number of days, e.g. 60, 30, 7, 1.");
        assertProblem(" , ,", "Give at least one number of days, e.g. 60, 30, 7, 1.");
        assertProblem("60, abc, 7", "\"abc\" is not a whole number of days.");
        assertProblem("60, 7.5", "\"7.5\" is not a whole number of days.");
        assertProblem("30, 0", "Days must be positive: 0 is not.");
        assertProblem("30, -7", "Days must be positive: -7 is not.");
        assertProblem("3651", "At most 3650 days: 3651 is too many.");
        assertProblem("99999999999", "At most 3650 days: 99999999999 is too many.");
        assertThat(ExpiryThresholds.parse(null).ok()).isFalse();
    }

    private static void assertProblem(String text, String sentence) {
        ExpiryThresholds.Parsed parsed = ExpiryThresholds.parse(text);
        assertThat(parsed.ok()).as(text).isFalse();
        assertThat(parsed.days()).isNull();
        assertThat(parsed.problem()).isEqualTo(sentence);
    }
}
