/**
 * Test helpers shared by Galley's modules: a real Kafka broker for tests ({@link KafkaBroker}) and
 * real git repositories in temporary folders ({@link TestRepo}).
 */
package io.galley.testsupport;
