# LOCAL STAND-IN for apache/kafka, built by infra/docker/prepare-local-images on a machine whose
# engine cannot pull: Debian's OpenJDK 17 and Kafka's jars from Maven Central, with the paths,
# user and start script (/etc/kafka/docker/run) that compose and Testcontainers use.
ARG BASE
FROM ${BASE}
RUN useradd --uid 1000 --user-group --no-create-home --home-dir /opt/kafka appuser \
 && mkdir -p /opt/kafka/bin /opt/kafka/config /opt/kafka/logs /var/lib/kafka/data /etc/kafka/docker \
 && chown -R appuser:appuser /opt/kafka/config /opt/kafka/logs /var/lib/kafka/data
COPY libs/ /opt/kafka/libs/
COPY run log4j2.properties tools-log4j2.properties /etc/kafka/docker/
COPY tool /opt/kafka/bin/tool
RUN cd /opt/kafka/bin \
 && for t in kafka-topics kafka-broker-api-versions kafka-storage kafka-consumer-groups \
             kafka-console-consumer kafka-configs; do ln -s tool "$t.sh"; done
ENV GALLEY_LOCAL_STAND_IN=apache/kafka
USER appuser
WORKDIR /opt/kafka
EXPOSE 9092
CMD ["/etc/kafka/docker/run"]
