/* desk-report-changes.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What changed since an earlier export of the same thing, which is what a weekly meeting wants
 * to talk about: every export is remembered as its JSON, and a later one can add a column
 * saying, row by row, what is new and which words and counts moved ("Status was In progress",
 * "Counted +12,034"), and count the rows that are gone. Rows are matched by their key (a
 * record's UUID, or the word of their first cell, as a figure's).
 *
 * The export compared with is the latest made on an earlier day: the Markdown and the PDF made
 * for one meeting both show what changed since the meeting before. */

#define G_LOG_DOMAIN "desk-report-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "desk-export-private.h"
#include "desk-labels.h"

/* Helpers {{{ */

/* Returns: the start of the local day @seconds falls on */
static gint64
start_of_day (gint64 seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (seconds);
  g_autoptr(GDateTime) midnight = NULL;

  if (when == NULL)
    return seconds;

  midnight = g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when),
                                    g_date_time_get_day_of_month (when), 0, 0, 0);
  return midnight ? g_date_time_to_unix (midnight) : seconds;
}

static const char *
what_nick (DeskExportWhat what)
{
  g_autoptr(GEnumClass) whats = g_type_class_ref (DESK_TYPE_EXPORT_WHAT);

  return g_enum_get_value (whats, what)->value_nick;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Returns: (transfer full) (nullable): the snapshot of the latest export of @what (and @scope)
 *   made on an earlier day than @now, and when it was made; %NULL when there is none, or with
 *   @error set on a database error */
static char *
get_earlier_snapshot (DeskStore       *store,
                      DeskExportWhat   what,
                      gint64           incident_id,
                      const char      *scope,
                      gint64           now,
                      gint64          *exported_at,
                      GError         **error)
{
  return desk_store_get_export_snapshot (store, incident_id, what_nick (what),
                                         scope ? scope : "", start_of_day (now), exported_at,
                                         error);
}

/* Returns: (transfer none) (nullable): what tells @row apart: its key, or the word of its first
 *   cell */
static const char *
row_key (DeskReportTable *table,
         guint            row)
{
  const char *key = desk_report_table_get_key (table, row);

  if (key == NULL && desk_report_table_get_column (table, 0)->kind == DESK_REPORT_LABEL)
    key = desk_report_table_get_cell (table, row, 0)->nick;

  return key;
}

/* The same for a row of the earlier export, whose first column is @first_key. */
static const char *
previous_row_key (JsonObject *row,
                  const char *first_key)
{
  const char *key = string_member (row, "key");

  return key ? key : string_member (row, first_key);
}

/* Returns: (transfer none) (nullable): the section of the earlier export @section stands for */
static JsonObject *
find_previous_section (JsonArray         *sections,
                       DeskReportSection *section)
{
  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      JsonObject *previous = json_array_get_object_element (sections, i);

      if (previous != NULL && g_strcmp0 (string_member (previous, "id"), section->id) == 0 &&
          g_strcmp0 (string_member (previous, "uuid"), section->uuid) == 0)
        return previous;
    }

  return NULL;
}

/* Returns: (transfer full) (nullable): how @cell differs from @column of the earlier @row:
 *   "Status was In progress", "Counted +12,034"; %NULL when it does not, or cannot be told */
static char *
describe_change (const DeskReportColumn *column,
                 const DeskReportCell   *cell,
                 JsonObject             *row)
{
  JsonNode *node = json_object_get_member (row, column->key);
  g_autofree char *label_key = NULL;
  g_autofree char *difference = NULL;
  const char *before;
  gint64 delta;

  if (node == NULL || (column->flags & DESK_REPORT_COLUMN_POSITION))
    return NULL;

  switch (column->kind)
    {
    case DESK_REPORT_LABEL:
      before = JSON_NODE_HOLDS_NULL (node) ? NULL : string_member (row, column->key);
      if (g_strcmp0 (before, cell->blank ? NULL : cell->nick) == 0)
        return NULL;
      label_key = g_strconcat (column->key, "_label", NULL);
      before = string_member (row, label_key);
      /* Translators: how a value changed since the last export, e.g. "Status was In progress";
       * the first %s is the column's heading */
      return g_strdup_printf (_("%s was %s"), column->title, before ? before : "—");

    case DESK_REPORT_COUNT:
      if (cell->blank || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_INT64)
        return NULL;
      delta = cell->number - json_node_get_int (node);
      if (delta == 0)
        return NULL;
      difference = desk_format_count (delta);
      /* Translators: how a count changed since the last export, e.g. "Counted +12,034"; the
       * first %s is the column's heading, the second the difference with its sign */
      return g_strdup_printf (_("%s %s%s"), column->title, delta > 0 ? "+" : "", difference);

    default:
      return NULL;
    }
}

/* Adds to @section's table the column of what changed since the earlier export's @previous
 * section, and says how many of its rows are gone. */
