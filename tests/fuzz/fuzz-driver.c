/* fuzz-driver.c — runs a libFuzzer target without libFuzzer
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-*.c file, this main() feeds LLVMFuzzerTestOneInput()
 * the files and folders named on the command line, deterministic mutations
 * of them and a few handcrafted nasty inputs, so `meson test --suite fuzz`
 * exercises the targets under gcc (and ASan/UBSan with -Db_sanitize) on
 * every run.  Any invariant failure aborts; the input at fault is written
 * to a file so it can be replayed.
 *
 *   fuzz-driver-page [--iterations=N] [--seed=N] [--max-seconds=N] [--no-mutate]
 *                    FILE|FOLDER…
 */
#define G_LOG_DOMAIN "fuzz-driver"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "sd-fuzz.h"

/* clang-format off */
#define DEFAULT_ITERATIONS  2500
#define DEFAULT_MAX_SECONDS 20
#define DEFAULT_SEED        0x5d0f0220u
#define MAX_MUTANT_SIZE     (3 * 1024 * 1024)
#define BIG_PAGE_SIZE       (2 * 1024 * 1024)
#define BLANK_LINES         5000
#define HAN_LINE_CHARS      100000
/* clang-format on */

typedef struct
{
  char   *name;
  GBytes *bytes;
} Input;

/* Markers the segmenter and the resolver look for: inserting them reaches
 * far more branches than random bytes do. */
/* clang-format off */
static const char *const tokens[] = {
  "本报讯(", "本报讯（", "）", ")", "▶上接1版", "▶下转2版", "上接", "下转", "版", "#", "## ",
  "**", "□ 本报记者 ", "本报通讯员 ", "记者 ", "通讯员 ", "实习生 ", "摄", " 摄", "(供图)",
  "（参与记者：", "整理：", "文/图", "——", "--", "：", "。", "，", "、", "“", "”", "【", "】",
  "10月28日，", "近日，", "苏州市", "吴江区", "黎里镇", "南京", "东海", "城东", "大丰收",
  "江苏省", "\xe3\x80\x80", "\t", "\f", "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff", "\r\n",
  "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xe2\x80\xa8", "\xcc\x81", "[", "]", "{", "}", "\"",
  "\\u0000", "\\ud800", "null", "\"body\":", "\"highlights\":[{\"start\":0,\"end\":1}]",
};
/* clang-format on */

static GPtrArray *inputs; /* (element-type Input) the files named on the command line */
static guint      n_file_inputs;
static guint64    rng_state;

/* What the signal handler and the sanitizer death callback report. */
static const guint8 *current_data;
static size_t        current_size;
static char          current_name[512];
static char          artifact_path[4096];
static char          signal_stack[64 * 1024]; /* for crashed_cb() after a stack overflow */

static void
input_free (Input *input)
{
  g_free (input->name);
  g_bytes_unref (input->bytes);
  g_free (input);
}

static void
add_input (GPtrArray *array, char *name, GBytes *bytes)
{
  Input *input = g_new0 (Input, 1);

  input->name = name;
  input->bytes = bytes;
  g_ptr_array_add (array, input);
}

/* xorshift64*: fixed seed, so every run feeds the same inputs. */
static guint64
rng_next (void)
{
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * G_GUINT64_CONSTANT (2685821657736338717);
}

static gsize
rng_below (gsize n)
{
  return n == 0 ? 0 : rng_next () % n;
}

