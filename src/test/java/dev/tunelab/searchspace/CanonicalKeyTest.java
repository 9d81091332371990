package dev.tunelab.searchspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalKeyTest {

  private static String key(Object value) {
    return SearchSpace.canonicalKey(Map.of("v", value));
  }

  @Test
  void equalNumbersHaveEqualKeysWhateverTheirClass() {
    assertThat(List.of(key(1), key(1L), key(1.0), key(BigInteger.ONE), key(new BigDecimal("1.00"))))
        .containsOnly(key(1));
    assertThat(key(0.1)).isEqualTo(key(new BigDecimal("0.1")));
    assertThat(key(-0.0)).isEqualTo(key(0));
    assertThat(key(1e20)).isEqualTo(key(new BigInteger("100000000000000000000")));
  }

  @Test
  void toleratesTheLastDigitsOfARoundTrip() {
    assertThat(key(0.1 + 0.2)).isEqualTo(key(0.3));
    assertThat(key(0.3)).isNotEqualTo(key(0.3000001));
  }

  @Test
  void keepsLargeIntegersExact() {
    assertThat(key(1L << 60)).isNotEqualTo(key((1L << 60) + 1));
  }

  @Test
  void distinguishesTypesThatJsonDistinguishes() {
    assertThat(key("1")).isNotEqualTo(key(1));
    assertThat(key(true)).isNotEqualTo(key(1));
    assertThat(SearchSpace.canonicalKey(new LinkedHashMap<>(Map.of("v", List.of()))))
        .isNotEqualTo(key(Map.of()));
  }

  @Test
  void ignoresKeyOrderAtEveryDepth() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("x", 1);
    a.put("y", Map.of("_name", "A", "lr", 0.5));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("lr", 0.5);
    inner.put("_name", "A");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("y", inner);
    b.put("x", 1.0);

    assertThat(SearchSpace.canonicalKey(a)).isEqualTo(SearchSpace.canonicalKey(b));
  }

  @Test
  void readsLikeSortedJson() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("b", "q\"uote");
    values.put("a", List.of(1, 2.5));
    values.put("c", null);

    assertThat(SearchSpace.canonicalKey(values))
        .isEqualTo("{\"a\":[1,2.5],\"b\":\"q\\\"uote\",\"c\":null}");
  }
}
