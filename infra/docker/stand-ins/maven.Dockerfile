# LOCAL STAND-IN for maven:3.9-eclipse-temurin-17, built by infra/docker/prepare-local-images on a
# machine whose engine cannot pull. Debian's OpenJDK 17 and Debian's Maven (3.8), not the upstream ones.
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY cacerts /etc/ssl/certs/java/cacerts
ENV MAVEN_HOME=/usr/share/maven \
    GALLEY_LOCAL_STAND_IN=maven
CMD ["mvn", "-v"]