static void
mark_table (DeskReportSection *section,
            JsonObject        *previous,
            const char        *title)
{
  DeskReportTable *table = section->table;
  JsonArray *rows = NULL, *columns = NULL;
  const char *first_key = NULL;
  g_autoptr(GHashTable) earlier = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_columns = desk_report_table_get_n_columns (table);
  guint changes, n_gone;

  if (previous != NULL && json_object_has_member (previous, "rows"))
    {
      rows = json_object_get_array_member (previous, "rows");
      columns = json_object_get_array_member (previous, "columns");
      if (columns != NULL && json_array_get_length (columns) > 0)
        first_key = string_member (json_array_get_object_element (columns, 0), "key");
    }

  for (guint i = 0; rows != NULL && first_key != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *key = row ? previous_row_key (row, first_key) : NULL;

      if (key != NULL)
        g_hash_table_insert (earlier, (gpointer) key, row);
    }
  n_gone = g_hash_table_size (earlier);

  changes = desk_report_table_append_column (table, "changes", title);
  for (guint r = 0; r < desk_report_table_get_n_rows (table); r++)
    {
      const char *key = row_key (table, r);
      JsonObject *row;
      g_autoptr(GString) text = NULL;

      if (key == NULL)
        continue;
      if (!(row = g_hash_table_lookup (earlier, key)))
        {
          /* Translators: in the column of changes since the last export: the row was not there */
          desk_report_table_set_text (table, r, changes, C_("change", "New"));
          continue;
        }

      n_gone--;
      text = g_string_new (NULL);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *change = describe_change (desk_report_table_get_column (table, c),
                                                     desk_report_table_get_cell (table, r, c),
                                                     row);

          if (change == NULL)
            continue;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, change);
        }
      desk_report_table_set_text (table, r, changes, text->str);
    }

  if (n_gone > 0)
    {
      g_autofree char *gone = g_strdup_printf (ngettext ("%u row of the last export is gone.",
                                                         "%u rows of the last export are gone.",
                                                         n_gone),
                                               n_gone);
      g_autofree char *text = section->text ? g_strconcat (section->text, " ", gone, NULL)
                                            : g_strdup (gone);

      desk_report_section_set_text (section, text);
    }
}

/* }}} */

/**
 * desk_report_snapshot:
 *
 * Returns: (transfer full): what @self holds, to remember with desk_report_remember() once it
 *   has been exported: its JSON
 */
char *
desk_report_snapshot (DeskReport *self)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (self != NULL, NULL);

  /* Writing to memory does not fail. */
  _desk_export_write_json (self, stream, NULL, NULL);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/**
 * desk_report_mark_changes:
 *
 * Compares @self with the latest export of the same thing made on an earlier day, and adds to
 * each table whose rows can be told apart a "changes" column: new rows, and the words and counts
 * that moved. Without such an export, it changes nothing and leaves @compared_at 0.
 *
 * Returns: whether the earlier export could be read; %FALSE with @error set on a database error
 */
gboolean
desk_report_mark_changes (DeskReport  *self,
                          DeskStore   *store,
                          GError     **error)
{
  g_autofree char *snapshot = NULL;
  g_autofree char *day = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *sections = NULL;
  gint64 compared_at;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  snapshot = get_earlier_snapshot (store, self->what, self->incident_id, self->scope,
                                   self->exported_at, &compared_at, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (snapshot == NULL)
    return TRUE;

  /* What an older version wrote, or damage: there is nothing to compare with then. */
  root = json_from_string (snapshot, &local_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Not comparing with the export of %" G_GINT64_FORMAT ": %s", compared_at,
               local_error ? local_error->message : "not an object");
      return TRUE;
    }
  if (json_object_has_member (json_node_get_object (root), "sections"))
    sections = json_object_get_array_member (json_node_get_object (root), "sections");

  day = desk_format_date_in_zone (compared_at, self->zone);
  when = desk_report_format_time (compared_at, self->zone);
  /* Translators: the heading of the column of changes, e.g. "Since 7 Apr 2026" */
  title = g_strdup_printf (_("Since %s"), day);
  self->compared_at = compared_at;
  g_free (self->compared_text);
  /* Translators: under a report's title, e.g. "Changes since 7 Apr 2026 10:30 are marked" */
  self->compared_text = g_strdup_printf (_("Changes since %s are marked"), when);

  for (guint i = 0; i < self->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (self->sections, i);

      if (section->table != NULL && desk_report_table_get_n_columns (section->table) > 0)
        mark_table (section, find_previous_section (sections, section), title);
    }

  return TRUE;
}

/**
 * desk_report_find_earlier:
 * @what: the kind of export
 * @incident_id: the incident it is about
 * @scope: (nullable): the UUID of the one checklist it is about, or %NULL for all
 * @exported_at: (out): when the export was made that an export made now would mark its changes
 *   against (desk_report_mark_changes()); 0 when there is none
 *
 * Tells whether an export made now can mark what changed, and since when, before it is made.
 *
 * Returns: whether the earlier exports could be read; %FALSE with @error set on a database error
 */
gboolean
desk_report_find_earlier (DeskStore       *store,
                          DeskExportWhat   what,
                          gint64           incident_id,
                          const char      *scope,
                          gint64          *exported_at,
                          GError         **error)
{
  g_autofree char *snapshot = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (exported_at != NULL, FALSE);

  snapshot = get_earlier_snapshot (store, what, incident_id, scope, desk_store_now (store),
                                   exported_at, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_report_remember:
 * @snapshot: what desk_report_snapshot() returned for @self before any change was marked
 *
 * Remembers what @self held, once it has been exported, for later exports to compare with. An
 * export made the same day as @self replaces it; of the earlier ones, the latest stays.
 *
 * Returns: whether it was stored
 */
gboolean
desk_report_remember (DeskReport  *self,
                      DeskStore   *store,
                      const char  *snapshot,
                      GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return desk_store_put_export_snapshot (store, self->incident_id, what_nick (self->what),
                                         self->scope ? self->scope : "", self->exported_at,
                                         start_of_day (self->exported_at), snapshot, error);
}
