"""Bytes to text: BOMs, UTF-8, UTF-16, legacy encodings, binary detection.

Legacy encodings are detected with chardet rather than guessed.
"""

from __future__ import annotations

import codecs
import re

from quotecheck.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte NUL in ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes to text, or raise :class:`InputError` for binary data.

    NUL bytes in otherwise-text files are dropped; other control characters are kept
    (offsets index the decoded text as stored).

    >>> decode("caf\\u00e9".encode("cp1252"), "x.txt")
    'café'
    """
    text = _decode_unicode(data, path)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, path)
    # Checked whatever the encoding: binary data can pass for BOM-less UTF-16.
    if "\x00" in text:
        nul = text.count("\x00")
        if nul > max(8, len(text) // 100):
            raise InputError(path, "binary file (NUL bytes), skipped")
        text = text.replace("\x00", "")
    if _is_binary(text):
        raise InputError(path, "binary file (control characters), skipped")
    return text


def _decode_unicode(data: bytes, path: str) -> str | None:
    """Text with a BOM, or that looks like BOM-less UTF-16; None for anything else."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {enc} text ({exc.reason})") from None
    enc16 = _looks_utf16(data)
    if enc16:
        try:
            return data.decode(enc16)
        except UnicodeDecodeError:
            pass
    return None


# Control characters other than \t \n \v \f \r and ESC, and the replacement character.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")


def decode_or_error(data: bytes, path: str) -> str | InputError:
    """:func:`decode`, with a bad file returned as its :class:`InputError` (readers yield it
    and go on) instead of raised."""
    try:
        return decode(data, path)
    except InputError as err:
        return err


# The bytes of those control characters in UTF-8, and every other byte.
_BAD_BYTES = bytes(b for b in range(0x20) if chr(b) != "\x1b" and not 0x09 <= b <= 0x0D)
_OTHER_BYTES = bytes(b for b in range(256) if b not in _BAD_BYTES)


def _is_binary(text: str) -> bool:
    """Are more than a tenth of the first 8,192 characters _BAD_CHARS?"""
    sample = text[:8192]
    if not sample:
        return False
    # Counted in the sample's UTF-8 bytes, C speed: a control character is that one byte
    # there, and every byte of another character is 0x80 or more. (A Python loop was 7% of
    # the indexing time; _BAD_CHARS.findall, one regex pass, still 1%: the regex engine
    # tests each character against the class.)
    controls = sample.encode("utf-8", "surrogatepass").translate(None, _OTHER_BYTES)
    return len(controls) + sample.count("\ufffd") > len(sample) * 0.1


_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"
    "‘’‚“”„–—…«»‹›€£¥©®°±·¿¡§¶ªº²³¹¼½¾×÷\u00a0"
)


def _decode_legacy(data: bytes, path: str) -> str:
    """Detect a legacy encoding with chardet (imported lazily: only non-UTF-8 files need it).

    Short Western-European texts are where detectors are least sure (they offer
    Cyrillic or Central European code pages for a French sentence); when chardet is
    unsure and the bytes read as Windows-1252 made only of Western letters and
    typographic punctuation, Windows-1252 is taken.
    """
    import chardet

    sample = data[: 1 << 20]
    found = chardet.detect(sample)
    enc = found.get("encoding")
    confidence = found.get("confidence") or 0.0
    if confidence < 0.6:
        try:
            as1252 = sample.decode("cp1252")
        except UnicodeDecodeError:
            as1252 = None
        if as1252 is not None and all(c.isascii() or c in _WESTERN for c in as1252):
            enc = "cp1252"
    if not enc:
        raise InputError(path, "binary file or unknown text encoding, skipped")
    try:
        return data.decode(enc, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")
