"""Random access into dictzip files (`.dict.dz`): gzip files cut into independently compressed
chunks, listed in the header's 'RA' extra field. Reading one entry inflates one or two chunks of
~58 KB instead of the whole dictionary (FreeDict deu-eng inflates to 100 MB). A plain gzip file
without the table is inflated whole, once.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

FEXTRA, FNAME, FCOMMENT, FHCRC = 4, 8, 16, 2


class DictzipError(ValueError):
    """Not a gzip/dictzip file, or truncated."""


def _chunk_table(raw: bytes) -> tuple[int, list[int], int] | None:
    """(chunk length, compressed chunk offsets, end) from the header, or None for plain gzip."""
    if raw[:3] != b"\x1f\x8b\x08":
        raise DictzipError("not a gzip file")
    flags = raw[3]
    position = 10
    table: tuple[int, list[int]] | None = None
    if flags & FEXTRA:
        (extra_length,) = struct.unpack_from("<H", raw, position)
        position += 2
        extra_end = position + extra_length
        while position + 4 <= extra_end:
            tag, size = raw[position : position + 2], struct.unpack_from("<H", raw, position + 2)[0]
            if tag == b"RA":
                _, chunk_length, count = struct.unpack_from("<HHH", raw, position + 4)
                table = (chunk_length, list(struct.unpack_from(f"<{count}H", raw, position + 10)))
            position += 4 + size
        position = extra_end
    for flag in (FNAME, FCOMMENT):
        if flags & flag:
            position = raw.index(b"\x00", position) + 1
    if flags & FHCRC:
        position += 2
    if table is None:
        return None
    chunk_length, sizes = table
    offsets = [position]
    for size in sizes:
        offsets.append(offsets[-1] + size)
    return chunk_length, offsets, len(raw)


class DictData:
    """The uncompressed bytes of a `.dict` or `.dict.dz`, read by (offset, length)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        raw = path.read_bytes()
        self._plain: bytes | None = None
        self._table: tuple[int, list[int], int] | None = None
        if path.suffix != ".dz":
            self._plain = raw
            return
        try:
            self._table = _chunk_table(raw)
            if self._table is None:
                self._plain = gzip.decompress(raw)
        except (IndexError, struct.error, EOFError, OSError, zlib.error) as err:
            raise DictzipError(f"damaged gzip data ({err})") from None
        self._raw = raw

    def read(self, offset: int, length: int) -> bytes:
        """The bytes at [offset, offset + length); fewer when the data ends earlier."""
        if self._plain is not None:
            return self._plain[offset : offset + length]
        assert self._table is not None
        chunk_length, offsets, _ = self._table
        first, last = offset // chunk_length, (offset + length - 1) // chunk_length
        pieces = []
        for chunk in range(first, min(last, len(offsets) - 2) + 1):
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                pieces.append(inflater.decompress(self._raw[offsets[chunk] : offsets[chunk + 1]]))
            except zlib.error as err:
                raise DictzipError(f"damaged chunk {chunk} ({err})") from None
        start = offset - first * chunk_length
        return b"".join(pieces)[start : start + length]

    @property
    def size(self) -> int | None:
        """The uncompressed size when known without inflating everything."""
        if self._plain is not None:
            return len(self._plain)
        return None
