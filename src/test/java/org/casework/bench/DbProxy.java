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

/**
 * A TCP proxy in front of MariaDB that the fault suite can cut: the app talks to the database only
 * through it, so "the database is gone" is simulated without stopping the shared MariaDB.
 */
final class DbProxy implements AutoCloseable {

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  DbProxy(int port, String targetHost, int targetPort) {
    this.port = port;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  synchronized void open() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = s;
    Thread.ofPlatform().daemon().name("db-proxy-accept").start(() -> accept(s));
    Kit.log("database proxy open: 127.0.0.1:%d -> %s:%d", port, targetHost, targetPort);
  }

  /** Refuses new connections and drops every open one (as a dead database host would). */
  synchronized void cut() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // closed
    }
    server = null;
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closed
      }
    }
    sockets.clear();
    Kit.log("database proxy CUT: connections dropped, new ones refused");
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket db = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(db);
        pump(client, db);
        pump(db, client);
      } catch (IOException e) {
        // closed or refused
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              byte[] buf = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException e) {
                  // closed
                }
                sockets.remove(from);
                sockets.remove(to);
              }
            });
  }

  @Override
  public void close() {
    cut();
  }
}
