package org.casework.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the calling thread executes while {@link #during} runs (MockMvc runs a
 * request on the test's thread), with their text: a page's statement count does not depend on the
 * machine's load, its time does. Wraps the app's {@link DataSource} (like the page benchmark's
 * {@code bench.StatementCounter}). Import it into a test: {@code @Import(StatementCount.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCount {

  private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

  @Bean
  static BeanPostProcessor statementCountingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
          return proxy(DataSource.class, ds, null);
        }
        return bean;
      }
    };
  }

  /** The statements (their SQL, whitespace folded) that {@code action} ran on this thread. */
  public static List<String> during(ThrowingRunnable action) throws Exception {
    List<String> sql = new ArrayList<>();
    RECORDING.set(sql);
    try {
      action.run();
    } finally {
      RECORDING.remove();
    }
    return sql;
  }

  /** The statements of {@code action} and its result. */
  public static <T> Counted<T> of(Supplier<T> action) throws Exception {
    List<Object> result = new ArrayList<>(1);
    List<String> sql = during(() -> result.add(action.get()));
    @SuppressWarnings("unchecked")
    T r = (T) result.getFirst();
    return new Counted<>(r, sql);
  }

  public record Counted<T>(T result, List<String> sql) {}

  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static void executed(String sql) {
    List<String> into = RECORDING.get();
    if (into != null) {
      into.add(sql == null ? "?" : sql.replaceAll("\\s+", " ").trim());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, String sql) {
    InvocationHandler h =
        (p, m, args) -> {
          Object result;
          try {
            result = m.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          String name = m.getName();
          if (result instanceof Connection c && !Proxy.isProxyClass(c.getClass())) {
            return proxy(Connection.class, c, null);
          }
          if (result instanceof CallableStatement s) {
            return proxy(CallableStatement.class, s, (String) args[0]);
          }
          if (result instanceof PreparedStatement s) {
            return proxy(PreparedStatement.class, s, (String) args[0]);
          }
          if (result instanceof Statement s && name.equals("createStatement")) {
            return proxy(Statement.class, s, null);
          }
          if (name.startsWith("execute")) {
            executed(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
          }
          return result;
        };
    return (T)
        Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type}, h);
  }
}
