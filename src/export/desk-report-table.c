/* desk-report-table.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A table of a report: typed columns and rows of cells that keep both the text people read and
 * the value it stands for, so that a PDF shows "14 Apr 2026" where JSON writes an ISO 8601 time
 * and CSV a number a spreadsheet can sum. Rows are filled left to right, one cell per column. */

#define G_LOG_DOMAIN "desk-report-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "desk-labels.h"
#include "desk-time.h"
#include "desk-report-table.h"

struct _DeskReportTable
{
  GPtrArray *columns;     /* DeskReportColumn */
  GArray    *cells;       /* DeskReportCell, row after row */
  GArray    *row_flags;   /* DeskReportRowFlags, one per row */
  GPtrArray *row_keys;    /* what each row is about (a record's UUID), or NULL */
  char      *empty_text;
  GTimeZone *zone;        /* of the days and times */
};

/* Helpers {{{ */

static void
column_free (gpointer data)
{
  DeskReportColumn *column = data;

  g_free (column->key);
  g_free (column->title);
  g_free (column);
}

static void
cell_clear (gpointer data)
{
  DeskReportCell *cell = data;

  g_free (cell->text);
  g_free (cell->nick);
}

/* Appends a cell to the row being filled and returns it, checked against its column's kind. */
static DeskReportCell *
add_cell (DeskReportTable *self,
          DeskReportKind   kind)
{
  DeskReportCell cell = { 0 };
  const DeskReportColumn *column;
  guint n_columns = self->columns->len;

  g_return_val_if_fail (self->cells->len < self->row_flags->len * n_columns, NULL);

  column = g_ptr_array_index (self->columns, self->cells->len % n_columns);
  g_return_val_if_fail (column->kind == kind ||
                        (kind == DESK_REPORT_DATE && column->kind == DESK_REPORT_TIME), NULL);

  g_array_append_val (self->cells, cell);
  return &g_array_index (self->cells, DeskReportCell, self->cells->len - 1);
}

/* }}} */
/* Public API {{{ */

/* Returns: (transfer full): an empty table whose days and times are those of @zone */
DeskReportTable *
desk_report_table_new (GTimeZone *zone)
{
  DeskReportTable *self;

  g_return_val_if_fail (zone != NULL, NULL);

  self = g_new0 (DeskReportTable, 1);
  self->zone = g_time_zone_ref (zone);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (DeskReportCell));
  g_array_set_clear_func (self->cells, cell_clear);
  self->row_flags = g_array_new (FALSE, TRUE, sizeof (DeskReportRowFlags));
  self->row_keys = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
desk_report_table_free (DeskReportTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->columns);
  g_array_unref (self->cells);
  g_array_unref (self->row_flags);
  g_ptr_array_unref (self->row_keys);
  g_free (self->empty_text);
  g_time_zone_unref (self->zone);
  g_free (self);
}

/**
 * desk_report_table_add_column:
 * @key: the column's name in JSON, in snake case
 * @title: its translated heading
 *
 * Adds a column. Columns come before the rows, except in a table of one row, where each column
 * may be added just before its cell: that is how a section's facts grow.
 */
void
desk_report_table_add_column (DeskReportTable       *self,
                              const char            *key,
                              const char            *title,
                              DeskReportKind         kind,
                              DeskReportColumnFlags  flags)
{
  DeskReportColumn *column;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL && title != NULL);
  g_return_if_fail (self->row_flags->len == 0 ||
                    (self->row_flags->len == 1 && self->cells->len == self->columns->len));

  column = g_new0 (DeskReportColumn, 1);
  column->key = g_strdup (key);
  column->title = g_strdup (title);
  column->kind = kind;
  column->flags = flags;
  g_ptr_array_add (self->columns, column);
}

/* Starts a row; the previous one must be full. */
void
desk_report_table_begin_row (DeskReportTable    *self,
                             DeskReportRowFlags  flags)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->cells->len == self->row_flags->len * self->columns->len);

  g_array_append_val (self->row_flags, flags);
  g_ptr_array_add (self->row_keys, NULL);
}

