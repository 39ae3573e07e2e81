from __future__ import annotations

import dataclasses
import functools
import ipaddress
import os
import re
import string
import sys
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import ParseResult, scheme_chars, uses_netloc, uses_params

from w3lib._infra import _ASCII_TAB_OR_NEWLINE, _C0_CONTROL_OR_SPACE

if TYPE_CHECKING:
    from collections.abc import Generator
    from urllib.parse import _QueryType

_IS_WINDOWS = os.name == "nt"


_FS_ENCODING = sys.getfilesystemencoding()
_FS_ERRORS = sys.getfilesystemencodeerrors()

# https://url.spec.whatwg.org/
# https://url.spec.whatwg.org/commit-snapshots/a46cb9188a48c2c9d80ba32a9b1891652d6b4900/#default-port
_DEFAULT_PORTS = {
    "ftp": 21,
    "file": None,
    "http": 80,
    "https": 443,
    "ws": 80,
    "wss": 443,
}
_SPECIAL_SCHEMES = set(_DEFAULT_PORTS.keys())

# constants from RFC 3986, Section 2.2 and 2.3
RFC3986_GEN_DELIMS = b":/?#[]@"
RFC3986_SUB_DELIMS = b"!$&'()*+,;="
RFC3986_RESERVED = RFC3986_GEN_DELIMS + RFC3986_SUB_DELIMS
RFC3986_UNRESERVED = (string.ascii_letters + string.digits + "-._~").encode("ascii")
EXTRA_SAFE_CHARS = b"|"  # see https://github.com/scrapy/w3lib/pull/25

RFC3986_USERINFO_SAFE_CHARS = RFC3986_UNRESERVED + RFC3986_SUB_DELIMS + b":"
_SAFE_CHARS = RFC3986_RESERVED + RFC3986_UNRESERVED + EXTRA_SAFE_CHARS + b"%"
_PATH_SAFE_CHARS = _SAFE_CHARS.replace(b"#", b"")
_PATH_SAFE_CHARS_STR = _PATH_SAFE_CHARS.decode()
_USES_NETLOC = frozenset(uses_netloc)
_SCHEME_CHARS = frozenset(scheme_chars)
_USES_PARAMS = frozenset(uses_params)
_ASCII_TAB_OR_NEWLINE_TRANSLATION_TABLE = str.maketrans("", "", _ASCII_TAB_OR_NEWLINE)
_C0_CONTROL_OR_SPACE_RE = re.compile(rf"[{_C0_CONTROL_OR_SPACE}]")
_SCHEME_RE = re.compile(rf"^([a-zA-Z][{re.escape(scheme_chars)}]*):")

_IPV_FUTURE_RE = re.compile(r"\Av[a-fA-F0-9]+\..+\Z")
# "\" terminates the authority of a special-scheme URL just like "/" under the
# URL living standard, so it belongs with the other authority delimiters here.
_NETLOC_DELIMS_RE = re.compile(r"[/?#@:\\]")
_NETLOC_STRIP_CHARS = str.maketrans("", "", "@:#?")


def _strip(input_string: str) -> str:
    if not input_string:
        return input_string

    if not _C0_CONTROL_OR_SPACE_RE.search(input_string):
        return input_string

    return input_string.strip(_C0_CONTROL_OR_SPACE).translate(
        _ASCII_TAB_OR_NEWLINE_TRANSLATION_TABLE
    )


@functools.cache
def _hex_encode_table() -> bytes:
    """Build a lookup table for percent-encoded byte values.

    | byte | encoding |
    |------|----------|
    | 0    | %00      |
    | 1    | %01      |
    | ...  | ...      |
    | 255  | %FF      |

    Each entry is exactly 3 bytes: b"%HH".

    Returns:
        A bytes object of length 256 * 3 containing all percent encodings.
    """
    return b"".join(f"%{i:02X}".encode() for i in range(256))


@functools.cache
def _hex_decode_table() -> bytes:
    """Build a lookup table for decoding hex ASCII characters.

    | ASCII  | value        |
    |--------|--------------|
    | '0'-'9'| 0-9          |
    | 'A'-'F'| 10-15        |
    | 'a'-'f'| 10-15        |
    | other  | 255 (invalid)|

    Returns:
        A bytes object of length 256 containing nibble values.
    """
    table = bytearray([255]) * 256
    table[48:58] = bytes(range(10))  # '0'-'9'
    table[65:71] = bytes(range(10, 16))  # 'A'-'F'
    table[97:103] = bytes(range(10, 16))  # 'a'-'f'
    return bytes(table)


