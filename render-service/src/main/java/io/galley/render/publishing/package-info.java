/**
 * What goes out to Kafka: the {@code RenderPublisher} port for rendered chapters and edition
 * outcomes, its Kafka adapter and the producer it sends through.
 */
package io.galley.render.publishing;