static void
write_all (int fd, const void *data, size_t size)
{
  const char *p = data;

  while (size > 0)
    {
      ssize_t n = write (fd, p, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      p += n;
      size -= n;
    }
}

static void
write_string (int fd, const char *text)
{
  write_all (fd, text, strlen (text));
}

/* Async-signal-safe: write(2) only. */
static void
dump_current_input (void)
{
  int fd;

  if (current_data == NULL && current_size == 0 && current_name[0] == '\0')
    return;
  write_string (2, "\nfuzz-driver: failed on input: ");
  write_string (2, current_name);
  fd = open (artifact_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0)
    {
      write_all (fd, current_data, current_size);
      close (fd);
      write_string (2, "\nfuzz-driver: the input is saved as ");
      write_string (2, artifact_path);
    }
  write_string (2, "\n");
  current_name[0] = '\0';
}

/* SA_RESETHAND has put the default action back: re-raising ends the
 * process as the signal would have. */
static void
crashed_cb (int signum)
{
  dump_current_input ();
  raise (signum);
}

/* ASan and UBSan report and exit without a signal; they call this first. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

static void
install_crash_handlers (const char *program)
{
  const char      *dir = g_getenv ("SD_FUZZ_ARTIFACT_DIR");
  g_autofree char *base = g_path_get_basename (program);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *path = g_strdup_printf ("%s/%s-crash.bin", dir != NULL ? dir : cwd, base);
  const int        signals[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
  /* A stack overflow (deep recursion on nested input) leaves no stack for
   * the handler: give it its own. */
  stack_t          stack = { .ss_sp = signal_stack, .ss_size = sizeof signal_stack };
  struct sigaction action = { .sa_handler = crashed_cb, .sa_flags = SA_ONSTACK | SA_RESETHAND };

  g_strlcpy (artifact_path, path, sizeof artifact_path);
  sigaltstack (&stack, NULL);
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
  if (__sanitizer_set_death_callback != NULL)
    __sanitizer_set_death_callback (dump_current_input);
}

/* An exactly sized heap copy, as libFuzzer passes it, so ASan sees any
 * read past the end.  Never NULL, even when empty: libFuzzer's isn't, nor is
 * what g_file_load_bytes() gives for an empty file. */
static void
run_one (const char *name, const guint8 *data, gsize size)
{
  guint8 *copy = g_malloc (MAX (size, 1));

  if (size > 0)
    memcpy (copy, data, size);
  g_strlcpy (current_name, name, sizeof current_name);
  current_data = copy;
  current_size = size;
  LLVMFuzzerTestOneInput (copy, size);
  current_data = NULL;
  current_size = 0;
  current_name[0] = '\0';
  g_free (copy);
}

static void
run_inputs (GPtrArray *array)
{
  for (guint i = 0; i < array->len; i++)
    {
      const Input  *input = g_ptr_array_index (array, i);
      gsize         size = 0;
      const guint8 *data = g_bytes_get_data (input->bytes, &size);

      run_one (input->name, data, size);
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
load_path (const char *path, GPtrArray *array, GError **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, error);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      /* Directory order is the file system's; the run must not depend on it. */
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
          if (!load_path (child, array, error))
            return FALSE;
        }
      return TRUE;
    }
  else
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, error))
        return FALSE;
      add_input (array, g_strdup (path), g_bytes_new_take (contents, length));
      return TRUE;
    }
}

static GBytes *
repeat_string (const char *unit, gsize times, const char *separator)
{
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < times; i++)
    {
      g_string_append (text, unit);
      if (separator != NULL)
        g_string_append (text, separator);
    }
  return g_string_free_to_bytes (text);
}

static GBytes *
bytes_from (const char *data, gsize size)
{
  return g_bytes_new (data, size);
}

#define LITERAL(s) bytes_from ((s), sizeof (s) - 1)

/* Inputs no mutation is likely to reach: degenerate pages, encodings cut in
 * odd places, and JSON the reader must refuse in good order. */
