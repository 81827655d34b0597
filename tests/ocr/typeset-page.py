#!/usr/bin/python3
# typeset-page.py — typeset a real-page source as a scanned newspaper page
# and read it back with Tesseract
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Typeset a page source (tests/pages/real/FORMAT.md) as a newspaper page.

Usage: typeset-page.py PAGE.json --out PAGE.png [--text OUT.txt] [--no-ocr] [--clean]
                        [--tesseract-arg ARG]...

The page is set with Pango/Cairo at 300 dpi on a broadsheet type area
(330 mm wide, 3 or 4 columns per page): a folio line with the paper and
date, then the stories stacked in blocks.  A story's kicker, headline,
subheadline and reporter line span its columns; its body flows through
balanced columns with a two-character first-line indent, section heads
bold in the column, captions small under a grey picture box, thin rules
between columns and a rule between stories.  Two short stories may share a
row.  The clean page is then damaged like a scan (a slight rotation, a
mild blur, paper tone, grain and specks) and written as a PNG with its
resolution recorded, and `tesseract PNG stdout -l chi_sim --psm 3` reads
it back.  Everything random comes from a random.Random seeded by the page
name, so a page always comes out the same.

make-pages.py imports this file (importlib) and calls render_page() and
run_tesseract().
"""

import argparse
import datetime
import json
import math
import os
import random
import re
import struct
import subprocess
import sys
import time
import zlib

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

DPI = 300
SCALE = Pango.SCALE

BODY_FONT = "Noto Serif CJK SC"
HEAD_FONT = "Noto Sans CJK SC"

TESSERACT_ARGS = ["-l", "chi_sim", "--psm", "3"]

INK = (0.08, 0.08, 0.08)
RULE = (0.25, 0.25, 0.25)


def mm(value):
    return value * DPI / 25.4


def pt(value):
    return value * DPI / 72.0


def font(family, size, bold=False):
    desc = Pango.FontDescription.from_string(f"{family} {size}")
    if bold:
        desc.set_weight(Pango.Weight.BOLD)
    return desc


def escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


class Typesetter:
    """Measures and draws text with one Pango context at 300 dpi."""

    def __init__(self):
        self.probe = cairo.ImageSurface(cairo.FORMAT_RGB24, 8, 8)
        self.cr = cairo.Context(self.probe)
        self.context = PangoCairo.create_context(self.cr)
        PangoCairo.context_set_resolution(self.context, DPI)
        options = cairo.FontOptions()
        options.set_antialias(cairo.ANTIALIAS_GRAY)
        options.set_hint_style(cairo.HINT_STYLE_NONE)
        options.set_hint_metrics(cairo.HINT_METRICS_OFF)
        PangoCairo.context_set_font_options(self.context, options)

    def layout(self, text, desc, width=None, indent=0.0, align=Pango.Alignment.LEFT,
               justify=False, markup=False, spacing=0.0):
        layout = Pango.Layout.new(self.context)
        layout.set_font_description(desc)
        if width is not None:
            layout.set_width(int(width * SCALE))
            layout.set_wrap(Pango.WrapMode.WORD_CHAR)
        layout.set_indent(int(indent * SCALE))
        layout.set_alignment(align)
        layout.set_justify(justify)
        if spacing:
            layout.set_spacing(int(spacing * SCALE))
        if markup:
            layout.set_markup(text, -1)
        else:
            layout.set_text(text, -1)
        return layout

    @staticmethod
    def lines(layout):
        """(x, top, height, baseline, PangoLayoutLine) per line, in px."""
        out = []
        it = layout.get_iter()
        while True:
            _, logical = it.get_line_extents()
            out.append((logical.x / SCALE, logical.y / SCALE, logical.height / SCALE,
                        it.get_baseline() / SCALE, it.get_line_readonly()))
            if not it.next_line():
                break
        return out

    @staticmethod
    def size(layout):
        _, logical = layout.get_pixel_extents()
        return logical.width, logical.height


class Unit:
    """An unbreakable piece of a column: a text line, a head, a picture."""

    def __init__(self, height, draw, keep_with_next=False):
        self.height = height
        self.draw = draw          # draw(cr, x, y)
        self.keep_with_next = keep_with_next


def line_units(ts, layout, leading):
    units = []
    for x, top, height, baseline, line in ts.lines(layout):
        def draw(cr, cx, cy, x=x, base=baseline - top, line=line):
            cr.set_source_rgb(*INK)
            cr.move_to(cx + x, cy + base)
            PangoCairo.show_layout_line(cr, line)
        units.append(Unit(height + leading, draw))
    return units


def layout_units(ts, layout, before=0.0, after=0.0, keep_with_next=False):
    """One unit for a whole (short) layout such as a section head."""
    _, height = ts.size(layout)

    def draw(cr, cx, cy):
        cr.set_source_rgb(*INK)
        cr.move_to(cx, cy + before)
        PangoCairo.show_layout(cr, layout)
    return Unit(before + height + after, draw, keep_with_next)


def picture_unit(ts, width, box_height, caption, credit, caption_font, glue_credit, gap):
    """A grey picture box with its caption (and credit) under it."""
    if glue_credit or not credit:
        text = caption + (("  " + credit) if credit else "")
        layouts = [ts.layout(text, caption_font, width=width, justify=True)]
    else:
        layouts = [ts.layout(caption, caption_font, width=width, justify=True),
                   ts.layout(credit, caption_font, width=width, align=Pango.Alignment.RIGHT)]
    heights = [ts.size(layout)[1] for layout in layouts]
    total = box_height + gap * 0.6 + sum(heights) + gap

    def draw(cr, cx, cy):
        cr.set_source_rgb(0.72, 0.72, 0.72)
        cr.rectangle(cx, cy, width, box_height)
        cr.fill()
        cr.set_source_rgb(0.55, 0.55, 0.55)
        cr.set_line_width(2)
        cr.rectangle(cx + 1, cy + 1, width - 2, box_height - 2)
        cr.stroke()
        y = cy + box_height + gap * 0.6
        for layout, height in zip(layouts, heights):
            cr.set_source_rgb(*INK)
            cr.move_to(cx, y)
            PangoCairo.show_layout(cr, layout)
            y += height
    return Unit(total, draw)


def balance(units, columns):
    """Smallest column height that holds the units in `columns` columns
    (a unit marked keep_with_next never ends a column), and the columns."""
    if not units:
        return 0, [[] for _ in range(columns)]
    groups = []
    for unit in units:
        if groups and groups[-1][-1].keep_with_next:
            groups[-1].append(unit)
        else:
            groups.append([unit])
    sizes = [sum(u.height for u in group) for group in groups]

    def pack(limit):
        cols, used = [[]], 0.0
        for group, size in zip(groups, sizes):
            if used + size > limit + 0.01 and cols[-1]:
                if len(cols) == columns:
                    return None
                cols.append([])
                used = 0.0
            cols[-1].extend(group)
            used += size
        return cols

    lo = max(max(sizes), sum(sizes) / columns)
    hi = sum(sizes)
    step = min(sizes) / 4 if min(sizes) > 0 else 1.0
    best = pack(hi)
    limit = lo
    while limit < hi:
        cols = pack(limit)
        if cols is not None:
            best = cols
            break
        limit += step
    else:
        limit = hi
    while len(best) < columns:
        best.append([])
    return max(sum(u.height for u in col) for col in best), best


class PageLayout:
    """Geometry and per-page choices, all drawn from one seeded generator."""

    def __init__(self, page, rng):
        self.page = page
        self.rng = rng
        self.columns = rng.choice((3, 4))
        self.margin_x = mm(12)
        self.margin_top = mm(12)
        self.margin_bottom = mm(14)
        self.type_width = mm(330)
        self.width = int(self.type_width + 2 * self.margin_x)
        self.gutter = mm(4.5)
        self.col_width = (self.type_width - (self.columns - 1) * self.gutter) / self.columns
        self.body_size = rng.choice((9.5, 10, 10, 10.5))
        self.head_align = rng.choice((Pango.Alignment.CENTER, Pango.Alignment.LEFT))
        self.glue_credit = rng.random() < 0.5


def story_text_length(story):
    return sum(len(p.get("text", "")) for p in story["parts"] if p["role"] == "body")


def has_body(story):
    return any(p["role"] == "body" for p in story["parts"])


def plan_rows(stories, geo):
    """Rows of (story, first column, span).  A short story or a picture may
    share a row with the next short one."""
    rows, i = [], 0
    while i < len(stories):
        story = stories[i]
        short = story_text_length(story) < 520
        if (i + 1 < len(stories) and short and story_text_length(stories[i + 1]) < 520
                and geo.rng.random() < 0.6):
            other = stories[i + 1]
            if geo.columns == 4:
                spans = (2, 2)
            elif story_text_length(story) >= story_text_length(other):
                spans = (2, 1)
            else:
                spans = (1, 2)
            rows.append([(story, 0, spans[0]), (other, spans[0], spans[1])])
            i += 2
        else:
            rows.append([(story, 0, geo.columns)])
            i += 1
    return rows


HEAD_BREAKS = re.compile(r"(?<=[，,：:；;！!？?])|\s+|(?=——)")


def headline_lines(ts, pieces, desc, width):
    """Pieces joined greedily into lines that fit, or None."""
    lines = []
    for piece in pieces:
        if lines:
            space = " " if lines[-1][-1:].isascii() and piece[:1].isascii() else ""
            joined = lines[-1] + space + piece
            if ts.size(ts.layout(joined, desc))[0] <= width:
                lines[-1] = joined
                continue
        if ts.size(ts.layout(piece, desc))[0] > width:
            return None
        lines.append(piece)
    return lines


def headline_layout(ts, text, size, width, align):
    """One line, shrunk down to 16 pt if need be; else two lines (or more)
    broken where a headline is broken by hand (after a space, a comma or a
    colon, before ——), as large as they fit; else wrapped by Pango."""
    for trial in range(size, 15, -1):
        layout = ts.layout(text, font(HEAD_FONT, trial, bold=True), width=width, align=align)
        if layout.get_line_count() == 1:
            return layout
    pieces = [piece for piece in HEAD_BREAKS.split(text) if piece]
    for max_lines in (2, 3):
        for trial in range(size, 15, -1):
            desc = font(HEAD_FONT, trial, bold=True)
            lines = headline_lines(ts, pieces, desc, width)
            if lines and len(lines) <= max_lines:
                return ts.layout("\n".join(lines), desc, width=width, align=align)
    return ts.layout(text, font(HEAD_FONT, size, bold=True), width=width, align=align)


def head_block(ts, story, geo, width, lead_story):
    """Layouts of the kicker, headline, subheadline and reporter line."""
    rng = geo.rng
    items = []
    parts = story["parts"]
    align = geo.head_align
    for part in parts:
        role = part["role"]
        if role == "kicker":
            items.append((ts.layout(part["text"], font(HEAD_FONT, rng.choice((12, 13, 14))),
                                    width=width, align=align), mm(1.2)))
        elif role == "headline":
            size = 28 if lead_story else rng.choice((20, 22, 24, 26))
            items.append((headline_layout(ts, part["text"], size, width, align), mm(1.5)))
        elif role == "subheadline":
            items.append((ts.layout(part["text"], font(HEAD_FONT, rng.choice((12, 13, 14))),
                                    width=width, align=align), mm(1.2)))
        elif role == "reporter":
            items.append((ts.layout(part["text"], font(HEAD_FONT, 9), width=width,
                                    align=Pango.Alignment.LEFT), mm(1.0)))
    return items


def body_units(ts, story, geo, width):
    """Column units of a story with body parts."""
    size = geo.body_size
    body_font = font(BODY_FONT, size)
    lead_font = f"{HEAD_FONT} Bold {size}"
    em = pt(size)
    leading = pt(size) * 0.12
    units = []
    for part in story["parts"]:
        role = part["role"]
        if role == "body":
            text = escape(part["text"].strip())
            if part.get("lead"):
                text = f'<span font_desc="{lead_font}">{escape(part["lead"])}</span>' + text
            if part.get("byline"):
                byline = part["byline"]
                gap = "" if byline[:1] in "（(【[" else "　"
                text += gap + escape(byline)
            layout = ts.layout(text, body_font, width=width, indent=2 * em, justify=True,
                               markup=True)
            units.extend(line_units(ts, layout, leading))
        elif role == "section":
            layout = ts.layout(part["text"], font(HEAD_FONT, size + 0.5, bold=True),
                               width=width, align=Pango.Alignment.CENTER)
            units.append(layout_units(ts, layout, before=em * 0.5, after=em * 0.3,
                                      keep_with_next=True))
        elif role == "byline":
            layout = ts.layout(part["text"], font(HEAD_FONT, size - 1), width=width,
                               align=Pango.Alignment.RIGHT)
            units.append(layout_units(ts, layout, before=em * 0.2))
        elif role == "caption":
            units.append(picture_unit(ts, width, width * geo.rng.uniform(0.55, 0.75),
                                      part.get("text", "").strip(), part.get("credit"),
                                      font(HEAD_FONT, size - 1.5), geo.glue_credit, em * 0.6))
    return units


def picture_story_units(ts, story, geo, width):
    """A picture item without body: box(es) across the block, caption below."""
    size = geo.body_size
    units = []
    for part in story["parts"]:
        if part["role"] == "caption":
            box = min(width * geo.rng.uniform(0.35, 0.55), mm(75))
            units.append(picture_unit(ts, width, box, part.get("text", "").strip(),
                                      part.get("credit"), font(HEAD_FONT, size - 1),
                                      geo.glue_credit, pt(size) * 0.6))
        elif part["role"] == "byline":
            layout = ts.layout(part["text"], font(HEAD_FONT, size - 1), width=width,
                               align=Pango.Alignment.RIGHT)
            units.append(layout_units(ts, layout))
    return units


class StoryBlock:
    def __init__(self, ts, story, geo, x, span, lead_story):
        self.x = x
        self.span = span
        self.geo = geo
        self.width = span * geo.col_width + (span - 1) * geo.gutter
        self.heads = head_block(ts, story, geo, self.width, lead_story)
        self.head_height = sum(ts.size(layout)[1] + gap for layout, gap in self.heads)
        if self.heads:
            self.head_height += mm(2.0)
        if has_body(story):
            units = body_units(ts, story, geo, geo.col_width)
            self.body_height, self.cols = balance(units, span)
            self.col_x = [x + c * (geo.col_width + geo.gutter) for c in range(span)]
        else:
            units = picture_story_units(ts, story, geo, self.width)
            self.body_height, self.cols = balance(units, 1)
            self.col_x = [x]
        self.height = self.head_height + self.body_height

    def draw(self, cr, y, ts):
        top = y
        for layout, gap in self.heads:
            cr.set_source_rgb(*INK)
            cr.move_to(self.x, y)
            PangoCairo.show_layout(cr, layout)
            y += ts.size(layout)[1] + gap
        y = top + self.head_height
        for cx, col in zip(self.col_x, self.cols):
            cy = y
            for unit in col:
                unit.draw(cr, cx, cy)
                cy += unit.height
        # column rules inside the body area
        cr.set_source_rgb(*RULE)
        cr.set_line_width(1.6)
        for cx in self.col_x[1:]:
            rx = cx - self.geo.gutter / 2
            cr.move_to(rx, y)
            cr.line_to(rx, y + self.body_height)
            cr.stroke()


WEEKDAYS = "一二三四五六日"


def folio_text(page):
    date = page.get("date") or ""
    try:
        day = datetime.date.fromisoformat(date)
        date = f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"
    except ValueError:
        pass
    return date


def compose(page, rng):
    """Lays the page out; returns (width, height, draw(cr))."""
    ts = Typesetter()
    geo = PageLayout(page, rng)
    rows = plan_rows(page["stories"], geo)
    folio_font = font(HEAD_FONT, 9)
    folio_left = ts.layout(folio_text(page), folio_font)
    # a note such as （多源拼版） after the paper's name is not printed
    paper = re.sub(r"\s*[（(][^（()）]*[）)]\s*$", "", page.get("paper") or "")
    folio_mid = ts.layout(paper, font(HEAD_FONT, 11, bold=True))
    folio_right = ts.layout(f"A{rng.randint(2, 8)}", folio_font)
    folio_height = max(ts.size(layout)[1] for layout in (folio_left, folio_mid, folio_right))

    blocks = []
    first = True
    for row in rows:
        row_blocks = []
        for story, col, span in row:
            x = geo.margin_x + col * (geo.col_width + geo.gutter)
            row_blocks.append(StoryBlock(ts, story, geo, x, span, first))
            first = False
        blocks.append(row_blocks)

    gap = mm(4)
    y = geo.margin_top + folio_height + mm(3)
    positions = []
    for row_blocks in blocks:
        positions.append(y)
        y += max(block.height for block in row_blocks) + 2 * gap
    height = int(y - 2 * gap + geo.margin_bottom)

    def draw(cr):
        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        cr.set_source_rgb(*INK)
        top = geo.margin_top
        cr.move_to(geo.margin_x, top + folio_height - ts.size(folio_left)[1])
        PangoCairo.show_layout(cr, folio_left)
        cr.move_to(geo.margin_x + (geo.type_width - ts.size(folio_mid)[0]) / 2,
                   top + folio_height - ts.size(folio_mid)[1])
        PangoCairo.show_layout(cr, folio_mid)
        cr.move_to(geo.margin_x + geo.type_width - ts.size(folio_right)[0],
                   top + folio_height - ts.size(folio_right)[1])
        PangoCairo.show_layout(cr, folio_right)
        rule_y = top + folio_height + mm(1.2)
        cr.set_line_width(4)
        cr.move_to(geo.margin_x, rule_y)
        cr.line_to(geo.margin_x + geo.type_width, rule_y)
        cr.stroke()
        for index, (row_blocks, row_y) in enumerate(zip(blocks, positions)):
            row_height = max(block.height for block in row_blocks)
            for block in row_blocks:
                block.draw(cr, row_y, ts)
            for block in row_blocks[1:]:
                rx = block.x - geo.gutter / 2
                cr.set_source_rgb(*INK)
                cr.set_line_width(2.4)
                cr.move_to(rx, row_y)
                cr.line_to(rx, row_y + row_height)
                cr.stroke()
            if index + 1 < len(blocks):
                ry = row_y + row_height + gap
                cr.set_source_rgb(*INK)
                cr.set_line_width(2.4)
                cr.move_to(geo.margin_x, ry)
                cr.line_to(geo.margin_x + geo.type_width, ry)
                cr.stroke()

    info = {"columns": geo.columns, "body_pt": geo.body_size,
            "rows": [[span for _, _, span in row] for row in rows]}
    return int(geo.width), height, draw, info


def scan_params(rng):
    """The scanner's rotation (degrees), shift and blur (scale factor)."""
    return {"rotation": rng.uniform(0.2, 0.7) * rng.choice((-1, 1)),
            "shift": (rng.uniform(-8, 8), rng.uniform(-8, 8)),
            "blur_scale": rng.uniform(0.55, 0.68)}


