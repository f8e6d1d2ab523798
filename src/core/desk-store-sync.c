/* desk-store-sync.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's side of the sync (docs/sync-api.md): the outbox, which is the audit log's lines of
 * this machine above the last acknowledged one; the changes pulled from the server, applied to
 * the records and appended to the audit log as received lines; the accounts, pushed by change
 * number and merged as they come; and the conflicts, the fields changed here and on the server
 * since a common base, kept until someone picks a value. The sync layer holds the network; every
 * SQL statement of the sync is here. */

#define G_LOG_DOMAIN "desk-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-conflict.h"
#include "desk-records.h"
#include "desk-store-private.h"
#include "desk-store-sync.h"

/* The page cache while pages of accounts are merged, as an import has it; the one the
 * connection had comes back with desk_store_sync_finish_accounts(). */
#define MERGE_CACHE_KIB 49152
#define SAVED_CACHE "desk-sync-saved-cache-kib"

/* Fields whose value names a record for people, in order of preference. */
static const char * const title_columns[] = {
  "title", "name", "text", "contract_id", "recipient_name",
};

/* Sync state {{{ */

gboolean
desk_store_sync_get_int (DeskStore   *self,
                         const char  *key,
                         gint64      *value,
                         GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row = FALSE, ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database, "SELECT value FROM sync_state WHERE key = ?",
                                     error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      ok = desk_database_step (database, stmt, &has_row, error);
      *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

static gboolean
set_value (DeskStore   *self,
           const char  *key,
           const char  *text,
           gint64       number,
           GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean ok = FALSE;

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "INSERT INTO sync_state (key, value) VALUES (?1, ?2)"
                                     " ON CONFLICT DO UPDATE SET value = excluded.value",
                                     error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (text != NULL)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, 2, number);
      ok = desk_database_step (database, stmt, NULL, error);
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

gboolean
desk_store_sync_set_int (DeskStore   *self,
                         const char  *key,
                         gint64       value,
                         GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  return set_value (self, key, NULL, value, error);
}

/**
 * desk_store_sync_get_text:
 * @value: (out): the value, or %NULL when @key has none
 */
gboolean
desk_store_sync_get_text (DeskStore   *self,
                          const char  *key,
                          char       **value,
                          GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row = FALSE, ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  *value = NULL;
  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database, "SELECT value FROM sync_state WHERE key = ?",
                                     error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      ok = desk_database_step (database, stmt, &has_row, error);
      if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

/**
 * desk_store_sync_set_text:
 * @value: (nullable): the value; %NULL forgets the key
 */
gboolean
desk_store_sync_set_text (DeskStore   *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (value != NULL)
    return set_value (self, key, value, 0, error);

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database, "DELETE FROM sync_state WHERE key = ?",
                                     error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      ok = desk_database_step (database, stmt, NULL, error);
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

/**
 * desk_store_sync_reset:
 * @server: the UUID of the server to sync with from now on
 *
 * Starts over with another server, or one restored from scratch: pulls its log from the start and
 * pushes everything this database holds, received lines and accounts included. Conflicts stay.
 */
gboolean
desk_store_sync_reset (DeskStore   *self,
                       const char  *server,
                       GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!desk_database_begin (database, error))
    return FALSE;

  if (!desk_database_exec (database,
                           "DELETE FROM sync_state WHERE key != 'account_gen';"
                           "INSERT INTO sync_state VALUES ('pulled_revision', 0),"
                           " ('pushed_audit_id', 0), ('push_remote', 1),"
                           " ('pushed_account_gen', -1)", &local_error) ||
      !set_value (self, DESK_SYNC_KEY_SERVER, server, 0, &local_error) ||
      !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* }}} */
/* Looking records up {{{ */

/* The local id of the record of @type named @uuid, deleted or not; 0 if there is none. */
static gboolean
id_of (DeskStore   *self,
       GType        type,
       const char  *uuid,
       gint64      *id,
       GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  DeskDatabase *database = desk_store_get_database (self);
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?",
                         desk_record_class_get_table (DESK_RECORD_CLASS (klass)));
  if (!(stmt = desk_database_prepare (database, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!desk_database_step (database, stmt, &has_row, error))
    return FALSE;

  *id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The record of @type named @uuid, deleted or not, or %NULL without an error if there is none. */
static gboolean
find_record (DeskStore   *self,
             GType        type,
             const char  *uuid,
             DeskRecord **record,
             GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  DeskDatabase *database = desk_store_get_database (self);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;
  int n_columns;

  *record = NULL;
  columns = _desk_store_columns (type, "r", &n_columns);
  sql = g_strdup_printf ("SELECT %s FROM %s r WHERE r.uuid = ?", columns,
                         desk_record_class_get_table (DESK_RECORD_CLASS (klass)));
  if (!(stmt = desk_database_prepare (database, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!desk_database_step (database, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *record = _desk_record_from_statement (type, stmt, 0);
  return TRUE;
}

static const DeskField *
find_column (DeskRecordClass *klass,
             const char      *column,
             guint           *index)
{
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      const DeskField *field = desk_record_class_get_field (klass, i);

      if (g_str_equal (field->column, column) && !(field->flags & DESK_FIELD_LOCAL))
        {
          if (index != NULL)
            *index = i;
          return field;
        }
    }

  return NULL;
}

/**
 * desk_store_sync_uuid_of:
 *
 * Returns: (transfer full): the UUID of the record of @type with local @id, or %NULL with
 *   @error set
 */
char *
desk_store_sync_uuid_of (DeskStore   *self,
                         GType        type,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  DeskDatabase *database = desk_store_get_database (self);
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row = FALSE;
  char *uuid = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?",
                         desk_record_class_get_table (DESK_RECORD_CLASS (klass)));
  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database, sql, error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (desk_database_step (database, stmt, &has_row, error) && has_row)
        uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (has_row == FALSE && (error == NULL || *error == NULL))
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                     _("There is no %s with ID %lld"),
                     desk_record_class_get_label (DESK_RECORD_CLASS (klass)), (long long) id);
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return uuid;
}

/* }}} */
/* Values from the wire {{{ */

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The wire can hold what the store does not: a missing record, a category unknown here. The
 * sync layer has checked types already; these messages say what the data refers to. */
static void
set_apply_error (GError     **error,
                 const char  *kind,
                 const char  *uuid,
                 const char  *reason)
{
  /* Translators: the first %s is a kind of record on the wire (e.g. "checklist_item"), the
   * second its UUID, the third why it could not be applied */
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
               _("Cannot apply the server’s change to %s %s: %s"), kind, uuid, reason);
}

/* Reads the wire value @node (NULL when absent) of @field into @value. */
static gboolean
value_from_json (DeskStore        *self,
                 const DeskField  *field,
                 JsonNode         *node,
                 GValue           *value,
                 GError          **error)
{
  gboolean null = node == NULL || JSON_NODE_HOLDS_NULL (node);

  if (G_VALUE_HOLDS_STRING (value))
    {
      if (!null && !holds (node, G_TYPE_STRING))
        goto wrong_type;
      g_value_set_string (value, null ? NULL : json_node_get_string (node));
    }
  else if (G_VALUE_HOLDS_ENUM (value))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
      GEnumValue *enum_value;

      if (null || !holds (node, G_TYPE_STRING))
        goto wrong_type;

      /* A value of a newer version reads as the default, as it does from the database. */
      enum_value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));
      if (enum_value != NULL)
        g_value_set_enum (value, enum_value->value);
      else
        g_param_value_set_default (field->pspec, value);
    }
  else if (field->flags & DESK_FIELD_REFERENCE)
    {
      gint64 id = 0;

      if (!null && !holds (node, G_TYPE_STRING))
        goto wrong_type;
      if (!null && !id_of (self, field->target, json_node_get_string (node), &id, error))
        return FALSE;
      if (!null && id == 0)
        {
          /* Translators: %s is a field's name on the wire, e.g. "checklist_id" */
          g_autofree char *reason = g_strdup_printf (_("its %s names a record this database "
                                                       "has not received"), field->column);

          g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, reason);
          return FALSE;
        }
      g_value_set_int64 (value, id);
    }
  else if (field->flags & DESK_FIELD_CATEGORY_MASK)
    {
      JsonArray *uuids;
      gint64 mask = 0;

      if (null || !JSON_NODE_HOLDS_ARRAY (node))
        goto wrong_type;

      uuids = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (uuids); i++)
        {
          JsonNode *element = json_array_get_element (uuids, i);
          g_autoptr(DeskRecord) category = NULL;

          if (!holds (element, G_TYPE_STRING))
            goto wrong_type;
          if (!find_record (self, DESK_TYPE_CATEGORY, json_node_get_string (element), &category,
                            error))
            return FALSE;
          if (category == NULL)
            {
              g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                                   _("it names a breach category this database has not "
                                     "received"));
              return FALSE;
            }
          mask |= G_GINT64_CONSTANT (1) << desk_record_get_int (category, "bit");
        }
      g_value_set_int64 (value, mask);
    }
  else
    {
      if (!null && !holds (node, G_TYPE_INT64))
        goto wrong_type;
      g_value_set_int64 (value, null ? 0 : json_node_get_int (node));
    }

  return TRUE;

