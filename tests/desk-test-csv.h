/* desk-test-csv.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Line breaks in @data as DeskCsvReader counts them: CR LF, a lone CR and a lone LF are one
 * each. Shared by the reader's tests and its fuzz target. */
static inline guint64
desk_test_count_line_breaks (const char *data,
                             gsize       len)
{
  guint64 n = 0;

  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == len || data[i + 1] != '\n')))
      n++;

  return n;
}

G_END_DECLS
