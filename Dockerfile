# syntax=docker/dockerfile:1
# hc-gateway image. Build from the repository root:   docker build -t hc-gateway:0.1.0 .
# Run (demo trust list, said so): docker run --rm -p 8080:8080 --stop-timeout 20 -e HC_DEMO=true hc-gateway:0.1.0
# Configure with HC_* variables (docs/operations.md), e.g. -e HC_REDIS_URI=redis://redis:6379/0
# -e HC_TRUST_FILE=/etc/hc/trust/trust.json -v "$PWD/trust:/etc/hc/trust:ro".

# Base images: fully qualified (podman and other runtimes have no default registry) and pinned by version tag
# and digest, so a rebuild gets the same bytes. To update (docs/operations.md, "Base images"):
#   crane digest docker.io/library/eclipse-temurin:<version>-jdk-jammy   (or docker buildx imagetools inspect)
# and replace tag and digest in both FROM lines together; DockerfileTest checks the form.

# ---- build: the Maven wrapper, as developers and CI build it ----
FROM docker.io/library/eclipse-temurin:17.0.16_8-jdk-jammy@sha256:47d330891da01c4b17fb6af5018d9a7bad33f7a252a91dde890c10d4de5ebd33 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds without baking it into a layer. Tests run in CI (they need
# Redis), not here.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl gateway -am package -DskipTests \
 && cp gateway/target/gateway.jar /gateway.jar \
 && mkdir -p /native && cd /native \
 && case "$(uname -m)" in \
      x86_64) so=com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so ;; \
      aarch64) so=native/linux-aarch_64/libamazonCorrettoCryptoProvider.so ;; \
      *) so= ;; \
    esac \
 && if [ -n "$so" ]; then jar xf /gateway.jar "$so" && mv "$so" . && rm -rf com native; fi

# ---- run: a JRE only, no build tools, no sources, no demo private keys ----
FROM docker.io/library/eclipse-temurin:17.0.16_8-jre-jammy@sha256:e90fd2b084488c0ffdd22610d44c1579e63b585c7fb83489fd815c0dc5b4e1f7
# The HEALTHCHECK below uses curl, which the Ubuntu-based Temurin images ship; fail the build, not the
# container, if a base image update ever drops it.
RUN command -v curl >/dev/null \
 && groupadd --system --gid 10001 hc \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin hc \
 && mkdir -p /var/lib/hc/state && chown -R 10001:10001 /var/lib/hc
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /gateway.jar /native /app/
# Container-aware memory: heap is a share of the container's memory limit, not of the node's; the rest is
# left for metaspace, code cache, thread stacks, Netty's direct buffers and the native crypto provider.
# G1 is named because JVM ergonomics pick the Serial collector in a container under 2 CPUs or 1792 MiB.
# Out of memory: exit and let the orchestrator restart the pod, rather than limp on.
# Override the whole set with -e JAVA_OPTS=... (JAVA_TOOL_OPTIONS would print a non-JSON line at start).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=70 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
# The native crypto provider's library for this image's architecture, put in /app by the build stage: the
# jar carries both (x86_64 where ACCP looks for it, aarch_64 beside it), and ACCP can only find one of them
# in a jar, so it is told to load the one in /app instead (docs/operations.md, "Native crypto").
ENV ACCP_OPTS="-Djava.library.path=/app -Dcom.amazon.corretto.crypto.provider.useExternalLib=true"
# The state directory (the revocation mirror and remembered reds, docs/revocation.md): a volume, so that a restarted
# container judges from its last mirror while Redis is away (docker run -v hc-state:/var/lib/hc ...).
ENV HC_STATE_DIR=/var/lib/hc/state
VOLUME /var/lib/hc
# Numeric user, so Kubernetes' runAsNonRoot can check it.
USER 10001:10001
EXPOSE 8080
# Liveness of the process (readiness is for load balancers; Kubernetes uses its own probes, not this).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${HC_HTTP_PORT:-8080}/health/live" || exit 1
# SIGTERM (docker stop, Kubernetes) starts the graceful shutdown: give it more than http.shutdownGraceMs.
STOPSIGNAL SIGTERM
# exec: java becomes PID 1 and receives the signal itself. Arguments after the image name replace "serve"
# (e.g. "mint ..." runs the issuer tool).
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS $ACCP_OPTS -jar /app/gateway.jar \"$@\"", "hc-gateway"]
CMD ["serve"]