@functools.cache
def _safe_table(safe: bytes = RFC3986_UNRESERVED) -> bytes:
    """Build a lookup table marking safe (non-encoded) bytes.

    | byte | is allowed? |
    |------|-------------|
    | 0    | 0           |
    | 32   | 1 (if safe) |
    | 65   | 1           |
    | 255  | 0           |

    Returns:
        A bytes object of length 256 acting as a boolean mask (0/1).
    """
    table = bytearray(256)
    for b in safe:
        table[b] = 1
    return bytes(table)


@functools.cache
def _quote_table(safe: bytes = b"", quote_plus: bool = False) -> tuple[bytes, ...]:
    """Precompute encoding rules for all 256 byte values.

    Decision table:
    | condition                     | output |
    |-------------------------------|--------|
    | byte in safe                  | as-is  |
    | byte == 32 and quote_plus     | "+"    |
    | otherwise                     | "%HH"  |

    Example mapping:
    | byte | char | output |
    |------|------|--------|
    | 65   | A    | b"A"   |
    | 32   | space| b"+"   |
    | 255  | N/A  | b"%FF" |

    Returns:
        A 256-entry tuple mapping byte value (index) -> encoded bytes.
    """
    hex_table = _hex_encode_table()
    allowed = _safe_table(RFC3986_UNRESERVED + safe) if safe else _safe_table()
    output: list[bytes] = [b""] * 256

    for idx, byte in enumerate(range(256)):
        if allowed[byte]:
            output[idx] = chr(byte).encode()
        elif quote_plus and byte == 32:  # ord(' ')
            output[idx] = b"+"
        else:
            offset = byte * 3
            output[idx] = hex_table[offset : offset + 3]

    return tuple(output)


def _quote(data: bytes, safe: bytes = b"", quote_plus: bool = False) -> bytes:
    """Fast URL-style quoting using a precomputed table.

    Args:
        data: Input bytes.
        safe: Additional unescaped bytes.
        quote_plus: Encode space as '+' if True.

    Returns:
        Percent-encoded bytes.
    """
    if not data:  # pragma: no cover
        return b""

    transform_table = _quote_table(safe, quote_plus)
    return b"".join([transform_table[byte] for byte in data])


def _quote_into(
    data: bytes, output: bytearray, safe: bytes = b"", quote_plus: bool = False
) -> None:
    if not data:  # pragma: no cover
        return

    transform_table = _quote_table(safe, quote_plus)
    output += b"".join([transform_table[byte] for byte in data])


def _unquote(data: bytes | bytearray | str) -> bytes:
    if not data:
        return b""

    if isinstance(data, str):
        data = data.encode()

    first_percent = data.find(b"%")

    if first_percent < 0:
        return bytes(data)

    hex_decode_table = _hex_decode_table()

    data_length = len(data)
    # stop at len - 2 because "%HH" decoding reads 2 extra bytes after '%'
    decode_limit = data_length - 2

    output = bytearray(data_length)
    output[:first_percent] = data[:first_percent]

    input_index = first_percent
    output_index = first_percent

    while input_index < decode_limit:
        current_byte = data[input_index]

        if current_byte == 37:  # ord('%')
            # Decoding "%HH" sequence
            # Step 1: read two hex characters after '%'
            # Example: "%4F" -> '4' and 'F'
            high_nibble = hex_decode_table[data[input_index + 1]]
            low_nibble = hex_decode_table[data[input_index + 2]]

            # Step 2: validate both characters are valid hex digits
            # hex_decode_table returns 255 for invalid input
            # bitwise OR catches any invalid nibble quickly
            if (high_nibble | low_nibble) != 255:
                # Step 3: combine two 4-bit nibbles into one byte
                # (high_nibble << 4) + low_nibble
                # Example: 0x4 and 0xF -> 0x4F
                output[output_index] = (high_nibble << 4) | low_nibble
                input_index += 3  # skip past "%HH" in input
                output_index += 1  # advance output position by one decoded byte
                continue

        output[output_index] = current_byte
        input_index += 1
        output_index += 1

    while input_index < data_length:  # tail
        output[output_index] = data[input_index]
        input_index += 1
        output_index += 1

    return bytes(output[:output_index])


