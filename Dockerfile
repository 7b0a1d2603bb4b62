# Build stage: compiles and packages the shaded jar. The reactor lists the bench module, so its pom must be there
# too, but only the bot is built.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl bot -am dependency:go-offline
COPY bot bot
RUN mvn -B -q -pl bot -am -DskipTests package

# Runtime stage: a JRE 17 and an unprivileged user. The charts' CJK font ships inside the jar; the image's
# fontconfig and DejaVu cover the rest of AWT.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app coach
WORKDIR /app
COPY --from=build /src/bot/target/coach-bot.jar /app/coach-bot.jar
COPY config /app/config
COPY knowledge /app/knowledge
# Admins upload into the knowledge folder; the database, caches and versions live in the data volume.
RUN mkdir -p /app/data && chown -R coach /app/data /app/knowledge
ENV KNOWLEDGE_DIR=/app/knowledge DATA_DIR=/app/data
VOLUME ["/app/data"]
USER coach
ENTRYPOINT ["java", "-Djava.awt.headless=true", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/coach-bot.jar"]
