# Build: docker compose build (or docker build -t school-attendance-casework .)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The engine keeps due dates and timers in the JVM's zone, and the database keeps the zone of
# its first start (att_server_zone): a later start in another zone is refused. So the image
# runs in England's zone from the first start on (docs/operations.md, time zone).
ENV TZ=Europe/London
COPY --from=build /src/target/school-attendance-casework-*.jar app.jar
EXPOSE 8080
USER 1000
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
