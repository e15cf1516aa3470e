package io.galley.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP forwarder on a fixed local port: a broker that "comes back" where none listened. */
final class BrokerProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String host;
  private final int port;

  BrokerProxy(int listenPort, String target) throws IOException {
    String[] hostPort = target.split(",")[0].trim().split(":");
    this.host = hostPort[0];
    this.port = Integer.parseInt(hostPort[1]);
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress("127.0.0.1", listenPort));
    daemon("broker-proxy", this::accept);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket broker = new Socket(host, port);
        pump(client, broker);
        pump(broker, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    daemon(
        "broker-proxy-pump",
        () -> {
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
          } catch (IOException e) {
            // one side closed: the other follows
          } finally {
            close(from);
            close(to);
          }
        });
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