/**
 * desk_report_table_set_key:
 * @key: what the row being filled is about, the same from one export to the next: a record's
 *   UUID, or a word for a figure ("confirmed_accounts")
 *
 * Rows with a key can be told apart from an earlier export's (desk_report_mark_changes()).
 */
void
desk_report_table_set_key (DeskReportTable *self,
                           const char      *key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->row_keys->len > 0);

  g_free (g_ptr_array_index (self->row_keys, self->row_keys->len - 1));
  g_ptr_array_index (self->row_keys, self->row_keys->len - 1) = g_strdup (key);
}

/* @text: (nullable): the cell's text; %NULL or empty is a blank cell */
void
desk_report_table_add_text (DeskReportTable *self,
                            const char      *text)
{
  DeskReportCell *cell;

  g_return_if_fail (self != NULL);

  if ((cell = add_cell (self, DESK_REPORT_TEXT)) == NULL)
    return;
  cell->text = g_strdup (text ? text : "");
  cell->blank = cell->text[0] == '\0';
}

/**
 * desk_report_table_add_label:
 * @nick: the stored value, e.g. "in-progress"
 * @label: its translated name, e.g. "In progress"
 */
void
desk_report_table_add_label (DeskReportTable *self,
                             const char      *nick,
                             const char      *label)
{
  DeskReportCell *cell;

  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  if ((cell = add_cell (self, DESK_REPORT_LABEL)) == NULL)
    return;
  cell->nick = g_strdup (nick);
  cell->text = g_strdup (label);
}

/**
 * desk_report_table_add_enum:
 * @enum_type: the #GEnum type of @value
 * @label: the translated name of @value, e.g. "In progress"
 *
 * Adds a label for the stored value @value, whose nick machine formats take.
 */
void
desk_report_table_add_enum (DeskReportTable *self,
                            GType            enum_type,
                            int              value,
                            const char      *label)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  desk_report_table_add_label (self, enum_value ? enum_value->value_nick : NULL, label);
}

void
desk_report_table_add_count (DeskReportTable *self,
                             gint64           count)
{
  DeskReportCell *cell;

  g_return_if_fail (self != NULL);

  if ((cell = add_cell (self, DESK_REPORT_COUNT)) == NULL)
    return;
  cell->number = count;
  cell->text = desk_format_count (count);
}

/* Adds @part of @whole in whole percent, rounded down so that 100 % means all of it; a blank
 * cell when @whole is 0. */
void
desk_report_table_add_percent (DeskReportTable *self,
                               gint64           part,
                               gint64           whole)
{
  DeskReportCell *cell;

  g_return_if_fail (self != NULL);

  if ((cell = add_cell (self, DESK_REPORT_PERCENT)) == NULL)
    return;
  if (whole <= 0)
    {
      cell->text = g_strdup ("");
      cell->blank = TRUE;
      return;
    }

  cell->number = CLAMP (part, 0, whole) * 100 / whole;
  /* Translators: a share in whole percent, e.g. "68%" */
  cell->text = g_strdup_printf (_("%d%%"), (int) cell->number);
}

/**
 * desk_report_table_add_date:
 * @seconds: seconds since the epoch; 0 is a blank cell
 * @remark: (nullable): words that go with the date, e.g. "Overdue by 3 days"
 * @alert: whether the date needs attention; @remark should then say why, for colour alone
 *   tells nothing to a reader of a black-and-white printout
 *
 * Adds the day, or the day and time in a %DESK_REPORT_TIME column, in the table's time zone.
 */
