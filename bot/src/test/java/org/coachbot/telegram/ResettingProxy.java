package org.coachbot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A TCP relay in front of the fake Bot API that, while told to, resets every connection (RST, not a clean close)
 * as soon as a request arrives on it, before the server sees any of it.
 */
final class ResettingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final BooleanSupplier resetting;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ResettingProxy(int upstreamPort, BooleanSupplier resetting) throws IOException {
        this.upstreamPort = upstreamPort;
        this.resetting = resetting;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (Socket upstream = new Socket("127.0.0.1", upstreamPort)) {
            open.add(client);
            open.add(upstream);
            threads.execute(() -> pump(upstream, client, false));
            pump(client, upstream, true);
        } catch (IOException e) {
            reset(client);
        } finally {
            open.remove(client);
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (fromClient && resetting.getAsBoolean()) {
                    reset(from);
                    to.close();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            reset(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        open.forEach(ResettingProxy::reset);
        threads.shutdownNow();
    }
}
