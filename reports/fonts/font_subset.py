"""Subset Noto Sans CJK SC to GB2312 + ASCII + punctuation + the characters of the given files, as TrueType."""
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SIMPLIFIED_CHINESE_INDEX = 2  # JP, KR, SC, TC, HK in NotoSansCJK-Regular.ttc
FAMILY = "Xingcun Sans SC"


def gb2312_characters():
    characters = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                characters.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return characters


def characters_of(paths):
    characters = set()
    for path in paths:
        for folder, _, files in os.walk(path) if os.path.isdir(path) else [("", None, [path])]:
            for name in files:
                full = os.path.join(folder, name)
                for encoding in ("utf-8-sig", "gb18030"):
                    try:
                        with open(full, encoding=encoding) as handle:
                            characters.update(handle.read())
                        break
                    except (UnicodeDecodeError, ValueError):
                        continue
    return characters


def to_truetype(font):
    """CFF outlines to quadratic glyf outlines: Java's font rasteriser reads TrueType reliably."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font):
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = FAMILY + " Regular"
        elif record.nameID == 6:
            record.string = "XingcunSansSC-Regular"


def main():
    source, target, *extra = sys.argv[1:]
    characters = gb2312_characters() | characters_of(extra)
    characters |= {chr(code) for code in range(0x20, 0x7F)}
    characters |= set("，。、；：？！“”‘’（）《》【】—…·～￥％＋－×÷＝≥≤〇①②③④⑤")
    characters = {c for c in characters if c.isprintable() and not c.isspace() or c == " "}
    font = TTCollection(source).fonts[SIMPLIFIED_CHINESE_INDEX]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    to_truetype(font)
    rename(font)
    font.save(target)
    print(f"{len(characters)} characters")


main()
