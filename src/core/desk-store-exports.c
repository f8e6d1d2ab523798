/* desk-store-exports.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What exports held (migration 3 in desk-database.c), for the next export of the same thing to
 * say what changed since. The store keeps the text it is given; src/export decides what it is. */

#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include "desk-store.h"

/**
 * desk_store_get_export_snapshot:
 * @what: the kind of export, e.g. "status"
 * @scope: what part of it, e.g. a checklist's UUID, or "" for all
 * @before: only snapshots taken before this time, in seconds since the epoch
 * @exported_at: (out) (optional): when the snapshot was taken
 *
 * Returns: (transfer full) (nullable): the latest snapshot of the export taken before @before,
 *   or %NULL when there is none or on error, with @error set
 */
char *
desk_store_get_export_snapshot (DeskStore   *self,
                                gint64       incident_id,
                                const char  *what,
                                const char  *scope,
                                gint64       before,
                                gint64      *exported_at,
                                GError     **error)
{
  DeskDatabase *database;
  g_autoptr(DeskStatement) stmt = NULL;
  g_autofree char *snapshot = NULL;
  gboolean has_row = FALSE;
  gint64 at = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (what != NULL && scope != NULL, NULL);

  database = desk_store_get_database (self);
  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "SELECT exported_at, snapshot FROM export_snapshots"
                                     " WHERE incident_id = ?1 AND what = ?2 AND scope = ?3"
                                     " AND exported_at < ?4 ORDER BY exported_at DESC LIMIT 1",
                                     error)))
    {
      sqlite3_bind_int64 (stmt, 1, incident_id);
      sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, before);
      if (desk_database_step (database, stmt, &has_row, error) && has_row)
        {
          at = sqlite3_column_int64 (stmt, 0);
          snapshot = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  if (exported_at != NULL)
    *exported_at = at;
  return g_steal_pointer (&snapshot);
}

/**
 * desk_store_put_export_snapshot:
 * @what: the kind of export, e.g. "status"
 * @scope: what part of it, e.g. a checklist's UUID, or "" for all
 * @exported_at: when the export was made, in seconds since the epoch
 * @replace_from: snapshots taken from this time on are replaced by @snapshot; of those taken
 *   before, only the latest stays, for exports to compare with
 * @snapshot: what the export held
 *
 * Remembers what an export held, so that a later one can say what changed since.
 *
 * Returns: whether it was stored
 */
gboolean
desk_store_put_export_snapshot (DeskStore   *self,
                                gint64       incident_id,
                                const char  *what,
                                const char  *scope,
                                gint64       exported_at,
                                gint64       replace_from,
                                const char  *snapshot,
                                GError     **error)
{
  static const char * const statements[] = {
    "DELETE FROM export_snapshots WHERE incident_id = ?1 AND what = ?2 AND scope = ?3"
    " AND exported_at >= ?4",
    "DELETE FROM export_snapshots WHERE incident_id = ?1 AND what = ?2 AND scope = ?3"
    " AND exported_at < (SELECT max (exported_at) FROM export_snapshots"
    "   WHERE incident_id = ?1 AND what = ?2 AND scope = ?3)",
    "INSERT INTO export_snapshots (incident_id, what, scope, exported_at, snapshot)"
    " VALUES (?1, ?2, ?3, ?5, ?6)",
  };
  DeskDatabase *database;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL && scope != NULL && snapshot != NULL, FALSE);

  database = desk_store_get_database (self);
  if (!desk_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements) && local_error == NULL; i++)
    {
      g_autoptr(DeskStatement) stmt = NULL;
      gboolean has_row;

      if (!(stmt = desk_database_prepare (database, statements[i], &local_error)))
        break;
      sqlite3_bind_int64 (stmt, 1, incident_id);
      sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_TRANSIENT);
      if (sqlite3_bind_parameter_index (stmt, "?4") > 0)
        sqlite3_bind_int64 (stmt, 4, replace_from);
      if (sqlite3_bind_parameter_index (stmt, "?5") > 0)
        {
          sqlite3_bind_int64 (stmt, 5, exported_at);
          sqlite3_bind_text (stmt, 6, snapshot, -1, SQLITE_TRANSIENT);
        }
      desk_database_step (database, stmt, &has_row, &local_error);
    }

  if (local_error != NULL || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