static void
add_crafted_inputs (GPtrArray *array)
{
  static const char han[] = "江苏省苏州市吴江区黎里镇本报讯记者的了和与新闻";
  static const char punctuation[] = "。，、；：？！…—·“”‘’「」『』（）《》〈〉【】〔〕"
                                    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  GString          *line = g_string_new (NULL);
  glong             han_chars = g_utf8_strlen (han, -1);

  add_input (array, g_strdup ("crafted: empty"), g_bytes_new (NULL, 0));
  add_input (array, g_strdup ("crafted: #"), LITERAL ("#"));
  add_input (array, g_strdup ("crafted: 本报讯("), LITERAL ("本报讯("));
  add_input (array, g_strdup ("crafted: ▶上接1版"), LITERAL ("▶上接1版"));
  add_input (array, g_strdup ("crafted: ▶上接1版 line"), LITERAL ("▶上接1版\n"));
  add_input (array, g_strdup ("crafted: 本报讯( x1000"), repeat_string ("本报讯(", 1000, NULL));
  add_input (array, g_strdup ("crafted: 本报讯( lines"), repeat_string ("本报讯(", 1000, "\n"));
  add_input (array, g_strdup ("crafted: continuation marks"),
             repeat_string ("▶上接1版▶下转2版", 500, "\n"));
  add_input (array, g_strdup ("crafted: markup"),
             LITERAL ("**\n****\n# \n## \n###\n**本报讯(**\n"));
  add_input (array, g_strdup ("crafted: roles only"),
             LITERAL ("□ 本报记者\n摄\n（参与记者：\n——\n——\n文/图\n"));

  for (glong i = 0; i < HAN_LINE_CHARS; i++)
    {
      const char *p = g_utf8_offset_to_pointer (han, i % han_chars);
      g_string_append_len (line, p, g_utf8_next_char (p) - p);
    }
  add_input (array, g_strdup ("crafted: 100k Han characters on one line"),
             g_bytes_new (line->str, line->len));
  g_string_free (line, TRUE);
  add_input (array, g_strdup ("crafted: 100k 的"), repeat_string ("的", HAN_LINE_CHARS, NULL));
  add_input (array, g_strdup ("crafted: punctuation"), repeat_string (punctuation, 200, "\n"));
  add_input (array, g_strdup ("crafted: punctuation, one line"),
             repeat_string (punctuation, 2000, NULL));
  add_input (array, g_strdup ("crafted: blank lines"), repeat_string ("", BLANK_LINES, "\n"));
  add_input (array, g_strdup ("crafted: CRs"), repeat_string ("", BLANK_LINES, "\r"));
  add_input (array, g_strdup ("crafted: spaces"), LITERAL (" \t\f\r\n\xe3\x80\x80\n"));

  add_input (array, g_strdup ("crafted: UTF-8 BOM only"), LITERAL ("\xef\xbb\xbf"));
  add_input (array, g_strdup ("crafted: UTF-16LE BOM only"), LITERAL ("\xff\xfe"));
  add_input (array, g_strdup ("crafted: UTF-16BE BOM only"), LITERAL ("\xfe\xff"));
  add_input (array, g_strdup ("crafted: UTF-16LE odd"), LITERAL ("\xff\xfe\x41"));
  add_input (array, g_strdup ("crafted: UTF-16LE lone surrogate"),
             LITERAL ("\xff\xfe\x5b\x00\x00\xd8\x5d\x00"));
  add_input (array, g_strdup ("crafted: UTF-16BE lone surrogate"), LITERAL ("\xfe\xff\xd8\x00"));
  add_input (array, g_strdup ("crafted: UTF-16LE NULs"),
             LITERAL ("\xff\xfe\x00\x00\x00\x00\x0a\x00"));
  add_input (array, g_strdup ("crafted: lone continuation"), LITERAL ("\x80"));
  add_input (array, g_strdup ("crafted: cut sequence"), LITERAL ("新闻\xe4\xb8"));
  add_input (array, g_strdup ("crafted: overlong"), LITERAL ("\xc0\xaf\xe0\x80\xaf"));
  add_input (array, g_strdup ("crafted: UTF-8 surrogate"), LITERAL ("\xed\xa0\x80\xed\xbf\xbf"));
  add_input (array, g_strdup ("crafted: beyond U+10FFFF"), LITERAL ("\xf4\x90\x80\x80"));
  add_input (array, g_strdup ("crafted: GB18030 cut"),
             LITERAL ("\xbd\xad\xcb\xd5\xca\xa1\x0a\x81\x30"));
  add_input (array, g_strdup ("crafted: GB18030 four-byte"),
             LITERAL ("\xbd\xad\xcb\xd5\x81\x30\x81\x30\x95\x32\x82\x36\x0a"));

  add_input (array, g_strdup ("crafted: ["), LITERAL ("["));
  add_input (array, g_strdup ("crafted: []"), LITERAL ("[]"));
  add_input (array, g_strdup ("crafted: [{}]"), LITERAL ("[{}]"));
  add_input (array, g_strdup ("crafted: empty body"), LITERAL ("[{\"body\":\"\"}]"));
  add_input (array, g_strdup ("crafted: highlight"),
             LITERAL ("[{\"body\":\"江苏\",\"highlights\":[{\"start\":0,\"end\":2}]}]"));
  add_input (array, g_strdup ("crafted: highlight past the body"),
             LITERAL ("[{\"body\":\"江苏\",\"highlights\":[{\"start\":1,\"end\":3}]}]"));
  add_input (array, g_strdup ("crafted: huge offsets"),
             LITERAL ("[{\"body\":\"x\",\"source\":{\"file\":\"a\",\"start\":9223372036854775807,"
                      "\"end\":9223372036854775807},\"highlights\":[{\"start\":"
                      "9223372036854775806,\"end\":9223372036854775807}]}]"));
  add_input (array, g_strdup ("crafted: escaped surrogate"),
             LITERAL ("[{\"body\":\"\\ud800\",\"headline\":\"\\udc00\\ud800x\"}]"));
  add_input (array, g_strdup ("crafted: escaped NUL"),
             LITERAL ("[{\"body\":\"a\\u0000b\",\"tags\":[\"\\u0000\"]}]"));
  add_input (array, g_strdup ("crafted: unit separator tag"),
             LITERAL ("[{\"body\":\"a\",\"tags\":[\"\\u001f\",\" \"]}]"));
  add_input (array, g_strdup ("crafted: odd numbers"),
             LITERAL ("[{\"body\":\"a\",\"place_confidence\":1e400,\"place_code\":\"32\"}]"));
  add_input (array, g_strdup ("crafted: deep arrays"), repeat_string ("[", 100000, NULL));
  add_input (array, g_strdup ("crafted: deep objects"), repeat_string ("{\"a\":", 100000, NULL));
}

