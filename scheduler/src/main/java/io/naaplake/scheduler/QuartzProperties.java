package io.naaplake.scheduler;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.simpl.ZeroSizeThreadPool;

/** The Quartz properties of the executing scheduler and of the non-executing client. */
final class QuartzProperties {
  /**
   * The scheduler name, stored in every Quartz row (SCHED_NAME): the scheduler and the client must
   * use the same one to see the same schedules.
   */
  static final String SCHEDULER_NAME = "naap";

  /**
   * Quartz registers connection providers in a JVM-wide map by data source name; a fresh name per
   * instance keeps one instance's shutdown from closing another's pool (tests restart in one JVM).
   */
  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

  private QuartzProperties() {}

  /** The scheduler that runs the chains: {@code config.threads()} worker threads. */
  static Properties executing(SchedulerConfig config) {
    Properties properties = common(config);
    properties.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
    properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.threads()));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "naap-chain");
    return properties;
  }

  /**
   * A client of the same store that never runs a job: no worker threads, and it is never started,
   * so it neither acquires triggers nor runs Quartz's start-up recovery, which would reset the
   * running scheduler's acquired triggers.
   */
  static Properties client(SchedulerConfig config) {
    Properties properties = common(config);
    properties.setProperty("org.quartz.threadPool.class", ZeroSizeThreadPool.class.getName());
    return properties;
  }

  private static Properties common(SchedulerConfig config) {
    String dataSource = "naapStore" + DATA_SOURCES.incrementAndGet();
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    properties.setProperty(
        "org.quartz.scheduler.idleWaitTime", Long.toString(config.pollInterval().toMillis()));
    properties.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
    properties.setProperty(
        "org.quartz.jobStore.driverDelegateClass", StdJDBCDelegate.class.getName());
    properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
    properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    // Job data as string properties, not serialized Java objects: readable and version-proof.
    properties.setProperty("org.quartz.jobStore.useProperties", "true");
    properties.setProperty(
        "org.quartz.jobStore.misfireThreshold",
        Long.toString(config.misfireThreshold().toMillis()));
    // Two processes share the store (the scheduler and ./naap jobs): row locks in the database,
    // not the default in-memory locks of a non-clustered store, serialize their changes.
    properties.setProperty("org.quartz.jobStore.useDBLocks", "true");
    properties.setProperty("org.quartz.jobStore.isClustered", "false");
    String prefix = "org.quartz.dataSource." + dataSource + ".";
    properties.setProperty(prefix + "connectionProvider.class", H2StoreConnections.class.getName());
    properties.setProperty(prefix + "url", config.storeUrl());
    return properties;
  }
}