def _unquote_plus(
    data: bytes | bytearray | str,
) -> bytes:
    # This function is intentionally duplicated from `_unquote` for performance.
    # The duplication avoids extra branching for '+' handling in hot loop.
    if not data:
        return b""

    if isinstance(data, str):  # pragma: no cover
        data = data.encode()

    first_percent = data.find(b"%")
    first_plus = data.find(b"+")

    first_special = min(first_plus, first_percent)

    if first_special < 0:
        first_special = max(first_percent, first_plus)

    if first_special < 0:
        return bytes(data)

    hex_decode_table = _hex_decode_table()

    data_length = len(data)
    decode_limit = data_length - 2

    output = bytearray(data_length)
    output[:first_special] = data[:first_special]

    input_index = first_special
    output_index = first_special

    while input_index < decode_limit:
        current_byte = data[input_index]

        if current_byte == 43:  # ord('+')
            output[output_index] = 32  # ord(' ')
            input_index += 1
            output_index += 1
            continue

        if current_byte == 37:  # ord('%')
            high_nibble = hex_decode_table[data[input_index + 1]]
            low_nibble = hex_decode_table[data[input_index + 2]]

            if (high_nibble | low_nibble) != 255:
                output[output_index] = (high_nibble << 4) | low_nibble
                input_index += 3
                output_index += 1
                continue

        output[output_index] = current_byte
        input_index += 1
        output_index += 1

    while input_index < data_length:  # tail
        current_byte = data[input_index]

        if current_byte == 43:  # ord('+')
            output[output_index] = 32  # ord(' ')
        else:
            output[output_index] = current_byte

        input_index += 1
        output_index += 1

    return bytes(output[:output_index])


def _parse_qs(
    qs: str | bytes,
    keep_blank_values: bool = False,
    separator: bytes = b"&",
) -> dict[bytes, list[bytes]]:
    """Reimplementation of urllib.parse.parse_qs which:
    - Doesn't use _coerce_args or _coerce_result
    - Works directly on bytes internally (no type coercion layer)
    - Returns bytes keys/values only"""
    if not qs:  # pragma: no cover
        return {}

    if isinstance(qs, str):  # pragma: no cover
        qs = qs.encode()

    result: dict[bytes, list[bytes]] = {}

    for field in qs.split(separator):
        if not field:
            continue

        key, sep, value = field.partition(b"=")

        if not keep_blank_values and (not sep or not value):
            continue

        key = _unquote_plus(key)
        value = _unquote_plus(value)

        if key in result:
            result[key].append(value)
        else:
            result[key] = [value]

    return result


def _parse_qsl(
    qs: str | bytes,
    keep_blank_values: bool = False,
    separator: bytes = b"&",
) -> list[tuple[bytes, bytes]]:
    """Reimplementation of urllib.parse.parse_qsl which:
    - Doesn't use _coerce_args or _coerce_result
    - Works directly on bytes internally (no type coercion layer)
    - Returns only bytes tuples"""
    # This function is intentionally duplicated from `_parse_qs` for performance.
    if not qs:
        return []

    if isinstance(qs, str):
        qs = qs.encode()

    result: list[tuple[bytes, bytes]] = []

    for field in qs.split(separator):
        if not field:
            continue

        key, sep, value = field.partition(b"=")

        if not keep_blank_values and (not sep or not value):
            continue

        result.append((_unquote_plus(key), _unquote_plus(value)))

    return result


def _urlencode(query: _QueryType, separator: bytes = b"&") -> bytes:
    if hasattr(query, "items"):  # pragma: no cover
        query = query.items()  # type: ignore[assignment]

    if not query:  # pragma: no cover
        return b""

    result: list[bytes] = []
    tmp_buf = bytearray()

    for key, value in query:  # type: ignore[str-unpack]
        _quote_into(
            key if isinstance(key, bytes) else str(key).encode(),
            output=tmp_buf,
            quote_plus=True,
        )
        tmp_buf.append(61)  # ord('=')
        _quote_into(
            value if isinstance(value, bytes) else str(value).encode(),
            output=tmp_buf,
            quote_plus=True,
        )
        result.append(bytes(tmp_buf))
        tmp_buf.clear()

    return separator.join(result)