/* Mutations.  Each edits @buf in place and names itself in @log.  No
 * rng_below() inside MIN()/MAX(): the macros would draw twice. */

static void
mutate_flip_bits (GByteArray *buf, GString *log)
{
  guint n = 1 + rng_below (8);

  g_string_append_printf (log, " flip%u", n);
  for (guint i = 0; i < n && buf->len > 0; i++)
    buf->data[rng_below (buf->len)] ^= 1u << rng_below (8);
}

static void
mutate_random_bytes (GByteArray *buf, GString *log)
{
  guint n = 1 + rng_below (8);

  g_string_append_printf (log, " bytes%u", n);
  for (guint i = 0; i < n && buf->len > 0; i++)
    buf->data[rng_below (buf->len)] = rng_next ();
}

static void
mutate_truncate (GByteArray *buf, GString *log)
{
  gsize at = rng_below (buf->len + 1);

  g_string_append_printf (log, " cut@%zu", at);
  g_byte_array_set_size (buf, at);
}

/* Cuts right after a lead byte or a continuation byte: half a character. */
static void
mutate_truncate_in_char (GByteArray *buf, GString *log)
{
  gsize at = rng_below (buf->len + 1);

  while (at < buf->len && (buf->data[at] & 0xc0) != 0x80)
    at++;
  g_string_append_printf (log, " cutchar@%zu", at);
  g_byte_array_set_size (buf, at);
}

static void
insert_at (GByteArray *buf, gsize at, const void *data, gsize size)
{
  if (buf->len + size > MAX_MUTANT_SIZE)
    return;
  g_byte_array_set_size (buf, buf->len + size);
  memmove (buf->data + at + size, buf->data + at, buf->len - size - at);
  memcpy (buf->data + at, data, size);
}

static void
mutate_insert_nul (GByteArray *buf, GString *log)
{
  gsize at = rng_below (buf->len + 1);

  g_string_append_printf (log, " nul@%zu", at);
  insert_at (buf, at, "", 1);
}

