# Build stage: compiles and packages the shaded jar, with the release's knowledge packed inside it. The reactor lists
# the bench module, so its pom must be there too, but only the bot is built.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl bot -am dependency:go-offline
COPY bot bot
COPY knowledge knowledge
RUN mvn -B -q -pl bot -am -DskipTests package

# Runtime stage: a JRE 17 and an unprivileged user. The charts' CJK font ships inside the jar; the image's
# fontconfig and DejaVu cover the rest of AWT.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app coach
WORKDIR /app
COPY --from=build /src/bot/target/coach-bot.jar /app/coach-bot.jar
COPY config /app/config
# The release's knowledge, read-only: it seeds the knowledge in service (/app/data/knowledge, in the volume) at the
# first start, and a newer image's is merged into it, keeping every upload, edit and deletion the admins made.
COPY knowledge /app/knowledge
RUN mkdir -p /app/data && chown -R coach /app/data
ENV KNOWLEDGE_DIR=/app/knowledge DATA_DIR=/app/data
VOLUME ["/app/data"]
USER coach
ENTRYPOINT ["java", "-Djava.awt.headless=true", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/coach-bot.jar"]