wrong_type:
  /* Translators: %s is a field's name on the wire, e.g. "due_at" */
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
               _("the value of %s has the wrong type"), field->column);
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * desk_sync_canonical_json:
 * @node: (nullable): a field's value on the wire
 *
 * The server sorts sets of categories, the store lists them by position: values compare as this.
 *
 * Returns: (transfer full): @node as compact JSON, sets sorted
 */
char *
desk_sync_canonical_json (JsonNode *node)
{
  g_autoptr(JsonNode) copy = NULL;

  if (node == NULL)
    return g_strdup ("null");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();
      g_autoptr(JsonArray) sorted = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (holds (json_array_get_element (array, i), G_TYPE_STRING))
          g_ptr_array_add (strings, (gpointer) json_array_get_string_element (array, i));
      g_ptr_array_sort (strings, compare_strings);
      for (guint i = 0; i < strings->len; i++)
        json_array_add_string_element (sorted, g_ptr_array_index (strings, i));

      copy = json_node_init_array (json_node_alloc (), sorted);
      return json_to_string (copy, FALSE);
    }

  return json_to_string (node, FALSE);
}

/* Returns: (transfer full): @record's fields as the wire has them */
static JsonObject *
wire_fields (DeskStore  *self,
             DeskRecord *record)
{
  g_autofree char *text = _desk_store_fields_json (self, record, NULL);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (node));
}

/* }}} */
/* Outbox {{{ */

/* @parser: (nullable): one to use again: making one costs more than a small value does */
static JsonNode *
parse_or_null (JsonParser *parser,
               const char *text)
{
  g_autoptr(JsonParser) own = parser ? NULL : json_parser_new ();
  JsonNode *node = NULL;

  if (text != NULL && json_parser_load_from_data (parser ? parser : own, text, -1, NULL))
    node = json_parser_steal_root (parser ? parser : own);

  return node ? node : json_node_new (JSON_NODE_NULL);
}

