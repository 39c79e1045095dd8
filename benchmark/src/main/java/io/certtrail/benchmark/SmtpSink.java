package io.certtrail.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outside mail server for the run: speaks enough SMTP for JavaMail, keeps no messages, and
 * hands on the e-mail links it sees (newest kept, bounded) so the run can follow some of them.
 * A real relay is outside the application too; keeping it out of the measured JVM keeps the
 * application's heap figure honest.
 */
final class SmtpSink implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/email-links/[A-Za-z0-9_-]+");

    private final ServerSocket server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, daemon("smtp-sink"));
    private final LinkedBlockingQueue<String> links = new LinkedBlockingQueue<>(20_000);
    private final AtomicLong received = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = daemon("smtp-accept").newThread(this::accept);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long received() {
        return received.get();
    }

    /** @return a link from a mail, or null when none arrives in time */
    String nextLink(long timeoutMillis) throws InterruptedException {
        return links.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void forgetLinks() {
        links.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                workers.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder body = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            body.append(line).append('\n');
                        }
                        received.incrementAndGet();
                        Matcher link = LINK.matcher(body.toString().replace("=\n", ""));
                        if (link.find() && !links.offer(link.group())) {
                            links.poll();
                            links.offer(link.group());
                        }
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to keep
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
