/* desk-export-csv.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CSV for spreadsheets: RFC 4180 with CRLF line ends, a UTF-8 byte-order mark so that
 * spreadsheet programs read Japanese right, and fields that would run as formulas neutralised
 * (desk_csv_append_field()). One table per file:
 *
 * - a report whose tables all have the same columns (the checklists, the ledger) is written as
 *   one table, every column included, the hidden ones too; facts are left out, for they sum up
 *   the rows (a checklist's progress);
 * - any other (the status report) is written long: one line per value, with the columns
 *   Section, Row, Column and Value, where Row is the text of the row's first cell (a fact's
 *   label, for the facts) and Column the heading of the value's column.
 *
 * Counts and percentages are plain numbers; days "2026-04-14" and times ISO 8601 with their
 * offset, "2026-04-14T09:30:00+09:00", in the incident's time zone, as the documents show them. */

#define G_LOG_DOMAIN "desk-export-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-csv-writer.h"
#include "desk-export-private.h"
#include "desk-time.h"

#define BOM "\xef\xbb\xbf"

/* Helpers {{{ */

/* Returns: (transfer full): what the cell holds, for a spreadsheet */
static char *
cell_value (const DeskReportColumn *column,
            const DeskReportCell   *cell,
            GTimeZone              *zone)
{
  g_autoptr(GDateTime) when = NULL;

  if (cell->blank)
    return g_strdup ("");

  switch (column->kind)
    {
    case DESK_REPORT_COUNT:
    case DESK_REPORT_PERCENT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case DESK_REPORT_DATE:
    case DESK_REPORT_TIME:
      if (cell->number == 0 || !(when = desk_time_in_zone (cell->number, zone)))
        return g_strdup ("");
      if (column->kind == DESK_REPORT_TIME)
        return desk_time_format_iso_in_zone (cell->number, zone);
      return g_date_time_format (when, "%Y-%m-%d");
    case DESK_REPORT_TEXT:
    case DESK_REPORT_LABEL:
    case DESK_REPORT_FLAG:
    default:
      return g_strdup (cell->text);
    }
}

static void
append_line (GString            *buffer,
             const char * const *fields,
             guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (buffer, ',');
      desk_csv_append_field (buffer, fields[i]);
    }
  g_string_append (buffer, "\r\n");
}

/* The report's tables, or %NULL when they do not all have the same columns. */
static GPtrArray *
uniform_tables (DeskReport *report)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  for (guint i = 0; i < report->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (report->sections, i);

      if (section->table == NULL)
        continue;
      if (tables->len > 0 && !desk_report_table_same_columns (g_ptr_array_index (tables, 0),
                                                              section->table))
        return NULL;
      g_ptr_array_add (tables, section->table);
    }

  return tables->len > 0 ? g_steal_pointer (&tables) : NULL;
}

static gboolean
write_wide (GPtrArray      *tables,
            GString        *buffer,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  DeskReportTable *first = g_ptr_array_index (tables, 0);
  guint n_columns = desk_report_table_get_n_columns (first);
  g_autofree const char **titles = g_new0 (const char *, n_columns);

  for (guint c = 0; c < n_columns; c++)
    titles[c] = desk_report_table_get_column (first, c)->title;
  append_line (buffer, titles, n_columns);

  for (guint t = 0; t < tables->len; t++)
    {
      DeskReportTable *table = g_ptr_array_index (tables, t);

      for (guint r = 0; r < desk_report_table_get_n_rows (table); r++)
        {
          g_auto(GStrv) values = g_new0 (char *, n_columns + 1);

          for (guint c = 0; c < n_columns; c++)
            values[c] = cell_value (desk_report_table_get_column (table, c),
                                    desk_report_table_get_cell (table, r, c),
                                    desk_report_table_get_zone (table));
          append_line (buffer, (const char * const *) values, n_columns);

          if (!_desk_export_flush (stream, buffer, FALSE, cancellable, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
append_long_table (GString           *buffer,
                   DeskReportSection *section,
                   DeskReportTable   *table,
                   gboolean           facts)
{
  guint n_columns = desk_report_table_get_n_columns (table);

  for (guint r = 0; r < desk_report_table_get_n_rows (table); r++)
    for (guint c = facts ? 0 : 1; c < n_columns; c++)
      {
        const DeskReportColumn *column = desk_report_table_get_column (table, c);
        const DeskReportCell *cell = desk_report_table_get_cell (table, r, c);
        g_autofree char *value = cell_value (column, cell, desk_report_table_get_zone (table));
        const char *fields[4] = { section->title, NULL, NULL, value };

        if (facts)
          {
            if (cell->blank)
              continue;
            fields[1] = column->title;
          }
        else
          {
            fields[1] = desk_report_table_get_cell (table, r, 0)->text;
            fields[2] = column->title;
          }
        append_line (buffer, fields, G_N_ELEMENTS (fields));
      }
}

static gboolean
write_long (DeskReport     *report,
            GString        *buffer,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  const char *header[] = {
    C_("CSV column", "Section"), C_("CSV column", "Row"), C_("CSV column", "Column"),
    C_("CSV column", "Value"),
  };

  append_line (buffer, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < report->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (report->sections, i);

      if (section->facts != NULL)
        append_long_table (buffer, section, section->facts, TRUE);
      if (section->table != NULL)
        append_long_table (buffer, section, section->table, FALSE);

      if (!_desk_export_flush (stream, buffer, FALSE, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* }}} */

gboolean
_desk_export_write_csv (DeskReport     *report,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) buffer = g_string_new (BOM);
  g_autoptr(GPtrArray) tables = uniform_tables (report);
  gboolean ok;

  if (tables != NULL)
    ok = write_wide (tables, buffer, stream, cancellable, error);
  else
    ok = write_long (report, buffer, stream, cancellable, error);

  return ok && _desk_export_flush (stream, buffer, TRUE, cancellable, error);
}
