/* desk-csv-writer.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fields of the CSV files Incident Desk writes, which people open in spreadsheet programs. */

#include "config.h"

#include <string.h>

#include "desk-csv-writer.h"

/* What a spreadsheet program runs as a formula when a field starts with it. */
#define FORMULA_STARTS "=+-@\t\r"

/**
 * desk_csv_append_field:
 * @text: (nullable): the field's text; %NULL is an empty field
 *
 * Appends @text to @line as one RFC 4180 field, quoted when it must be. A spreadsheet program
 * would run a field that starts with =, +, -, @, a tab or a CR as a formula, and a list of
 * accounts is attacker-supplied text: such a field gets a leading apostrophe, which those
 * programs show as text and do not evaluate.
 */
void
desk_csv_append_field (GString    *line,
                       const char *text)
{
  gboolean formula, quote;

  g_return_if_fail (line != NULL);

  if (text == NULL || *text == '\0')
    return;

  formula = strchr (FORMULA_STARTS, text[0]) != NULL;
  quote = formula || strpbrk (text, ",\"\r\n") != NULL ||
          g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]);

  if (!quote)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * desk_csv_unguard_field:
 * @field: a field as read, changed in place
 *
 * Undoes what desk_csv_append_field() does to a field that would run as a formula: the
 * apostrophe before it goes, as it does when a spreadsheet program reads the file. A list that
 * Incident Desk wrote then reads back as it was.
 */
void
desk_csv_unguard_field (char *field)
{
  g_return_if_fail (field != NULL);

  if (field[0] == '\'' && field[1] != '\0' && strchr (FORMULA_STARTS, field[1]) != NULL)
    memmove (field, field + 1, strlen (field));
}
