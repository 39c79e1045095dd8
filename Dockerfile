# One build, three images: docker compose builds each service with its target
# (command-side, query-side, identity). The build runs the Maven Wrapper inside the image, so the
# host needs nothing but Docker.
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -pl command-side,query-side,demo-identity -am package \
    && mkdir /out \
    && cp command-side/target/command-side-*-exec.jar /out/command-side.jar \
    && cp query-side/target/query-side-*-exec.jar /out/query-side.jar \
    && cp demo-identity/target/demo-identity-*-exec.jar /out/identity.jar

FROM eclipse-temurin:17.0.15_6-jre-jammy AS runtime
# /signing: where compose's shared volume keeps the query side's signing key (a new named volume
# takes this directory's owner)
RUN useradd --system --uid 1001 certtrail && mkdir /signing && chown certtrail /signing
USER certtrail
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 9090

FROM runtime AS command-side
COPY --from=build /out/command-side.jar app.jar
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS query-side
COPY --from=build /out/query-side.jar app.jar
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS identity
COPY --from=build /out/identity.jar app.jar
ENTRYPOINT ["java", "-jar", "app.jar"]
