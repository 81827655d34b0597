/* test-gazetteer.c — the Jiangsu gazetteer: data, look-ups, names, errors
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-gazetteer-private.h"
#include "sd-name-matcher.h"
#include "sd-test-util.h"

#include <string.h>

#ifndef SD_GAZETTEER_DIR
#error "SD_GAZETTEER_DIR must name data/gazetteer"
#endif

static SdGazetteer *gazetteer;

static SdGazetteer *
load_gazetteer (void)
{
  g_autoptr (GBytes) places = sd_test_read_file (SD_GAZETTEER_DIR, "jiangsu.tsv");
  g_autoptr (GBytes) aliases = sd_test_read_file (SD_GAZETTEER_DIR, "aliases.tsv");
  g_autoptr (GBytes) stopwords = sd_test_read_file (SD_GAZETTEER_DIR, "stopwords.tsv");
  g_autoptr (GError) error = NULL;
  SdGazetteer *loaded;

  loaded = sd_gazetteer_new_from_data_full (places, aliases, stopwords, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

/* The committed file is what update-gazetteer writes: a header comment,
 * then rows in code order, every parent before its children. */
static void
test_script_output (void)
{
  static const char *const cities[] = {
    "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市",
    "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市",
  };
  g_autoptr (GBytes) bytes = sd_test_read_file (SD_GAZETTEER_DIR, "jiangsu.tsv");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *last_code = NULL;
  guint            n_cities = 0, n_districts = 0, n_towns = 0;

  g_assert_true (g_str_has_prefix (lines[0], "# "));
  g_assert_nonnull (strstr (lines[0], "china-division@2.7.0"));
  g_assert_true (g_str_has_suffix (text, "\n"));

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      if (last_code != NULL)
        g_assert_cmpint (strcmp (last_code, fields[0]), <, 0);
      g_free (last_code);
      last_code = g_strdup (fields[0]);
      if (fields[3][0] != '\0')
        g_assert_true (g_hash_table_contains (seen, fields[3]));
      g_hash_table_add (seen, g_strdup (fields[0]));

      if (g_str_equal (fields[2], "city"))
        {
          g_assert_cmpuint (n_cities, <, G_N_ELEMENTS (cities));
          g_assert_cmpstr (fields[1], ==, cities[n_cities]);
          n_cities++;
        }
      else if (g_str_equal (fields[2], "district"))
        n_districts++;
      else if (g_str_equal (fields[2], "town"))
        n_towns++;
      else
        g_assert_cmpstr (fields[2], ==, "province");
    }

  g_assert_cmpuint (n_cities, ==, 13);
  g_assert_cmpuint (n_districts, >=, 95);
  g_assert_cmpuint (n_towns, >, 1000);
}

static void
test_lookup_city (void)
{
  const SdPlace *place = sd_gazetteer_lookup (gazetteer, "3205");

  g_assert_nonnull (place);
  g_assert_cmpstr (place->name, ==, "苏州市");
  g_assert_cmpint (place->level, ==, SD_PLACE_LEVEL_CITY);
  g_assert_cmpstr (place->parent_code, ==, "32");
  g_assert_cmpuint (place->order, ==, 4);
  g_assert_null (sd_gazetteer_lookup (gazetteer, "9999"));
  g_assert_null (sd_gazetteer_lookup (gazetteer, NULL));
}

static void
test_lookup_province (void)
{
  const SdPlace *province = sd_gazetteer_get_province (gazetteer);

  g_assert_nonnull (province);
  g_assert_cmpstr (province->code, ==, "32");
  g_assert_cmpstr (province->name, ==, "江苏省");
  g_assert_cmpint (province->level, ==, SD_PLACE_LEVEL_PROVINCE);
  g_assert_null (province->parent_code);
}

static void
test_lookup_town (void)
{
  const SdPlace *town = sd_gazetteer_lookup (gazetteer, "320509110");
  /* NBS files these under their zones; the TSV keeps their own names. */
  const SdPlace *dongzhu = sd_gazetteer_lookup (gazetteer, "320505407");
  const SdPlace *hangji = sd_gazetteer_lookup (gazetteer, "321002401");

  g_assert_cmpstr (town->name, ==, "黎里镇");
  g_assert_cmpint (town->level, ==, SD_PLACE_LEVEL_TOWN);
  g_assert_cmpstr (town->parent_code, ==, "320509");
  g_assert_cmpstr (dongzhu->name, ==, "东渚街道");
  g_assert_cmpstr (hangji->name, ==, "杭集镇");
}

