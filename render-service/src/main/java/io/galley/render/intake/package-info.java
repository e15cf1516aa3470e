/**
 * What comes in from Kafka: the one consumer of chapter sources and commits ({@code
 * BookRecordsListener}), its listener factory, error handler and joined-topics check; it hands
 * records to the build's join and wakes the build queue.
 */
package io.galley.render.intake;
