# syntax=docker/dockerfile:1
# docflow's container image: docker build -t docflow:0.1.0 .
# Three stages: build the Spring Boot jar, split it into its layers, copy the layers onto a JRE-only base.
# The final image holds no JDK, no Maven and no source; it runs as an unprivileged user (uid 10001) and
# works with a read-only root filesystem (writable /tmp only; the Kubernetes Deployment mounts an emptyDir there).
# ContainerImageIT (./mvnw -B verify) builds this file without Docker: it assembles the build context as .dockerignore
# selects it, runs the build and layers stages' COPY and RUN lines in temporary folders (so RUN lines name files
# relative to WORKDIR), copies the layers and routes/ as the final stage does and starts docflow with its ENTRYPOINT,
# ENV and WORKDIR. The final stage's two system RUN lines (Tesseract, the docflow user) are the only ones it skips;
# the AOT cache's training run is run. Each stage runs with a JDK of this machine whose version is the one JDK_IMAGE or
# JRE_IMAGE names (the test fails if there is none).
# Whatever a COPY line takes from the context must be let in by .dockerignore, and nothing else is.

# Java 25 runs the application for its AOT cache (below); the sources stay at release 17 (pom.xml), so a JDK 17 builds
# them outside Docker too. Both images must be of one Java version: the cache is written by, and only fits, that JVM.
ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG JRE_IMAGE=eclipse-temurin:25-jre

FROM ${JDK_IMAGE} AS build
WORKDIR /src
# Dependencies first, so they stay cached while only the source changes. go-offline of maven-dependency-plugin
# 3.9.0: Boot's 3.8.1 resolves transitive dependencies without pom.xml's dependencyManagement and asks for Camel's
# AWS SDK 2.41.2 Bedrock modules, which the Maven repository this project builds from does not have.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline
COPY src/ src/
# pom.xml names scripts/test-prerequisites.sh (run by test builds only; skipped here with the tests)
COPY scripts/ scripts/
RUN ./mvnw -B -q -Dmaven.test.skip=true package && cp target/docflow-*.jar app.jar

FROM ${JDK_IMAGE} AS layers
WORKDIR /layers
COPY --from=build /src/app.jar app.jar
# Boot 3.5's jar tools: one folder per layer (dependencies, spring-boot-loader, snapshot-dependencies,
# application), as plain jars: application/app.jar names lib/*.jar in its manifest's Class-Path. The AOT cache
# (below) takes classes from jars on the class path only, not from JarLauncher's nested folders.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM ${JRE_IMAGE}
# Tesseract for OCR (docs/ocr.md): English and orientation data come with it. OCR_LANGUAGES adds the language packs
# docflow.ocr.languages names, as Tesseract codes separated by spaces or '+' (docker build --build-arg
# OCR_LANGUAGES="deu fra spa jpn" .): each code becomes Debian's tesseract-ocr-<code> (chi_sim: tesseract-ocr-chi-sim).
ARG OCR_LANGUAGES=""
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr \
      $(echo " ${OCR_LANGUAGES}" | tr '+,_' '  -' | sed -E 's/ +([a-z])/ tesseract-ocr-\1/g') \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 docflow \
 && useradd --system --uid 10001 --gid docflow --home-dir /app --no-create-home --shell /usr/sbin/nologin docflow
WORKDIR /app
# Least-changing layer first.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# camel.main.routes-include-pattern reads file:${user.dir}/routes/*.camel.yaml; user.dir is this WORKDIR.
COPY routes/ routes/
# Training run for the JDK's AOT cache (JEP 483/514/515; docs/benchmarks.md "Start-up"): starts the application
# context once without AWS (no resource checks, OCR off; spring.context.exit=onRefresh ends it once the beans are
# created) and writes docflow.aot: those classes loaded and linked, and their profiles, which JAVA_TOOL_OPTIONS maps at
# each start. It stops at the refresh because Camel's SQS endpoints call SQS when the routes start. The parser runs
# in-process here (isolation off), so Tika's parsers are built and cached too: the parser workers start from the same
# cache. Here, after the COPY lines, so the jars' paths and times are the ones the cache is checked against. A JVM
# that cannot use the cache (another JDK, changed jars) warns and starts without it.
# The training run needs a token issuer to start (docs/security.md) but never calls it: the token decoder is built at
# the first request, and the run ends when the context is refreshed.
RUN java -XX:AOTCacheOutput=docflow.aot -Dspring.context.exit=onRefresh -cp app.jar io.docflow.DocflowApplication \
      --docflow.aws.region=us-east-1 --docflow.startup.verify-resources=false --docflow.ocr.enabled=false \
      --docflow.extract.isolation.enabled=false \
      --docflow.security.issuer-uri=https://issuer.invalid/aot-training --docflow.security.audiences=aot-training
# Heap as a share of the container's memory limit (40 %: the parser workers, child JVMs with their own -Xmx, need
# the rest; docs/reliability.md); die on OutOfMemoryError so Kubernetes restarts the pod
# instead of leaving it half-alive; PDFBox's font cache and temporary files in /tmp (the only writable path);
# the AOT cache of the training run (relative to WORKDIR; the parser workers inherit it and use it too).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dpdfbox.fontcache=/tmp -XX:AOTCache=docflow.aot"
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "app.jar", "io.docflow.DocflowApplication"]