def damage(clean, params, rng):
    """A scan of the clean page: rotation, paper tone, blur, grain, specks."""
    width, height = clean.get_width(), clean.get_height()
    angle = math.radians(params["rotation"])

    rotated = cairo.ImageSurface(cairo.FORMAT_RGB24, width, height)
    cr = cairo.Context(rotated)
    cr.set_source_rgb(1, 1, 1)
    cr.paint()
    cr.translate(width / 2 + params["shift"][0], height / 2 + params["shift"][1])
    cr.rotate(angle)
    cr.translate(-width / 2, -height / 2)
    cr.set_source_surface(clean, 0, 0)
    cr.get_source().set_filter(cairo.FILTER_GOOD)
    cr.paint()
    del cr

    # mild blur: down to ~60 % and back up with bilinear interpolation
    factor = params["blur_scale"]
    small_w, small_h = max(1, int(width * factor)), max(1, int(height * factor))
    small = cairo.ImageSurface(cairo.FORMAT_RGB24, small_w, small_h)
    cr = cairo.Context(small)
    cr.scale(small_w / width, small_h / height)
    cr.set_source_surface(rotated, 0, 0)
    cr.get_source().set_filter(cairo.FILTER_GOOD)
    cr.paint()
    del cr

    out = cairo.ImageSurface(cairo.FORMAT_RGB24, width, height)
    cr = cairo.Context(out)
    cr.save()
    cr.scale(width / small_w, height / small_h)
    cr.set_source_surface(small, 0, 0)
    cr.get_source().set_filter(cairo.FILTER_BILINEAR)
    cr.paint()
    cr.restore()

    # paper tone
    cr.set_operator(cairo.OPERATOR_MULTIPLY)
    cr.set_source_rgb(0.95, 0.945, 0.93)
    cr.paint()
    cr.set_operator(cairo.OPERATOR_OVER)

    # grain: random per-pixel darkening and lightening
    stride = cairo.ImageSurface.format_stride_for_width(cairo.FORMAT_A8, width)
    for colour, alpha in (((0, 0, 0), 0.16), ((1, 1, 1), 0.10)):
        data = bytearray(rng.randbytes(stride * height))
        mask = cairo.ImageSurface.create_for_data(data, cairo.FORMAT_A8, width, height, stride)
        cr.set_source_rgba(*colour, alpha)
        cr.mask_surface(mask, 0, 0)
        del mask

    # dust and specks
    cr.set_source_rgb(0.2, 0.2, 0.2)
    for _ in range(int(width * height / 60000)):
        cr.arc(rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0.8, 2.6), 0,
               2 * math.pi)
        cr.fill()
    del cr
    out.flush()
    return out


