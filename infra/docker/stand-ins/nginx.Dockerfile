# LOCAL STAND-IN for nginx (the official image), built by infra/docker/prepare-local-images on a
# machine whose engine cannot pull: Debian bookworm's nginx package (1.22), not nginx.org's build.
# Laid out like the official image where Galley relies on it: nginx on the PATH, logs to the
# container's stdout/stderr, curl for health checks, "nginx -g 'daemon off;'" as the command.
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx curl \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log
ENV GALLEY_LOCAL_STAND_IN=nginx
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