void
desk_report_table_add_date (DeskReportTable *self,
                            gint64           seconds,
                            const char      *remark,
                            gboolean         alert)
{
  const DeskReportColumn *column;
  DeskReportCell *cell;
  g_autofree char *date = NULL;

  g_return_if_fail (self != NULL);

  if ((cell = add_cell (self, DESK_REPORT_DATE)) == NULL)
    return;

  column = g_ptr_array_index (self->columns, (self->cells->len - 1) % self->columns->len);
  cell->number = seconds;
  cell->alert = alert;
  if (seconds != 0)
    date = column->kind == DESK_REPORT_TIME ? desk_report_format_time (seconds, self->zone)
                                            : desk_format_date_in_zone (seconds, self->zone);
  cell->blank = date == NULL && remark == NULL;

  if (date != NULL && remark != NULL)
    cell->text = g_strconcat (date, "\n", remark, NULL);
  else
    cell->text = g_strdup (date ? date : remark ? remark : "");
  if (remark != NULL)
    cell->remark = cell->text + strlen (cell->text) - strlen (remark);
}

void
desk_report_table_add_flag (DeskReportTable *self,
                            gboolean         value)
{
  DeskReportCell *cell;

  g_return_if_fail (self != NULL);

  if ((cell = add_cell (self, DESK_REPORT_FLAG)) == NULL)
    return;
  cell->number = value ? 1 : 0;
  cell->text = g_strdup (value ? C_("flag", "Yes") : C_("flag", "No"));
}

/* Adds a cell without a value, in a column of any kind. */
void
desk_report_table_add_blank (DeskReportTable *self)
{
  DeskReportCell cell = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->cells->len < self->row_flags->len * self->columns->len);

  cell.text = g_strdup ("");
  cell.blank = TRUE;
  g_array_append_val (self->cells, cell);
}

/* @text: what a document says in place of a table without rows, e.g. "No open items" */
void
desk_report_table_set_empty_text (DeskReportTable *self,
                                  const char      *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

/**
 * desk_report_table_append_column:
 * @key: the column's name in JSON
 * @title: its translated heading
 *
 * Adds a text column to a table that may already have rows: their cells in it are blank until
 * desk_report_table_set_text() fills them.
 *
 * Returns: the new column's index
 */
guint
desk_report_table_append_column (DeskReportTable *self,
                                 const char      *key,
                                 const char      *title)
{
  DeskReportColumn *column;
  guint n_columns, n_rows;
  GArray *cells;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->cells->len == self->row_flags->len * self->columns->len, 0);

  n_columns = self->columns->len;
  n_rows = self->row_flags->len;
  cells = g_array_sized_new (FALSE, TRUE, sizeof (DeskReportCell), n_rows * (n_columns + 1));
  g_array_set_clear_func (cells, cell_clear);
  for (guint r = 0; r < n_rows; r++)
    {
      DeskReportCell blank = { .text = g_strdup (""), .blank = TRUE };

      /* The cells move, with what they own. */
      g_array_append_vals (cells, &g_array_index (self->cells, DeskReportCell, r * n_columns),
                           n_columns);
      g_array_append_val (cells, blank);
    }
  g_array_set_clear_func (self->cells, NULL);
  g_array_unref (self->cells);
  self->cells = cells;

  column = g_new0 (DeskReportColumn, 1);
  column->key = g_strdup (key);
  column->title = g_strdup (title);
  column->kind = DESK_REPORT_TEXT;
  g_ptr_array_add (self->columns, column);

  return n_columns;
}

/* Replaces the text of a cell of a text column; %NULL or empty makes it blank. */
void
desk_report_table_set_text (DeskReportTable *self,
                            guint            row,
                            guint            column,
                            const char      *text)
{
  DeskReportCell *cell;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->columns->len && row < self->row_flags->len);
  g_return_if_fail (((DeskReportColumn *) g_ptr_array_index (self->columns, column))->kind ==
                    DESK_REPORT_TEXT);

  cell = &g_array_index (self->cells, DeskReportCell, row * self->columns->len + column);
  g_free (cell->text);
  cell->text = g_strdup (text ? text : "");
  cell->blank = cell->text[0] == '\0';
}

