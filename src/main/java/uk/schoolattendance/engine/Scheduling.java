package uk.schoolattendance.engine;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application's own daily steps ({@code @Scheduled}): each guards itself against running twice
 * in a cluster with a database lock (e.g. {@code attendance.MovedPupilCases}); the engine's timers
 * are the engine's job executor's.
 */
@Configuration
@EnableScheduling
class Scheduling {}
