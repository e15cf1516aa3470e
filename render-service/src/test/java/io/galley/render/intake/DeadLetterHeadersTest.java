package io.galley.render.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Render's one error handler sends a record it cannot process to {@code guide.dlt.v1} (any
 * partition) with its key and bytes, Galley's exception and origin headers and Spring's standard
 * {@code kafka_dlt-*} headers, which {@code GET /api/dlt} and replay read.
 */
class DeadLetterHeadersTest {

  @Test
  @SuppressWarnings("unchecked")
  void deadLettersAnUnprocessableRecordWithItsOriginAndError() {
    KafkaTemplate<String, Object> template = mock(KafkaTemplate.class);
    given(template.send(any(ProducerRecord.class)))
        .willReturn(CompletableFuture.completedFuture(null));
    DefaultErrorHandler handler = new IntakeConfiguration().renderErrorHandler(template);
    byte[] bytes = "not an image".getBytes(StandardCharsets.UTF_8);
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(Topics.SOURCE, 2, 41L, "sha-key", bytes);

    boolean recovered =
        handler.handleOne(
            new ListenerExecutionFailedException(
                "listener failed", new IllegalArgumentException("not a PNG")),
            record,
            mock(Consumer.class),
            mock(MessageListenerContainer.class));

    assertThat(recovered).isTrue();
    ArgumentCaptor<ProducerRecord<String, Object>> sent =
        ArgumentCaptor.forClass(ProducerRecord.class);
    verify(template).send(sent.capture());
    ProducerRecord<String, Object> dead = sent.getValue();
    assertThat(dead.topic()).isEqualTo(Topics.DLT);
    assertThat(dead.partition()).isNull();
    assertThat(dead.key()).isEqualTo("sha-key");
    assertThat(dead.value()).isEqualTo(bytes);
    assertThat(EventHeaders.get(dead.headers(), EventHeaders.DLT_EXCEPTION)).contains("not a PNG");
    assertThat(EventHeaders.get(dead.headers(), EventHeaders.DLT_ORIGIN))
        .isEqualTo(Topics.SOURCE + "-2@41");
    assertThat(EventHeaders.get(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC))
        .isEqualTo(Topics.SOURCE);
    assertThat(
            ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value())
                .getInt())
        .isEqualTo(2);
    assertThat(
            ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                .getLong())
        .isEqualTo(41L);
    assertThat(EventHeaders.get(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
  }
}
