package org.casework.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The page benchmark's SQL statement count (a page's statements do not depend on the machine's
 * load, its times do): wraps the app's {@link DataSource} so that every statement executed on a web
 * request thread ({@code http-nio-*}) is counted, and its SQL kept while {@link #record} is on. One
 * request at a time, so the count between two requests is the page's. Bench only.
 */
final class StatementCounter implements BeanPostProcessor {

  private static final AtomicLong COUNT = new AtomicLong();
  private static final List<String> SQL = new ArrayList<>();
  private static volatile boolean record;

  static long count() {
    return COUNT.get();
  }

  /** Keep the SQL text of the statements from now on (cleared). */
  static void record(boolean on) {
    synchronized (SQL) {
      SQL.clear();
    }
    record = on;
  }

  static List<String> recorded() {
    synchronized (SQL) {
      return List.copyOf(SQL);
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, ds, null);
    }
    return bean;
  }

  private static boolean onRequest() {
    return Thread.currentThread().getName().contains("nio-");
  }

  private static void executed(String sql) {
    if (!onRequest()) {
      return;
    }
    COUNT.incrementAndGet();
    if (record) {
      synchronized (SQL) {
        SQL.add(sql == null ? "?" : sql.replaceAll("\\s+", " ").trim());
      }
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
          return wrap(m, args, result, sql);
        };
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfaces(type), h);
  }

  private static Class<?>[] interfaces(Class<?> type) {
    return new Class<?>[] {type};
  }

  private static Object wrap(Method m, Object[] args, Object result, String sql) {
    String name = m.getName();
    if (result instanceof Connection c && !(result instanceof Proxy)) {
      return proxy(Connection.class, c, null);
    }
    if (result instanceof java.sql.CallableStatement s) {
      return proxy(java.sql.CallableStatement.class, s, (String) args[0]);
    }
    if (result instanceof java.sql.PreparedStatement s) {
      return proxy(java.sql.PreparedStatement.class, s, (String) args[0]);
    }
    if (result instanceof Statement s && name.equals("createStatement")) {
      return proxy(Statement.class, s, null);
    }
    if (name.startsWith("execute")) {
      executed(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
    }
    return result;
  }

  /** The most frequent statements of the recording, with their count. */
  static List<String> top(List<String> sql, int n) {
    var counts = new java.util.LinkedHashMap<String, Integer>();
    for (String s : sql) {
      String key = s.length() > 220 ? s.substring(0, 220) + "…" : s;
      counts.merge(key, 1, Integer::sum);
    }
    List<String> lines = new ArrayList<>();
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(n)
        .forEach(e -> lines.add(e.getValue() + "× " + e.getKey()));
    return lines;
  }
}