static void
mutate_insert_cr (GByteArray *buf, GString *log)
{
  guint n = 1 + rng_below (16);

  g_string_append_printf (log, " cr%u", n);
  for (guint i = 0; i < n; i++)
    insert_at (buf, rng_below (buf->len + 1), "\r", 1);
}

/* Every LF becomes CR or CRLF. */
static void
mutate_line_ends (GByteArray *buf, GString *log)
{
  gboolean    crlf = rng_below (2);
  GByteArray *out = g_byte_array_sized_new (buf->len + buf->len / 8);

  g_string_append (log, crlf ? " crlf" : " cr-only");
  for (guint i = 0; i < buf->len; i++)
    {
      if (buf->data[i] == '\n')
        g_byte_array_append (out, (const guint8 *) (crlf ? "\r\n" : "\r"), crlf ? 2 : 1);
      else
        g_byte_array_append (out, &buf->data[i], 1);
    }
  g_byte_array_set_size (buf, 0);
  g_byte_array_append (buf, out->data, MIN (out->len, MAX_MUTANT_SIZE));
  g_byte_array_unref (out);
}

static void
mutate_insert_bom (GByteArray *buf, GString *log)
{
  static const char *const boms[] = { "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff" };
  guint                    which = rng_below (G_N_ELEMENTS (boms));
  gsize                    at = rng_below (3) == 0 ? rng_below (buf->len + 1) : 0;

  g_string_append_printf (log, " bom%u@%zu", which, at);
  insert_at (buf, at, boms[which], strlen (boms[which]));
}

static void
mutate_insert_token (GByteArray *buf, GString *log)
{
  const char *token = tokens[rng_below (G_N_ELEMENTS (tokens))];
  gsize       at = rng_below (buf->len + 1);

  /* Markers mostly matter at a line start. */
  if (rng_below (2))
    while (at > 0 && buf->data[at - 1] != '\n')
      at--;
  g_string_append_printf (log, " token@%zu", at);
  insert_at (buf, at, token, strlen (token));
}

static void
mutate_delete_range (GByteArray *buf, GString *log)
{
  gsize at = rng_below (buf->len + 1);
  gsize want = 1 + rng_below (rng_below (2) ? 16 : 4096);
  gsize n = MIN (buf->len - at, want);

  g_string_append_printf (log, " del%zu@%zu", n, at);
  g_byte_array_remove_range (buf, at, n);
}

static void
mutate_splice (GByteArray *buf, GString *log)
{
  const Input  *other = g_ptr_array_index (inputs, rng_below (n_file_inputs));
  gsize         size = 0;
  const guint8 *data = g_bytes_get_data (other->bytes, &size);
  gsize         from = rng_below (size + 1);
  gsize         want = rng_below (8192);
  gsize         n = MIN (size - from, want);
  gsize         at = rng_below (buf->len + 1);

  g_string_append_printf (log, " splice%zu@%zu", n, at);
  insert_at (buf, at, data + from, n);
}

/* Re-encodes the text (made valid first) as GB18030 or UTF-16, with or
 * without a BOM: the page reader must tell them apart. */
static void
mutate_reencode (GByteArray *buf, GString *log)
{
  static const char *const charsets[] = { "GB18030", "UTF-16LE", "UTF-16BE" };
  const char              *charset = charsets[rng_below (G_N_ELEMENTS (charsets))];
  g_autofree char         *valid = g_utf8_make_valid ((const char *) buf->data, buf->len);
  g_autofree char         *encoded = NULL;
  gsize                    length = 0;
  gboolean                 bom = !g_str_equal (charset, "GB18030") && rng_below (4) != 0;

  encoded = g_convert_with_fallback (valid, -1, charset, "UTF-8", "?", NULL, &length, NULL);
  g_string_append_printf (log, " %s%s", charset, bom ? "+bom" : "");
  if (encoded == NULL)
    return;
  g_byte_array_set_size (buf, 0);
  if (bom)
    g_byte_array_append (
        buf, (const guint8 *) (g_str_equal (charset, "UTF-16LE") ? "\xff\xfe" : "\xfe\xff"), 2);
  g_byte_array_append (buf, (const guint8 *) encoded, MIN (length, MAX_MUTANT_SIZE));
}

