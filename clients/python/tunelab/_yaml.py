"""A small, safe YAML reader for experiment configs and search spaces. Private: use ``tunelab.configfile``.

The package uses the standard library only, so it cannot depend on PyYAML. NNI configs use a small
part of YAML, and this reader accepts that part: block mappings and sequences (a sequence may sit
at its key's indentation), flow collections (``{a: 1, b: [2, 3]}``, also across lines), plain,
single- and double-quoted scalars, literal and folded block scalars (``|``, ``>``, with ``-``/``+``),
comments, and a leading ``---``. Scalars resolve as PyYAML's ``safe_load`` resolves them (YAML 1.1:
``yes``/``no``/``on``/``off`` are booleans, ``~`` is null), except that ``1e-4`` is a float, as a
person writing a learning rate means it.

Anchors, aliases, tags, several documents and complex keys are refused with :class:`YamlError`
naming the line, never guessed at.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Tuple

__all__ = ["YamlError", "loads"]

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUES = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"}
_FALSES = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_HEX = re.compile(r"[-+]?0x[0-9a-fA-F_]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0"}


class YamlError(ValueError):
    """The text is not YAML this reader accepts; the message names the line and what to change."""

    def __init__(self, message: str, line: Optional[int] = None) -> None:
        super().__init__(f"line {line}: {message}" if line is not None else message)
        self.line = line


def loads(text: str) -> Any:
    """Parses one YAML document into dicts, lists, str, int, float, bool and None.

    An empty document gives ``None``. Raises :class:`YamlError` for anything outside the subset
    described in the module's docstring.
    """
    return _Parser(text).document()


def scalar(text: str) -> Any:
    """Resolves a plain (unquoted) scalar as PyYAML's safe loader would, floats as YAML 1.2."""
    if text in _NULLS:
        return None
    if text in _TRUES:
        return True
    if text in _FALSES:
        return False
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _HEX.match(text):
        return int(text.replace("_", ""), 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text.replace("_", ""))
    if text.lower() in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text.lower()]
    return text


