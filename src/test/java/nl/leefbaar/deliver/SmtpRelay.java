package nl.leefbaar.deliver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mail server's faults in front of the real one (GreenMail): a plain TCP relay on
 * 127.0.0.1 that passes the SMTP conversation through, answers {@code RCPT TO} for a
 * refused address with the server's usual 550 itself, and can be taken down (connection
 * refused) and brought up again on the same port.
 */
final class SmtpRelay implements AutoCloseable {

	private final int serverPort;

	private final int port;

	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	SmtpRelay(int serverPort) throws IOException {
		this.serverPort = serverPort;
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		up();
	}

	int port() {
		return port;
	}

	void refuse(String address) {
		refused.add(address.toLowerCase(Locale.ROOT));
	}

	void acceptAll() {
		refused.clear();
	}

	/** Nobody listens: a connection is refused. */
	synchronized void down() throws IOException {
		if (listener != null) {
			listener.close();
			listener = null;
		}
	}

	synchronized void up() throws IOException {
		if (listener != null) {
			return;
		}
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		listener = socket;
		Thread accepting = new Thread(() -> accept(socket), "smtp-relay-" + port);
		accepting.setDaemon(true);
		accepting.start();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
				Thread back = new Thread(() -> copy(server, client), "smtp-relay-back");
				back.setDaemon(true);
				back.start();
				Thread forth = new Thread(() -> forward(client, server), "smtp-relay-forth");
				forth.setDaemon(true);
				forth.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/**
	 * Client to server, line by line: a refused recipient is answered here and never
	 * reaches the server. In the message's text (after DATA) nothing is looked at.
	 */
	private void forward(Socket client, Socket server) {
		try (client; server) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream toServer = server.getOutputStream();
			OutputStream toClient = client.getOutputStream();
			boolean data = false;
			String line;
			while ((line = in.readLine()) != null) {
				String upper = line.toUpperCase(Locale.ROOT);
				if (!data && upper.startsWith("RCPT TO:") && isRefused(line)) {
					synchronized (toClient) {
						toClient.write("550 5.1.1 Recipient address rejected: mailbox unavailable\r\n"
							.getBytes(StandardCharsets.ISO_8859_1));
						toClient.flush();
					}
					continue;
				}
				if (!data && upper.equals("DATA")) {
					data = true;
				}
				else if (data && line.equals(".")) {
					data = false;
				}
				toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				toServer.flush();
			}
		}
		catch (IOException e) {
			// the conversation ended
		}
	}

	private boolean isRefused(String line) {
		int open = line.indexOf('<');
		int close = line.indexOf('>');
		return open >= 0 && close > open && refused.contains(line.substring(open + 1, close).toLowerCase(Locale.ROOT));
	}

	private static void copy(Socket server, Socket client) {
		try {
			InputStream in = server.getInputStream();
			OutputStream out = client.getOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				synchronized (out) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException e) {
			// the conversation ended
		}
		finally {
			try {
				client.close();
			}
			catch (IOException e) {
				// closed already
			}
		}
	}

	@Override
	public void close() throws IOException {
		down();
	}

}
