package org.casework.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's own look at a database: closure detection and the checks afterwards. */
final class Db implements AutoCloseable {

  static final String SERVER =
      "jdbc:mysql://127.0.0.1:3306/?serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true";

  private final Connection c;

  Db(String database) throws SQLException {
    c =
        DriverManager.getConnection(
            "jdbc:mysql://127.0.0.1:3306/"
                + database
                + "?serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true",
            "root",
            "");
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    c.setAutoCommit(true);
  }

  static void drop(String database) throws SQLException {
    try (Connection s = DriverManager.getConnection(SERVER, "root", "");
        Statement st = s.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  /**
   * Of the given business keys, those whose instance waits at the follow-up timer (casework: status
   * 已结案，待回访), i.e. the case is closed for the benchmark.
   */
  synchronized List<String> closed(Collection<String> businessKeys) throws SQLException {
    List<String> result = new ArrayList<>();
    eachRowOf(
        "SELECT e.BUSINESS_KEY_ FROM ACT_RU_EXECUTION e JOIN ACT_RU_JOB j"
            + " ON j.PROCESS_INSTANCE_ID_ = e.ID_ JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
            + " WHERE d.ACT_ID_ = 'Timer_FollowUp' AND e.BUSINESS_KEY_ IN (",
        businessKeys,
        rs -> result.add(rs.getString(1)));
    return result;
  }

  /**
   * Engine-measured case duration in ms (instance start, i.e. the filing transaction, to the
   * follow-up timer) per business key; the engine's timestamps have whole seconds on MariaDB.
   */
  synchronized Map<String, Long> caseDurations(Collection<String> businessKeys)
      throws SQLException {
    Map<String, Long> result = new LinkedHashMap<>();
    eachRowOf(
        "SELECT p.BUSINESS_KEY_, TIMESTAMPDIFF(MICROSECOND, p.START_TIME_, a.START_TIME_) DIV 1000"
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST a ON a.PROC_INST_ID_ = p.PROC_INST_ID_"
            + " AND a.ACT_ID_ = 'Timer_FollowUp' WHERE p.BUSINESS_KEY_ IN (",
        businessKeys,
        rs -> result.put(rs.getString(1), rs.getLong(2)));
    return result;
  }

  /** One row handler of {@link #eachRowOf}. */
  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code selectUpToIn} + "?, ?, …)" for the business keys, 500 at a time, handing each row
   * to {@code row}.
   */
  private void eachRowOf(String selectUpToIn, Collection<String> businessKeys, Row row)
      throws SQLException {
    List<String> keys = new ArrayList<>(businessKeys);
    for (int from = 0; from < keys.size(); from += 500) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
      String sql = selectUpToIn + "?,".repeat(chunk.size() - 1) + "?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            row.read(rs);
          }
        }
      }
    }
  }

  /** The activities an instance passed, in order (to check both apps take the same path). */
  synchronized List<String> path(String businessKey) throws SQLException {
    List<String> ids = new ArrayList<>();
    for (List<String> row :
        rows(
            "SELECT a.ACT_ID_ FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p"
                + " ON p.PROC_INST_ID_ = a.PROC_INST_ID_ WHERE p.BUSINESS_KEY_ = ?"
                + " ORDER BY a.START_TIME_, a.SEQUENCE_COUNTER_",
            businessKey)) {
      ids.add(row.get(0));
    }
    return ids;
  }

  synchronized long count(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  synchronized List<List<String>> rows(String sql, Object... args) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  synchronized int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
