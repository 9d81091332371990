package dev.tunelab.searchspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep immutable copies of JSON values, so that no caller can change a space after parsing. */
final class JsonValues {

  private JsonValues() {}

  /**
   * Maps (keys as strings, order kept) and lists are copied deeply; other values kept as they are.
   */
  static Object immutableCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), immutableCopy(item)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(immutableCopy(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