static void
test_children (void)
{
  g_autoptr (GPtrArray) cities = sd_gazetteer_get_children (gazetteer, "32");
  g_autoptr (GPtrArray) districts = sd_gazetteer_get_children (gazetteer, "3205");
  g_autoptr (GPtrArray) top = sd_gazetteer_get_children (gazetteer, NULL);
  g_autoptr (GPtrArray) none = sd_gazetteer_get_children (gazetteer, "320509110");

  g_assert_cmpuint (cities->len, ==, 13);
  g_assert_cmpstr (((SdPlace *) cities->pdata[0])->name, ==, "南京市");
  g_assert_cmpstr (((SdPlace *) cities->pdata[12])->name, ==, "宿迁市");
  for (guint i = 0; i < cities->len; i++)
    g_assert_cmpuint (((SdPlace *) cities->pdata[i])->order, ==, i);

  g_assert_cmpuint (districts->len, ==, 10);
  g_assert_cmpstr (((SdPlace *) districts->pdata[0])->name, ==, "虎丘区");
  for (guint i = 0; i < districts->len; i++)
    g_assert_cmpstr (((SdPlace *) districts->pdata[i])->parent_code, ==, "3205");

  g_assert_cmpuint (top->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_split_levels (void)
{
  const SdPlace *city, *district, *town;

  sd_gazetteer_split_levels (gazetteer, sd_gazetteer_lookup (gazetteer, "320509110"), &city,
                             &district, &town);
  g_assert_cmpstr (city->name, ==, "苏州市");
  g_assert_cmpstr (district->name, ==, "吴江区");
  g_assert_cmpstr (town->name, ==, "黎里镇");

  sd_gazetteer_split_levels (gazetteer, sd_gazetteer_lookup (gazetteer, "3204"), &city, &district,
                             &town);
  g_assert_cmpstr (city->name, ==, "常州市");
  g_assert_null (district);
  g_assert_null (town);

  sd_gazetteer_split_levels (gazetteer, sd_gazetteer_get_province (gazetteer), &city, &district,
                             NULL);
  g_assert_null (city);
  g_assert_null (district);

  sd_gazetteer_split_levels (gazetteer, NULL, &city, NULL, &town);
  g_assert_null (city);
  g_assert_null (town);
}

typedef struct
{
  const char *path;
  const char *name;
  const char *context; /* nullable */
  const char *code;    /* nullable: no such place */
} NameCase;

static const NameCase name_cases[] = {
  { "/gazetteer/name/official-city", "苏州市", NULL, "3205" },
  { "/gazetteer/name/short-city", "苏州", NULL, "3205" },
  { "/gazetteer/name/short-district", "吴江", NULL, "320509" },
  { "/gazetteer/name/short-county-city", "张家港", NULL, "320582" },
  { "/gazetteer/name/short-town", "黎里", NULL, "320509110" },
  { "/gazetteer/name/short-province", "江苏", NULL, "32" },
  /* 淮安 is both 淮安市 and short for 淮安区: the bigger place wins. */
  { "/gazetteer/name/short-prefers-city", "淮安", NULL, "3208" },
  { "/gazetteer/name/one-char-stem", "丰", NULL, NULL },
  { "/gazetteer/name/nickname", "龙城", NULL, "3204" },
  { "/gazetteer/name/nickname-default", "港城", NULL, "320582" },
  { "/gazetteer/name/nickname-context", "港城", "3207", "3207" },
  { "/gazetteer/name/former-name", "吴江市", NULL, "320509" },
  { "/gazetteer/name/zone-tech-city", "苏州科技城", NULL, "320505407" },
  { "/gazetteer/name/zone-hi-tech", "苏州高新区", NULL, "320505" },
  { "/gazetteer/name/zone-fenhu", "汾湖高新区", NULL, "320509110" },
  { "/gazetteer/name/zone-xuzhou", "徐州经开区", NULL, "320371" },
  { "/gazetteer/name/zone-yangzhou", "扬州生态科技新城", NULL, "321002" },
  { "/gazetteer/name/zone-lianyungang", "连云港高新区", NULL, "320706405" },
  { "/gazetteer/name/zone-official", "江宁开发区", NULL, "320115402" },
  { "/gazetteer/name/hi-tech-suzhou", "高新区", "3205", "320505" },
  { "/gazetteer/name/hi-tech-changzhou", "高新区", "3204", "320411" },
  { "/gazetteer/name/hi-tech-changshu", "高新区", "320581", "320581402" },
  { "/gazetteer/name/hi-tech-no-context", "高新区", NULL, NULL },
  { "/gazetteer/name/park-suzhou", "园区", "3205", "320576" },
  { "/gazetteer/name/xindian-xinyi", "新店镇", "320381", "320381110" },
  { "/gazetteer/name/xindian-rudong", "新店镇", "320623", "320623112" },
  { "/gazetteer/name/huangqiao-xiangcheng", "黄桥", "320507", "320507003" },
  { "/gazetteer/name/huangqiao-taixing", "黄桥", "321283", "321283100" },
  { "/gazetteer/name/gulou-xuzhou", "鼓楼区", "3203", "320302" },
  { "/gazetteer/name/blocked", "大丰收", NULL, NULL },
  { "/gazetteer/name/skipped-stem", "城东", NULL, NULL },
  { "/gazetteer/name/unknown", "杭州", NULL, NULL },
};

static void
test_find_by_name (gconstpointer data)
{
  const NameCase *c = data;
  const SdPlace  *place = sd_gazetteer_find_by_name (gazetteer, c->name, c->context);

  if (c->code == NULL)
    g_assert_null (place);
  else
    {
      g_assert_nonnull (place);
      g_assert_cmpstr (place->code, ==, c->code);
    }
}

typedef struct
{
  const char *path;
  const char *places;
  const char *aliases;
  const char *stopwords;
  const char *message; /* a part of the error message */
} ErrorCase;

#define GOOD_PLACES "# header\n32\t江苏省\tprovince\t\n3205\t苏州市\tcity\t32\n"

static const ErrorCase error_cases[] = {
  { "/gazetteer/error/field-count", GOOD_PLACES "320509\t吴江区\tdistrict\n", NULL, NULL,
    "places line 4:" },
  { "/gazetteer/error/level", GOOD_PLACES "320509\t吴江区\tcounty\t3205\n", NULL, NULL,
    "places line 4: unknown level" },
  { "/gazetteer/error/code", "32\t江苏省\tprovince\t\nx1\t苏州市\tcity\t32\n", NULL, NULL,
    "places line 2:" },
  { "/gazetteer/error/parent", GOOD_PLACES "320509\t吴江区\tdistrict\t3206\n", NULL, NULL,
    "places line 4: the parent" },
  { "/gazetteer/error/parent-level", GOOD_PLACES "320509110\t黎里镇\ttown\t3205\n", NULL, NULL,
    "places line 4:" },
  { "/gazetteer/error/duplicate", GOOD_PLACES "3205\t苏州\tcity\t32\n", NULL, NULL,
    "places line 4: duplicate" },
  { "/gazetteer/error/no-province", "3205\t苏州市\tcity\t32\n", NULL, NULL, "places line 1:" },
  { "/gazetteer/error/alias-code", GOOD_PLACES, "# c\n苏城\t3205\n园区\t320576\t3205\n", NULL,
    "aliases line 3: unknown code" },
  { "/gazetteer/error/alias-fields", GOOD_PLACES, "苏城\n", NULL, "aliases line 1:" },
  { "/gazetteer/error/stopword-kind", GOOD_PLACES, NULL, "大丰收\tblock\n苏州\tmaybe\n",
    "stopwords line 2:" },
};

static GBytes *
bytes_or_null (const char *text)
{
  return text != NULL ? g_bytes_new_static (text, strlen (text)) : NULL;
}

static void
test_malformed (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr (GBytes) places = bytes_or_null (c->places);
  g_autoptr (GBytes) aliases = bytes_or_null (c->aliases);
  g_autoptr (GBytes) stopwords = bytes_or_null (c->stopwords);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdGazetteer) broken = NULL;

  broken = sd_gazetteer_new_from_data_full (places, aliases, stopwords, &error);
  g_assert_null (broken);
  g_assert_error (error, SD_GAZETTEER_ERROR, SD_GAZETTEER_ERROR_INVALID);
  if (strstr (error->message, c->message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, c->message);
}

static void
test_small_data (void)
{
  g_autoptr (GBytes) places = bytes_or_null (GOOD_PLACES "320509\t吴江区\tdistrict\t3205\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (SdGazetteer) small = sd_gazetteer_new_from_data (places, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sd_gazetteer_find_by_name (small, "吴江", NULL)->code, ==, "320509");
  g_assert_cmpstr (sd_gazetteer_lookup (small, "320509")->name, ==, "吴江区");
}

/* Leftmost-longest and non-overlapping: a short name inside a longer one
 * that starts earlier is not reported. */
static void
test_matcher (void)
{
  static const char *const names[] = { "ab", "abc", "bcd", "c", "苏州", "苏州工业园区", "园区" };
  g_autoptr (SdNameMatcher) matcher = _sd_name_matcher_new ();
  g_autoptr (GArray) latin = NULL;
  g_autoptr (GArray) han = NULL;
  const char *text = "在苏州工业园区和园区";

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    _sd_name_matcher_add (matcher, names[i], i);
  _sd_name_matcher_compile (matcher);

  latin = _sd_name_matcher_scan (matcher, "xabcdc", 6);
  g_assert_cmpuint (latin->len, ==, 2);
  g_assert_cmpuint (g_array_index (latin, SdNameMatch, 0).start, ==, 1);
  g_assert_cmpuint (g_array_index (latin, SdNameMatch, 0).end, ==, 4);
  g_assert_cmpuint (g_array_index (latin, SdNameMatch, 0).value, ==, 1);
  g_assert_cmpuint (g_array_index (latin, SdNameMatch, 1).start, ==, 5);
  g_assert_cmpuint (g_array_index (latin, SdNameMatch, 1).value, ==, 3);

  han = _sd_name_matcher_scan (matcher, text, strlen (text));
  g_assert_cmpuint (han->len, ==, 2);
  g_assert_cmpuint (g_array_index (han, SdNameMatch, 0).value, ==, 5);
  g_assert_cmpuint (g_array_index (han, SdNameMatch, 0).start, ==, strlen ("在"));
  g_assert_cmpuint (g_array_index (han, SdNameMatch, 1).value, ==, 6);
  g_assert_cmpuint (g_array_index (han, SdNameMatch, 1).end, ==, strlen (text));
}

static void
test_default (void)
{
  SdGazetteer *first;

  if (!g_resources_get_info ("/io/github/storydesk/Storydesk/gazetteer/jiangsu.tsv",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    {
      g_test_skip ("the core resource is not linked in");
      return;
    }
  first = sd_gazetteer_get_default ();
  g_assert_true (SD_IS_GAZETTEER (first));
  g_assert_true (sd_gazetteer_get_default () == first);
  g_assert_cmpstr (sd_gazetteer_find_by_name (first, "港城", NULL)->name, ==, "张家港市");
  /* villages.tsv is bundled too: a community stands for its street */
  g_assert_nonnull (sd_gazetteer_find_by_name (first, "连元街社区", NULL));
  g_assert_cmpstr (sd_gazetteer_find_by_name (first, "连元街社区", NULL)->name, ==, "崇安寺街道");
}

/* A villages file naming no town is refused with its line; a village
 * whose name is already an alias keeps the alias's meaning. */
static void
test_villages (void)
{
  g_autoptr (GBytes) places = bytes_or_null (GOOD_PLACES "320509\t吴江区\tdistrict\t3205\n"
                                                         "320509102\t黎里镇\ttown\t320509\n");
  g_autoptr (GBytes) aliases = bytes_or_null ("汾湖社区\t320509\n");
  g_autoptr (GBytes) bad = bytes_or_null ("# header\n下甸村\t3205\n");
  g_autoptr (GBytes) good = bytes_or_null ("# header\n东村村\t320509102\n汾湖社区\t320509102\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (SdGazetteer) broken = NULL;
  g_autoptr (SdGazetteer) small = NULL;

  broken = sd_gazetteer_new_with_villages (places, NULL, NULL, bad, &error);
  g_assert_null (broken);
  g_assert_error (error, SD_GAZETTEER_ERROR, SD_GAZETTEER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "villages line 2: unknown town code"));
  g_clear_error (&error);

  small = sd_gazetteer_new_with_villages (places, aliases, NULL, good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_gazetteer_find_by_name (small, "东村村", NULL)->name, ==, "黎里镇");
  g_assert_cmpstr (sd_gazetteer_find_by_name (small, "汾湖社区", NULL)->name, ==, "吴江区");
}

static gpointer
ask_a_name (gpointer data)
{
  return (gpointer) sd_gazetteer_find_by_name (data, "连元街社区", NULL);
}

/* A lazy gazetteer answers by code with no names built, then builds them
 * once, from two threads at a time, the same as an eager one's: every
 * name, every candidate, in order. */
static void
test_lazy (void)
{
  g_autoptr (GBytes) places = sd_test_read_file (SD_GAZETTEER_DIR, "jiangsu.tsv");
  g_autoptr (GBytes) aliases = sd_test_read_file (SD_GAZETTEER_DIR, "aliases.tsv");
  g_autoptr (GBytes) stopwords = sd_test_read_file (SD_GAZETTEER_DIR, "stopwords.tsv");
  g_autoptr (GBytes) villages = sd_test_read_file (SD_GAZETTEER_DIR, "villages.tsv");
  g_autoptr (SdGazetteer) eager =
      sd_gazetteer_new_with_villages (places, aliases, stopwords, villages, NULL);
  g_autoptr (SdGazetteer) lazy = sd_gazetteer_new_lazy (places, aliases, stopwords, villages, NULL);
  g_autoptr (GPtrArray) children = NULL;
  const SdPlace *city = NULL, *town = NULL;
  GThread       *threads[2];
  gpointer       found[2];

  g_assert_nonnull (eager);
  g_assert_nonnull (lazy);
  g_assert_true (_sd_gazetteer_has_names (eager));
  g_assert_false (_sd_gazetteer_has_names (lazy));

  /* what the window's place tree and list ask */
  children = sd_gazetteer_get_children (lazy, "3205");
  g_assert_cmpuint (children->len, ==, 10);
  sd_gazetteer_split_levels (lazy, sd_gazetteer_lookup (lazy, "320509110"), &city, NULL, &town);
  g_assert_cmpstr (city->name, ==, "苏州市");
  g_assert_cmpstr (town->name, ==, "黎里镇");
  g_assert_cmpstr (sd_gazetteer_get_province (lazy)->name, ==, "江苏省");
  g_assert_false (_sd_gazetteer_has_names (lazy));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("names", ask_a_name, lazy);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    found[i] = g_thread_join (threads[i]);
  g_assert_true (_sd_gazetteer_has_names (lazy));
  g_assert_nonnull (found[0]);
  g_assert_true (found[0] == found[1]);
  g_assert_cmpstr (((const SdPlace *) found[0])->name, ==, "崇安寺街道");

  g_assert_cmpuint (_sd_gazetteer_get_n_entries (lazy), ==, _sd_gazetteer_get_n_entries (eager));
  for (guint i = 0; i < _sd_gazetteer_get_n_entries (eager); i++)
    {
      const SdNameEntry *want = _sd_gazetteer_get_entry (eager, i);
      const SdNameEntry *got = _sd_gazetteer_lookup_entry (lazy, want->name);

      g_assert_nonnull (got);
      g_assert_cmpuint (got->n_candidates, ==, want->n_candidates);
      for (guint c = 0; c < want->n_candidates; c++)
        {
          const SdNameCandidate *a = &want->candidates[c], *b = &got->candidates[c];

          g_assert_cmpstr (a->place->code, ==, b->place->code);
          g_assert_cmpstr (a->context != NULL ? a->context->code : NULL, ==,
                           b->context != NULL ? b->context->code : NULL);
          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_cmpint (a->weak, ==, b->weak);
        }
    }
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gazetteer = load_gazetteer ();

  g_test_add_func ("/gazetteer/script/output", test_script_output);
  g_test_add_func ("/gazetteer/lookup/city", test_lookup_city);
  g_test_add_func ("/gazetteer/lookup/province", test_lookup_province);
  g_test_add_func ("/gazetteer/lookup/town", test_lookup_town);
  g_test_add_func ("/gazetteer/children", test_children);
  g_test_add_func ("/gazetteer/split-levels", test_split_levels);
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    g_test_add_data_func (name_cases[i].path, &name_cases[i], test_find_by_name);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add_data_func (error_cases[i].path, &error_cases[i], test_malformed);
  g_test_add_func ("/gazetteer/matcher/leftmost-longest", test_matcher);
  g_test_add_func ("/gazetteer/load/small", test_small_data);
  g_test_add_func ("/gazetteer/load/default", test_default);
  g_test_add_func ("/gazetteer/load/villages", test_villages);
  g_test_add_func ("/gazetteer/load/lazy", test_lazy);

  status = g_test_run ();
  g_object_unref (gazetteer);
  return status;
}
