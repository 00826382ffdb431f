package io.velocity.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.core.Sensitive;
import io.velocity.telemetry.logging.SensitiveArgumentGuard;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingTest {
    private static final Logger log = LoggerFactory.getLogger(LoggingTest.class);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonLinesCarryTheTraceIdOfTheTradeLifecycle() throws Exception {
        String id = TraceContext.newTraceId();
        try (LogCapture capture = new LogCapture()) {
            try (TraceContext.Scope ignored = TraceContext.open(id)) {
                log.info("intent {} sent", "SNIPE");
            }
            log.info("outside any trade");
            String[] lines = capture.text().split("\n");
            JsonNode first = json.readTree(lines[0]);
            assertThat(first.get("trace_id").asText()).isEqualTo(id);
            assertThat(first.get("msg").asText()).isEqualTo("intent SNIPE sent");
            assertThat(first.get("level").asText()).isEqualTo("INFO");
            assertThat(first.get("logger").asText()).isEqualTo(LoggingTest.class.getName());
            assertThat(json.readTree(lines[1]).has("trace_id")).isFalse();
        }
        assertThat(TraceContext.current()).isNull();
    }

    @Test
    void theTraceIdCrossesThreadsWhenTheTaskIsWrapped() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LogCapture capture = new LogCapture()) {
            String id = TraceContext.newTraceId();
            try (TraceContext.Scope ignored = TraceContext.open(id)) {
                TraceContext.propagating(pool).execute(() -> log.info("on the rail thread"));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            JsonNode line = json.readTree(capture.text().trim());
            assertThat(line.get("trace_id").asText()).isEqualTo(id);
            assertThat(line.get("thread").asText()).isNotEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void traceIdsSortByCreationTimeAndDoNotRepeat() {
        String a = TraceContext.newTraceId();
        String b = TraceContext.newTraceId();
        assertThat(a).hasSize(22).matches("[0-9a-f]{22}").isNotEqualTo(b);
        assertThat(a.substring(0, 12).compareTo(b.substring(0, 12))).isLessThanOrEqualTo(0);
    }

    @Test
    void aRegisteredSecretIsScrubbedFromMessagesAndStackTraces() {
        String secret = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
        try (LogCapture capture = new LogCapture();
             SecretRedactor.Registration ignored = SecretRedactor.register(secret.toCharArray())) {
            log.warn("signing with {}", secret);
            log.error("rail failed", new IllegalStateException("bad key " + secret.toUpperCase()));
            String out = capture.text();
            assertThat(out).doesNotContainIgnoringCase(secret.substring(2));
            assertThat(out).contains(Sensitive.REDACTED);
        }
        assertThat(SecretRedactor.scrub("after lock " + secret)).contains(secret);
    }

    @Test
    void rawKeyMaterialArgumentsAreRefusedNotPrinted() {
        long refusedBefore = SensitiveArgumentGuard.refusedCount();
        try (LogCapture capture = new LogCapture()) {
            log.info("key bytes {}", (Object) new byte[]{1, 2, 3});
            log.info("password {}", (Object) "hunter2-password".toCharArray());
            log.info("leaky {}", new LeakySecret());
            log.info("safe {}", new RedactedSecret());
            assertThat(capture.text()).doesNotContain("hunter2").doesNotContain("LEAK").contains(Sensitive.REDACTED);
        }
        assertThat(SensitiveArgumentGuard.refusedCount() - refusedBefore).isEqualTo(3);
    }

    private static final class LeakySecret implements Sensitive {
        @Override
        public String toString() {
            return "LEAK";
        }
    }

    private static final class RedactedSecret implements Sensitive {
        @Override
        public String toString() {
            return "ApiKey[" + REDACTED + "]";
        }
    }
}
