package io.velocity.marketdata.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StringPoolTest {

    @Test
    void returnsTheSameInstanceForTheSameCharacters() {
        StringPool pool = new StringPool(16);
        char[] a = "xx12345yy".toCharArray();
        String first = pool.get(a, 2, 5);
        String second = pool.get("12345".toCharArray(), 0, 5);
        assertThat(first).isEqualTo("12345").isSameAs(second);
    }

    @Test
    void keepsWorkingAfterTheTableFills() {
        StringPool pool = new StringPool(8);
        for (int i = 0; i < 100; i++) {
            char[] c = ("id" + i).toCharArray();
            assertThat(pool.get(c, 0, c.length)).isEqualTo("id" + i);
        }
    }
}
