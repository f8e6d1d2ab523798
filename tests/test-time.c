/* test-time.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "desk-time.h"

static const struct {
  const char *text;
  gint64      expected;   /* -1: must be refused */
} cases[] = {
  { "2026-04-14T09:30:00+09:00", 1776126600 },
  { "2026-04-14T00:30:00Z", 1776126600 },
  { "2026-04-14T09:30+09:00", 1776126600 },
  { "2026-04-14 09:30:00", 1776126600 },    /* read in the given zone, Asia/Tokyo */
  { "  2026-04-14T09:30:00  ", 1776126600 },
  { "2026-04-14", 1776092400 },             /* midnight in Tokyo */
  { "2026-13-45", -1 },
  { "yesterday", -1 },
  { "", -1 },
  { "2026-04-14T25:00:00Z", -1 },
};

static void
test_parse (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");

  g_assert_nonnull (tokyo);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = 0;
      gboolean ok = desk_time_parse (cases[i].text, tokyo, &seconds, &error);

      g_test_message ("%s", cases[i].text);
      if (cases[i].expected < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
          g_assert_nonnull (strstr (error->message, "ISO 8601"));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (seconds, ==, cases[i].expected);
        }
    }
}

static void
test_format (void)
{
  g_autofree char *text = desk_time_format_iso (1776126600);

  g_assert_cmpstr (text, ==, "2026-04-14T00:30:00Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/time/parse", test_parse);
  g_test_add_func ("/desk/time/format", test_format);

  return g_test_run ();
}
