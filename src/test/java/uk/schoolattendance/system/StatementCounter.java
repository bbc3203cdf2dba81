package uk.schoolattendance.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements an application sends: every {@code execute*} of a statement and
 * every row added to a JDBC batch. Wraps the application's {@link DataSource} bean. Each
 * statement is also counted by its kind and table ("insert ACT_HI_DETAIL"), so a benchmark
 * can show where the statements go.
 *
 * <p>Every Spring test context has one ({@link Customizer}, registered in {@code
 * META-INF/spring.factories}), so a test counts what one piece of work sends on its own thread
 * ({@link #onThisThread}) in the context it already shares with other tests; the benchmarks
 * register it in the applications they start.
 */
public final class StatementCounter implements BeanPostProcessor {

  private static final AtomicLong COUNT = new AtomicLong();
  private static final Map<String, AtomicLong> BY_KIND = new ConcurrentHashMap<>();
  private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*update\\s+([A-Za-z_][A-Za-z0-9_.]*)");
  private static final Pattern TABLE =
      Pattern.compile("(?is)^\\s*(select|insert|delete)\\b.*?\\b(?:from|into)\\s+([A-Za-z_][A-Za-z0-9_.]*)");

  public static long count() {
    return COUNT.get();
  }

  /** Statements counted so far by kind and first table, e.g. {@code insert ACT_HI_DETAIL}. */
  public static Map<String, Long> byKind() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    BY_KIND.forEach((kind, count) -> copy.put(kind, count.get()));
    return copy;
  }

  /**
   * Kinds already read, by statement text: the engine sends the same few hundred statements again
   * and again, and matching the patterns below on each (long selects, lazily scanned) was a few per
   * cent of a benchmark case's samples, more for the case that sends more statements. Bounded, so
   * statements whose text varies (multi-row inserts, IN lists) cannot fill the heap.
   */
  private static final Map<String, String> KINDS = new ConcurrentHashMap<>();
  private static final int KINDS_KEPT = 10_000;

  static String kind(String sql) {
    if (sql == null) {
      return "other";
    }
    String known = KINDS.get(sql);
    if (known != null) {
      return known;
    }
    String kind = kindOf(sql);
    if (KINDS.size() < KINDS_KEPT) {
      KINDS.put(sql, kind);
    }
    return kind;
  }

  private static String kindOf(String sql) {
    Matcher update = UPDATE.matcher(sql);
    if (update.find()) {
      return "update " + update.group(1).toUpperCase(Locale.ROOT);
    }
    Matcher m = TABLE.matcher(sql);
    if (!m.find()) {
      return "other: " + sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }
    return m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).toUpperCase(Locale.ROOT);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
      return new Counting(dataSource);
    }
    return bean;
  }

  static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(super.getConnection(), Connection.class, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(super.getConnection(username, password), Connection.class, null);
    }
  }

  /** A prepared statement as the application sent it: its SQL and the calls that bound its parameters. */
  public record Captured(String sql, java.util.List<Object[]> bindings) {
    /** Runs {@code prefix + sql} (e.g. {@code EXPLAIN ANALYZE}) with the same parameters; the rows' first column. */
    public java.util.List<String> rerun(DataSource dataSource, String prefix) {
      java.util.List<String> lines = new java.util.ArrayList<>();
      try (Connection connection = dataSource.getConnection();
          java.sql.PreparedStatement statement = connection.prepareStatement(prefix + sql)) {
        for (Object[] binding : bindings) {
          Method setter = (Method) binding[0];
          setter.invoke(statement, (Object[]) binding[1]);
        }
        try (java.sql.ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
      } catch (SQLException | ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      return lines;
    }
  }

  private static volatile Pattern capturing;
  private static volatile Captured captured;

  /** From now on keeps the last prepared statement whose SQL matches {@code sql} ({@link #captured()}). */
  public static void capture(Pattern sql) {
    captured = null;
    capturing = sql;
  }

  /** The last statement kept since {@link #capture}, or null; stops capturing. */
  public static Captured captured() {
    capturing = null;
    return captured;
  }

  private static final ThreadLocal<Map<String, Long>> ON_THIS_THREAD = new ThreadLocal<>();

  /**
   * The statements this thread sends while {@code work} runs, by kind and table: another thread's
   * (the job executor's polling, a web request's worker, another test) never count.
   */
  public static Map<String, Long> onThisThread(Runnable work) {
    Map<String, Long> counted = new java.util.TreeMap<>();
    Map<String, Long> outer = ON_THIS_THREAD.get();
    ON_THIS_THREAD.set(counted);
    try {
      work.run();
    } finally {
      ON_THIS_THREAD.set(outer);
    }
    if (outer != null) {
      counted.forEach((kind, count) -> outer.merge(kind, count, Long::sum));
    }
    return counted;
  }

  private static void counted(String sql) {
    COUNT.incrementAndGet();
    String kind = kind(sql);
    BY_KIND.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    Map<String, Long> onThisThread = ON_THIS_THREAD.get();
    if (onThisThread != null) {
      onThisThread.merge(kind, 1L, Long::sum);
    }
  }

  /** Puts a counter in every Spring test context: the same one for all, so no context is cached apart. */
  public static final class Factory implements org.springframework.test.context.ContextCustomizerFactory {
    @Override
    public org.springframework.test.context.ContextCustomizer createContextCustomizer(
        Class<?> testClass, java.util.List<org.springframework.test.context.ContextConfigurationAttributes> configurations) {
      return new Customizer();
    }
  }

  /** Registers the counter before the context starts; all equal, so the context cache keys stay as they were. */
  record Customizer() implements org.springframework.test.context.ContextCustomizer {
    @Override
    public void customizeContext(
        org.springframework.context.ConfigurableApplicationContext context,
        org.springframework.test.context.MergedContextConfiguration configuration) {
      context.getBeanFactory().addBeanPostProcessor(new StatementCounter());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrap(T target, Class<T> type, String preparedSql) {
    Pattern capture = capturing;
    java.util.List<Object[]> bindings =
        capture != null && preparedSql != null && capture.matcher(preparedSql).find() ? new java.util.ArrayList<>() : null;
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if (bindings != null && name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
            bindings.add(new Object[] {method, args.clone()});
          }
          if (target instanceof Statement && (name.startsWith("execute") && !name.equals("executeBatch")
              || name.equals("addBatch"))) {
            counted(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            if (bindings != null) {
              captured = new Captured(preparedSql, java.util.List.copyOf(bindings));
            }
          }
          Object result = invoke(target, method, args);
          String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
          if (result instanceof java.sql.CallableStatement s) {
            return wrap(s, java.sql.CallableStatement.class, sql);
          }
          if (result instanceof java.sql.PreparedStatement s) {
            return wrap(s, java.sql.PreparedStatement.class, sql);
          }
          if (result instanceof Statement s && !(target instanceof Statement)) {
            return wrap(s, Statement.class, null);
          }
          return result;
        };
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
