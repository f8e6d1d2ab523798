/* desk-sync-sqlite-storage.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference server's storage: one SQLite file, opened with the care of the incidents
 * database (DeskDatabase: a private file, its own numbered migrations, refused if it is someone
 * else's or newer). Account pages are kept as the rows that came, one blob per page. Records
 * read or written lately are kept parsed too: the server is the file's only writer, and a
 * change mostly follows others to the same record. */

#define G_LOG_DOMAIN "desk-sync-sqlite-storage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-database.h"
#include "desk-sync-sqlite-storage.h"

/* "IDS1": a sync server's database */
#define SERVER_FILE_ID 0x49445331

/* Records kept parsed, at most; past it the cache starts again. */
#define MAX_CACHED_RECORDS 50000

struct _DeskSyncSqliteStorage
{
  GObject       parent_instance;

  DeskDatabase *database;
  char         *server_id;
  JsonParser   *parser;     /* one for every record read: making one costs more than reading */
  GHashTable   *records;    /* uuid → DeskSyncRecordState, as committed */
  GHashTable   *pending;    /* uuid → DeskSyncRecordState, as the open transaction wrote it */
};

static void desk_sync_storage_iface_init (DeskSyncStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskSyncSqliteStorage, desk_sync_sqlite_storage, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DESK_TYPE_SYNC_STORAGE,
                                                      desk_sync_storage_iface_init))

static const char * const migrations[] = {
  /* 1: the log (revision order; change_id makes a change apply once), the records' current
   * values as the wire has them, and the answers to the batches applied. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
  "CREATE TABLE log ("
  "  revision INTEGER PRIMARY KEY AUTOINCREMENT, change_id TEXT UNIQUE,"
  "  entry TEXT NOT NULL, rows BLOB);"
  "CREATE TABLE records ("
  "  uuid TEXT PRIMARY KEY, kind TEXT NOT NULL, fields TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL, created_at INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE batches (batch TEXT PRIMARY KEY, answer TEXT NOT NULL) WITHOUT ROWID;",
};

static const DeskDatabaseSchema server_schema = {
  SERVER_FILE_ID, migrations, G_N_ELEMENTS (migrations)
};

/* Helpers {{{ */

static DeskStatement *
prepare (DeskSyncSqliteStorage  *self,
         const char             *sql,
         GError                **error)
{
  return desk_database_prepare (self->database, sql, error);
}

static gboolean
step (DeskSyncSqliteStorage  *self,
      DeskStatement          *stmt,
      gboolean               *has_row,
      GError                **error)
{
  return desk_database_step (self->database, stmt, has_row, error);
}

/* The server's UUID, chosen once when the file is new. */
static gboolean
load_server_id (DeskSyncSqliteStorage  *self,
                GError                **error)
{
  g_autoptr(DeskStatement) insert = NULL;
  g_autoptr(DeskStatement) select = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gboolean has_row;

  if (!(insert = prepare (self, "INSERT INTO meta VALUES ('server', ?) ON CONFLICT DO NOTHING",
                          error)))
    return FALSE;
  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  if (!step (self, insert, NULL, error) ||
      !(select = prepare (self, "SELECT value FROM meta WHERE key = 'server'", error)) ||
      !step (self, select, &has_row, error))
    return FALSE;

  self->server_id = g_strdup ((const char *) sqlite3_column_text (select, 0));
  return TRUE;
}

/* }}} */
/* DeskSyncStorage {{{ */

static const char *
storage_get_server_id (DeskSyncStorage *storage)
{
  return DESK_SYNC_SQLITE_STORAGE (storage)->server_id;
}

static gboolean
storage_begin (DeskSyncStorage  *storage,
               GError          **error)
{
  return desk_database_begin (DESK_SYNC_SQLITE_STORAGE (storage)->database, error);
}

static gboolean
storage_commit (DeskSyncStorage  *storage,
                GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  GHashTableIter iter;
  gpointer uuid, state;

  if (!desk_database_commit (self->database, error))
    return FALSE;

  if (g_hash_table_size (self->records) + g_hash_table_size (self->pending) > MAX_CACHED_RECORDS)
    g_hash_table_remove_all (self->records);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &uuid, &state))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->records, uuid, state);
    }

  return TRUE;
}

static void
storage_rollback (DeskSyncStorage *storage)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);

  desk_database_rollback (self->database);
  g_hash_table_remove_all (self->pending);
}

