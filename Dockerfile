# RNN Lab: one container for a class. Build: docker build -t rnnlab .   Run: docker run -p 8080:8080 rnnlab
# Stage 1 builds the production jar with the same command the README documents (tests run in CI, not here).
# npm (any version) lets the build fetch the Node 24 that Vaadin's frontend build needs from the npm registry
# (pom.xml, profile node-from-npm).
FROM maven:3.9-eclipse-temurin-25 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY tools/node tools/node
COPY src src
RUN mvn -B -ntp -DskipTests package

# Stage 2: a slim JRE, a non-root user, memory sized from the container's limit.
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 rnnlab
COPY --from=build /src/target/rnnlab.jar /app/rnnlab.jar
USER rnnlab
EXPOSE 8080
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["sh", "-c", "exec java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages $JAVA_OPTS -jar /app/rnnlab.jar"]
