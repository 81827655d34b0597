/* sd-fuzz.h — what the fuzz targets and the standalone driver share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fuzz-*.c file is one libFuzzer target.  Built with -fsanitize=fuzzer
 * it runs under libFuzzer; built with fuzz-driver.c it runs under any
 * compiler from `meson test`.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Not g_assert(): G_DISABLE_ASSERT must not silence a fuzzer. */
#define SD_FUZZ_CHECK(expr, ...)                                                                   \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (G_UNLIKELY (!(expr)))                                                                      \
      {                                                                                            \
        fprintf (stderr, "%s: invariant failed: %s: ", G_STRLOC, #expr);                           \
        fprintf (stderr, __VA_ARGS__);                                                             \
        fputc ('\n', stderr);                                                                      \
        abort ();                                                                                  \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

/* A nullable string the core hands out must be UTF-8 and end where it says. */
#define SD_FUZZ_CHECK_UTF8(str, what)                                                              \
  SD_FUZZ_CHECK ((str) == NULL || g_utf8_validate ((str), -1, NULL), "%s is not UTF-8", (what))

/* A refusal must say why, in @quark's domain, in UTF-8. */
#define SD_FUZZ_CHECK_REFUSAL(err, quark)                                                          \
  G_STMT_START                                                                                     \
  {                                                                                                \
    SD_FUZZ_CHECK ((err) != NULL, "refused without an error");                                     \
    SD_FUZZ_CHECK ((err)->domain == (quark), "error from %s", g_quark_to_string ((err)->domain));  \
    SD_FUZZ_CHECK_UTF8 ((err)->message, "error message");                                          \
  }                                                                                                \
  G_STMT_END

/* Makes the core's g_return_if_fail() and friends crash the run: on bad
 * input a critical is as much a bug as a segfault. */
static inline void
sd_fuzz_make_criticals_fatal (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

G_END_DECLS