/**
 * desk_store_sync_read_outbox:
 * @after: read the audit lines after this one
 * @up_to: and up to this one; 0 for no bound
 * @limit: at most this many
 * @last: (out): the id of the last line read, or @after when there was none
 *
 * Reads the outbox: this machine's audit lines, and the received ones too after
 * desk_store_sync_reset(), as changes of docs/sync-api.md.
 *
 * Returns: (transfer full): the changes, or %NULL with @error set
 */
JsonArray *
desk_store_sync_read_outbox (DeskStore   *self,
                             gint64       after,
                             gint64       up_to,
                             guint        limit,
                             gint64      *last,
                             GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 push_remote = 0;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  *last = after;
  if (!desk_store_sync_get_int (self, DESK_SYNC_KEY_PUSH_REMOTE, &push_remote, error))
    return NULL;

  desk_database_lock (database);
  stmt = desk_database_prepare (database,
                                "SELECT a.id, a.uuid, a.at, a.actor, i.uuid, a.kind,"
                                " a.record_uuid, a.action, a.before, a.after FROM audit_log a"
                                " LEFT JOIN incidents i ON i.id = a.incident_id"
                                " WHERE a.id > ?1 AND a.id <= ?2 AND (NOT a.remote OR ?3)"
                                " ORDER BY a.id LIMIT ?4", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, after);
      sqlite3_bind_int64 (stmt, 2, up_to > 0 ? up_to : G_MAXINT64);
      sqlite3_bind_int (stmt, 3, push_remote != 0);
      sqlite3_bind_int (stmt, 4, limit);
      while (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
        {
          JsonObject *change = json_object_new ();
          const char *incident = (const char *) sqlite3_column_text (stmt, 4);

          *last = sqlite3_column_int64 (stmt, 0);
          json_object_set_string_member (change, "id",
                                         (const char *) sqlite3_column_text (stmt, 1));
          json_object_set_int_member (change, "at", sqlite3_column_int64 (stmt, 2));
          json_object_set_string_member (change, "actor",
                                         (const char *) sqlite3_column_text (stmt, 3));
          if (incident != NULL)
            json_object_set_string_member (change, "incident", incident);
          else
            json_object_set_null_member (change, "incident");
          json_object_set_string_member (change, "kind",
                                         (const char *) sqlite3_column_text (stmt, 5));
          json_object_set_string_member (change, "record",
                                         (const char *) sqlite3_column_text (stmt, 6));
          json_object_set_string_member (change, "action",
                                         (const char *) sqlite3_column_text (stmt, 7));
          json_object_set_member (change, "before",
                                  parse_or_null (parser,
                                                 (const char *) sqlite3_column_text (stmt, 8)));
          json_object_set_member (change, "after",
                                  parse_or_null (parser,
                                                 (const char *) sqlite3_column_text (stmt, 9)));
          json_array_add_object_element (changes, change);
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/**
 * desk_store_sync_count_outbox:
 * @n_changes: (out): how many changes wait to be pushed
 */
gboolean
desk_store_sync_count_outbox (DeskStore  *self,
                              gint64     *n_changes,
                              GError    **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gint64 pushed = 0, push_remote = 0;
  gboolean has_row, ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!desk_store_sync_get_int (self, DESK_SYNC_KEY_PUSHED_AUDIT, &pushed, error) ||
      !desk_store_sync_get_int (self, DESK_SYNC_KEY_PUSH_REMOTE, &push_remote, error))
    return FALSE;

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "SELECT count (*) FROM audit_log"
                                     " WHERE id > ?1 AND (NOT remote OR ?2)", error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, pushed);
      sqlite3_bind_int (stmt, 2, push_remote != 0);
      ok = desk_database_step (database, stmt, &has_row, error);
      *n_changes = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

/* }}} */
/* Applying pulled changes {{{ */

/* The fields of the record @uuid that this machine changed and has not pushed yet, by wire
 * name, with "deleted" for a deletion or restoring: the server judges those when they come. */
static gboolean
pending_fields (DeskStore    *self,
                const char   *uuid,
                GHashTable  **fields,
                GError      **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 pushed = 0;
  gboolean has_row;

  *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!desk_store_sync_get_int (self, DESK_SYNC_KEY_PUSHED_AUDIT, &pushed, error) ||
      !(stmt = desk_database_prepare (database,
                                      "SELECT action, after FROM audit_log WHERE record_uuid = ?1"
                                      " AND id > ?2 AND NOT remote", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, pushed);
  while (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
    {
      const char *action = (const char *) sqlite3_column_text (stmt, 0);
      const char *after = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(JsonNode) node = NULL;

      if (!g_str_equal (action, "update"))
        g_hash_table_add (*fields, g_strdup ("deleted"));
      if (after != NULL && (node = json_from_string (after, NULL)) != NULL &&
          JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

          for (GList *l = members; l != NULL; l = l->next)
            g_hash_table_add (*fields, g_strdup (l->data));
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* A field held in conflict keeps its local value; the conflict learns the server's latest. A
 * conflict the server's value settles (someone chose this machine's value) goes away. */
static gboolean
follow_conflict (DeskStore   *self,
                 const char  *uuid,
                 const char  *column,
                 JsonNode    *remote,
                 JsonObject  *local_fields,
                 gboolean    *held,
                 GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autofree char *remote_text = desk_sync_canonical_json (remote);
  g_autofree char *local_text = NULL;
  gboolean settled;

  local_text = desk_sync_canonical_json (json_object_get_member (local_fields, column));
  settled = g_str_equal (remote_text, local_text);
  if (!(stmt = desk_database_prepare (database,
                                      settled ? "DELETE FROM sync_conflicts"
                                                " WHERE record_uuid = ?1 AND field = ?2"
                                              : "UPDATE sync_conflicts SET remote = ?3"
                                                " WHERE record_uuid = ?1 AND field = ?2",
                                      error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  if (!settled)
    sqlite3_bind_text (stmt, 3, remote_text, -1, SQLITE_STATIC);
  if (!desk_database_step (database, stmt, NULL, error))
    return FALSE;

  *held = !settled && sqlite3_changes (desk_database_get_handle (database)) > 0;
  return TRUE;
}

static gboolean
append_received_line (DeskStore   *self,
                      JsonObject  *change,
                      GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonNode *incident = json_object_get_member (change, "incident");
  JsonNode *node;
  gint64 incident_id = 0;

  if (incident != NULL && holds (incident, G_TYPE_STRING) &&
      !id_of (self, DESK_TYPE_INCIDENT, json_node_get_string (incident), &incident_id, error))
    return FALSE;

  if ((node = json_object_get_member (change, "before")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    before = json_to_string (node, FALSE);
  if ((node = json_object_get_member (change, "after")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    after = json_to_string (node, FALSE);

  if (!(stmt = desk_database_prepare (database,
                                      "INSERT INTO audit_log (uuid, at, actor, incident_id, kind,"
                                      " record_uuid, action, before, after, remote)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
                                      " ON CONFLICT (uuid) DO NOTHING", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, json_object_get_string_member (change, "id"), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, json_object_get_int_member (change, "at"));
  sqlite3_bind_text (stmt, 3, json_object_get_string_member (change, "actor"), -1,
                     SQLITE_STATIC);
  if (incident_id != 0)
    sqlite3_bind_int64 (stmt, 4, incident_id);
  sqlite3_bind_text (stmt, 5, json_object_get_string_member (change, "kind"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, json_object_get_string_member (change, "record"), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, json_object_get_string_member (change, "action"), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, after, -1, SQLITE_STATIC);

  return desk_database_step (database, stmt, NULL, error);
}

static gboolean
line_exists (DeskStore   *self,
             const char  *uuid,
             gboolean    *exists,
             GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;

  if (!(stmt = desk_database_prepare (database, "SELECT 1 FROM audit_log WHERE uuid = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  return desk_database_step (database, stmt, exists, error);
}

/* Sets the fields of @values on @record, but for those @skip names. */
static gboolean
set_fields (DeskStore   *self,
            DeskRecord  *record,
            JsonObject  *values,
            GHashTable  *skip,
            GError     **error)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);
  g_autoptr(GList) members = json_object_get_members (values);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *column = l->data;
      g_auto(GValue) value = G_VALUE_INIT;
      const DeskField *field = find_column (klass, column, NULL);

      /* A field of a newer version: this one has nowhere to keep it. */
      if (field == NULL)
        {
          g_debug ("Ignoring the unknown field %s of a %s", column,
                   desk_record_class_get_kind (klass));
          continue;
        }
      if (skip != NULL && g_hash_table_contains (skip, column))
        continue;

      g_value_init (&value, field->pspec->value_type);
      if (!value_from_json (self, field, json_object_get_member (values, column), &value, error))
        return FALSE;
      g_object_set_property (G_OBJECT (record), field->pspec->name, &value);
    }

  return TRUE;
}

static gboolean
create_received (DeskStore   *self,
                 GType        type,
                 const char  *uuid,
                 JsonObject  *entry,
                 JsonObject  *change,
                 GError     **error)
{
  g_autoptr(DeskRecord) record = g_object_new (type, NULL);

  desk_record_set_uuid (record, uuid);
  desk_record_set_timestamps (record, json_object_get_int_member (entry, "created_at"),
                              json_object_get_int_member (change, "at"));
  desk_record_set_deleted (record, json_object_get_boolean_member (entry, "deleted"));

  /* A value another record here holds (a contract ID entered on two machines before either
   * synced) is refused in words; removing one of the two lets the sync go on. */
  return set_fields (self, record, json_object_get_object_member (entry, "values"), NULL, error) &&
         _desk_store_check_unique (self, record, error) &&
         (!DESK_IS_CATEGORY (record) || _desk_store_assign_category_bit (self, record, error)) &&
         _desk_store_write_row (self, record, "insert", error);
}

static gboolean
update_received (DeskStore   *self,
                 DeskRecord  *record,
                 JsonObject  *entry,
                 JsonObject  *change,
                 GError     **error)
{
  JsonObject *values = json_object_get_object_member (entry, "values");
  const char *uuid = desk_record_get_uuid (record);
  g_autoptr(GHashTable) skip = NULL;
  g_autoptr(JsonObject) local_fields = wire_fields (self, record);
  g_autoptr(GList) members = json_object_get_members (values);

  if (!pending_fields (self, uuid, &skip, error))
    return FALSE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean held = FALSE;

      if (!g_hash_table_contains (skip, l->data) &&
          json_object_has_member (local_fields, l->data) &&
          !follow_conflict (self, uuid, l->data, json_object_get_member (values, l->data),
                            local_fields, &held, error))
        return FALSE;
      if (held)
        g_hash_table_add (skip, g_strdup (l->data));
    }

  if (!set_fields (self, record, values, skip, error))
    return FALSE;

  if (!g_hash_table_contains (skip, "deleted"))
    desk_record_set_deleted (record, json_object_get_boolean_member (entry, "deleted"));
  desk_record_set_timestamps (record, desk_record_get_created_at (record),
                              MAX (desk_record_get_updated_at (record),
                                   json_object_get_int_member (change, "at")));

  return _desk_store_check_unique (self, record, error) &&
         _desk_store_write_row (self, record, "update", error);
}

/**
 * desk_store_sync_apply_change:
 * @entry: a "change" entry of the server's log, checked by the sync layer
 * @applied: (out) (optional): whether it was new here
 *
 * Applies a change pulled from the server: sets the values the server applied on the record,
 * creating it if needed, except for the fields this machine changed since and has not pushed
 * yet, or holds in conflict; and appends the change to the audit log as a received line. A
 * change this machine made, or applied before, changes nothing.
 */
gboolean
desk_store_sync_apply_change (DeskStore   *self,
                              JsonObject  *entry,
                              gboolean    *applied,
                              GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  JsonObject *change = json_object_get_object_member (entry, "change");
  const char *kind = json_object_get_string_member (change, "kind");
  const char *uuid = json_object_get_string_member (change, "record");
  g_autoptr(DeskRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists;
  GType type;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  type = desk_record_type_from_kind (kind);
  if (type == G_TYPE_INVALID)
    {
      /* Translators: %s is a kind of record on the wire */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("The server holds records of a kind this version of Incident Desk does "
                     "not know (“%s”): update Incident Desk to sync with it"), kind);
      return FALSE;
    }

  if (applied != NULL)
    *applied = FALSE;
  if (!desk_database_begin (database, error))
    return FALSE;

  if (line_exists (self, json_object_get_string_member (change, "id"), &exists, &local_error) &&
      !exists &&
      find_record (self, type, uuid, &record, &local_error))
    {
      if (record == NULL)
        create_received (self, type, uuid, entry, change, &local_error);
      else
        update_received (self, record, entry, change, &local_error);

      if (local_error == NULL)
        append_received_line (self, change, &local_error);
    }

  if (local_error != NULL || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      if (local_error->domain == DESK_STORE_ERROR)
        set_apply_error (error, kind, uuid, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (applied != NULL)
    *applied = !exists;
  return TRUE;
}

/* }}} */
/* Accounts {{{ */

void
desk_sync_account_cursor_clear (DeskSyncAccountCursor *cursor)
{
  g_clear_pointer (&cursor->after, g_free);
}

/**
 * desk_store_sync_next_incident:
 * @found: (out): whether there is a next incident
 *
 * Moves @cursor to the start of the next incident's accounts.
 */
gboolean
desk_store_sync_next_incident (DeskStore              *self,
                               DeskSyncAccountCursor  *cursor,
                               gboolean               *found,
                               GError                **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  *found = FALSE;
  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "SELECT id FROM incidents WHERE id > ? ORDER BY id LIMIT 1",
                                     error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, cursor->incident_id);
      ok = desk_database_step (database, stmt, found, error);
      if (*found)
        {
          cursor->incident_id = sqlite3_column_int64 (stmt, 0);
          cursor->findings = FALSE;
          g_free (cursor->after);
          cursor->after = g_strdup ("");
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

/**
 * desk_store_sync_read_accounts:
 * @above: read accounts changed after this change number
 * @up_to: and up to this one
 * @strings: where the identifiers are kept
 *
 * Reads the next accounts after @cursor, in its phase, in key order. The cursor is left as it
 * is: the caller moves it past what the server acknowledged.
 *
 * Returns: (transfer full) (element-type DeskSyncAccount): the accounts, with local customer ids
 *   and category bits; empty at the end of the phase; %NULL with @error set
 */
GArray *
desk_store_sync_read_accounts (DeskStore              *self,
                               DeskSyncAccountCursor  *cursor,
                               gint64                  above,
                               gint64                  up_to,
                               guint                   limit,
                               GStringChunk           *strings,
                               GError                **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(GArray) accounts = g_array_sized_new (FALSE, FALSE, sizeof (DeskSyncAccount), limit);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (database);
  /* Accounts that changed, then those of which only the finding did: both walk an index in
   * key order, and only the rows that pass look the other table up. */
  if (!cursor->findings)
    stmt = desk_database_prepare (database,
                                  "SELECT a.identifier, a.customer_id, a.categories,"
                                  " coalesce (f.exposure, 0), coalesce (f.found_at, 0)"
                                  " FROM accounts a LEFT JOIN account_findings f"
                                  " USING (incident_id, identifier)"
                                  " WHERE a.incident_id = ?1 AND a.identifier > ?2"
                                  " AND a.rev > ?3 AND a.rev <= ?4"
                                  " ORDER BY a.identifier LIMIT ?5", &local_error);
  else
    stmt = desk_database_prepare (database,
                                  "SELECT f.identifier, a.customer_id, a.categories,"
                                  " f.exposure, f.found_at"
                                  " FROM account_findings f JOIN accounts a"
                                  " USING (incident_id, identifier)"
                                  " WHERE f.incident_id = ?1 AND f.identifier > ?2"
                                  " AND f.rev > ?3 AND f.rev <= ?4"
                                  " AND NOT (a.rev > ?3 AND a.rev <= ?4)"
                                  " ORDER BY f.identifier LIMIT ?5", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, cursor->incident_id);
      sqlite3_bind_text (stmt, 2, cursor->after ? cursor->after : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, above);
      sqlite3_bind_int64 (stmt, 4, up_to);
      sqlite3_bind_int (stmt, 5, limit);
      while (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
        {
          DeskSyncAccount account;

          account.identifier = g_string_chunk_insert (strings,
                                                      (const char *) sqlite3_column_text (stmt,
                                                                                          0));
          account.customer = sqlite3_column_int64 (stmt, 1);
          account.categories = sqlite3_column_int64 (stmt, 2);
          account.exposure = CLAMP (sqlite3_column_int (stmt, 3), 0, DESK_N_EXPOSURES - 1);
          account.found_at = sqlite3_column_int64 (stmt, 4);
          g_array_append_val (accounts, account);
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

/**
 * desk_store_sync_category_uuids:
 *
 * Returns: (transfer full) (element-type utf8): the UUIDs of the incident's categories, at the
 *   index of their bit, or %NULL with @error set
 */
GPtrArray *
desk_store_sync_category_uuids (DeskStore   *self,
                                gint64       incident_id,
                                GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "SELECT bit, uuid FROM categories WHERE incident_id = ?"
                                     " ORDER BY bit", &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, incident_id);
      while (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
        {
          guint bit = sqlite3_column_int (stmt, 0);

          if (bit >= uuids->len)
            g_ptr_array_set_size (uuids, bit + 1);
          g_ptr_array_index (uuids, bit) = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&uuids);
}

/* Turns the page's customer indexes and category bits into local ids and bits. */
static gboolean
map_references (DeskStore   *self,
                GPtrArray   *customers,
                GPtrArray   *categories,
                GArray      *customer_ids,
                gint64      *category_bits,
                GError     **error)
{
  for (guint i = 0; i < customers->len; i++)
    {
      gint64 id;

      if (!id_of (self, DESK_TYPE_CUSTOMER, g_ptr_array_index (customers, i), &id, error))
        return FALSE;
      if (id == 0)
        {
          g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                               _("it lists accounts of a customer this database has not "
                                 "received"));
          return FALSE;
        }
      g_array_append_val (customer_ids, id);
    }

  for (guint i = 0; i < categories->len; i++)
    {
      g_autoptr(DeskRecord) category = NULL;

      if (!find_record (self, DESK_TYPE_CATEGORY, g_ptr_array_index (categories, i), &category,
                        error))
        return FALSE;
      if (category == NULL)
        {
          g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                               _("it names a breach category this database has not "
                                 "received"));
          return FALSE;
        }
      category_bits[i] = desk_record_get_int (category, "bit");
    }

  return TRUE;
}

static gboolean
merge_accounts (DeskStore   *self,
                gint64       incident_id,
                GArray      *customer_ids,
                gint64      *category_bits,
                guint        n_categories,
                GArray      *accounts,
                GError     **error)
{
  g_autoptr(DeskAccountWriter) writer = NULL;

  if (!(writer = _desk_account_writer_new (self, incident_id, error)))
    return FALSE;
  _desk_account_writer_defer_directory (writer);

  for (guint i = 0; i < accounts->len; i++)
    {
      const DeskSyncAccount *account = &g_array_index (accounts, DeskSyncAccount, i);
      gint64 mask = 0;

      g_assert (account->customer >= 0 && account->customer < customer_ids->len);
      for (guint bit = 0; bit < n_categories; bit++)
        if (account->categories & (G_GINT64_CONSTANT (1) << bit))
          mask |= G_GINT64_CONSTANT (1) << category_bits[bit];

      if (!_desk_account_writer_merge (writer, account->identifier,
                                       g_array_index (customer_ids, gint64, account->customer),
                                       mask, account->exposure, account->found_at, error))
        return FALSE;
    }

  return _desk_account_writer_finish (writer, error);
}

/**
 * desk_store_sync_apply_accounts:
 * @incident: the UUID of the accounts' incident
 * @customers: (element-type utf8): the UUIDs the accounts' customer indexes refer to
 * @categories: (element-type utf8): the UUIDs the accounts' category bits refer to
 * @accounts: (element-type DeskSyncAccount): a page pulled from the server, checked by the sync
 *   layer
 *
 * Merges a page of accounts (see _desk_account_writer_merge()), in one transaction. The account
 * directory of the incident is dropped if accounts were added; desk_store_sync_finish_accounts()
 * rebuilds it.
 */
gboolean
desk_store_sync_apply_accounts (DeskStore   *self,
                                const char  *incident,
                                GPtrArray   *customers,
                                GPtrArray   *categories,
                                GArray      *accounts,
                                GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(GArray) customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *category_bits = g_new0 (gint64, MAX (categories->len, 1));
  g_autoptr(GError) local_error = NULL;
  gint64 incident_id = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (categories->len <= 63, FALSE);

  if (g_object_get_data (G_OBJECT (self), SAVED_CACHE) == NULL)
    g_object_set_data (G_OBJECT (self), SAVED_CACHE,
                       GINT_TO_POINTER (desk_database_set_cache_size (database,
                                                                      MERGE_CACHE_KIB)));

  if (!desk_database_begin (database, error))
    return FALSE;

  if (id_of (self, DESK_TYPE_INCIDENT, incident, &incident_id, &local_error) && incident_id == 0)
    g_set_error_literal (&local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                         _("the incident was not received"));

  if (local_error == NULL &&
      map_references (self, customers, categories, customer_ids, category_bits, &local_error))
    merge_accounts (self, incident_id, customer_ids, category_bits, categories->len, accounts,
                    &local_error);

  if (local_error != NULL || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      if (local_error->domain == DESK_STORE_ERROR)
        /* Translators: %s says why */
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                     _("Cannot apply the server’s accounts: %s"), local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_store_sync_finish_accounts:
 *
 * Rebuilds the account directories that desk_store_sync_apply_accounts() dropped.
 */
gboolean
desk_store_sync_finish_accounts (DeskStore  *self,
                                 GError    **error)
{
  gpointer saved;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  saved = g_object_steal_data (G_OBJECT (self), SAVED_CACHE);
  if (saved != NULL)
    desk_database_set_cache_size (desk_store_get_database (self), GPOINTER_TO_INT (saved));

  return _desk_store_rebuild_account_directories (self, error);
}

/* }}} */
/* Conflicts {{{ */

/**
 * desk_store_sync_add_conflict:
 * @kind: the record's kind on the wire
 * @record: the record's UUID
 * @field: the field's name on the wire
 * @base: (nullable): the value both changes started from
 * @local: the value pushed from here
 * @remote: the server's value
 *
 * Marks a field of a record in conflict (or updates the mark). The record keeps the local value.
 */
gboolean
desk_store_sync_add_conflict (DeskStore   *self,
                              const char  *kind,
                              const char  *record,
                              const char  *field,
                              JsonNode    *base,
                              JsonNode    *local,
                              JsonNode    *remote,
                              GError     **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(DeskStatement) incident = NULL;
  g_autofree char *base_text = desk_sync_canonical_json (base);
  g_autofree char *local_text = desk_sync_canonical_json (local);
  g_autofree char *remote_text = desk_sync_canonical_json (remote);
  gboolean ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "INSERT INTO sync_conflicts (kind, record_uuid, field,"
                                     " incident_id, base, local, remote, detected_at)"
                                     " VALUES (?1, ?2, ?3, (SELECT incident_id FROM audit_log"
                                     "   WHERE record_uuid = ?2 ORDER BY id LIMIT 1),"
                                     " ?4, ?5, ?6, ?7)"
                                     " ON CONFLICT DO UPDATE SET base = excluded.base,"
                                     " local = excluded.local, remote = excluded.remote,"
                                     " detected_at = excluded.detected_at", error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, record, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, base_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, local_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, remote_text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, desk_store_now (self));
      ok = desk_database_step (database, stmt, NULL, error);
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

static char *
record_title (DeskStore   *self,
              const char  *kind,
              const char  *uuid)
{
  GType type = desk_record_type_from_kind (kind);
  g_autoptr(DeskRecord) record = NULL;
  DeskRecordClass *klass;

  if (type == G_TYPE_INVALID || !find_record (self, type, uuid, &record, NULL) || record == NULL)
    return NULL;

  klass = DESK_RECORD_GET_CLASS (record);
  for (guint i = 0; i < G_N_ELEMENTS (title_columns); i++)
    {
      guint index;
      const char *text;

      if (find_column (klass, title_columns[i], &index) != NULL &&
          G_VALUE_HOLDS_STRING (desk_record_get_value (record, index)) &&
          (text = g_value_get_string (desk_record_get_value (record, index))) != NULL &&
          *text != '\0')
        return g_strdup (text);
    }

  return NULL;
}

/**
 * desk_store_sync_list_conflicts:
 *
 * Returns: (transfer full) (element-type DeskConflict): the fields in conflict, oldest first, or
 *   %NULL with @error set
 */
GPtrArray *
desk_store_sync_list_conflicts (DeskStore  *self,
                                GError    **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (database);
  /* Who made each value: the last line of the audit log, made here or received, that set the
   * field. */
  if ((stmt = desk_database_prepare (database,
                                     "SELECT c.id, c.kind, c.record_uuid, c.field, c.local,"
                                     " c.remote, c.detected_at, l.actor, l.at, r.actor, r.at"
                                     " FROM sync_conflicts c"
                                     " LEFT JOIN audit_log l ON l.id = (SELECT id FROM audit_log"
                                     "   WHERE record_uuid = c.record_uuid AND remote = 0"
                                     "   AND json_type (after, '$.' || c.field) IS NOT NULL"
                                     "   ORDER BY id DESC LIMIT 1)"
                                     " LEFT JOIN audit_log r ON r.id = (SELECT id FROM audit_log"
                                     "   WHERE record_uuid = c.record_uuid AND remote = 1"
                                     "   AND json_type (after, '$.' || c.field) IS NOT NULL"
                                     "   ORDER BY id DESC LIMIT 1)"
                                     " ORDER BY c.id",
                                     &local_error)) != NULL)
    while (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
      {
        const char *kind = (const char *) sqlite3_column_text (stmt, 1);
        const char *uuid = (const char *) sqlite3_column_text (stmt, 2);
        g_autofree char *title = record_title (self, kind, uuid);
        DeskConflict *conflict;

        conflict = desk_conflict_new (sqlite3_column_int64 (stmt, 0), kind, uuid, title,
                                      (const char *) sqlite3_column_text (stmt, 3),
                                      (const char *) sqlite3_column_text (stmt, 4),
                                      (const char *) sqlite3_column_text (stmt, 5),
                                      sqlite3_column_int64 (stmt, 6));
        desk_conflict_set_authors (conflict,
                                   (const char *) sqlite3_column_text (stmt, 7),
                                   sqlite3_column_int64 (stmt, 8),
                                   (const char *) sqlite3_column_text (stmt, 9),
                                   sqlite3_column_int64 (stmt, 10));
        g_ptr_array_add (conflicts, conflict);
      }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

gboolean
desk_store_sync_count_conflicts (DeskStore  *self,
                                 gint64     *n_conflicts,
                                 GError    **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row, ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database, "SELECT count (*) FROM sync_conflicts",
                                     error)) != NULL)
    {
      ok = desk_database_step (database, stmt, &has_row, error);
      *n_conflicts = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  return ok;
}

/* Keeps the local value, as a change made from the server's value: the next push applies it. */
static gboolean
keep_local (DeskStore   *self,
            DeskRecord  *record,
            const char  *column,
            const char  *remote,
            GError     **error)
{
  g_autoptr(JsonObject) fields = wire_fields (self, record);
  g_autoptr(JsonObject) before = json_object_new ();
  g_autoptr(JsonObject) after = json_object_new ();
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  json_object_set_member (before, column, parse_or_null (NULL, remote));
  json_object_set_member (after, column, json_node_copy (json_object_get_member (fields, column)));
  before_node = json_node_init_object (json_node_alloc (), before);
  after_node = json_node_init_object (json_node_alloc (), after);
  before_text = json_to_string (before_node, FALSE);
  after_text = json_to_string (after_node, FALSE);

  desk_record_set_timestamps (record, desk_record_get_created_at (record), desk_store_now (self));
  return _desk_store_write_row (self, record, "update", error) &&
         _desk_store_append_audit (self, record, "update", before_text, after_text, error);
}

/* Takes the server's value, as a change of its own. */
static gboolean
take_remote (DeskStore   *self,
             DeskRecord  *record,
             const char  *column,
             const char  *remote,
             GError     **error)
{
  const DeskField *field = find_column (DESK_RECORD_GET_CLASS (record), column, NULL);
  g_autoptr(JsonNode) node = parse_or_null (NULL, remote);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, field->pspec->value_type);
  if (!value_from_json (self, field, node, &value, error))
    return FALSE;

  g_object_set_property (G_OBJECT (record), field->pspec->name, &value);
  return desk_store_save (self, record, error);
}

/**
 * desk_store_sync_resolve_conflict:
 * @id: the conflict's id
 * @take_local: %TRUE to keep this machine's value, %FALSE to take the server's
 *
 * Settles a conflict with a change of its own, which the audit log shows next to the two it
 * settles and the next push sends: its base is the server's value, so it goes through.
 */
gboolean
desk_store_sync_resolve_conflict (DeskStore  *self,
                                  gint64      id,
                                  gboolean    take_local,
                                  GError    **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(DeskRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *column = NULL;
  g_autofree char *remote = NULL;
  gboolean has_row = FALSE;
  GType type = G_TYPE_INVALID;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (!desk_database_begin (database, error))
    return FALSE;

  if ((stmt = desk_database_prepare (database,
                                     "SELECT kind, record_uuid, field, remote"
                                     " FROM sync_conflicts WHERE id = ?", &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
        {
          kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          column = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          remote = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          type = desk_record_type_from_kind (kind);
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);

  if (local_error == NULL && (!has_row || type == G_TYPE_INVALID))
    g_set_error (&local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                 _("There is no conflict with ID %lld"), (long long) id);

  if (local_error == NULL && find_record (self, type, uuid, &record, &local_error) &&
      (record == NULL || find_column (DESK_RECORD_GET_CLASS (record), column, NULL) == NULL))
    g_set_error (&local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                 _("The record of conflict %lld is no longer in the database"), (long long) id);

  if (local_error == NULL &&
      (take_local ? keep_local (self, record, column, remote, &local_error)
                  : take_remote (self, record, column, remote, &local_error)) &&
      (stmt = desk_database_prepare (database, "DELETE FROM sync_conflicts WHERE id = ?",
                                     &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      desk_database_step (database, stmt, NULL, &local_error);
    }
  g_clear_pointer (&stmt, desk_statement_release);

  if (local_error != NULL || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gpointer
list_conflicts_work (DeskStore  *self,
                     gpointer    data,
                     GError    **error)
{
  return desk_store_sync_list_conflicts (self, error);
}

void
desk_store_sync_list_conflicts_async (DeskStore           *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (DESK_IS_STORE (self));

  _desk_store_run_in_thread (self, list_conflicts_work, NULL, NULL,
                             (GDestroyNotify) g_ptr_array_unref,
                             desk_store_sync_list_conflicts_async, cancellable, callback,
                             user_data);
}

/**
 * desk_store_sync_list_conflicts_finish:
 *
 * Returns: (transfer full) (element-type DeskConflict): see desk_store_sync_list_conflicts()
 */
GPtrArray *
desk_store_sync_list_conflicts_finish (DeskStore     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_sync_list_conflicts_async, error);
}

typedef struct
{
  gint64   id;
  gboolean take_local;
} Resolution;

static gpointer
resolve_conflict_work (DeskStore  *self,
                       gpointer    data,
                       GError    **error)
{
  Resolution *resolution = data;

  /* Anything but NULL says it went through. */
  return desk_store_sync_resolve_conflict (self, resolution->id, resolution->take_local, error)
         ? self : NULL;
}

/**
 * desk_store_sync_resolve_conflict_async:
 *
 * Runs desk_store_sync_resolve_conflict() on a worker thread.
 */
void
desk_store_sync_resolve_conflict_async (DeskStore           *self,
                                        gint64               id,
                                        gboolean             take_local,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Resolution *resolution;

  g_return_if_fail (DESK_IS_STORE (self));

  resolution = g_new0 (Resolution, 1);
  resolution->id = id;
  resolution->take_local = !!take_local;
  _desk_store_run_in_thread (self, resolve_conflict_work, resolution, g_free, NULL,
                             desk_store_sync_resolve_conflict_async, cancellable, callback,
                             user_data);
}

gboolean
desk_store_sync_resolve_conflict_finish (DeskStore     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _desk_store_run_finish (self, result, desk_store_sync_resolve_conflict_async,
                                 error) != NULL;
}

/* }}} */
