# LOCAL STAND-IN for andrewgaul/s3proxy, built by infra/docker/prepare-local-images on a machine
# whose engine cannot pull: S3Proxy's jars from Maven Central (org.gaul:s3proxy) on Debian's
# OpenJDK 17. It is S3Proxy, an S3 API in front of jclouds (here its filesystem backend), and
# takes the upstream image's settings: S3PROXY_* and JCLOUDS_* variables, data in /data, port 80.
ARG BASE
FROM ${BASE}
COPY libs/ /opt/s3proxy/lib/
COPY run /opt/s3proxy/run-docker-container.sh
COPY logback.xml /opt/s3proxy/logback.xml
ENV LOG_LEVEL=info \
    S3PROXY_AUTHORIZATION=aws-v2-or-v4 \
    S3PROXY_ENDPOINT=http://0.0.0.0:80 \
    S3PROXY_IDENTITY=local-identity \
    S3PROXY_CREDENTIAL=local-credential \
    JCLOUDS_PROVIDER=filesystem \
    JCLOUDS_FILESYSTEM_BASEDIR=/data \
    GALLEY_LOCAL_STAND_IN=andrewgaul/s3proxy
RUN mkdir -p /data
VOLUME /data
EXPOSE 80
ENTRYPOINT ["/opt/s3proxy/run-docker-container.sh"]
