package uk.schoolattendance.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements an application sends: every {@code execute*} of a statement and
 * every row added to a JDBC batch. Wraps the application's {@link DataSource} bean.
 */
public final class StatementCounter implements BeanPostProcessor {

  private static final AtomicLong COUNT = new AtomicLong();

  public static long count() {
    return COUNT.get();
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
      return wrap(super.getConnection(), Connection.class);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(super.getConnection(username, password), Connection.class);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrap(T target, Class<T> type) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if (target instanceof Statement && (name.startsWith("execute") && !name.equals("executeBatch")
              || name.equals("addBatch"))) {
            COUNT.incrementAndGet();
          }
          Object result = invoke(target, method, args);
          if (result instanceof java.sql.CallableStatement s) {
            return wrap(s, java.sql.CallableStatement.class);
          }
          if (result instanceof java.sql.PreparedStatement s) {
            return wrap(s, java.sql.PreparedStatement.class);
          }
          if (result instanceof Statement s && !(target instanceof Statement)) {
            return wrap(s, Statement.class);
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
