/**
 * The library API (docs/library.md): build a suite in code with {@link dev.fieldtest.api.Fieldtest#suite},
 * run it in process with {@link dev.fieldtest.api.Fieldtest#run}, read the same summary.json `fieldtest run` writes.
 */
package dev.fieldtest.api;
