# LOCAL STAND-IN for eclipse-temurin:17-jre, built by infra/docker/prepare-local-images on a
# machine whose engine cannot pull. Debian bookworm + Debian's OpenJDK 17, not Eclipse Temurin.
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*
# the host's CA bundle and Java trust store, so TLS through this machine's egress works
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY cacerts /etc/ssl/certs/java/cacerts
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    LANG=C.UTF-8 \
    GALLEY_LOCAL_STAND_IN=eclipse-temurin
CMD ["jshell"]
