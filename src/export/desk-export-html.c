/* desk-export-html.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* HTML to send by e-mail: one self-contained file with its style inline and nothing to load,
 * which a Content-Security-Policy also forbids, so that a value that slipped through could not
 * run or fetch anything. Every value is escaped. Printed, it takes the paper asked for, repeats
 * table headings on each page and does not split rows. */

#define G_LOG_DOMAIN "desk-export-html"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-export-private.h"

/* The page's size comes before it, from the paper asked for. */
static const char style[] =
  ":root { color-scheme: light; }\n"
  "body { font-family: Cantarell, \"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Sans\","
  " \"Yu Gothic UI\", \"Segoe UI\", \"Helvetica Neue\", Arial, sans-serif; font-size: 10.5pt;"
  " line-height: 1.45; color: #1e1e1e; background: #fff; max-width: 62rem; margin: 2rem auto;"
  " padding: 0 1.5rem; }\n"
  "header { border-bottom: 2px solid #1c71d8; padding-bottom: .8rem; margin-bottom: 1.2rem; }\n"
  "header .kind { color: #1a5fb4; font-weight: 700; font-size: 9pt; letter-spacing: .05em;"
  " text-transform: uppercase; margin: 0 0 .3rem; }\n"
  "h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 .4rem; }\n"
  "header .meta { color: #5e5c64; font-size: 9.5pt; margin: 0; }\n"
  "h2 { font-size: 13pt; margin: 1.8rem 0 .5rem; padding-bottom: .2rem;"
  " border-bottom: 1px solid #d0d0d5; break-after: avoid; }\n"
  "p { margin: .4rem 0 .7rem; white-space: pre-line; }\n"
  "p.empty { color: #5e5c64; font-style: italic; }\n"
  "dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem;"
  " margin: .6rem 0 1rem; }\n"
  "dt { color: #5e5c64; }\n"
  "dd { margin: 0; white-space: pre-line; }\n"
  "table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: .5rem 0 1rem; }\n"
  "thead { display: table-header-group; }\n"
  "th { text-align: left; vertical-align: bottom; font-weight: 700; color: #3d3846;"
  " background: #f0f0f2; border-bottom: 1px solid #9a9996; padding: .35rem .5rem; }\n"
  "td { vertical-align: top; border-bottom: 1px solid #deddda; padding: .3rem .5rem;"
  " white-space: pre-line; }\n"
  "tr { break-inside: avoid; }\n"
  ".num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
  ".word { white-space: nowrap; }\n"
  ".date { white-space: pre; }\n"
  "tr.detail td:first-child { padding-left: 1.6rem; color: #5e5c64; }\n"
  "tr.over td { border-bottom: none; }\n"
  "tr.under td { color: #5e5c64; padding-top: 0; }\n"
  ".alert { color: #c01c28; font-weight: 700; }\n"
  "footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #deddda;"
  " color: #77767b; font-size: 8.5pt; }\n"
  "@media print { body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; } }\n";

/* Helpers {{{ */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* An alert's remark is in the alert colour, not the date it remarks on. */
static void
append_cell_text (GString              *out,
                  const DeskReportCell *cell)
{
  g_autofree char *value = NULL;

  if (!cell->alert || cell->remark == NULL)
    {
      append_escaped (out, cell->text);
      return;
    }

  value = g_strndup (cell->text, cell->remark - cell->text);
  append_escaped (out, value);
  g_string_append (out, "<span class=\"alert\">");
  append_escaped (out, cell->remark);
  g_string_append (out, "</span>");
}

/* Returns: (transfer full) (nullable): the escaped remarks shown under @row ("Note: …"), or
 *   %NULL when it has none */
static GString *
under_text (DeskReportTable *table,
            guint            row)
{
  GString *out = NULL;

  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    {
      const DeskReportCell *cell = desk_report_table_get_cell (table, row, c);

      if (desk_report_table_is_grid (table, c) || !desk_report_table_is_shown (table, c) ||
          cell->blank)
        continue;

      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append_c (out, '\n');
      g_string_append (out, "<b>");
      append_escaped (out, desk_report_table_get_column (table, c)->title);
      /* Translators: between a label and its value, as in "Status: Investigating" */
      append_escaped (out, _(":"));
      g_string_append (out, "</b> ");
      append_escaped (out, cell->text);
    }

  return out;
}

/* Returns: the class of the cells of a column of @kind */
static const char *
cell_class (DeskReportKind kind)
{
  switch (kind)
    {
    case DESK_REPORT_COUNT:
    case DESK_REPORT_PERCENT:
      return "num";
    case DESK_REPORT_DATE:
    case DESK_REPORT_TIME:
      return "date";
    case DESK_REPORT_LABEL:
    case DESK_REPORT_FLAG:
      return "word";
    case DESK_REPORT_TEXT:
    default:
      return NULL;
    }
}

