/**
 * Galley's wire contracts: the event records exchanged on Kafka, the topic names and their
 * settings, the record headers, and the JSON serialisation every service shares. This module has no
 * Spring dependency so that any consumer can read Galley's topics.
 */
package io.galley.events;
