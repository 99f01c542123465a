package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Due dates and statuses worked by hand from a launch on Monday 2026-01-05 (no store). */
class ReviewCalendarDatesTest {
    private static final LocalDate LAUNCH = LocalDate.of(2026, 1, 5);

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void dueDatesCountFromTheLaunch() {
        assertThat(ReviewCalendar.dueOn(LAUNCH, "week4", d("2026-01-10"))).isEqualTo(d("2026-02-02"));
        assertThat(ReviewCalendar.dueOn(LAUNCH, "week12", d("2026-01-10"))).isEqualTo(d("2026-03-30"));
        // quarterly: launch + 91 k = 2026-04-06, 2026-07-06, 2026-10-05, 2027-01-04 (all Mondays)
        assertThat(ReviewCalendar.dueOn(LAUNCH, "quarterly", d("2026-01-10"))).isEqualTo(d("2026-04-06"));
        assertThat(ReviewCalendar.dueOn(LAUNCH, "quarterly", d("2026-03-22"))).isEqualTo(d("2026-04-06"));
        assertThat(ReviewCalendar.dueOn(LAUNCH, "quarterly", d("2026-06-21"))).isEqualTo(d("2026-04-06"));
        assertThat(ReviewCalendar.dueOn(LAUNCH, "quarterly", d("2026-06-22"))).isEqualTo(d("2026-07-06")); // 14 days before
        assertThat(ReviewCalendar.dueOn(LAUNCH, "quarterly", d("2026-09-25"))).isEqualTo(d("2026-10-05"));
        assertThat(ReviewCalendar.dueOn(LAUNCH, "quarterly", d("2026-12-31"))).isEqualTo(d("2027-01-04"));
    }

    @Test
    void statusIsUpcomingThenDueFromFourteenDaysBeforeThenOverdueAfterTheDate() {
        LocalDate due = d("2026-02-02");
        assertThat(ReviewCalendar.status(due, false, d("2026-01-18"))).isEqualTo(ReviewItem.Status.UPCOMING);
        assertThat(ReviewCalendar.status(due, false, d("2026-01-19"))).isEqualTo(ReviewItem.Status.DUE);
        assertThat(ReviewCalendar.status(due, false, d("2026-02-02"))).isEqualTo(ReviewItem.Status.DUE);
        assertThat(ReviewCalendar.status(due, false, d("2026-02-03"))).isEqualTo(ReviewItem.Status.OVERDUE);
        assertThat(ReviewCalendar.status(due, true, d("2026-02-03"))).isEqualTo(ReviewItem.Status.SIGNED);
    }
}
