/* test-clreq.c — the clreq rules the article view sets Chinese by
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-clreq.h"

/* The middle dot is shown as a non-starter after a character, and the
 * shown text has as many characters as the stored one. */
static void
test_clreq_middle_dot (void)
{
  const struct
  {
    const char *text, *shown;
  } cases[] = {
    { "阿卜杜拉·买买提", "阿卜杜拉・买买提" },
    { "·开头", "·开头" },
    { "间 · 隔", "间 · 隔" },
    { "a·b", "a・b" },
    { "无点", "无点" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = sd_clreq_dup_for_display (cases[i].text);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpint (g_utf8_strlen (shown, -1), ==, g_utf8_strlen (cases[i].text, -1));
    }
}

static char *
halved_as_string (const char *text)
{
  g_autoptr (GArray) halved = sd_clreq_find_halved_marks (text);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < halved->len; i++)
    g_string_append_printf (out, "%s%d", i ? " " : "", g_array_index (halved, int, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One mark of each adjacent pair gives up its blank half: the first when
 * it is a stop or closing mark, the second when both open. */
static void
test_clreq_halved_marks (void)
{
  const struct
  {
    const char *text, *halved;
  } cases[] = {
    { "他说：“好。”然后", "2 5" }, /* ：“ and 。” */
    { "（《人民日报》）", "1 6" }, /* （《 opens twice; 》） closes twice */
    { "“《江苏》”", "1 4" },       /* “《 ; 》” */
    { "好，（注）", "1" },         /* ，（ ; the last ） stays whole */
    { "一、二。三", "" },          /* single marks stay whole */
    { "“好”", "" },
    { "“好”。", "2" },
    { "”（", "0" },
    { "！”", "" }, /* ！？ are not compressed */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *halved = halved_as_string (cases[i].text);
      g_assert_cmpstr (halved, ==, cases[i].halved);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clreq/middle-dot", test_clreq_middle_dot);
  g_test_add_func ("/clreq/halved-marks", test_clreq_halved_marks);
  return g_test_run ();
}