static GPtrArray *
split_lines (GByteArray *buf)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gsize      start = 0;

  for (gsize i = 0; i <= buf->len; i++)
    if (i == buf->len || buf->data[i] == '\n')
      {
        g_ptr_array_add (lines, g_bytes_new (buf->data + start, i - start));
        start = i + 1;
      }
  return lines;
}

static void
join_lines (GByteArray *buf, GPtrArray *lines)
{
  g_byte_array_set_size (buf, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      gsize         size = 0;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (lines, i), &size);

      if (buf->len + size + 1 > MAX_MUTANT_SIZE)
        break;
      if (i > 0)
        g_byte_array_append (buf, (const guint8 *) "\n", 1);
      g_byte_array_append (buf, data, size);
    }
}

static void
mutate_duplicate_lines (GByteArray *buf, GString *log)
{
  g_autoptr (GPtrArray) lines = split_lines (buf);
  guint n = 1 + rng_below (8);

  g_string_append_printf (log, " dup%u", n);
  for (guint i = 0; i < n; i++)
    {
      guint from = rng_below (lines->len);
      guint count = 1 + rng_below (4);

      for (guint k = 0; k < count && from + k < lines->len; k++)
        g_ptr_array_insert (lines, rng_below (lines->len + 1),
                            g_bytes_ref (g_ptr_array_index (lines, from + k)));
    }
  join_lines (buf, lines);
}

/* Shuffles all lines, or a window of them (a column read in the wrong order). */
static void
mutate_shuffle_lines (GByteArray *buf, GString *log)
{
  g_autoptr (GPtrArray) lines = split_lines (buf);
  guint first = rng_below (2) ? 0 : rng_below (lines->len);
  guint window = 2 + rng_below (12);
  guint n = first == 0 && rng_below (2) ? lines->len : MIN (lines->len - first, window);

  g_string_append_printf (log, " shuffle%u@%u", n, first);
  for (guint i = n; i > 1; i--)
    {
      guint    j = rng_below (i);
      gpointer tmp = lines->pdata[first + i - 1];

      lines->pdata[first + i - 1] = lines->pdata[first + j];
      lines->pdata[first + j] = tmp;
    }
  join_lines (buf, lines);
}

/* One line repeated into a very long one, or many lines glued together. */
static void
mutate_long_line (GByteArray *buf, GString *log)
{
  g_autoptr (GPtrArray) lines = split_lines (buf);
  guint which = rng_below (lines->len);

  if (rng_below (2))
    {
      GBytes     *line = g_ptr_array_index (lines, which);
      gsize       size = MAX (g_bytes_get_size (line), 1);
      GByteArray *longer = g_byte_array_new ();
      gsize       target = 50000 + rng_below (250000);

      while (longer->len < target && g_bytes_get_size (line) > 0)
        g_byte_array_append (longer, g_bytes_get_data (line, NULL), size);
      g_string_append_printf (log, " longline%u", longer->len);
      g_ptr_array_index (lines, which) = g_byte_array_free_to_bytes (longer);
      g_bytes_unref (line);
      join_lines (buf, lines);
    }
  else
    {
      gsize from = rng_below (buf->len + 1);
      gsize want = rng_below (200000);
      gsize to = MIN (buf->len, from + want);

      g_string_append_printf (log, " glue%zu@%zu", to - from, from);
      for (gsize i = from; i < to; i++)
        if (buf->data[i] == '\n' || buf->data[i] == '\r')
          buf->data[i] = rng_below (2) ? ' ' : '\t';
    }
}

static void
mutate_blank_lines (GByteArray *buf, GString *log)
{
  g_autoptr (GBytes) blanks =
      repeat_string (rng_below (2) ? "" : "\xe3\x80\x80 ", BLANK_LINES, "\n");
  gsize at = rng_below (buf->len + 1);

  while (at > 0 && buf->data[at - 1] != '\n')
    at--;
  g_string_append_printf (log, " blanks@%zu", at);
  insert_at (buf, at, g_bytes_get_data (blanks, NULL), g_bytes_get_size (blanks));
}

