/* desk-report-table.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DeskReportKind:
 * @DESK_REPORT_TEXT: free text, which wraps
 * @DESK_REPORT_LABEL: the translated word for a stored value (a status, a channel); machine
 *   formats also carry the value's nick
 * @DESK_REPORT_COUNT: a whole number
 * @DESK_REPORT_PERCENT: a share, in whole percent
 * @DESK_REPORT_DATE: a day, stored as seconds since the epoch
 * @DESK_REPORT_TIME: a day and a time of day, stored as seconds since the epoch
 * @DESK_REPORT_FLAG: yes or no
 *
 * What a column holds: how it is aligned and wrapped, and how CSV and JSON write it.
 */
typedef enum
{
  DESK_REPORT_TEXT,
  DESK_REPORT_LABEL,
  DESK_REPORT_COUNT,
  DESK_REPORT_PERCENT,
  DESK_REPORT_DATE,
  DESK_REPORT_TIME,
  DESK_REPORT_FLAG,
} DeskReportKind;

/**
 * DeskReportColumnFlags:
 * @DESK_REPORT_COLUMN_NONE: shown everywhere
 * @DESK_REPORT_COLUMN_HIDDEN: for CSV and JSON only; a document says it another way (the
 *   checklist a row belongs to is its section's heading, an overdue date is marked in its cell)
 * @DESK_REPORT_COLUMN_UNDER: a remark on the whole row, such as a note, which documents that can
 *   (HTML, PDF) show under the row, across the table, rather than narrow the other columns
 * @DESK_REPORT_COLUMN_POSITION: where the row is (its number in a list), not a value of it: a
 *   change there is no change to report
 */
typedef enum
{
  DESK_REPORT_COLUMN_NONE     = 0,
  DESK_REPORT_COLUMN_HIDDEN   = 1 << 0,
  DESK_REPORT_COLUMN_UNDER    = 1 << 1,
  DESK_REPORT_COLUMN_POSITION = 1 << 2,
} DeskReportColumnFlags;

/**
 * DeskReportRowFlags:
 * @DESK_REPORT_ROW_NONE: a plain row
 * @DESK_REPORT_ROW_DETAIL: a breakdown of the row above it, shown indented
 */
typedef enum
{
  DESK_REPORT_ROW_NONE   = 0,
  DESK_REPORT_ROW_DETAIL = 1 << 0,
} DeskReportRowFlags;

typedef struct
{
  char                  *key;     /* for JSON, e.g. "due_at" */
  char                  *title;   /* what people read, e.g. "Due" */
  DeskReportKind         kind;
  DeskReportColumnFlags  flags;
} DeskReportColumn;

typedef struct
{
  char       *text;     /* what people read; empty when blank */
  const char *remark;   /* the end of text that remarks on a date ("Overdue by 3 days"), or NULL */
  char       *nick;     /* LABEL: the stored value, e.g. "in-progress" */
  gint64      number;   /* COUNT, PERCENT: the number; DATE, TIME: the seconds; FLAG: 0 or 1 */
  gboolean    blank;    /* no value at all */
  gboolean    alert;    /* needs attention, e.g. a deadline that has passed */
} DeskReportCell;

typedef struct _DeskReportTable DeskReportTable;

DeskReportTable        *desk_report_table_new            (GTimeZone             *zone);
void                    desk_report_table_free           (DeskReportTable       *self);
void                    desk_report_table_add_column     (DeskReportTable       *self,
                                                          const char            *key,
                                                          const char            *title,
                                                          DeskReportKind         kind,
                                                          DeskReportColumnFlags  flags);
void                    desk_report_table_begin_row      (DeskReportTable       *self,
                                                          DeskReportRowFlags     flags);
void                    desk_report_table_set_key        (DeskReportTable       *self,
                                                          const char            *key);
void                    desk_report_table_add_text       (DeskReportTable       *self,
                                                          const char            *text);
void                    desk_report_table_add_label      (DeskReportTable       *self,
                                                          const char            *nick,
                                                          const char            *label);
void                    desk_report_table_add_enum       (DeskReportTable       *self,
                                                          GType                  enum_type,
                                                          int                    value,
                                                          const char            *label);
void                    desk_report_table_add_count      (DeskReportTable       *self,
                                                          gint64                 count);
void                    desk_report_table_add_percent    (DeskReportTable       *self,
                                                          gint64                 part,
                                                          gint64                 whole);
void                    desk_report_table_add_date       (DeskReportTable       *self,
                                                          gint64                 seconds,
                                                          const char            *remark,
                                                          gboolean               alert);
void                    desk_report_table_add_flag       (DeskReportTable       *self,
                                                          gboolean               value);
void                    desk_report_table_add_blank      (DeskReportTable       *self);
void                    desk_report_table_set_empty_text (DeskReportTable       *self,
                                                          const char            *text);
guint                   desk_report_table_append_column  (DeskReportTable       *self,
                                                          const char            *key,
                                                          const char            *title);
void                    desk_report_table_set_text       (DeskReportTable       *self,
                                                          guint                  row,
                                                          guint                  column,
                                                          const char            *text);

guint                   desk_report_table_get_n_columns  (DeskReportTable       *self);
guint                   desk_report_table_get_n_rows     (DeskReportTable       *self);
const DeskReportColumn *desk_report_table_get_column     (DeskReportTable       *self,
                                                          guint                  column);
const DeskReportCell   *desk_report_table_get_cell       (DeskReportTable       *self,
                                                          guint                  row,
                                                          guint                  column);
DeskReportRowFlags      desk_report_table_get_row_flags  (DeskReportTable       *self,
                                                          guint                  row);
const char             *desk_report_table_get_key        (DeskReportTable       *self,
                                                          guint                  row);
gboolean                desk_report_table_is_shown       (DeskReportTable       *self,
                                                          guint                  column);
gboolean                desk_report_table_is_grid        (DeskReportTable       *self,
                                                          guint                  column);
const char             *desk_report_table_get_empty_text (DeskReportTable       *self);
GTimeZone              *desk_report_table_get_zone       (DeskReportTable       *self);
gboolean                desk_report_table_same_columns   (DeskReportTable       *self,
                                                          DeskReportTable       *other);

char                   *desk_report_format_time          (gint64                 seconds,
                                                          GTimeZone             *zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportTable, desk_report_table_free)

G_END_DECLS