def _split_params(scheme: str, url: str) -> tuple[str, str]:
    """Split the params from the path, as urlib.parse.urlparse does."""
    if scheme in _USES_PARAMS:
        # Only a ";" in the last segment starts the params; one in an earlier
        # segment is an ordinary path character.
        semi_idx = url.find(";", url.rfind("/") + 1)

        if semi_idx != -1:
            return url[:semi_idx], url[semi_idx + 1 :]

    return url, ""


def _urlparse(
    url: str,
    scheme: str = "",
    allow_fragments: bool = True,
) -> ParseResult:
    """Reimplementation of urlib.parse.urlparse but without _coerce_args/_coerce_result."""
    if not url:  # pragma: no cover
        return ParseResult(scheme, "", "", "", "", "")

    scheme, netloc, url, query, fragment = _urlsplit(url, scheme, allow_fragments)
    url, params = _split_params(scheme, url)

    return ParseResult(scheme, netloc, url, params, query, fragment)


def _urlunparse(
    scheme: str,
    netloc: str,
    url: str,
    params: str,
    query: str,
    fragment: str,
) -> str:
    """Reimplementation of urlib.parse.urlunparse but without _coerce_args/_coerce_result."""
    if params:
        url = f"{url};{params}"
    return _urlunsplit(scheme, netloc, url, query, fragment)


def _urlunsplit(scheme: str, netloc: str, url: str, query: str, fragment: str) -> str:
    """Reimplementation of urlib.parse.urlunsplit but without _coerce_args/_coerce_result."""

    if netloc:
        if url and url[:1] != "/":
            url = f"/{url}"
        url = f"//{netloc}{url}"
    elif url[:2] == "//" or (
        scheme and scheme in _USES_NETLOC and (not url or url[:1] == "/")
    ):
        url = f"//{url}"

    if scheme:
        scheme = f"{scheme}:"

    if query:
        query = f"?{query}"

    if fragment:
        fragment = f"#{fragment}"

    return f"{scheme}{url}{query}{fragment}"


@dataclasses.dataclass(slots=True, eq=False, repr=False)
class _SplitResult:  # pylint: disable=too-many-instance-attributes
    scheme: str
    netloc: str
    path: str
    query: str
    fragment: str

    username: str | None = None
    password: str | None = None
    hostname: str | None = None
    port: str | int | None = None

    def __post_init__(self) -> None:
        if self.hostname is not None:
            hostname, delim, zone = self.hostname.partition("%")
            self.hostname = f"{hostname.lower()}{delim}{zone}"

        if self.port is not None:
            if isinstance(self.port, str) and not (
                self.port.isascii() and self.port.isdigit()
            ):
                raise ValueError(
                    f"Port could not be cast to integer value as {self.port}"
                )
            self.port = int(self.port)

            if self.port not in range(65535 + 1):
                raise ValueError("Port out of range 0-65535")

    def __iter__(self) -> Generator[str]:
        yield self.scheme
        yield self.netloc
        yield self.path
        yield self.query
        yield self.fragment

    def __len__(self) -> int:
        return 5  # pragma: no cover

    def __getitem__(self, index: int) -> str:  # pragma: no cover
        match index:
            case 0:
                return self.scheme
            case 1:
                return self.netloc
            case 2:
                return self.path
            case 3:
                return self.query
            case 4:
                return self.fragment
        raise IndexError


def _checknetloc(netloc: str) -> None:
    """
    Validate that NFKC normalization does not introduce reserved URL characters.

    Raises:
        ValueError: If normalization introduces reserved delimiters.
    """
    if not netloc or netloc.isascii():
        return

    # IDNA uses NFKC equivalence. Remove already-valid delimiters before
    # normalization so we only detect newly introduced ones.
    cleaned, normalized = _nfkc_netloc(netloc)

    if cleaned == normalized:
        return

    if _NETLOC_DELIMS_RE.search(normalized):
        raise ValueError(
            f"netloc {netloc!r} contains invalid characters under NFKC normalization"
        )