static gboolean
storage_get_revision (DeskSyncStorage  *storage,
                      gint64           *revision,
                      GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (!(stmt = prepare (self, "SELECT coalesce (max (revision), 0) FROM log", error)) ||
      !step (self, stmt, &has_row, error))
    return FALSE;

  *revision = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
storage_find_batch (DeskSyncStorage  *storage,
                    const char       *batch,
                    char            **answer,
                    GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  *answer = NULL;
  if (!(stmt = prepare (self, "SELECT answer FROM batches WHERE batch = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_STATIC);
  if (!step (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *answer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
storage_put_batch (DeskSyncStorage  *storage,
                   const char       *batch,
                   const char       *answer,
                   GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;

  if (!(stmt = prepare (self, "INSERT INTO batches VALUES (?, ?)", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, answer, -1, SQLITE_STATIC);
  return step (self, stmt, NULL, error);
}

static gboolean
storage_find_change (DeskSyncStorage  *storage,
                     const char       *id,
                     gint64           *revision,
                     GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (!(stmt = prepare (self, "SELECT revision FROM log WHERE change_id = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (!step (self, stmt, &has_row, error))
    return FALSE;

  *revision = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
storage_get_record (DeskSyncStorage      *storage,
                    const char           *uuid,
                    DeskSyncRecordState **state,
                    GError              **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;
  DeskSyncRecordState *cached;
  char *key;
  JsonNode *fields = NULL;
  gboolean has_row;

  /* Taken out of the cache: the caller changes it and puts it back, or the record is read
   * again next time. */
  *state = NULL;
  if (g_hash_table_steal_extended (self->pending, uuid, (gpointer *) &key, (gpointer *) &cached) ||
      g_hash_table_steal_extended (self->records, uuid, (gpointer *) &key, (gpointer *) &cached))
    {
      g_free (key);
      *state = cached;
      return TRUE;
    }

  if (!(stmt = prepare (self, "SELECT kind, fields, deleted, created_at FROM records"
                              " WHERE uuid = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!step (self, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  if (json_parser_load_from_data (self->parser, (const char *) sqlite3_column_text (stmt, 1), -1,
                                  NULL))
    fields = json_parser_get_root (self->parser);
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE,
                   _("The server’s database is damaged: a record cannot be read"));
      return FALSE;
    }

  *state = g_new0 (DeskSyncRecordState, 1);
  (*state)->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  (*state)->fields = json_object_ref (json_node_get_object (fields));
  (*state)->deleted = sqlite3_column_int (stmt, 2);
  (*state)->created_at = sqlite3_column_int64 (stmt, 3);
  return TRUE;
}

static gboolean
storage_put_record (DeskSyncStorage      *storage,
                    const char           *uuid,
                    DeskSyncRecordState  *state,
                    GError              **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskSyncRecordState) owned = state;
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), state->fields);
  g_autofree char *fields = json_to_string (node, FALSE);

  if (!(stmt = prepare (self, "INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT DO UPDATE SET fields = excluded.fields,"
                              " deleted = excluded.deleted", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, state->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fields, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, state->deleted);
  sqlite3_bind_int64 (stmt, 5, state->created_at);
  if (!step (self, stmt, NULL, error))
    return FALSE;

  g_hash_table_replace (self->pending, g_strdup (uuid), g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
storage_append (DeskSyncStorage  *storage,
                const char       *change_id,
                const char       *entry,
                GBytes           *rows,
                gint64           *revision,
                GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;

  if (!(stmt = prepare (self, "INSERT INTO log (change_id, entry, rows) VALUES (?, ?, ?)",
                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, change_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry, -1, SQLITE_STATIC);
  if (rows != NULL)
    sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (rows, NULL), g_bytes_get_size (rows),
                         SQLITE_STATIC);
  if (!step (self, stmt, NULL, error))
    return FALSE;

  *revision = sqlite3_last_insert_rowid (desk_database_get_handle (self->database));
  return TRUE;
}

static GPtrArray *
storage_read_log (DeskSyncStorage  *storage,
                  gint64            since,
                  guint             limit,
                  GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (!(stmt = prepare (self, "SELECT revision, entry FROM log WHERE revision > ?"
                              " ORDER BY revision LIMIT ?", error)))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_sync_log_entry_free);
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int (stmt, 2, limit);
  while (step (self, stmt, &has_row, &local_error) && has_row)
    {
      DeskSyncLogEntry *entry = g_new0 (DeskSyncLogEntry, 1);

      entry->revision = sqlite3_column_int64 (stmt, 0);
      entry->entry = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (entries, entry);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static gboolean
storage_read_rows (DeskSyncStorage  *storage,
                   gint64            revision,
                   char            **entry,
                   GBytes          **rows,
                   GError          **error)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (storage);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  *entry = NULL;
  *rows = NULL;
  if (!(stmt = prepare (self, "SELECT entry, rows FROM log WHERE revision = ?"
                              " AND rows IS NOT NULL", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, revision);
  if (!step (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *entry = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *rows = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
    }
  return TRUE;
}

static void
desk_sync_storage_iface_init (DeskSyncStorageInterface *iface)
{
  iface->get_server_id = storage_get_server_id;
  iface->begin = storage_begin;
  iface->commit = storage_commit;
  iface->rollback = storage_rollback;
  iface->get_revision = storage_get_revision;
  iface->find_batch = storage_find_batch;
  iface->put_batch = storage_put_batch;
  iface->find_change = storage_find_change;
  iface->get_record = storage_get_record;
  iface->put_record = storage_put_record;
  iface->append = storage_append;
  iface->read_log = storage_read_log;
  iface->read_rows = storage_read_rows;
}

/* }}} */
/* GObject {{{ */

static void
desk_sync_sqlite_storage_finalize (GObject *object)
{
  DeskSyncSqliteStorage *self = DESK_SYNC_SQLITE_STORAGE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->server_id, g_free);

  G_OBJECT_CLASS (desk_sync_sqlite_storage_parent_class)->finalize (object);
}

static void
desk_sync_sqlite_storage_class_init (DeskSyncSqliteStorageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_sync_sqlite_storage_finalize;
}

static void
desk_sync_sqlite_storage_init (DeskSyncSqliteStorage *self)
{
  self->parser = json_parser_new ();
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) desk_sync_record_state_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) desk_sync_record_state_free);
}

/* }}} */

/**
 * desk_sync_sqlite_storage_open:
 * @path: the server's database file, created if needed (mode 0600)
 *
 * Returns: (transfer full): the storage, or %NULL with @error set
 */
DeskSyncStorage *
desk_sync_sqlite_storage_open (const char  *path,
                               GError     **error)
{
  g_autoptr(DeskSyncSqliteStorage) self = g_object_new (DESK_TYPE_SYNC_SQLITE_STORAGE, NULL);
  gboolean ok;

  if (!(self->database = desk_database_open_schema (path, &server_schema, error)))
    return NULL;

  desk_database_lock (self->database);
  ok = load_server_id (self, error);
  desk_database_unlock (self->database);

  return ok ? DESK_SYNC_STORAGE (g_steal_pointer (&self)) : NULL;
}