static void
append_facts (GString         *out,
              DeskReportTable *facts)
{
  gboolean open = FALSE;

  for (guint c = 0; c < desk_report_table_get_n_columns (facts); c++)
    {
      if (!desk_report_table_is_shown (facts, c))
        continue;

      if (!open)
        g_string_append (out, "<dl>\n");
      open = TRUE;
      g_string_append (out, "<dt>");
      append_escaped (out, desk_report_table_get_column (facts, c)->title);
      g_string_append (out, "</dt><dd>");
      append_escaped (out, desk_report_table_get_cell (facts, 0, c)->text);
      g_string_append (out, "</dd>\n");
    }

  if (open)
    g_string_append (out, "</dl>\n");
}

static void
append_class (GString    *out,
              const char *first,
              gboolean    alert)
{
  if (first == NULL && !alert)
    return;

  g_string_append (out, " class=\"");
  if (first != NULL)
    g_string_append (out, first);
  if (alert)
    g_string_append (out, first ? " alert" : "alert");
  g_string_append_c (out, '"');
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
          g_string_append (out, "<p class=\"empty\">");
          append_escaped (out, desk_report_table_get_empty_text (table));
          g_string_append (out, "</p>\n");
        }
      return;
    }

  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    if (desk_report_table_is_grid (table, c))
      g_array_append_val (shown, c);

  g_string_append (out, "<table>\n<thead><tr>");
  for (guint i = 0; i < shown->len; i++)
    {
      const DeskReportColumn *column = desk_report_table_get_column (table,
                                                                     g_array_index (shown, guint, i));
      const char *class = cell_class (column->kind);

      g_string_append (out, "<th scope=\"col\"");
      append_class (out, class && g_str_equal (class, "num") ? class : NULL, FALSE);
      g_string_append_c (out, '>');
      append_escaped (out, column->title);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < n_rows; r++)
    {
      gboolean detail = desk_report_table_get_row_flags (table, r) & DESK_REPORT_ROW_DETAIL;
      g_autoptr(GString) under = under_text (table, r);

      if (under != NULL)
        g_string_append (out, "<tr class=\"over\">");
      else
        g_string_append (out, detail ? "<tr class=\"detail\">" : "<tr>");
      for (guint i = 0; i < shown->len; i++)
        {
          guint c = g_array_index (shown, guint, i);
          const DeskReportCell *cell = desk_report_table_get_cell (table, r, c);

          g_string_append (out, "<td");
          append_class (out, cell_class (desk_report_table_get_column (table, c)->kind),
                        cell->alert && cell->remark == NULL);
          g_string_append_c (out, '>');
          append_cell_text (out, cell);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");

      /* Under the second column, after the row's key, as in the PDF. */
      if (under != NULL && shown->len > 1)
        g_string_append_printf (out, "<tr class=\"under\"><td></td><td colspan=\"%u\">%s</td>"
                                "</tr>\n", shown->len - 1, under->str);
      else if (under != NULL)
        g_string_append_printf (out, "<tr class=\"under\"><td>%s</td></tr>\n", under->str);
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/* }}} */

gboolean
_desk_export_write_html (DeskReport     *report,
                         DeskPaper       paper,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GString) out = g_string_new ("<!DOCTYPE html>\n");
  g_autofree char *language = _desk_export_language ();
  g_autofree char *header = desk_report_header_text (report);

  g_string_append (out, "<html lang=\"");
  append_escaped (out, language);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "'none'; style-src 'unsafe-inline'\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Incident Desk " PACKAGE_VERSION "\">\n"
                        "<title>");
  append_escaped (out, report->title);
  /* Translators: between the kind of a report and the incident's title, as in "Incident status
   * report: Webmail intrusion" */
  append_escaped (out, _(": "));
  append_escaped (out, report->incident_title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append_printf (out, "@page { size: %s; margin: 16mm 15mm 18mm; }\n",
                          paper == DESK_PAPER_LETTER ? "letter" : "A4");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<p class=\"kind\">");
  append_escaped (out, report->title);
  g_string_append (out, "</p>\n<h1>");
  append_escaped (out, report->incident_title);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  append_escaped (out, header);
  g_string_append (out, "</p>\n</header>\n");

  for (guint i = 0; i < report->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (report->sections, i);

      g_string_append (out, "<section>\n<h2>");
      append_escaped (out, section->title);
      g_string_append (out, "</h2>\n");
      if (section->text != NULL)
        {
          g_string_append (out, "<p>");
          append_escaped (out, section->text);
          g_string_append (out, "</p>\n");
        }
      if (section->facts != NULL)
        append_facts (out, section->facts);
      if (section->table != NULL)
        append_table (out, section->table);
      g_string_append (out, "</section>\n");

      if (!_desk_export_flush (stream, out, FALSE, cancellable, error))
        return FALSE;
    }

  g_string_append (out, "<footer>Incident Desk " PACKAGE_VERSION " · ");
  append_escaped (out, report->exported_text);
  g_string_append (out, "</footer>\n</body>\n</html>\n");

  return _desk_export_flush (stream, out, TRUE, cancellable, error);
}
