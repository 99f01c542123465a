package dev.fieldtest.load;

import java.util.Locale;

/** One step of a load run before it runs: an open-loop schedule or a number of closed-loop users. Immutable. */
public sealed interface StepPlan {
    int index();

    /** One line for progress and logs, such as "40 rps poisson" or "8 users". */
    String describe();

    /** Sends on a schedule, whatever the target does. */
    record Open(int index, double offeredRps, String arrival, Schedule schedule) implements StepPlan {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s rps %s", LoadFormat.rate(offeredRps), arrival);
        }
    }

    /** {@code users} virtual users, each sending again as soon as its answer arrives. */
    record Closed(int index, int users) implements StepPlan {
        @Override
        public String describe() {
            return users + (users == 1 ? " user" : " users");
        }
    }
}