typedef void (*Mutation) (GByteArray *buf, GString *log);

static const struct
{
  Mutation mutate;
  guint    weight;
} mutations[] = {
  { mutate_flip_bits, 6 },        { mutate_random_bytes, 4 },  { mutate_truncate, 3 },
  { mutate_truncate_in_char, 3 }, { mutate_insert_nul, 1 },    { mutate_insert_cr, 3 },
  { mutate_line_ends, 2 },        { mutate_insert_bom, 2 },    { mutate_insert_token, 10 },
  { mutate_delete_range, 5 },     { mutate_splice, 4 },        { mutate_reencode, 2 },
  { mutate_duplicate_lines, 5 },  { mutate_shuffle_lines, 4 }, { mutate_long_line, 1 },
  { mutate_blank_lines, 1 },
};

static Mutation
pick_mutation (void)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    total += mutations[i].weight;
  pick = rng_below (total);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      if (pick < mutations[i].weight)
        return mutations[i].mutate;
      pick -= mutations[i].weight;
    }
  g_assert_not_reached ();
}

/* Whole-file variants of every seed: each encoding the reader accepts, and
 * one page grown to 2 MB. */
static void
run_fixed_variants (void)
{
  for (guint i = 0; i < n_file_inputs; i++)
    {
      const Input             *input = g_ptr_array_index (inputs, i);
      static const char *const charsets[] = { "GB18030", "UTF-16LE", "UTF-16BE" };
      gsize                    size = 0;
      const char              *data = g_bytes_get_data (input->bytes, &size);
      g_autofree char         *valid = g_utf8_make_valid (data, size);
      g_autoptr (GByteArray) buf = g_byte_array_new ();

      for (guint c = 0; c < G_N_ELEMENTS (charsets); c++)
        {
          g_autofree char *name = g_strdup_printf ("%s as %s", input->name, charsets[c]);
          gsize            length = 0;
          g_autofree char *encoded =
              g_convert_with_fallback (valid, -1, charsets[c], "UTF-8", "?", NULL, &length, NULL);

          if (encoded == NULL)
            continue;
          g_byte_array_set_size (buf, 0);
          if (c > 0)
            g_byte_array_append (buf, (const guint8 *) (c == 1 ? "\xff\xfe" : "\xfe\xff"), 2);
          g_byte_array_append (buf, (const guint8 *) encoded, length);
          run_one (name, buf->data, buf->len);
        }

      {
        g_autofree char *name = g_strdup_printf ("%s with a UTF-8 BOM", input->name);
        g_byte_array_set_size (buf, 0);
        g_byte_array_append (buf, (const guint8 *) "\xef\xbb\xbf", 3);
        g_byte_array_append (buf, (const guint8 *) data, size);
        run_one (name, buf->data, buf->len);
      }

      if (i == 0 && size > 0)
        {
          g_autofree char *name = g_strdup_printf ("%s repeated to 2 MB", input->name);
          g_byte_array_set_size (buf, 0);
          while (buf->len < BIG_PAGE_SIZE)
            {
              g_byte_array_append (buf, (const guint8 *) data, size);
              g_byte_array_append (buf, (const guint8 *) "\n\n", 2);
            }
          run_one (name, buf->data, buf->len);
        }
    }
}

