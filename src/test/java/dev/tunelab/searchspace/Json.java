package dev.tunelab.searchspace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for test tables, producing what the REST layer hands to {@link
 * SearchSpace#parse}: ordered maps, lists, strings, booleans, null, and Integer, Long, BigInteger
 * or Double numbers. Single quotes may stand for double quotes, to keep tables readable.
 */
public final class Json {

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text.replace('\'', '"');
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  /** Parses any JSON value. */
  public static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.skipSpace();
    if (json.at != json.text.length()) {
      throw new IllegalArgumentException("trailing text at " + json.at + " in " + text);
    }
    return value;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(at);
    if (c == '{') {
      return map();
    }
    if (c == '[') {
      return list();
    }
    if (c == '"') {
      return string();
    }
    for (String word : List.of("true", "false", "null")) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    return number();
  }

  private Map<String, Object> map() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    skipSpace();
    if (text.charAt(at) == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      if (text.charAt(at++) == '}') {
        return map;
      }
    }
  }

  private List<Object> list() {
    List<Object> list = new ArrayList<>();
    at++;
    skipSpace();
    if (text.charAt(at) == ']') {
      at++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (text.charAt(at++) == ']') {
        return list;
      }
    }
  }

  private String string() {
    expect('"');
    int end = text.indexOf('"', at);
    String value = text.substring(at, end);
    at = end + 1;
    return value;
  }

  private Object number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String literal = text.substring(start, at);
    if (literal.matches("-?\\d+")) {
      BigInteger big = new BigInteger(literal);
      if (big.bitLength() < 32) {
        return big.intValue();
      }
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    return Double.parseDouble(literal);
  }

  private void expect(char c) {
    if (text.charAt(at) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + at + " in " + text);
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