class _Parser:
    """Recursive descent over lines for block structure; flow collections go to :class:`_Flow`."""

    def __init__(self, text: str) -> None:
        self.lines: List[str] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.index = 0

    def document(self) -> Any:
        self._skip_blank()
        if self.index < len(self.lines) and self.lines[self.index].rstrip() == "---":
            self.index += 1
            self._skip_blank()
        if self.index >= len(self.lines):
            return None
        indent, _ = self._current()
        value = self._block(indent)
        self._skip_blank()
        if self.index < len(self.lines):
            content = _strip_comment(self.lines[self.index]).strip()
            if content not in ("...", ""):
                what = "a second document" if content == "---" else f"'{content}'"
                raise YamlError(f"unexpected {what}; check the indentation (one document per file)",
                                self.index + 1)
        return value

    # ----- lines

    def _current(self) -> Tuple[int, str]:
        """The current line's indentation and its content without comment."""
        line = self.lines[self.index]
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlError("tabs cannot indent YAML; use spaces", self.index + 1)
        return len(line) - len(stripped), _strip_comment(stripped).rstrip()

    def _skip_blank(self) -> None:
        while self.index < len(self.lines) and not _strip_comment(self.lines[self.index]).strip():
            self.index += 1

    def _next_indent(self) -> Optional[int]:
        """The indentation of the next non-blank line, or None at the end."""
        self._skip_blank()
        return None if self.index >= len(self.lines) else self._current()[0]

    # ----- blocks

    def _block(self, indent: int) -> Any:
        _, content = self._current()
        _refuse_unsupported(content, self.index + 1)
        if content == "-" or content.startswith("- "):
            return self._sequence(indent)
        if _mapping_colon(content) >= 0:
            return self._mapping(indent)
        return self._value(content, indent - 1)

    def _sequence(self, indent: int) -> List[Any]:
        items: List[Any] = []
        while self._next_indent() == indent:
            _, content = self._current()
            if not (content == "-" or content.startswith("- ")):
                break
            rest = content[1:].lstrip(" ")
            if not rest:
                self.index += 1
                deeper = self._next_indent()
                items.append(self._block(deeper) if deeper is not None and deeper > indent else None)
                continue
            offset = indent + len(content) - len(rest)
            self.lines[self.index] = " " * offset + rest  # the item is a block at its own column
            items.append(self._block(offset))
        return items

    def _mapping(self, indent: int) -> Dict[str, Any]:
        result: Dict[str, Any] = {}
        while self._next_indent() == indent:
            line_number = self.index + 1
            _, content = self._current()
            _refuse_unsupported(content, line_number)
            colon = _mapping_colon(content)
            if colon < 0:
                raise YamlError(f"expected 'key: value' at this indentation, found '{content}'", line_number)
            key = _key(content[:colon].strip(), line_number)
            rest = content[colon + 1:].strip()
            if rest:
                result[key] = self._value(rest, indent)
                continue
            self.index += 1
            deeper = self._next_indent()
            if deeper is not None and deeper > indent:
                result[key] = self._block(deeper)
            elif deeper == indent and self._current()[1].startswith("- ") or (
                    deeper == indent and self._current()[1] == "-"):
                result[key] = self._sequence(indent)
            else:
                result[key] = None
        return result

    def _value(self, rest: str, parent_indent: int) -> Any:
        """A value that starts on the current line after ``key:`` (or as a whole line)."""
        line_number = self.index + 1
        _refuse_unsupported(rest, line_number)
        if rest[0] in "|>":
            return self._block_scalar(rest, parent_indent)
        if rest[0] in "[{":
            text = rest
            self.index += 1
            while not _Flow.complete(text):
                if self.index >= len(self.lines):
                    raise YamlError(f"'{rest[0]}' is never closed", line_number)
                text += " " + _strip_comment(self.lines[self.index]).strip()
                self.index += 1
            return _Flow(text, line_number).parse()
        self.index += 1
        if rest[0] in "\"'":
            value, end = _quoted(rest, 0, line_number)
            if rest[end:].strip():
                raise YamlError(f"unexpected text after the quoted string: '{rest[end:].strip()}'", line_number)
            return value
        if _mapping_colon(rest) >= 0:
            raise YamlError(f"'{rest}' holds ': ' inside a value; quote the value", line_number)
        # A plain scalar may continue on more-indented lines, folded with spaces.
        parts = [rest]
        while self._next_indent() is not None and self._current()[0] > parent_indent \
                and _mapping_colon(self._current()[1]) < 0 and not self._current()[1].startswith("- "):
            parts.append(self._current()[1].strip())
            self.index += 1
        return scalar(" ".join(parts)) if len(parts) == 1 else " ".join(parts)

    def _block_scalar(self, header: str, parent_indent: int) -> str:
        line_number = self.index + 1
        match = re.fullmatch(r"([|>])([-+]?)([1-9]?)([-+]?)", header.strip())
        if not match:
            raise YamlError(f"'{header}' is not a block scalar header such as | or >-", line_number)
        style, chomp = match.group(1), match.group(2) or match.group(4)
        self.index += 1
        raw: List[str] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.strip() and len(line) - len(line.lstrip(" ")) <= parent_indent:
                break
            raw.append(line)
            self.index += 1
        trailing = 0
        while raw and not raw[-1].strip():
            raw.pop()
            trailing += 1
        self.index -= trailing
        content = [line for line in raw if line.strip()]
        if not content:
            return ""
        cut = min(len(line) - len(line.lstrip(" ")) for line in content)
        lines = [line[cut:] for line in raw]
        text = "\n".join(lines) if style == "|" else _fold(lines)
        if chomp == "-":
            return text
        return text + "\n" * (1 + trailing if chomp == "+" else 1)


def _fold(lines: List[str]) -> str:
    """Folds the lines of a ``>`` scalar: a line break becomes a space, a blank line a newline."""
    text = ""
    previous: Optional[str] = None
    for line in lines:
        if previous is None:
            text = line
        elif not line:
            text += "\n"
        elif not previous:
            text += line
        elif line.startswith(" ") or previous.startswith(" "):
            text += "\n" + line
        else:
            text += " " + line
        previous = line
    return text