def png_chunk(kind, body):
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def write_png(surface, path, dpi=DPI):
    """The page as an 8-bit grey PNG (a quarter of cairo's RGB file) with a
    pHYs chunk, so Tesseract knows the resolution as it would a scan's."""
    surface.flush()
    width, height, stride = surface.get_width(), surface.get_height(), surface.get_stride()
    data = bytes(surface.get_data())
    green = 1 if sys.byteorder == "little" else 2   # RGB24 is native-endian xRGB
    rows = []
    for y in range(height):
        offset = y * stride
        rows.append(b"\0" + data[offset + green:offset + 4 * width:4])
    ppm = int(round(dpi / 0.0254))
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.write(png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        handle.write(png_chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)))
        handle.write(png_chunk(b"IDAT", zlib.compress(b"".join(rows), 6)))
        handle.write(png_chunk(b"IEND", b""))


def render_page(page, png_path=None, seed=None, clean=False):
    """Typesets and damages `page` (a parsed source) into `png_path`.
    Returns a dict describing the choices made; without `png_path` only
    works them out (cheaply: nothing is drawn)."""
    rng = random.Random(f"{seed or page['page']}/typeset")
    width, height, draw, info = compose(page, rng)
    params = scan_params(rng)
    info.update(width=width, height=height)
    if not clean:
        info.update(rotation=round(params["rotation"], 3),
                    blur_scale=round(params["blur_scale"], 3))
    if png_path is None:
        return info
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, width, height)
    cr = cairo.Context(surface)
    draw(cr)
    del cr
    surface.flush()
    if not clean:
        surface = damage(surface, params, rng)
    write_png(surface, png_path)
    return info


