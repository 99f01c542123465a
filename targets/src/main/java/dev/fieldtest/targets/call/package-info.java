/**
 * What every HTTP-speaking target shares for one call: an {@link dev.fieldtest.targets.call.AttemptRunner} that sends
 * one attempt with a deadline (and reads its answer through the provider's {@link dev.fieldtest.targets.call.WireProtocol}),
 * the {@link dev.fieldtest.targets.call.RetryLoop} around it, and the settings every such target reads the same way.
 */
package dev.fieldtest.targets.call;
