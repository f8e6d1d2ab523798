/* desk-export-json.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* JSON for other tools, in the shape docs/export.md describes: the report's sections with their
 * facts as an object and their table as columns and rows of objects keyed by column. Values are
 * typed: numbers, booleans, stored values by their nick next to the words people read
 * ("status": "in-progress", "status_label": "In progress"), times in ISO 8601 with the offset of
 * the incident's time zone, and null for a blank. */

#define G_LOG_DOMAIN "desk-export-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "desk-export-private.h"
#include "desk-time.h"

/* Bump when a member changes meaning or goes away; adding one does not. */
#define FORMAT_VERSION 1

/* Helpers {{{ */

static const char *
kind_name (DeskReportKind kind)
{
  static const char * const names[] = {
    [DESK_REPORT_TEXT] = "text",
    [DESK_REPORT_LABEL] = "label",
    [DESK_REPORT_COUNT] = "count",
    [DESK_REPORT_PERCENT] = "percent",
    [DESK_REPORT_DATE] = "date",
    [DESK_REPORT_TIME] = "time",
    [DESK_REPORT_FLAG] = "flag",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds the members of one cell: usually one, two for a label. Days and times are written with
 * the offset of @zone, so that a reader sees the incident's day and time of day. */
static void
add_cell_members (JsonBuilder            *builder,
                  const DeskReportColumn *column,
                  const DeskReportCell   *cell,
                  GTimeZone              *zone)
{
  g_autofree char *label_key = NULL;
  g_autofree char *time = NULL;

  json_builder_set_member_name (builder, column->key);
  if (cell->blank)
    {
      json_builder_add_null_value (builder);
      if (column->kind == DESK_REPORT_LABEL)
        {
          label_key = g_strconcat (column->key, "_label", NULL);
          add_string_member (builder, label_key, NULL);
        }
      return;
    }

  switch (column->kind)
    {
    case DESK_REPORT_LABEL:
      json_builder_add_string_value (builder, cell->nick ? cell->nick : cell->text);
      label_key = g_strconcat (column->key, "_label", NULL);
      add_string_member (builder, label_key, cell->text);
      break;
    case DESK_REPORT_COUNT:
    case DESK_REPORT_PERCENT:
      json_builder_add_int_value (builder, cell->number);
      break;
    case DESK_REPORT_DATE:
    case DESK_REPORT_TIME:
      if (cell->number != 0 && (time = desk_time_format_iso_in_zone (cell->number, zone)) != NULL)
        json_builder_add_string_value (builder, time);
      else
        json_builder_add_null_value (builder);
      break;
    case DESK_REPORT_FLAG:
      json_builder_add_boolean_value (builder, cell->number != 0);
      break;
    case DESK_REPORT_TEXT:
    default:
      json_builder_add_string_value (builder, cell->text);
      break;
    }
}

static void
add_row_members (JsonBuilder     *builder,
                 DeskReportTable *table,
                 guint            row)
{
  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    add_cell_members (builder, desk_report_table_get_column (table, c),
                      desk_report_table_get_cell (table, row, c),
                      desk_report_table_get_zone (table));
}

static void
add_table_members (JsonBuilder     *builder,
                   DeskReportTable *table)
{
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    {
      const DeskReportColumn *column = desk_report_table_get_column (table, c);

      json_builder_begin_object (builder);
      add_string_member (builder, "key", column->key);
      add_string_member (builder, "title", column->title);
      add_string_member (builder, "kind", kind_name (column->kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < desk_report_table_get_n_rows (table); r++)
    {
      json_builder_begin_object (builder);
      if (desk_report_table_get_key (table, r) != NULL)
        add_string_member (builder, "key", desk_report_table_get_key (table, r));
      if (desk_report_table_get_row_flags (table, r) & DESK_REPORT_ROW_DETAIL)
        {
          json_builder_set_member_name (builder, "detail");
          json_builder_add_boolean_value (builder, TRUE);
        }
      add_row_members (builder, table, r);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_section (JsonBuilder       *builder,
             DeskReportSection *section)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "id", section->id);
  if (section->uuid != NULL)
    add_string_member (builder, "uuid", section->uuid);
  add_string_member (builder, "title", section->title);
  if (section->text != NULL)
    add_string_member (builder, "text", section->text);

  if (section->facts != NULL)
    {
      json_builder_set_member_name (builder, "facts");
      json_builder_begin_object (builder);
      add_row_members (builder, section->facts, 0);
      json_builder_end_object (builder);
    }

  if (section->table != NULL)
    add_table_members (builder, section->table);

  json_builder_end_object (builder);
}

/* }}} */

gboolean
_desk_export_write_json (DeskReport     *report,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GEnumClass) whats = g_type_class_ref (DESK_TYPE_EXPORT_WHAT);
  g_autofree char *exported_at = desk_time_format_iso_in_zone (report->exported_at, report->zone);
  g_autofree char *language = _desk_export_language ();

  json_builder_begin_object (builder);
  add_string_member (builder, "generator", "Incident Desk " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  add_string_member (builder, "report", g_enum_get_value (whats, report->what)->value_nick);
  add_string_member (builder, "title", report->title);
  add_string_member (builder, "language", language);
  add_string_member (builder, "time_zone", g_time_zone_get_identifier (report->zone));
  add_string_member (builder, "exported_at", exported_at);
  if (report->compared_at != 0)
    {
      g_autofree char *compared_at = desk_time_format_iso_in_zone (report->compared_at,
                                                                   report->zone);

      add_string_member (builder, "compared_with", compared_at);
    }

  json_builder_set_member_name (builder, "incident");
  json_builder_begin_object (builder);
  add_string_member (builder, "uuid", report->incident_uuid);
  add_string_member (builder, "title", report->incident_title);
  add_string_member (builder, "summary", report->incident_summary);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->sections->len; i++)
    add_section (builder, g_ptr_array_index (report->sections, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_stream (generator, stream, cancellable, error))
    return FALSE;

  return g_output_stream_write_all (stream, "\n", 1, NULL, cancellable, error);
}
