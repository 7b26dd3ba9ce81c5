"""HTML bytes to text, the way browsers read a saved page.

The engine decodes what it fetches itself (encoding_rs, WHATWG rules);
this is the same idea for bytes handed to `extract_html`, in Python so the
page crosses into the sandbox as a string (bytes cross element by element).
"""
from __future__ import annotations

import codecs
import re
from typing import Optional, Union

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)

# How far into the page a `<meta charset>` is looked for (browsers prescan 1024 bytes;
# pages with long heads put it later and browsers still honour it on reparse).
_PRESCAN_BYTES = 4096

# Labels whose Python codec differs from what browsers decode (WHATWG Encoding
# Standard): pages declaring Latin-1 are read as Windows-1252, whose curly quotes
# Latin-1 would turn into C1 control characters, and the East Asian labels name
# the superset each browser uses.
_BROWSER_ENCODINGS = {
    **dict.fromkeys(("ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819",
                     "ibm819", "iso-ir-100", "csisolatin1", "x-cp1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5", "csisolatin5"), "cp1254"),
    **dict.fromkeys(("tis-620", "iso-8859-11", "iso8859-11", "dos-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "gbk", "x-gbk", "iso-ir-58"), "gb18030"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "windows-949"), "cp949"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis"), "cp932"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"), "big5hkscs"),
    # A page cannot declare itself UTF-16 in markup it could not have been read
    # in; browsers take the declaration as UTF-8.
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"), "utf-8"),
}

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_html(html: Union[str, bytes, bytearray, memoryview]) -> str:
    """Text as is; bytes by their byte-order mark, else as UTF-8 when they are
    valid UTF-8 (a page that declares Latin-1 but is UTF-8 is common), else by
    the page's `<meta charset>`, else as Windows-1252. Bytes a codec cannot
    read become U+FFFD rather than an error."""
    if isinstance(html, str):
        return html
    if not isinstance(html, (bytes, bytearray, memoryview)):
        # bytes(5) would be five zero bytes, not an error.
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    data = bytes(html)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _declared_codec(data[:_PRESCAN_BYTES])
    if codec is not None:
        try:
            return data.decode(codec, errors="replace")
        except LookupError:
            # A label Python does not know, or one naming a codec that is not
            # a text encoding ("base64", "zlib"): as if none were declared.
            pass
    return data.decode("cp1252", errors="replace")


def _declared_codec(head: bytes) -> Optional[str]:
    """The Python codec browsers would use for the page's `<meta charset>`."""
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    return _BROWSER_ENCODINGS.get(label, label)