def _check_bracketed_netloc(netloc: str) -> None:
    """
    Validate bracket usage in a URL netloc.

    Raises:
        ValueError: If bracket placement or host syntax is invalid.

    This is basically a backport of https://github.com/python/cpython/issues/105704
    """
    hostname_and_port = netloc.rpartition("@")[2]

    before_bracket, has_open_bracket, bracketed = hostname_and_port.partition("[")

    if has_open_bracket:
        # No data is allowed before '['.
        if before_bracket:
            raise ValueError("Invalid IPv6 URL")

        hostname, _, port = bracketed.partition("]")

        # Only ':<port>' may follow ']'.
        if port and not port.startswith(":"):
            raise ValueError("Invalid IPv6 URL")
        # port validation done after, in `_SplitResult.__post_init__`
    else:
        hostname, _, _ = hostname_and_port.partition(":")

    _check_bracketed_host(hostname)


def _check_bracketed_host(hostname: str) -> None:
    """
    Validate a bracketed host according to RFC 3986 / WHATWG URL rules.

    Raises:
        ValueError: If the host is invalid.
    """
    # IPvFuture: v<HEXDIG>.<address>
    if hostname.startswith(("v", "V")):
        if not _IPV_FUTURE_RE.fullmatch(hostname):
            raise ValueError("IPvFuture address is invalid")
        return

    # ip_address() raises ValueError if invalid.
    ip = ipaddress.ip_address(hostname)

    # Bracketed IPv4 literals are forbidden.
    if isinstance(ip, ipaddress.IPv4Address):
        raise ValueError("An IPv4 address cannot be in brackets")


@functools.lru_cache
def _urlsplit(  # pylint: disable=too-many-locals,too-many-statements
    url: str,
    scheme: str = "",
    allow_fragments: bool = True,
) -> _SplitResult:
    """Reimplementation of urllib.parse.urlsplit which:
    - Doesn't use _coerce_args or _coerce_result
    - Does manual single-pass scanning instead of repeated .find/.split calls
      (where it's beneficial)
    - Have reduced string allocations by slicing once using computed indices
    - Avoids extra computations as much as possible
    """
    if not url:
        return _SplitResult(scheme, "", "", "", "")

    # urllib.parse.urlsplit removes every ASCII tab and newline from anywhere in
    # the URL before parsing (the WHATWG "remove all ASCII tab or newline"
    # step). This reimplementation only stripped leading C0/space, so a tab or
    # newline embedded in the authority survived: parse_url("http://exa\tmple.com")
    # reported host "exa\tmple.com" while urlsplit and browsers drop the tab and
    # resolve "example.com". The membership checks keep the common tab-free path
    # free of translate calls and string allocations.
    if "\t" in url or "\n" in url or "\r" in url:
        url = url.translate(_ASCII_TAB_OR_NEWLINE_TRANSLATION_TABLE)
    if "\t" in scheme or "\n" in scheme or "\r" in scheme:
        scheme = scheme.translate(_ASCII_TAB_OR_NEWLINE_TRANSLATION_TABLE)
    url, scheme = url.lstrip(_C0_CONTROL_OR_SPACE), scheme.strip(_C0_CONTROL_OR_SPACE)

    netloc = query = fragment = ""

    if m := _SCHEME_RE.match(url):
        scheme = m.group(1).lower()
        url = url[m.end() :]

    # The URL living standard treats "\" like "/" for special-scheme URLs, but
    # only in the authority and path; a "\" in the query or fragment is left
    # alone. Without this, "http://evil.com\@good.com/" is read as userinfo
    # "evil.com\" plus host "good.com", while a browser ends the authority at
    # the "\" and connects to "evil.com".
    if scheme in _SPECIAL_SCHEMES and "\\" in url:
        cut = len(url)
        question_idx = url.find("?")
        if question_idx != -1:
            cut = question_idx
        hash_idx = url.find("#")
        if hash_idx != -1 and hash_idx < cut:
            cut = hash_idx
        url = url[:cut].replace("\\", "/") + url[cut:]

    # The scan skips the leading "//" of an authority; for URLs without an
    # authority it must start at 0, otherwise a "?" or "#" at index 0 or 1
    # (e.g. relative URLs like "a?b" or "a#f") is never recorded.
    scan_start = 2 if url[:2] == "//" else 0
    # Multiple str.find() are faster than a single manual loop.
    slash_pos = url.find("/", scan_start)
    question_pos = url.find("?", scan_start)
    hash_pos = url.find("#", scan_start)
    open_br_pos = url.find("[", scan_start)
    closing_br_pos = url.find("]", scan_start)

    if url[:2] == "//":
        delim = len(url)

        if 0 < slash_pos < delim:
            delim = slash_pos
        if 0 < question_pos < delim:
            delim = question_pos
        if 0 < hash_pos < delim:
            delim = hash_pos

        # Brackets only delimit an IPv6 host when they fall inside the
        # authority. A "[" or "]" in the path, query or fragment is an
        # ordinary character and must not drive IPv6 host parsing.
        if not 2 <= open_br_pos < delim:
            open_br_pos = -1
        if not 2 <= closing_br_pos < delim:
            closing_br_pos = -1

        if (open_br_pos != -1) != (closing_br_pos != -1):
            raise ValueError("Invalid IPv6 URL")

        netloc = url[2:delim]
        if open_br_pos != -1 and closing_br_pos != -1:
            _check_bracketed_netloc(netloc)

        url = url[delim:]

        if question_pos != -1:
            question_pos -= delim
        if hash_pos != -1:
            hash_pos -= delim
    _checknetloc(netloc)

    if allow_fragments and hash_pos != -1:
        url, fragment = url[:hash_pos], url[hash_pos + 1 :]

    if question_pos != -1:
        url, query = url[:question_pos], url[question_pos + 1 :]

    username = password = hostname = port = None
    userinfo, have_info, hostinfo = netloc.rpartition("@")

    if have_info:
        username, _, password = userinfo.partition(":")
        password = password if _ else None

    if open_br_pos != -1:
        hostname, _, port = hostinfo.partition("[")[2].partition("]")
        port = port.partition(":")[2]
    else:
        hostname, _, port = hostinfo.partition(":")

    return _SplitResult(
        scheme,
        netloc,
        url,
        query,
        fragment,
        username,
        password,
        hostname,
        port or None,
    )