guint
desk_report_table_get_n_columns (DeskReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

guint
desk_report_table_get_n_rows (DeskReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_flags->len;
}

const DeskReportColumn *
desk_report_table_get_column (DeskReportTable *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, column);
}

const DeskReportCell *
desk_report_table_get_cell (DeskReportTable *self,
                            guint            row,
                            guint            column)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  index = row * self->columns->len + column;
  g_return_val_if_fail (index < self->cells->len, NULL);

  return &g_array_index (self->cells, DeskReportCell, index);
}

DeskReportRowFlags
desk_report_table_get_row_flags (DeskReportTable *self,
                                 guint            row)
{
  g_return_val_if_fail (self != NULL, DESK_REPORT_ROW_NONE);
  g_return_val_if_fail (row < self->row_flags->len, DESK_REPORT_ROW_NONE);

  return g_array_index (self->row_flags, DeskReportRowFlags, row);
}

/* Returns: (transfer none) (nullable): what @row is about, as desk_report_table_set_key() set */
const char *
desk_report_table_get_key (DeskReportTable *self,
                           guint            row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->row_keys->len, NULL);

  return g_ptr_array_index (self->row_keys, row);
}

/**
 * desk_report_table_is_shown:
 *
 * Returns: whether documents (Markdown, HTML, PDF) show @column: it is not hidden, and some row
 *   has a value in it. Empty columns would only take room from the others.
 */
gboolean
desk_report_table_is_shown (DeskReportTable *self,
                            guint            column)
{
  const DeskReportColumn *info = desk_report_table_get_column (self, column);

  if (info == NULL || (info->flags & DESK_REPORT_COLUMN_HIDDEN))
    return FALSE;

  for (guint row = 0; row < self->row_flags->len; row++)
    if (!desk_report_table_get_cell (self, row, column)->blank)
      return TRUE;

  return FALSE;
}

/* Returns: whether @column is shown, and as a column of the grid rather than under the rows */
gboolean
desk_report_table_is_grid (DeskReportTable *self,
                           guint            column)
{
  return desk_report_table_is_shown (self, column) &&
         !(desk_report_table_get_column (self, column)->flags & DESK_REPORT_COLUMN_UNDER);
}

/* Returns: (transfer none) (nullable): what stands in for the rows of an empty table */
const char *
desk_report_table_get_empty_text (DeskReportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->empty_text;
}

/* Returns: (transfer none): the time zone of the table's days and times */
GTimeZone *
desk_report_table_get_zone (DeskReportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->zone;
}

/* Returns: whether @self and @other have the same columns, by key and kind */
gboolean
desk_report_table_same_columns (DeskReportTable *self,
                                DeskReportTable *other)
{
  g_return_val_if_fail (self != NULL && other != NULL, FALSE);

  if (self->columns->len != other->columns->len)
    return FALSE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      const DeskReportColumn *a = g_ptr_array_index (self->columns, i);
      const DeskReportColumn *b = g_ptr_array_index (other->columns, i);

      if (!g_str_equal (a->key, b->key) || a->kind != b->kind)
        return FALSE;
    }

  return TRUE;
}

/**
 * desk_report_format_time:
 * @seconds: seconds since the epoch
 * @zone: (nullable): the time zone to tell it in; %NULL for the local one
 *
 * Returns: (transfer full): the day and time @seconds is in @zone, e.g. "14 Apr 2026 09:30"
 */
char *
desk_report_format_time (gint64     seconds,
                         GTimeZone *zone)
{
  g_autoptr(GDateTime) when = desk_time_in_zone (seconds, zone);

  if (when == NULL)
    return g_strdup ("?");

  /* Translators: a day and a time, as in "14 Apr 2026 09:30"; see the GLib documentation of
   * g_date_time_format() for the codes. */
  return g_date_time_format (when, _("%-d %b %Y %H:%M"));
}

/* }}} */