static guint
run_mutations (guint iterations, guint max_seconds, gboolean verbose)
{
  g_autoptr (GByteArray) previous = g_byte_array_new ();
  g_autoptr (GString) log = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) max_seconds * G_USEC_PER_SEC;
  guint  done = 0;

  for (; done < iterations; done++)
    {
      g_autoptr (GByteArray) buf = g_byte_array_new ();
      guint base = rng_below (n_file_inputs);
      guint n_mutations = 1 + rng_below (4);

      if (max_seconds > 0 && g_get_monotonic_time () > deadline)
        {
          g_printerr ("fuzz-driver: time budget of %u s spent after %u of %u mutations\n",
                      max_seconds, done, iterations);
          break;
        }

      /* A third of the time, pile more damage on the last mutant. */
      if (previous->len > 0 && rng_below (3) == 0)
        {
          g_byte_array_append (buf, previous->data, previous->len);
          g_string_append (log, " +");
        }
      else
        {
          const Input  *input = g_ptr_array_index (inputs, base);
          gsize         size = 0;
          const guint8 *data = g_bytes_get_data (input->bytes, &size);

          g_string_printf (log, "mutation %u of %s:", done, input->name);
          g_byte_array_append (buf, data, size);
        }
      for (guint m = 0; m < n_mutations; m++)
        pick_mutation () (buf, log);

      /* The reader refuses broken UTF-8 outright; mending half of those
       * mutants lets the damage reach the segmenter and the resolvers. */
      if (!g_utf8_validate_len ((const char *) buf->data, buf->len, NULL) && buf->len > 0
          && buf->data[0] != 0xff && buf->data[0] != 0xfe && rng_below (2) == 0)
        {
          g_autofree char *valid = g_utf8_make_valid ((const char *) buf->data, buf->len);

          g_string_append (log, " mend");
          g_byte_array_set_size (buf, 0);
          g_byte_array_append (buf, (const guint8 *) valid, MIN (strlen (valid), MAX_MUTANT_SIZE));
        }

      /* Keep the log short enough to say what happened. */
      if (log->len > 400)
        g_string_erase (log, 0, log->len - 400);
      if (verbose)
        g_printerr ("%s (%u bytes)\n", log->str, buf->len);
      run_one (log->str, buf->data, buf->len);

      g_byte_array_set_size (previous, 0);
      if (buf->len < 128 * 1024)
        g_byte_array_append (previous, buf->data, buf->len);
    }
  return done;
}

static guint
parse_env_uint (const char *name, guint fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

int
main (int argc, char **argv)
{
  gint     iterations = parse_env_uint ("SD_FUZZ_ITERATIONS", DEFAULT_ITERATIONS);
  gint     max_seconds = parse_env_uint ("SD_FUZZ_MAX_SECONDS", DEFAULT_MAX_SECONDS);
  gint64   seed = parse_env_uint ("SD_FUZZ_SEED", DEFAULT_SEED);
  gboolean no_mutate = FALSE;
  gboolean verbose = FALSE;
  g_auto (GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Mutations to run", "N" },
    { "max-seconds", 't', 0, G_OPTION_ARG_INT, &max_seconds,
      "Stop mutating after this long (0: never)", "S" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the mutation generator", "N" },
    { "no-mutate", 0, 0, G_OPTION_ARG_NONE, &no_mutate,
      "Only replay the given files (and the crafted inputs)", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Name every mutant", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "FILE|FOLDER…" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("— run a fuzz target without libFuzzer");
  g_autoptr (GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  guint  n_crafted;
  guint  n_mutated = 0;
  g_autoptr (GPtrArray) crafted = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (!load_path (paths[i], inputs, &error))
      {
        g_printerr ("%s\n", error->message);
        return 2;
      }
  n_file_inputs = inputs->len;
  add_crafted_inputs (crafted);
  n_crafted = crafted->len;
  rng_state = seed != 0 ? (guint64) seed : DEFAULT_SEED;

  install_crash_handlers (argv[0]);
  LLVMFuzzerInitialize (&argc, &argv);

  run_inputs (inputs);
  run_inputs (crafted);
  if (!no_mutate && n_file_inputs > 0)
    {
      run_fixed_variants ();
      n_mutated = run_mutations (MAX (iterations, 0), MAX (max_seconds, 0), verbose);
    }

  g_print ("fuzz-driver: %u files, %u crafted inputs, %u mutations (seed %" G_GINT64_FORMAT
           ") in %.1f s: no failure\n",
           n_file_inputs, n_crafted, n_mutated, seed,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_ptr_array_unref (inputs);
  return 0;
}