def _url2pathname(url: str) -> str:
    """Reimplementation of urllib.request.url2pathname but with faster _unquote"""
    if not url:
        return ""

    # These branches are handled by `_urlparse`
    if url[:3] == "///":  # pragma: no cover
        url = url[2:]
    elif url[:12] == "//localhost/":  # pragma: no cover
        url = url[11:]

    if not _IS_WINDOWS:
        if "%" not in url:
            return url

        return _unquote(url).decode(_FS_ENCODING, _FS_ERRORS)

    if url[:3] == "///":
        url = url[1:]
    url = url.replace(":", "|")
    if "|" not in url:
        return _unquote(url.replace("/", "\\").encode()).decode(
            _FS_ENCODING, _FS_ERRORS
        )
    comp = url.split("|")
    if len(comp) != 2 or comp[0][-1] not in string.ascii_letters:
        raise OSError(f"Bad URL: {url}")
    drive = comp[0][-1].upper()
    tail = _unquote(comp[1].replace("/", "\\")).decode(_FS_ENCODING, _FS_ERRORS)
    return f"{drive}:{tail}"


@functools.lru_cache
def _idna(input_string: str) -> tuple[bytes, str]:
    """Cached IDNA encoding using Python's built-in 'idna' codec.

    IDNA processing in CPython is implemented in pure Python (not C), which
    makes it relatively slow and allocation-heavy. The only lower-level
    optimisation involved is Unicode normalization (NFKC), which may use
    optimized internal paths, but IDNA itself remains Python-level logic.
    """
    if input_string.isascii():
        return input_string.encode(), input_string

    _, normalized = _nfkc_netloc(input_string)

    encoded = normalized.encode("idna")
    return encoded, encoded.decode()


def _idna_bytes(input_string: str) -> bytes:
    return _idna(input_string)[0]


@functools.lru_cache
def _nfkc_netloc(netloc: str) -> tuple[str, str]:
    cleaned = netloc.translate(_NETLOC_STRIP_CHARS)
    normalized = unicodedata.normalize("NFKC", cleaned)
    return cleaned, normalized
