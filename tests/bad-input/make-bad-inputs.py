#!/usr/bin/python3
# Makes the bad inputs of issue #14's bar: page files and JSON exports that
# are wrong in one way each (and a few valid ones in unusual forms), from
# the bundled pages and a real export, so no binary is kept by hand.
#
#   make-bad-inputs.py SEEDS-FOLDER EXPORT.json OUT-FOLDER
#
# writes the files and OUT-FOLDER/manifest.json: for each file, "refused"
# with words its refusal must hold, or "valid".
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import random
import sys

MB = 1024 * 1024


def main(seeds, export_path, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(seeds, sorted(os.listdir(seeds))[0]), encoding="utf-8") as f:
        page = f.read()
    with open(export_path, encoding="utf-8") as f:
        export = json.load(f)
    noise = random.Random(14)
    manifest = []

    def write(name, data, refused=None, valid=False, special=None):
        path = os.path.join(out, name)
        if special == "fifo":
            os.mkfifo(path)
        elif special == "sparse":
            with open(path, "wb") as f:
                f.truncate(data)
        elif special is not None:
            os.symlink(special, path)
        else:
            with open(path, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        assert valid or refused, name
        manifest.append({"file": name, "valid": valid, "reason": refused})

    def story_variant(name, reason, change):
        stories = json.loads(json.dumps(export[:3]))
        change(stories)
        write(name, json.dumps(stories, ensure_ascii=False), reason)

    utf8 = page.encode("utf-8")
    # --- pages that are not text, or no text ----------------------------
    write("empty.txt", b"", "holds no text")
    write("blank.txt", " \n\t\n\u3000\n", "holds no text")
    write("bom-only.txt", b"\xef\xbb\xbf", "holds no text")
    write("utf16-bom-only.txt", b"\xff\xfe", "holds no text")
    write("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(noise.randrange(256) for _ in range(4096)),
          "binary file")
    write("nul-in-text.txt", utf8[:600] + b"\x00" + utf8[600:], "binary file")
    write("controls.txt", bytes(noise.choice([1, 2, 3, 4, 5, 6, 0x0e, 0x1b]) for _ in range(300))
          + page[:100].encode("utf-8"), "binary file")
    write("random-bytes.txt", bytes(noise.randrange(256) for _ in range(8192)), "binary file")
    # --- encodings: what the file claims and what it holds -----------------
    write("latin1.txt", ("Café crème, déjà vu, naïve façade. " * 40).encode("latin-1"),
          "neither UTF-8")
    write("utf8-bom-bad-bytes.txt", b"\xef\xbb\xbf" + utf8[:900] + b"\xff\xfe" + utf8[900:],
          "starts like UTF-8")
    write("utf16le-odd-byte.txt", b"\xff\xfe" + page.encode("utf-16-le") + b"A",
          "half a character")
    write("utf16be-odd-byte.txt", b"\xfe\xff" + page.encode("utf-16-be") + b"\x4e",
          "half a character")
    write("utf16le-lone-surrogate.txt",
          b"\xff\xfe" + page[:200].encode("utf-16-le") + b"\x00\xd8" + page[200:].encode(
              "utf-16-le"), "cannot be read as UTF-16LE")
    write("gb18030-cut-character.txt", page.encode("gb18030") + b"\xb0",
          "GB18030 text ends in half a character")
    write("utf8-cut-character.txt", utf8 + "中".encode("utf-8")[:2],
          "byte %d is not UTF-8" % len(utf8))
    at = len(page[:100].encode("utf-8"))
    write("overlong-utf8.txt", utf8[:at] + b"\xc0\xaf" + utf8[at:], "byte %d is not UTF-8" % at)
    # --- not regular files, too large ------------------------------------
    write("too-large.txt", 65 * MB, "over the 64 MB", special="sparse")
    write("fifo.txt", None, "named pipe", special="fifo")
    write("dev-zero.txt", None, "named pipe", special="/dev/zero")
    write("dangling-link.txt", None, "does not exist", special="/nonexistent/storydesk/page.txt")
    write("looks-like-json.txt", "[{\"headline\": " + page[:40], "not valid JSON")
    # --- valid pages in unusual forms ------------------------------------
    # (each a part of the page, so each is a new page to the library)
    lines = page.split("\n")
    part = [lines[i * len(lines) // 5:(i + 1) * len(lines) // 5] for i in range(5)]
    write("valid-utf8-bom.txt", b"\xef\xbb\xbf" + "\n".join(part[0]).encode("utf-8"), valid=True)
    write("valid-utf16le.txt", b"\xff\xfe" + "\n".join(part[1]).encode("utf-16-le"), valid=True)
    write("valid-utf16be.txt", b"\xfe\xff" + "\n".join(part[2]).encode("utf-16-be"), valid=True)
    write("valid-gb18030.txt", "\n".join(part[3]).encode("gb18030"), valid=True)
    write("valid-crlf.txt", "\r\n".join(part[4]).encode("utf-8"), valid=True)

    # --- JSON that is not an export --------------------------------------
    text = json.dumps(export, ensure_ascii=False)
    write("empty.json", b"", "an array of stories, not nothing")
    write("not-json.json", page[:500], "not valid JSON")
    write("cut-short.json", text[: len(text) // 2], "not valid JSON")
    write("object.json", json.dumps({"stories": export[:2]}), "not an object")
    write("empty-array.json", "[]", "holds no stories")
    write("numbers.json", "[1, 2, 3]", "must be an object, not a number")
    write("too-deep.json", "[" * 64 + "]" * 64, "nested more than")
    write("escaped-nul.json", text.replace("\"note\": \"", "\"note\": \"\\u0000", 1), "NUL")
    write("lone-surrogate.json", text.replace("\"note\": \"", "\"note\": \"\\ud800", 1),
          "not valid JSON")
    write("bad-utf8.json", text.encode("utf-8")[:2000] + b"\xff" + text.encode("utf-8")[2000:],
          "must be UTF-8")
    write("utf16.json", b"\xff\xfe" + text.encode("utf-16-le"), "must be UTF-8")
    write("raw-nul.json", text.encode("utf-8")[:100] + b"\x00" + text.encode("utf-8")[100:],
          "a NUL byte")
    write("too-large.json", 513 * MB, "over the 512 MB", special="sparse")
    write("fifo.json", None, "named pipe", special="fifo")
    # --- exports with one value wrong ------------------------------------
    story_variant("tags-not-array.json", "must be an array of strings",
                  lambda s: s[1].__setitem__("tags", "党建"))
    story_variant("blank-tag.json", "not a usable tag",
                  lambda s: s[0].__setitem__("tags", ["党建", " \u3000 "]))
    story_variant("bad-status.json", "not a review status",
                  lambda s: s[2].__setitem__("status", "published"))
    story_variant("bad-uuid.json", "not a UUID", lambda s: s[0].__setitem__("uuid", "42"))
    story_variant("bad-time.json", "ISO 8601",
                  lambda s: s[0].__setitem__("updated", "yesterday"))
    story_variant("headline-number.json", "must be a string",
                  lambda s: s[0].__setitem__("headline", 7))
    story_variant("unknown-place.json", "not a place",
                  lambda s: s[0].__setitem__("place_code", "999999"))
    story_variant("bad-kind.json", "not a kind of story",
                  lambda s: s[0].__setitem__("kind", "editorial"))
    # --- valid exports ---------------------------------------------------
    write("valid-export.json", text, valid=True)
    # a tag with a line break: the store makes it one line (issue #14, item 4)
    stories = json.loads(json.dumps(export[:2]))
    stories[0]["tags"] = ["多\n行"]
    write("valid-tag-with-newline.json", json.dumps(stories, ensure_ascii=False), valid=True)

    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    return manifest


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__ or "usage: make-bad-inputs.py SEEDS EXPORT.json OUT")
    print(len(main(*sys.argv[1:])), "files")
