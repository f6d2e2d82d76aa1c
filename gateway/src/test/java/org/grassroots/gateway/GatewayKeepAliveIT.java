package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection to the gateway stays readable. A request that arrives while the one before
 * it is still being answered waits its turn; once it has been answered, the connection must read the
 * next request. Reactor Netty 1.3.6 did not when the waiting request was answered at once, as a
 * refused token is: the connection hung until the client gave up (reactor/reactor-netty#4361). The
 * test sends two requests in one write, a call to the slow stand-in and one without a token, so the
 * second always waits, then a third on the same connection.
 */
class GatewayKeepAliveIT extends GatewayInFrontOfStandIns {

    @Test
    void givenARequestThatWaitedItsTurnAndWasRefusedAtOnce_whenAThirdFollowsOnTheSameConnection_thenItIsAnswered()
            throws IOException {
        String bearer = TestTokens.user("street-staff-2").roles("street_staff").bearer();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            out.write(get("/api/stats/communities", bearer).concat(get("/api/cases/42", null))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).as("the slow stand-in's answer").isEqualTo(200);
            assertThat(readStatus(in)).as("the refusal of the request that waited").isEqualTo(401);

            out.write(get("/actuator/health/liveness", null).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                assertThat(readStatus(in)).as("the third request's answer").isEqualTo(200);
            }
            catch (SocketTimeoutException e) {
                fail("the gateway did not read the third request on the kept-alive connection within 5 s");
            }
        }
    }

    private static String get(String path, String bearer) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (bearer == null ? "" : "Authorization: " + bearer + "\r\n") + "\r\n";
    }

    /** Reads one response, its body included, and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        int status = Integer.parseInt(readLine(in).split(" ")[1]);
        int contentLength = 0;
        boolean chunked = false;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        if (chunked) {
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0;
                    size = Integer.parseInt(readLine(in).trim(), 16)) {
                in.readNBytes(size);
                readLine(in);
            }
            readLine(in);
        }
        else {
            in.readNBytes(contentLength);
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the gateway closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