def run_tesseract(png_path, extra=()):
    """The page as Tesseract reads it (its plain text output)."""
    # OpenMP threads make Tesseract 5 slower, not faster, on a small machine
    # (same text); make-pages.py runs pages side by side instead
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    proc = subprocess.run(["tesseract", png_path, "stdout", *TESSERACT_ARGS, *extra],
                          check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    return proc.stdout.decode("utf-8").replace("\f", "")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="page source (JSON)")
    parser.add_argument("--out", required=True, help="PNG to write")
    parser.add_argument("--text", help="write Tesseract's text here (default: stdout)")
    parser.add_argument("--no-ocr", action="store_true", help="only write the PNG")
    parser.add_argument("--clean", action="store_true", help="no scan damage")
    parser.add_argument("--tesseract-arg", action="append", default=[],
                        help="extra Tesseract argument (repeatable)")
    args = parser.parse_args(argv)
    with open(args.page, encoding="utf-8") as handle:
        page = json.load(handle)
    start = time.monotonic()
    info = render_page(page, args.out, clean=args.clean)
    typeset_time = time.monotonic() - start
    print(f"{args.out}: {info['width']}x{info['height']} px, {info['columns']} columns, "
          f"typeset in {typeset_time:.1f} s", file=sys.stderr)
    if args.no_ocr:
        return 0
    start = time.monotonic()
    text = run_tesseract(args.out, args.tesseract_arg)
    print(f"tesseract: {time.monotonic() - start:.1f} s", file=sys.stderr)
    if args.text:
        with open(args.text, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
