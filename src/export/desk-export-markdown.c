/* desk-export-markdown.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Markdown that pastes cleanly into a wiki or a chat: a heading per section, facts as a list,
 * tables in the pipe syntax of GitHub and GitLab. What people typed is escaped wherever it could
 * change the structure: a "|" would split a table cell, a "#" or "1." at the start of a line
 * makes a heading or a list, "[…](…)" a link and "<…>" raw HTML. */

#define G_LOG_DOMAIN "desk-export-markdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "desk-export-private.h"

/* Helpers {{{ */

/* Backslash-escapes what could start a block at the start of a line: a heading, a quote, a list
 * item, a setext underline, a numbered item ("1." or "1)"). */
static void
escape_line_start (GString    *out,
                   const char *line)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if (*p == '#' || *p == '-' || *p == '+' || *p == '=')
    {
      g_string_append_len (out, line, p - line);
      g_string_append_c (out, '\\');
      line = p;
    }
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.' || *q == ')')
        {
          g_string_append_len (out, line, q - line);
          g_string_append_c (out, '\\');
          line = q;
        }
    }
}

/**
 * append_escaped:
 * @newline: what a line break in @text becomes: "\n" in a paragraph, " · " in a table cell,
 *   where a line break would end the row
 *
 * Appends @text with every character that Markdown would read as markup escaped.
 */
static void
append_escaped (GString    *out,
                const char *text,
                const char *newline)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start)
        {
          escape_line_start (out, p);
          line_start = FALSE;
        }

      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          g_string_append (out, newline);
          line_start = TRUE;
          continue;
        }
      if (strchr ("\\`*_[]<>|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_paragraph (GString    *out,
                  const char *text)
{
  append_escaped (out, text, "\n");
  g_string_append (out, "\n\n");
}

static gboolean
is_numeric (DeskReportKind kind)
{
  return kind == DESK_REPORT_COUNT || kind == DESK_REPORT_PERCENT;
}

static void
append_facts (GString         *out,
              DeskReportTable *facts)
{
  gboolean any = FALSE;

  for (guint c = 0; c < desk_report_table_get_n_columns (facts); c++)
    {
      if (!desk_report_table_is_shown (facts, c))
        continue;

      g_string_append (out, "- **");
      append_escaped (out, desk_report_table_get_column (facts, c)->title, " ");
      /* Translators: between a label and its value, as in "Status: Investigating" */
      g_string_append (out, _(":"));
      g_string_append (out, "** ");
      append_escaped (out, desk_report_table_get_cell (facts, 0, c)->text, " · ");
      g_string_append_c (out, '\n');
      any = TRUE;
    }

  if (any)
    g_string_append_c (out, '\n');
}

static void
append_cell (GString               *out,
             DeskReportTable       *table,
             guint                  row,
             guint                  column,
             gboolean               first)
{
  const DeskReportCell *cell = desk_report_table_get_cell (table, row, column);

  g_string_append (out, first ? "| " : " | ");
  if (cell->blank)
    return;

  if (first && (desk_report_table_get_row_flags (table, row) & DESK_REPORT_ROW_DETAIL))
    g_string_append (out, "↳ ");
  if (!cell->alert)
    {
      append_escaped (out, cell->text, " · ");
      return;
    }

  /* An alert's remark in bold, or the whole of an alert without one. */
  if (cell->remark != NULL)
    {
      g_autofree char *value = g_strndup (cell->text, cell->remark - cell->text);

      append_escaped (out, value, " · ");
    }
  g_string_append (out, "**");
  append_escaped (out, cell->remark ? cell->remark : cell->text, " · ");
  g_string_append (out, "**");
}

static void
append_table (GString         *out,
              DeskReportTable *table)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_rows = desk_report_table_get_n_rows (table);

  if (n_rows == 0)
    {
      if (desk_report_table_get_empty_text (table) != NULL)
        {
          g_string_append_c (out, '_');
          append_escaped (out, desk_report_table_get_empty_text (table), " ");
          g_string_append (out, "_\n\n");
        }
      return;
    }

  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    if (desk_report_table_is_shown (table, c))
      g_array_append_val (shown, c);

  for (guint i = 0; i < shown->len; i++)
    {
      g_string_append (out, i == 0 ? "| " : " | ");
      append_escaped (out, desk_report_table_get_column (table,
                                                         g_array_index (shown, guint, i))->title,
                      " ");
    }
  g_string_append (out, " |\n");

  for (guint i = 0; i < shown->len; i++)
    {
      DeskReportKind kind = desk_report_table_get_column (table,
                                                          g_array_index (shown, guint, i))->kind;

      g_string_append (out, is_numeric (kind) ? "| ---: " : "| --- ");
    }
  g_string_append (out, "|\n");

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint i = 0; i < shown->len; i++)
        append_cell (out, table, r, g_array_index (shown, guint, i), i == 0);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');
}

/* }}} */

gboolean
_desk_export_write_markdown (DeskReport     *report,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GString) out = g_string_new ("# ");
  g_autofree char *header = desk_report_header_text (report);

  append_escaped (out, report->title, " ");
  /* Translators: between the kind of a report and the incident's title, as in "Incident status
   * report: Webmail intrusion" */
  g_string_append (out, _(": "));
  append_escaped (out, report->incident_title, " ");
  g_string_append (out, "\n\n");

  append_escaped (out, header, " ");
  g_string_append (out, "\n\n");

  for (guint i = 0; i < report->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (report->sections, i);

      g_string_append (out, "## ");
      append_escaped (out, section->title, " ");
      g_string_append (out, "\n\n");

      if (section->text != NULL)
        append_paragraph (out, section->text);
      if (section->facts != NULL)
        append_facts (out, section->facts);
      if (section->table != NULL)
        append_table (out, section->table);

      if (!_desk_export_flush (stream, out, FALSE, cancellable, error))
        return FALSE;
    }

  /* One line break at the end, not two. */
  if (out->len > 0 && out->str[out->len - 1] == '\n' && out->len > 1 &&
      out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return _desk_export_flush (stream, out, TRUE, cancellable, error);
}
