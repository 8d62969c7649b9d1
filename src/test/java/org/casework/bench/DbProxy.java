package org.casework.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the app and MariaDB (fault suite, case "database cut"): the app's {@code
 * CASEWORK_DB_PORT} points here. {@link #cut()} closes every open connection and refuses new ones
 * (accepted and closed at once, like a server that went away) until {@link #restore()}.
 */
final class DbProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean cut;
  private volatile boolean closed;

  DbProxy(int port, String targetHost, int targetPort) throws IOException {
    this.server = new ServerSocket();
    this.server.setReuseAddress(true);
    this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    Thread t = new Thread(this::acceptLoop, "db-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Drops every connection and refuses new ones. */
  void cut() {
    cut = true;
    for (Socket s : open) {
      quietClose(s);
    }
    open.clear();
  }

  void restore() {
    cut = false;
  }

  boolean isCut() {
    return cut;
  }

  /** Connections refused while cut. */
  long refused() {
    return refused.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      if (cut) {
        refused.incrementAndGet();
        quietClose(client);
        continue;
      }
      try {
        Socket upstream = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        quietClose(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[32 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // cut, or one side closed
              } finally {
                quietClose(from);
                quietClose(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "db-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void quietClose(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    cut();
  }
}
