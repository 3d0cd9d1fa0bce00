#!/usr/bin/env python3
"""Checks a screenshot PNG from gloss-desktop: it decodes, is not blank, and shows the panel's colours.

Standard library only (zlib): 8-bit RGB/RGBA, non-interlaced PNGs, as stb_image_write writes them.

  png_check.py OUT.png [--min-highlights N] [--quote-bar]

--min-highlights N: at least N distinct entity highlight colours (the light theme's palette, exact
pixels of the fills) each cover 150+ pixels. --quote-bar: the quotation bar colour is present.
"""
import struct
import sys
import zlib

# core/panel/src/theme.cpp, light theme: entity fills (Paul Tol "light") and the quotation bar.
HIGHLIGHTS = {
    "PERSON": (0xEE, 0x88, 0x66), "ORG": (0x77, 0xAA, 0xDD), "GPE": (0x44, 0xBB, 0x99),
    "LOC": (0x99, 0xDD, 0xFF), "NORP": (0xFF, 0xAA, 0xBB), "FAC": (0xBB, 0xCC, 0x33),
    "EVENT": (0xEE, 0xDD, 0x88), "PRODUCT": (0xAA, 0xAA, 0x00), "VALUE": (0xDD, 0xDD, 0xDD),
}
QUOTE_BAR = (0x6C, 0x4F, 0xA3)


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError("unsupported PNG layout")
            channels = 4 if color == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main(argv):
    path = argv[1]
    min_highlights = int(argv[argv.index("--min-highlights") + 1]) if "--min-highlights" in argv else 0
    width, height, channels, rows = read_png(path)
    counts = {}
    for row in rows:
        for x in range(0, width * channels, channels):
            px = row[x:x + 3]
            counts[px] = counts.get(px, 0) + 1
    total = width * height
    top = max(counts.values())
    print(f"{path}: {width}x{height}, {len(counts)} colours, most common covers {100.0 * top / total:.1f}%")
    ok = True
    if len(counts) < 50 or top > 0.97 * total:
        print("FAIL: the image is blank")
        ok = False
    found = []
    for name, rgb in HIGHLIGHTS.items():
        n = counts.get(bytes(rgb), 0)
        # The value types' pale grey also occurs in ImGui's own widgets: report it, never count it.
        if n >= 150 and name != "VALUE":
            found.append(f"{name}:{n}")
    print("highlight colours:", ", ".join(found) or "none")
    if len(found) < min_highlights:
        print(f"FAIL: {len(found)} highlight colours, wanted at least {min_highlights}")
        ok = False
    if "--quote-bar" in argv:
        n = counts.get(bytes(QUOTE_BAR), 0)
        print(f"quotation bar pixels: {n}")
        if n < 100:
            print("FAIL: no quotation bar")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
