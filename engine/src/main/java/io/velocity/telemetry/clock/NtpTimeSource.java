package io.velocity.telemetry.clock;

import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * NTP over Apache Commons Net: asks every configured server ({@code host} or {@code host:port},
 * config {@code clock.ntpServers}), computes each answer's offset and delay
 * ({@code computeDetails()} first, as the library requires) and reports the median offset of the
 * servers that answered, so one bad server cannot raise the alarm alone.
 */
public final class NtpTimeSource implements TimeSource {
    private final List<String> servers;
    private final Duration timeout;

    public NtpTimeSource(List<String> servers, Duration timeout) {
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "ntp";
    }

    @Override
    public OffsetSample sample() throws IOException {
        List<long[]> answers = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (NTPUDPClient client = new NTPUDPClient()) {
            client.setDefaultTimeout(timeout);
            client.open();
            for (String server : servers) {
                try {
                    int colon = server.lastIndexOf(':');
                    String host = colon > 0 ? server.substring(0, colon) : server;
                    int port = colon > 0 ? Integer.parseInt(server.substring(colon + 1)) : NTPUDPClient.DEFAULT_PORT;
                    TimeInfo info = client.getTime(InetAddress.getByName(host), port);
                    info.computeDetails();
                    Long offset = info.getOffset();
                    Long delay = info.getDelay();
                    if (offset == null) {
                        problems.add(server + ": no offset");
                        continue;
                    }
                    answers.add(new long[]{offset, delay == null ? 0 : Math.max(0, delay)});
                    answered.add(server);
                } catch (IOException | NumberFormatException e) {
                    problems.add(server + ": " + e.getClass().getSimpleName());
                }
            }
        }
        if (answers.isEmpty()) {
            throw new IOException("no NTP server answered (" + String.join(", ", problems) + ")");
        }
        answers.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] median = answers.get(answers.size() / 2);
        return new OffsetSample(median[0], median[1] / 2, "median of " + answered);
    }
}