class _Flow:
    """A flow collection (``[...]`` or ``{...}``), which may nest; JSON is a flow collection."""

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.pos = 0
        self.line = line

    @staticmethod
    def complete(text: str) -> bool:
        """Whether every bracket opened in ``text`` (outside quotes) is closed."""
        depth, i = 0, 0
        while i < len(text):
            char = text[i]
            if char in "\"'":
                end = _quote_end(text, i)
                if end < 0:
                    return False
                i = end
                continue
            depth += char in "[{"
            depth -= char in "]}"
            i += 1
        return depth <= 0

    def parse(self) -> Any:
        value = self._node()
        self._space()
        if self.pos < len(self.text):
            raise YamlError(f"unexpected '{self.text[self.pos:]}' after the closing bracket", self.line)
        return value

    def _space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _node(self) -> Any:
        self._space()
        if self.pos >= len(self.text):
            raise YamlError("a flow collection ends too early", self.line)
        char = self.text[self.pos]
        if char == "[":
            return self._collection("]")
        if char == "{":
            return self._collection("}")
        if char in "\"'":
            value, self.pos = _quoted(self.text, self.pos, self.line)
            return value
        if char in "&*!":
            _refuse_unsupported(self.text[self.pos:], self.line)
        start = self.pos
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in ",]}" or (char == ":" and self.text[self.pos + 1:self.pos + 2] in ("", " ", ",", "]", "}")):
                break
            self.pos += 1
        return scalar(self.text[start:self.pos].strip())

    def _collection(self, close: str) -> Any:
        self.pos += 1
        is_map = close == "}"
        result: Any = {} if is_map else []
        while True:
            self._space()
            if self.pos < len(self.text) and self.text[self.pos] == close:
                self.pos += 1
                return result
            key = self._node()
            self._space()
            has_colon = self.pos < len(self.text) and self.text[self.pos] == ":"
            if has_colon:
                self.pos += 1
                self._space()
                at_end = self.pos >= len(self.text) or self.text[self.pos] in ",]}"
                value = None if at_end else self._node()
            if is_map:
                result[_key(key, self.line)] = value if has_colon else None
            elif has_colon:
                result.append({_key(key, self.line): value})
            else:
                result.append(key)
            self._space()
            if self.pos < len(self.text) and self.text[self.pos] == ",":
                self.pos += 1
            elif not (self.pos < len(self.text) and self.text[self.pos] == close):
                raise YamlError(f"expected ',' or '{close}' in a flow collection", self.line)


def _key(key: Any, line: int) -> str:
    if isinstance(key, (dict, list)):
        raise YamlError("a mapping key must be a scalar", line)
    if isinstance(key, str) and key.startswith(("'", '"')):
        return str(_quoted(key, 0, line)[0])
    if key is None:
        raise YamlError("a mapping key cannot be empty", line)
    return key if isinstance(key, str) else json.dumps(key)


def _refuse_unsupported(content: str, line: int) -> None:
    if content == "---" or content.startswith("--- "):
        raise YamlError("several documents (---) are not supported; keep one document per file", line)
    if content.startswith(("&", "*")):
        raise YamlError("anchors and aliases (& and *) are not supported; write the value out", line)
    if content.startswith("!"):
        raise YamlError("tags (!) are not supported; remove the tag", line)
    if content.startswith("? "):
        raise YamlError("complex keys (?) are not supported", line)
    if content.startswith("%"):
        raise YamlError("directives (%) are not supported; remove the line", line)


def _mapping_colon(content: str) -> int:
    """Where the ``:`` ending a mapping key is in a line (outside quotes and brackets), or -1."""
    if content.startswith(("- ", "[", "{")) or content == "-":
        return -1
    i = 0
    if content.startswith(("'", '"')):
        end = _quote_end(content, 0)
        if end < 0:
            return -1
        i = end
    while i < len(content):
        if content[i] == ":" and (i + 1 == len(content) or content[i + 1] == " "):
            return i
        if content[i] == " " and content[i + 1:i + 2] == "#":
            return -1
        i += 1
    return -1


def _quote_end(text: str, start: int) -> int:
    """The index after the quoted string starting at ``start``, or -1 when it does not end."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return -1


def _quoted(text: str, start: int, line: int) -> Tuple[str, int]:
    """Decodes the quoted string at ``start``; returns it and the index after its closing quote."""
    end = _quote_end(text, start)
    if end < 0:
        raise YamlError("a quoted string is never closed (strings must end on their line)", line)
    body = text[start + 1:end - 1]
    if text[start] == "'":
        return body.replace("''", "'"), end
    out: List[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        code = body[i + 1:i + 2]
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            i += 2
        elif code in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[code]
            digits = body[i + 2:i + 2 + width]
            try:
                out.append(chr(int(digits, 16)))
            except ValueError:
                raise YamlError(f"'\\{code}{digits}' is not a valid escape", line) from None
            i += 2 + width
        else:
            raise YamlError(f"'\\{code}' is not a valid escape in a double-quoted string", line)
    return "".join(out), end


def _strip_comment(line: str) -> str:
    """The line without its comment: ``#`` at the start or after a space, outside quotes."""
    i = 0
    quote = ""
    while i < len(line):
        char = line[i]
        if quote:
            if quote == '"' and char == "\\":
                i += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'" and (i == 0 or line[i - 1] in " [{,:-"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
        i += 1
    return line
