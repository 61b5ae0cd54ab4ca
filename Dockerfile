# Lore wiki-server image. Build context: the repository root.
#   docker build -t lore .
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY graph graph
COPY indexer indexer
COPY ui ui
COPY wiki-server wiki-server
RUN mvn -B -ntp -q install -DskipTests

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app lore && mkdir -p /data && chown lore /data
WORKDIR /app
COPY --from=build /src/wiki-server/target/lore.jar /app/lore.jar
COPY --from=build /src/wiki-server/target/lib /app/lib
USER lore
# a container's loopback is not reachable from outside: listen on every interface of the container
ENV LORE_HOST=0.0.0.0 LORE_PORT=7070 LORE_DATA_DIR=/data
EXPOSE 7070
VOLUME /data
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS http://localhost:7070/api/ready || exit 1
ENTRYPOINT ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", \
  "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED", \
  "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector", "-jar", "/app/lore.jar"]
CMD ["serve"]
