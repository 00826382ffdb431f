package io.velocity.telemetry.clock;

import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;

/** A minimal NTP server on 127.0.0.1 whose clock runs {@code skewMillis} ahead of this machine's. */
final class LocalNtpServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private volatile long skewMillis;

    LocalNtpServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "test-ntp");
        thread.setDaemon(true);
        thread.start();
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    void skew(long millis) {
        skewMillis = millis;
    }

    private void serve() {
        byte[] buf = new byte[48]; // an NTPv3 packet without extensions
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                socket.receive(in);
                NtpV3Impl request = new NtpV3Impl();
                request.setDatagramPacket(in);
                long now = System.currentTimeMillis() + skewMillis;
                NtpV3Impl reply = new NtpV3Impl();
                reply.setMode(NtpV3Packet.MODE_SERVER);
                reply.setVersion(NtpV3Packet.VERSION_3);
                reply.setStratum(1);
                reply.setReferenceTime(TimeStamp.getNtpTime(now));
                reply.setOriginateTimeStamp(request.getTransmitTimeStamp());
                reply.setReceiveTimeStamp(TimeStamp.getNtpTime(now));
                reply.setTransmitTime(TimeStamp.getNtpTime(now));
                DatagramPacket out = reply.getDatagramPacket();
                out.setAddress(in.getAddress());
                out.setPort(in.getPort());
                socket.send(out);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
