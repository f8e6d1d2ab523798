/* desk-store.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskStore is the only way into the database for the rest of the application: it saves,
 * tombstones and loads records (one code path for every record type, driven by the fields a
 * record class declares), appends every change to the audit log in the same transaction, and
 * answers the figures people see with SQL aggregates. The _async variants run the same code on a
 * worker thread; the database's lock serialises them.
 */

#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-rulebook.h"
#include "desk-store-private.h"
#include "desk-time.h"

struct _DeskStore
{
  GObject        parent_instance;

  DeskDatabase  *database;
  char          *actor;
  DeskChannel    default_channel;
  DeskClockFunc  clock;
  gpointer       clock_data;
  GHashTable    *sql;        /* "kind:verb" → SQL text, built once per record type */
  GMutex         sql_mutex;
  DeskRulebook  *rulebook;   /* loaded on first use, from any thread */
};

G_DEFINE_FINAL_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-store-error-quark, desk_store_error)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_DEFAULT_CHANNEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns every record table starts with, in this order. */
#define BASE_COLUMNS "id, uuid, created_at, updated_at, deleted"
#define N_BASE_COLUMNS 5

/* SQL building {{{ */

static char *
build_sql (DeskRecordClass *klass,
           const char      *verb)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_fields = desk_record_class_get_n_fields (klass);
  const char *table = desk_record_class_get_table (klass);

  if (g_str_equal (verb, "select"))
    {
      g_string_append (sql, "SELECT " BASE_COLUMNS);
      for (guint i = 0; i < n_fields; i++)
        g_string_append_printf (sql, ", %s", desk_record_class_get_field (klass, i)->column);
      g_string_append_printf (sql, " FROM %s", table);
    }
  else if (g_str_equal (verb, "insert"))
    {
      g_string_append_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at, deleted", table);
      for (guint i = 0; i < n_fields; i++)
        g_string_append_printf (sql, ", %s", desk_record_class_get_field (klass, i)->column);
      g_string_append (sql, ") VALUES (?, ?, ?, ?");
      for (guint i = 0; i < n_fields; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
    }
  else if (g_str_equal (verb, "update"))
    {
      g_string_append_printf (sql, "UPDATE %s SET uuid = ?, created_at = ?, updated_at = ?, "
                                   "deleted = ?", table);
      for (guint i = 0; i < n_fields; i++)
        g_string_append_printf (sql, ", %s = ?", desk_record_class_get_field (klass, i)->column);
      g_string_append_printf (sql, " WHERE id = ?%u", n_fields + 5);
    }
  else
    g_assert_not_reached ();

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Returns: (transfer none): the SQL for @verb on @klass's table, built on first use */
static const char *
get_sql (DeskStore       *self,
         DeskRecordClass *klass,
         const char      *verb)
{
  g_autofree char *key = g_strconcat (desk_record_class_get_kind (klass), ":", verb, NULL);
  const char *sql;

  g_mutex_lock (&self->sql_mutex);
  sql = g_hash_table_lookup (self->sql, key);
  if (sql == NULL)
    {
      sql = build_sql (klass, verb);
      g_hash_table_insert (self->sql, g_steal_pointer (&key), (char *) sql);
    }
  g_mutex_unlock (&self->sql_mutex);

  return sql;
}

/* }}} */
/* Binding and reading values {{{ */

static void
bind_field (DeskStatement   *stmt,
            int              column,
            const DeskField *field,
            const GValue    *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *str = g_value_get_string (value);

      if (str != NULL && *str != '\0')
        sqlite3_bind_text (stmt, column, str, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, column);
    }
  else if (G_VALUE_HOLDS_ENUM (value))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      sqlite3_bind_text (stmt, column, enum_value->value_nick, -1, SQLITE_STATIC);
    }
  else if (G_VALUE_HOLDS_INT64 (value))
    {
      gint64 number = g_value_get_int64 (value);

      if (number == 0 && (field->flags & (DESK_FIELD_TIME | DESK_FIELD_REFERENCE)) != 0)
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_int64 (stmt, column, number);
    }
  else
    g_assert_not_reached ();
}

static void
read_field (DeskStatement   *stmt,
            int              column,
            const DeskField *field,
            GValue          *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
  else if (G_VALUE_HOLDS_ENUM (value))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *enum_value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

      /* A value this version does not know (from a newer peer) reads as the default. */
      if (enum_value != NULL)
        g_value_set_enum (value, enum_value->value);
      else
        g_param_value_set_default (field->pspec, value);
    }
  else if (G_VALUE_HOLDS_INT64 (value))
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else
    g_assert_not_reached ();
}

/**
 * _desk_record_from_statement:
 * @first: the index of the record's "id" column in @stmt's row
 *
 * Reads a record from the columns of _desk_store_columns() at @first.
 */
DeskRecord *
_desk_record_from_statement (GType          type,
                             DeskStatement *stmt,
                             int            first)
{
  DeskRecord *record = g_object_new (type, NULL);
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);

  desk_record_set_id (record, sqlite3_column_int64 (stmt, first));
  desk_record_set_uuid (record, (const char *) sqlite3_column_text (stmt, first + 1));
  desk_record_set_timestamps (record, sqlite3_column_int64 (stmt, first + 2),
                              sqlite3_column_int64 (stmt, first + 3));
  desk_record_set_deleted (record, sqlite3_column_int (stmt, first + 4));

  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      const DeskField *field = desk_record_class_get_field (klass, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, field->pspec->value_type);
      read_field (stmt, first + N_BASE_COLUMNS + i, field, &value);
      g_object_set_property (G_OBJECT (record), field->pspec->name, &value);
    }

  return record;
}

/**
 * _desk_store_columns:
 * @alias: the table's alias in the caller's query
 *
 * Returns: (transfer full): the column list _desk_record_from_statement() reads, qualified
 *   with @alias, and sets @n_columns to its length
 */
char *
_desk_store_columns (GType       type,
                     const char *alias,
                     int        *n_columns)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);
  const char *base[] = { "id", "uuid", "created_at", "updated_at", "deleted" };
  GString *columns = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (base); i++)
    g_string_append_printf (columns, "%s%s.%s", i ? ", " : "", alias, base[i]);
  for (guint i = 0; i < desk_record_class_get_n_fields (record_class); i++)
    g_string_append_printf (columns, ", %s.%s", alias,
                            desk_record_class_get_field (record_class, i)->column);

  *n_columns = N_BASE_COLUMNS + desk_record_class_get_n_fields (record_class);
  return g_string_free (columns, FALSE);
}

static DeskRecord *
record_from_row (GType          type,
                 DeskStatement *stmt)
{
  return _desk_record_from_statement (type, stmt, 0);
}

/* }}} */
/* Audit log {{{ */

static gint64
incident_of (DeskRecord *record)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);

  if (DESK_IS_INCIDENT (record))
    return desk_record_get_id (record);

  if (desk_record_class_find_field (klass, "incident-id") != NULL)
    return desk_record_get_int (record, "incident-id");

  return 0;
}

static char *
uuid_of (DeskStore *self,
         GType      type,
         gint64     id)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row = FALSE;

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?",
                         desk_record_class_get_table (DESK_RECORD_CLASS (klass)));
  stmt = desk_database_prepare (self->database, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!desk_database_step (self->database, stmt, &has_row, NULL) || !has_row)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Values in the audit log name other records by UUID, never by local id, so that the log means
 * the same on every machine it syncs to. */
static void
add_field_json (DeskStore       *self,
                JsonBuilder     *builder,
                DeskRecord      *record,
                guint            index,
                gboolean         iso_times)
{
  const DeskField *field = desk_record_class_get_field (DESK_RECORD_GET_CLASS (record), index);
  const GValue *value = desk_record_get_value (record, index);

  json_builder_set_member_name (builder, field->column);

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *str = g_value_get_string (value);

      if (str != NULL && *str != '\0')
        json_builder_add_string_value (builder, str);
      else
        json_builder_add_null_value (builder);
    }
  else if (G_VALUE_HOLDS_ENUM (value))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));

      json_builder_add_string_value (builder,
                                     g_enum_get_value (enum_class,
                                                       g_value_get_enum (value))->value_nick);
    }
  else if (field->flags & DESK_FIELD_REFERENCE)
    {
      g_autofree char *uuid = NULL;

      if (g_value_get_int64 (value) != 0)
        uuid = uuid_of (self, field->target, g_value_get_int64 (value));

      if (uuid != NULL)
        json_builder_add_string_value (builder, uuid);
      else
        json_builder_add_null_value (builder);
    }
  else if (field->flags & DESK_FIELD_CATEGORY_MASK)
    {
      g_autoptr(DeskStatement) stmt = NULL;
      gboolean has_row;

      json_builder_begin_array (builder);
      stmt = desk_database_prepare (self->database,
                                    "SELECT uuid FROM categories WHERE incident_id = ? "
                                    "AND (? >> bit) & 1 ORDER BY position, created_at", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, incident_of (record));
          sqlite3_bind_int64 (stmt, 2, g_value_get_int64 (value));
          while (desk_database_step (self->database, stmt, &has_row, NULL) && has_row)
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
        }
      json_builder_end_array (builder);
    }
  else if ((field->flags & DESK_FIELD_TIME) && g_value_get_int64 (value) == 0)
    json_builder_add_null_value (builder);
  else if ((field->flags & DESK_FIELD_TIME) && iso_times)
    {
      g_autofree char *iso = desk_time_format_iso (g_value_get_int64 (value));

      json_builder_add_string_value (builder, iso);
    }
  else
    json_builder_add_int_value (builder, g_value_get_int64 (value));
}

/* A JSON object of @record's fields: those that differ from @other, or all when @other is NULL. */
char *
_desk_store_fields_json (DeskStore  *self,
                         DeskRecord *record,
                         DeskRecord *other)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      if (desk_record_class_get_field (klass, i)->flags & DESK_FIELD_LOCAL)
        continue;
      if (other != NULL && desk_record_field_equal (record, other, i))
        continue;

      add_field_json (self, builder, record, i, FALSE);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
_desk_store_append_audit (DeskStore   *self,
                          DeskRecord  *record,
                          const char  *action,
                          const char  *before,
                          const char  *after,
                          GError     **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 incident_id = incident_of (record);

  stmt = desk_database_prepare (self->database,
                                "INSERT INTO audit_log (uuid, at, actor, incident_id, kind, "
                                "record_uuid, action, before, after) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, desk_store_now (self));
  sqlite3_bind_text (stmt, 3, desk_store_get_actor (self), -1, SQLITE_TRANSIENT);
  if (incident_id != 0)
    sqlite3_bind_int64 (stmt, 4, incident_id);
  sqlite3_bind_text (stmt, 5, desk_record_class_get_kind (DESK_RECORD_GET_CLASS (record)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, desk_record_get_uuid (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, after, -1, SQLITE_STATIC);

  return desk_database_step (self->database, stmt, NULL, error);
}

/* }}} */
/* Writing records {{{ */

static gboolean
validate (DeskRecord  *record,
          GError     **error)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);

  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      const DeskField *field = desk_record_class_get_field (klass, i);
      const char *str;

      if (!(field->flags & DESK_FIELD_REQUIRED))
        continue;

      str = g_value_get_string (desk_record_get_value (record, i));
      while (str != NULL && g_ascii_isspace (*str))
        str++;
      if (str != NULL && *str != '\0')
        continue;

      /* Translators: the first %s names a kind of record, the second one of its fields, as in
       * "The customer’s contract ID may not be empty" */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("The %s’s %s may not be empty"), desk_record_class_get_label (klass),
                   desk_field_get_label (field));
      return FALSE;
    }

  return TRUE;
}

/* The UNIQUE index refuses a taken value too, but its message names columns, not the field and
 * the value people typed. Run inside the save's transaction, so that no other writer slips in
 * between. */
gboolean
_desk_store_check_unique (DeskStore   *self,
                          DeskRecord  *record,
                          GError     **error)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);

  if (desk_record_get_deleted (record))
    return TRUE;

  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      const DeskField *field = desk_record_class_get_field (klass, i);
      g_autofree char *sql = NULL;
      g_autoptr(DeskStatement) stmt = NULL;
      gboolean taken;

      if (!(field->flags & DESK_FIELD_UNIQUE))
        continue;

      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ? AND NOT deleted AND id != ?",
                             desk_record_class_get_table (klass), field->column);
      if (!(stmt = desk_database_prepare (self->database, sql, error)))
        return FALSE;

      bind_field (stmt, 1, field, desk_record_get_value (record, i));
      sqlite3_bind_int64 (stmt, 2, desk_record_get_id (record));
      if (!desk_database_step (self->database, stmt, &taken, error))
        return FALSE;

      if (taken)
        {
          /* Translators: the first %s names a kind of record, the second one of its fields, as
           * in "Another customer already has contract ID “C-1”" */
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE,
                       _("Another %s already has %s “%s”"), desk_record_class_get_label (klass),
                       desk_field_get_label (field),
                       g_value_get_string (desk_record_get_value (record, i)));
          return FALSE;
        }
    }

  return TRUE;
}

static void
set_write_error (DeskStore   *self,
                 DeskRecord  *record,
                 GError     **error,
                 GError      *db_error)
{
  if (g_error_matches (db_error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_DUPLICATE))
    /* Translators: %s names a kind of record, e.g. "affected customer" */
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE, _("This %s already exists"),
                 desk_record_class_get_label (DESK_RECORD_GET_CLASS (record)));
  else
    g_propagate_error (error, g_error_copy (db_error));
}

gboolean
_desk_store_write_row (DeskStore   *self,
                       DeskRecord  *record,
                       const char  *verb,
                       GError     **error)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);
  guint n_fields = desk_record_class_get_n_fields (klass);
  g_autoptr(DeskStatement) stmt = NULL;

  stmt = desk_database_prepare (self->database, get_sql (self, klass, verb), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, desk_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, desk_record_get_created_at (record));
  sqlite3_bind_int64 (stmt, 3, desk_record_get_updated_at (record));
  sqlite3_bind_int (stmt, 4, desk_record_get_deleted (record));
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, 5 + i, desk_record_class_get_field (klass, i),
                desk_record_get_value (record, i));
  if (g_str_equal (verb, "update"))
    sqlite3_bind_int64 (stmt, 5 + n_fields, desk_record_get_id (record));

  if (!desk_database_step (self->database, stmt, NULL, error))
    return FALSE;

  if (g_str_equal (verb, "insert"))
    {
      sqlite3 *handle = desk_database_get_handle (self->database);

      desk_record_set_id (record, sqlite3_last_insert_rowid (handle));
    }

  return TRUE;
}

/* Each machine numbers an incident's categories itself; bits of deleted categories stay taken so
 * that old masks never change meaning. */
gboolean
_desk_store_assign_category_bit (DeskStore   *self,
                                 DeskRecord  *category,
                                 GError     **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;
  gint64 bit;

  stmt = desk_database_prepare (self->database,
                                "SELECT coalesce (max (bit) + 1, 0) FROM categories "
                                "WHERE incident_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_record_get_int (category, "incident-id"));
  if (!desk_database_step (self->database, stmt, &has_row, error))
    return FALSE;

  bit = sqlite3_column_int64 (stmt, 0);
  if (bit > 62)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("An incident can have at most 63 breach categories"));
      return FALSE;
    }

  desk_record_set_int (category, "bit", bit);
  return TRUE;
}

/* Every affected customer gets its row in the notification ledger. */
static gboolean
add_ledger_row (DeskStore   *self,
                DeskRecord  *affected,
                GError     **error)
{
  g_autoptr(DeskRecord) notification = NULL;

  notification = g_object_new (DESK_TYPE_NOTIFICATION,
                               "incident-id", desk_record_get_int (affected, "incident-id"),
                               "affected-id", desk_record_get_id (affected),
                               "recipient", DESK_RECIPIENT_CUSTOMER,
                               "channel", self->default_channel,
                               NULL);
  return desk_store_save (self, notification, error);
}

static gboolean
insert_record (DeskStore   *self,
               DeskRecord  *record,
               GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *after = NULL;
  gint64 now = desk_store_now (self);

  if (DESK_IS_CATEGORY (record) && !_desk_store_assign_category_bit (self, record, error))
    return FALSE;

  if (desk_record_get_uuid (record) == NULL)
    {
      uuid = g_uuid_string_random ();
      desk_record_set_uuid (record, uuid);
    }
  desk_record_set_timestamps (record, now, now);

  if (!_desk_store_write_row (self, record, "insert", error))
    return FALSE;

  after = _desk_store_fields_json (self, record, NULL);
  if (!_desk_store_append_audit (self, record, "create", NULL, after, error))
    return FALSE;

  if (DESK_IS_AFFECTED (record) && !add_ledger_row (self, record, error))
    return FALSE;

  return TRUE;
}

static gboolean
update_record (DeskStore   *self,
               DeskRecord  *record,
               GError     **error)
{
  g_autoptr(DeskRecord) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *action = "update";

  stored = desk_store_load (self, G_OBJECT_TYPE (record), desk_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  if (desk_record_get_deleted (stored) != desk_record_get_deleted (record))
    {
      action = desk_record_get_deleted (record) ? "delete" : "restore";
      before = _desk_store_fields_json (self, stored, NULL);
    }
  else
    {
      before = _desk_store_fields_json (self, stored, record);
      if (g_str_equal (before, "{}"))
        return TRUE;  /* nothing changed: no new revision, no audit line */
      after = _desk_store_fields_json (self, record, stored);
    }

  desk_record_set_uuid (record, desk_record_get_uuid (stored));
  desk_record_set_timestamps (record, desk_record_get_created_at (stored), desk_store_now (self));

  if (!_desk_store_write_row (self, record, "update", error))
    return FALSE;

  if (g_str_equal (action, "delete"))
    return _desk_store_append_audit (self, record, action, before, NULL, error);
  if (g_str_equal (action, "restore"))
    return _desk_store_append_audit (self, record, action, NULL, before, error);

  return _desk_store_append_audit (self, record, action, before, after, error);
}

/* }}} */
/* Affected customers {{{ */

/* Returns: (transfer none): a statement reading records of @type WHERE @condition, with its
 *   values still to bind, or %NULL with @error set */
static DeskStatement *
prepare_select (DeskStore   *self,
                GType        type,
                const char  *condition,
                GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strconcat (get_sql (self, DESK_RECORD_CLASS (klass), "select"),
                                      " WHERE ", condition, NULL);

  return desk_database_prepare (self->database, sql, error);
}

/* Reads the record of @type in @stmt's first row into @record, or sets it to %NULL if there is
 * none; either way @stmt is reset. */
static gboolean
read_first (DeskStore      *self,
            GType           type,
            DeskStatement  *stmt,
            DeskRecord    **record,
            GError        **error)
{
  g_autoptr(DeskStatement) reset = stmt;
  gboolean has_row;

  *record = NULL;
  if (!desk_database_step (self->database, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *record = record_from_row (type, stmt);
  return TRUE;
}

/* Adding a customer to an incident is not editing it: the customer on record is shared by every
 * incident, and a name typed otherwise in the add dialog must not rename it everywhere. So it
 * keeps what it has and only gains what it lacked; editing the customer is how to change it. */
static void
fill_blanks (DeskRecord *stored,
             DeskRecord *entered)
{
  static const char * const texts[] = { "name", "account-manager", "contacts" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = desk_record_get_string (stored, texts[i]);

      if (value == NULL || *value == '\0')
        desk_record_set_string (stored, texts[i], desk_record_get_string (entered, texts[i]));
    }

  /* The notice promise is the hours and what they count from, together. */
  if (desk_record_get_int (stored, "notice-hours") == 0)
    {
      desk_record_set_int (stored, "notice-hours", desk_record_get_int (entered, "notice-hours"));
      desk_record_set_enum (stored, "notice-basis",
                            desk_record_get_enum (entered, "notice-basis"));
    }
}

/* The customer was on the incident and was removed from it: the pair is unique, so its old link
 * comes back, and with it its ledger rows and their history (sent, acknowledged). It then takes
 * the exposure and categories entered now, in an audit line of its own. */
static gboolean
restore_link (DeskStore   *self,
              DeskRecord  *link,
              DeskRecord  *entered,
              GError     **error)
{
  g_autoptr(GPtrArray) ledger = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (!desk_store_restore (self, link, error))
    return FALSE;

  desk_record_set_enum (link, "exposure", desk_record_get_enum (entered, "exposure"));
  desk_record_set_int (link, "categories", desk_record_get_int (entered, "categories"));
  if (desk_record_get_int (link, "confirmed-at") == 0)
    desk_record_set_int (link, "confirmed-at", desk_record_get_int (entered, "confirmed-at"));
  if (!desk_store_save (self, link, error))
    return FALSE;

  if (!(stmt = prepare_select (self, DESK_TYPE_NOTIFICATION, "affected_id = ? AND deleted", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, desk_record_get_id (link));
  while (desk_database_step (self->database, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (ledger, record_from_row (DESK_TYPE_NOTIFICATION, stmt));
  g_clear_pointer (&stmt, desk_statement_release);

  for (guint i = 0; i < ledger->len && local_error == NULL; i++)
    desk_store_restore (self, g_ptr_array_index (ledger, i), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  desk_record_assign (entered, link);
  return TRUE;
}

static gboolean
find_customer (DeskStore   *self,
               const char  *contract_id,
               DeskRecord **customer,
               GError     **error)
{
  DeskStatement *stmt;

  if (!(stmt = prepare_select (self, DESK_TYPE_CUSTOMER, "contract_id = ? AND NOT deleted",
                               error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  return read_first (self, DESK_TYPE_CUSTOMER, stmt, customer, error);
}

/* The link of a customer to an incident, deleted or not. */
static gboolean
find_link (DeskStore   *self,
           gint64       incident_id,
           gint64       customer_id,
           DeskRecord **affected,
           GError     **error)
{
  DeskStatement *stmt;

  if (!(stmt = prepare_select (self, DESK_TYPE_AFFECTED, "incident_id = ? AND customer_id = ?",
                               error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  return read_first (self, DESK_TYPE_AFFECTED, stmt, affected, error);
}

/* The steps of desk_store_add_affected_customer(), inside its transaction. */
static gboolean
put_on_incident (DeskStore   *self,
                 DeskRecord  *customer,
                 DeskRecord  *affected,
                 GError     **error)
{
  const char *contract_id = desk_record_get_string (customer, "contract-id");
  g_autoptr(DeskRecord) stored = NULL;
  g_autoptr(DeskRecord) link = NULL;

  if (!find_customer (self, contract_id, &stored, error))
    return FALSE;

  if (stored != NULL)
    {
      if (!find_link (self, desk_record_get_int (affected, "incident-id"),
                      desk_record_get_id (stored), &link, error))
        return FALSE;

      if (link != NULL && !desk_record_get_deleted (link))
        {
          /* Translators: %s is a contract ID */
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE,
                       _("The customer with contract ID “%s” is already on this incident"),
                       contract_id);
          return FALSE;
        }

      fill_blanks (stored, customer);
      desk_record_assign (customer, stored);
    }

  if (!desk_store_save (self, customer, error))
    return FALSE;

  desk_record_set_int (affected, "customer-id", desk_record_get_id (customer));
  if (link != NULL)
    return restore_link (self, link, affected, error);

  return desk_store_save (self, affected, error);
}

/* }}} */
/* GObject {{{ */

static void
desk_store_finalize (GObject *object)
{
  DeskStore *self = DESK_STORE (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->sql, g_hash_table_unref);
  g_mutex_clear (&self->sql_mutex);
  g_clear_object (&self->rulebook);

  G_OBJECT_CLASS (desk_store_parent_class)->finalize (object);
}

static void
desk_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DeskStore *self = DESK_STORE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_string (value, desk_store_get_actor (self));
      break;

    case PROP_DEFAULT_CHANNEL:
      g_value_set_enum (value, desk_store_get_default_channel (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_store_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DeskStore *self = DESK_STORE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      desk_store_set_actor (self, g_value_get_string (value));
      break;

    case PROP_DEFAULT_CHANNEL:
      desk_store_set_default_channel (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_store_class_init (DeskStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_store_finalize;
  object_class->get_property = desk_store_get_property;
  object_class->set_property = desk_store_set_property;

  /**
   * DeskStore:actor:
   *
   * Who the audit log names for the changes made through this store. Empty or %NULL means the
   * login's real name.
   */
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskStore:default-channel:
   *
   * The channel a new affected customer's notice starts with.
   */
  properties[PROP_DEFAULT_CHANNEL] =
    g_param_spec_enum ("default-channel", NULL, NULL, DESK_TYPE_CHANNEL,
                       DESK_CHANNEL_ACCOUNT_MANAGER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_store_init (DeskStore *self)
{
  self->sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->sql_mutex);
}

/* }}} */
/* Public API {{{ */

DeskStore *
desk_store_new (DeskDatabase *database)
{
  DeskStore *self;

  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);

  self = g_object_new (DESK_TYPE_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

DeskDatabase *
desk_store_get_database (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  return self->database;
}

const char *
desk_store_get_actor (DeskStore *self)
{
  const char *real_name;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  if (self->actor != NULL && *self->actor != '\0')
    return self->actor;

  real_name = g_get_real_name ();
  return g_str_equal (real_name, "Unknown") ? g_get_user_name () : real_name;
}

void
desk_store_set_actor (DeskStore  *self,
                      const char *actor)
{
  g_return_if_fail (DESK_IS_STORE (self));

  if (g_strcmp0 (self->actor, actor) == 0)
    return;

  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

DeskChannel
desk_store_get_default_channel (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), DESK_CHANNEL_ACCOUNT_MANAGER);

  return self->default_channel;
}

void
desk_store_set_default_channel (DeskStore   *self,
                                DeskChannel  channel)
{
  g_return_if_fail (DESK_IS_STORE (self));

  if (self->default_channel == channel)
    return;

  self->default_channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_CHANNEL]);
}

void
desk_store_set_clock (DeskStore     *self,
                      DeskClockFunc  clock,
                      gpointer       user_data)
{
  g_return_if_fail (DESK_IS_STORE (self));

  self->clock = clock;
  self->clock_data = user_data;
}

gint64
desk_store_now (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), 0);

  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The steps of desk_store_save(), inside its transaction. Some records follow others: an
 * obligation's due time its rule and its incident's times, a ledger row's its customer's terms;
 * they are brought up to date before and after the write (desk-store-deadlines.c). */
static gboolean
save_in_transaction (DeskStore   *self,
                     DeskRecord  *record,
                     GError     **error)
{
  g_autoptr(DeskRecord) stored = NULL;
  gint64 id = desk_record_get_id (record);

  if (!_desk_store_check_unique (self, record, error))
    return FALSE;

  if (id != 0 && !(stored = desk_store_load (self, G_OBJECT_TYPE (record), id, error)))
    return FALSE;

  return _desk_store_before_write (self, stored, record, error) &&
         (id == 0 ? insert_record (self, record, error) : update_record (self, record, error)) &&
         _desk_store_after_write (self, stored, record, error);
}

/**
 * desk_store_get_rulebook:
 *
 * The deadline rules the store computes obligations' due times with: the built-in ones and the
 * user's (see desk_rulebook_new_default(), whose user error the window reports), unless
 * desk_store_set_rulebook() gave others.
 *
 * Returns: (transfer none): the rulebook
 */
DeskRulebook *
desk_store_get_rulebook (DeskStore *self)
{
  DeskRulebook *rulebook;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  rulebook = g_atomic_pointer_get (&self->rulebook);
  if (rulebook == NULL)
    {
      rulebook = desk_rulebook_new_default ();
      if (!g_atomic_pointer_compare_and_exchange (&self->rulebook, NULL, rulebook))
        {
          g_object_unref (rulebook);
          rulebook = g_atomic_pointer_get (&self->rulebook);
        }
    }

  return rulebook;
}

/**
 * desk_store_set_rulebook:
 *
 * Replaces the deadline rules, before the store is used: for tests, or after the user's rules
 * file changed.
 */
void
desk_store_set_rulebook (DeskStore    *self,
                         DeskRulebook *rulebook)
{
  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_RULEBOOK (rulebook));

  g_set_object (&self->rulebook, rulebook);
}

/**
 * desk_store_save:
 *
 * Inserts @record when its id is 0, otherwise writes its changed fields; either way, in one
 * transaction with the audit log line. An update that changes nothing writes nothing.
 */
gboolean
desk_store_save (DeskStore   *self,
                 DeskRecord  *record,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *old_uuid = NULL;
  gint64 old_id, old_created, old_updated;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_RECORD (record), FALSE);

  if (!validate (record, error))
    return FALSE;

  if (!desk_database_begin (self->database, error))
    return FALSE;

  old_id = desk_record_get_id (record);
  old_uuid = g_strdup (desk_record_get_uuid (record));
  old_created = desk_record_get_created_at (record);
  old_updated = desk_record_get_updated_at (record);

  ok = save_in_transaction (self, record, &local_error);

  if (!ok || !desk_database_commit (self->database, &local_error))
    {
      desk_database_rollback (self->database);
      /* The record says what the database holds, as before the attempt. */
      desk_record_set_id (record, old_id);
      desk_record_set_uuid (record, old_uuid);
      desk_record_set_timestamps (record, old_created, old_updated);
      set_write_error (self, record, error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_deleted (DeskStore   *self,
             DeskRecord  *record,
             gboolean     deleted,
             GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (desk_record_get_id (record) != 0, FALSE);

  desk_record_set_deleted (record, deleted);
  if (!desk_store_save (self, record, error))
    {
      desk_record_set_deleted (record, !deleted);
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_store_delete:
 *
 * Marks @record deleted. The row stays, as a tombstone, so that the deletion can be undone and
 * can travel to other machines.
 */
gboolean
desk_store_delete (DeskStore   *self,
                   DeskRecord  *record,
                   GError     **error)
{
  return set_deleted (self, record, TRUE, error);
}

gboolean
desk_store_restore (DeskStore   *self,
                    DeskRecord  *record,
                    GError     **error)
{
  return set_deleted (self, record, FALSE, error);
}

/**
 * desk_store_set_deleted_all:
 * @records: (element-type DeskRecord): stored records, e.g. a customer's link to an incident and
 *   its notice
 * @deleted: %TRUE to delete (tombstone) @records, %FALSE to restore them
 *
 * Deletes or restores @records, in their order, in one transaction: all of them or, on an error,
 * none, and then none of them changes.
 */
gboolean
desk_store_set_deleted_all (DeskStore   *self,
                            GPtrArray   *records,
                            gboolean     deleted,
                            GError     **error)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  copies = g_ptr_array_new_full (records->len, g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copies, desk_record_copy (g_ptr_array_index (records, i)));

  if (!desk_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; ok && i < copies->len; i++)
    ok = set_deleted (self, g_ptr_array_index (copies, i), deleted, &local_error);

  if (!ok || !desk_database_commit (self->database, &local_error))
    {
      desk_database_rollback (self->database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < records->len; i++)
    desk_record_assign (g_ptr_array_index (records, i), g_ptr_array_index (copies, i));
  return TRUE;
}

/**
 * desk_store_add_affected_customer:
 * @customer: the customer as entered, not stored yet
 * @affected: how @customer's incident affects it (its "incident-id", exposure, categories), not
 *   stored yet
 *
 * Puts a customer on an incident by its contract ID, in one transaction. Customers are shared by
 * every incident, so the one on record with @customer's contract ID is used if there is one (it
 * only gains the details it lacked: see fill_blanks()); otherwise @customer is added. The link is
 * @affected, with its ledger row, or, if the customer was removed from the incident before, that
 * link and its ledger row restored with @affected's exposure and categories.
 *
 * A customer already on the incident is refused with %DESK_STORE_ERROR_DUPLICATE, and then, as
 * on any error, nothing is written and neither record changes. On success they hold what was
 * stored: the customer on record, and the new or restored link.
 */
gboolean
desk_store_add_affected_customer (DeskStore     *self,
                                  DeskCustomer  *customer,
                                  DeskAffected  *affected,
                                  GError       **error)
{
  g_autoptr(DeskRecord) customer_copy = NULL;
  g_autoptr(DeskRecord) affected_copy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (DESK_IS_AFFECTED (affected), FALSE);
  g_return_val_if_fail (desk_record_get_id (DESK_RECORD (customer)) == 0, FALSE);
  g_return_val_if_fail (desk_record_get_id (DESK_RECORD (affected)) == 0, FALSE);

  customer_copy = desk_record_copy (DESK_RECORD (customer));
  affected_copy = desk_record_copy (DESK_RECORD (affected));

  if (!desk_database_begin (self->database, error))
    return FALSE;

  if (!put_on_incident (self, customer_copy, affected_copy, &local_error) ||
      !desk_database_commit (self->database, &local_error))
    {
      desk_database_rollback (self->database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  desk_record_assign (DESK_RECORD (customer), customer_copy);
  desk_record_assign (DESK_RECORD (affected), affected_copy);
  return TRUE;
}

/**
 * desk_store_find_customer:
 * @contract_id: a contract ID
 *
 * Returns: (transfer full) (nullable): the customer on record with @contract_id, or %NULL with
 *   %DESK_STORE_ERROR_NOT_FOUND
 */
DeskCustomer *
desk_store_find_customer (DeskStore   *self,
                          const char  *contract_id,
                          GError     **error)
{
  DeskRecord *customer = NULL;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (contract_id != NULL, NULL);

  desk_database_lock (self->database);
  ok = find_customer (self, contract_id, &customer, error);
  desk_database_unlock (self->database);

  if (ok && customer == NULL)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                 _("There is no customer with contract ID “%s”"), contract_id);

  return DESK_CUSTOMER (customer);
}

/**
 * desk_store_find_affected:
 *
 * Returns: (transfer full) (nullable): how @incident_id affects the customer @customer_id, if
 *   it does (deleted links are left out), or %NULL, with @error set only if reading failed
 */
DeskAffected *
desk_store_find_affected (DeskStore  *self,
                          gint64      incident_id,
                          gint64      customer_id,
                          GError    **error)
{
  DeskRecord *affected = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (self->database);
  find_link (self, incident_id, customer_id, &affected, error);
  desk_database_unlock (self->database);

  if (affected != NULL && desk_record_get_deleted (affected))
    g_clear_object (&affected);

  return (DeskAffected *) affected;
}

/**
 * desk_store_load:
 *
 * Loads the record of @type with local @id, deleted or not.
 *
 * Returns: (transfer full) (type DeskRecord): the record, or %NULL with @error set
 */
gpointer
desk_store_load (DeskStore   *self,
                 GType        type,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  DeskRecord *record = NULL;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, DESK_TYPE_RECORD), NULL);

  sql = g_strconcat (get_sql (self, DESK_RECORD_CLASS (klass), "select"), " WHERE id = ?", NULL);

  desk_database_lock (self->database);
  if ((stmt = desk_database_prepare (self->database, sql, error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (desk_database_step (self->database, stmt, &has_row, error))
        {
          if (has_row)
            record = record_from_row (type, stmt);
          else
            /* Translators: %s names a kind of record, e.g. "checklist item" */
            g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                         _("There is no %s with ID %lld"),
                         desk_record_class_get_label (DESK_RECORD_CLASS (klass)),
                         (long long) id);
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (self->database);

  return record;
}

/**
 * desk_store_lookup:
 * @uuid_or_prefix: a record's UUID, or enough of its start to name one record
 *
 * Finds a record that is not deleted the way people and scripts name it: by UUID or, as with git
 * commits, by a unique prefix of it.
 *
 * Returns: (transfer full) (type DeskRecord): the record, or %NULL with @error set
 */
gpointer
desk_store_lookup (DeskStore   *self,
                   GType        type,
                   const char  *uuid_or_prefix,
                   GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *label = desk_record_class_get_label (DESK_RECORD_CLASS (klass));
  g_autofree char *prefix = g_ascii_strdown (uuid_or_prefix, -1);
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid_or_prefix != NULL, NULL);

  /* Only hexadecimal digits and dashes can start a UUID; anything else (a GLOB character
   * included) names nothing. */
  if (*prefix == '\0' || strspn (prefix, "0123456789abcdef-") != strlen (prefix))
    {
      /* Translators: the first %s names a kind of record, e.g. "incident"; the second is what
       * the person typed */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with ID “%s”"), label, uuid_or_prefix);
      return NULL;
    }

  sql = g_strconcat (get_sql (self, DESK_RECORD_CLASS (klass), "select"),
                     " WHERE uuid GLOB ?1 || '*' AND NOT deleted LIMIT 2", NULL);

  desk_database_lock (self->database);
  if ((stmt = desk_database_prepare (self->database, sql, error)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
        g_ptr_array_add (found, record_from_row (type, stmt));
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (self->database);

  if (error != NULL && *error != NULL)
    return NULL;

  if (found->len == 0)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with ID “%s”"), label, uuid_or_prefix);
  else if (found->len > 1)
    /* Translators: the first %s names a kind of record, e.g. "incident"; the second is what the
     * person typed */
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_AMBIGUOUS,
                 _("More than one %s has an ID starting with “%s”; give more of it"),
                 label, uuid_or_prefix);
  else
    return g_object_ref (g_ptr_array_index (found, 0));

  return NULL;
}

/**
 * desk_store_list:
 * @field: (nullable): a field to filter on, e.g. "incident-id", or %NULL for all records
 * @value: the value @field must have
 *
 * Lists the records of @type that are not deleted, in the type's natural order.
 *
 * Returns: (transfer full) (element-type DeskRecord): the records, or %NULL with @error set
 */
GPtrArray *
desk_store_list (DeskStore   *self,
                 GType        type,
                 const char  *field,
                 gint64       value,
                 GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (get_sql (self, record_class, "select"));
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, DESK_TYPE_RECORD), NULL);

  g_string_append (sql, " WHERE NOT deleted");
  if (field != NULL)
    {
      const DeskField *filter = desk_record_class_find_field (record_class, field);

      g_return_val_if_fail (filter != NULL, NULL);
      g_string_append_printf (sql, " AND %s = ?", filter->column);
    }
  g_string_append_printf (sql, " ORDER BY %s", desk_record_class_get_order_by (record_class));

  desk_database_lock (self->database);
  if ((stmt = desk_database_prepare (self->database, sql->str, &local_error)) != NULL)
    {
      if (field != NULL)
        sqlite3_bind_int64 (stmt, 1, value);
      while (desk_database_step (self->database, stmt, &has_row, &local_error) && has_row)
        g_ptr_array_add (records, record_from_row (type, stmt));
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (self->database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&records);
}

static gboolean
query_counts (DeskStore   *self,
              const char  *sql,
              gint64       incident_id,
              gint64      *values,
              guint        n_values,
              GError     **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (!(stmt = desk_database_prepare (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  if (!desk_database_step (self->database, stmt, &has_row, error))
    return FALSE;

  for (guint i = 0; i < n_values; i++)
    values[i] = has_row ? sqlite3_column_int64 (stmt, i) : 0;

  return TRUE;
}

static gboolean
fill_stats (DeskStore  *self,
            gint64      incident_id,
            DeskStats  *stats,
            GError    **error)
{
  gint64 accounts[2], contracts[3], estimates[2], notices[2];
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GEnumClass) statuses = g_type_class_ref (DESK_TYPE_NOTIFICATION_STATUS);
  g_autoptr(GEnumClass) channels = g_type_class_ref (DESK_TYPE_CHANNEL);
  gboolean has_row;

  if (!query_counts (self,
                     "SELECT coalesce (sum (x.n) FILTER (WHERE x.exposure IN (0, 1)), 0),"
                     " coalesce (sum (x.n) FILTER (WHERE x.exposure = 1), 0)"
                     " FROM account_counts x JOIN affected a ON a.incident_id = x.incident_id"
                     " AND a.customer_id = x.customer_id AND NOT a.deleted"
                     " WHERE x.incident_id = ?", incident_id, accounts, 2, error) ||
      !query_counts (self,
                     "SELECT count (*) FILTER (WHERE exposure != 'cleared'),"
                     " count (*) FILTER (WHERE exposure = 'confirmed'),"
                     " count (*) FILTER (WHERE exposure = 'confirmed' AND categories & (SELECT"
                     "   coalesce (sum (1 << bit), 0) FROM categories c"
                     "   WHERE c.incident_id = affected.incident_id AND NOT c.deleted) != 0)"
                     " FROM affected WHERE incident_id = ? AND NOT deleted",
                     incident_id, contracts, 3, error) ||
      !query_counts (self,
                     "SELECT coalesce (estimated_potential, 0), coalesce (estimated_confirmed, 0)"
                     " FROM incidents WHERE id = ?", incident_id, estimates, 2, error) ||
      !query_counts (self,
                     "SELECT count (*) FILTER (WHERE status != 'not-required'),"
                     " count (*) FILTER (WHERE status IN ('sent', 'delivered', 'acknowledged'))"
                     " FROM notifications WHERE incident_id = ? AND NOT deleted"
                     " AND recipient = 'customer'", incident_id, notices, 2, error))
    return FALSE;

  stats->potential_accounts = accounts[0];
  stats->confirmed_accounts = accounts[1];
  stats->contracts_affected = contracts[0];
  stats->contracts_confirmed = contracts[1];
  stats->contracts_unique = contracts[2];
  stats->estimated_potential = estimates[0];
  stats->estimated_confirmed = estimates[1];
  stats->customers_to_notify = notices[0];
  stats->customers_notified = notices[1];

  if (!_desk_store_count_overdue_of (self, incident_id, &stats->overdue_obligations,
                                     &stats->overdue_notices, error))
    return FALSE;

  if (!(stmt = desk_database_prepare (self->database,
                                      "SELECT c.uuid, c.name, (SELECT count (*) FROM affected a"
                                      "   WHERE a.incident_id = c.incident_id AND NOT a.deleted"
                                      "   AND a.exposure = 'confirmed'"
                                      "   AND (a.categories >> c.bit) & 1)"
                                      " FROM categories c WHERE c.incident_id = ? AND NOT c.deleted"
                                      " ORDER BY c.position, c.created_at", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      DeskCategoryCount *count = g_new0 (DeskCategoryCount, 1);

      count->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      count->contracts = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (stats->categories, count);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  g_clear_pointer (&stmt, desk_statement_release);

  if (!(stmt = desk_database_prepare (self->database,
                                      "SELECT status, count (*) FROM notifications"
                                      " WHERE incident_id = ? AND NOT deleted GROUP BY status",
                                      error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      GEnumValue *status = g_enum_get_value_by_nick (statuses,
                                                     (const char *) sqlite3_column_text (stmt, 0));

      if (status != NULL)
        stats->notifications[status->value] = sqlite3_column_int64 (stmt, 1);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  g_clear_pointer (&stmt, desk_statement_release);

  if (!(stmt = desk_database_prepare (self->database,
                                      "SELECT channel,"
                                      " count (*) FILTER (WHERE status != 'not-required'),"
                                      " count (*) FILTER (WHERE status IN"
                                      "   ('sent', 'delivered', 'acknowledged'))"
                                      " FROM notifications WHERE incident_id = ? AND NOT deleted"
                                      " AND recipient = 'customer' GROUP BY channel", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      GEnumValue *channel = g_enum_get_value_by_nick (channels,
                                                      (const char *) sqlite3_column_text (stmt, 0));

      if (channel != NULL)
        {
          stats->channel_to_notify[channel->value] = sqlite3_column_int64 (stmt, 1);
          stats->channel_notified[channel->value] = sqlite3_column_int64 (stmt, 2);
        }
    }

  return error == NULL || *error == NULL;
}

/**
 * desk_store_get_stats:
 *
 * Returns: (transfer full): the figures of the incident with local id @incident_id, or %NULL
 *   with @error set
 */
DeskStats *
desk_store_get_stats (DeskStore   *self,
                      gint64       incident_id,
                      GError     **error)
{
  g_autoptr(DeskStats) stats = desk_stats_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (self->database);
  fill_stats (self, incident_id, stats, &local_error);
  desk_database_unlock (self->database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&stats);
}

/**
 * desk_store_list_audit:
 *
 * Returns: (transfer full) (element-type DeskAuditEntry): the audit log of an incident, newest
 *   first, or %NULL with @error set
 */
GPtrArray *
desk_store_list_audit (DeskStore   *self,
                       gint64       incident_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  desk_database_lock (self->database);
  stmt = desk_database_prepare (self->database,
                                "SELECT at, actor, kind, record_uuid, action, before, after"
                                " FROM audit_log WHERE incident_id = ? ORDER BY id DESC",
                                &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, incident_id);
      while (desk_database_step (self->database, stmt, &has_row, &local_error) && has_row)
        g_ptr_array_add (entries,
                         desk_audit_entry_new (sqlite3_column_int64 (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               (const char *) sqlite3_column_text (stmt, 3),
                                               (const char *) sqlite3_column_text (stmt, 4),
                                               (const char *) sqlite3_column_text (stmt, 5),
                                               (const char *) sqlite3_column_text (stmt, 6)));
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (self->database);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * desk_store_record_to_json:
 *
 * The form scripts see (`idesk … --json`): "id" is the UUID, other records are named by UUID,
 * times are ISO 8601 in UTC, enumerations their nicks; local-only fields are left out.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
desk_store_record_to_json (DeskStore  *self,
                           DeskRecord *record)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (DESK_IS_RECORD (record), NULL);

  created = desk_time_format_iso (desk_record_get_created_at (record));
  updated = desk_time_format_iso (desk_record_get_updated_at (record));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, desk_record_get_uuid (record));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_string_value (builder, updated);

  desk_database_lock (self->database);
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      if (!(desk_record_class_get_field (klass, i)->flags & DESK_FIELD_LOCAL))
        add_field_json (self, builder, record, i, TRUE);
    }
  desk_database_unlock (self->database);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
apply_status (DeskStore              *self,
              DeskRecord             *notification,
              DeskNotificationStatus  status,
              GError                **error)
{
  gint64 now = desk_store_now (self);

  desk_record_set_enum (notification, "status", status);
  desk_record_set_string (notification, "actor", desk_store_get_actor (self));

  /* The first time a notice goes out, or is acknowledged, is when the clock stopped. */
  if (status >= DESK_NOTIFICATION_STATUS_SENT && status != DESK_NOTIFICATION_STATUS_NOT_REQUIRED &&
      desk_record_get_int (notification, "sent-at") == 0)
    desk_record_set_int (notification, "sent-at", now);
  if (status == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED &&
      desk_record_get_int (notification, "acknowledged-at") == 0)
    desk_record_set_int (notification, "acknowledged-at", now);

  return desk_store_save (self, notification, error);
}

/**
 * desk_store_set_notification_status:
 * @notifications: (element-type DeskNotification): the ledger rows to change
 *
 * Moves every row of @notifications to @status in one transaction: all of them or none. Each row
 * records who changed it, its first sending and acknowledgement times, and its own audit line.
 */
gboolean
desk_store_set_notification_status (DeskStore               *self,
                                    GPtrArray               *notifications,
                                    DeskNotificationStatus   status,
                                    GError                 **error)
{
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (notifications != NULL, FALSE);

  if (!desk_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < notifications->len; i++)
    {
      DeskRecord *notification = g_ptr_array_index (notifications, i);

      g_return_val_if_fail (DESK_IS_NOTIFICATION (notification), FALSE);

      g_ptr_array_add (originals, desk_record_copy (notification));
      if (!apply_status (self, notification, status, &local_error))
        break;
    }

  if (local_error != NULL || !desk_database_commit (self->database, &local_error))
    {
      desk_database_rollback (self->database);

      /* Put back what the callers' objects said, since nothing was stored. */
      for (guint i = 0; i < originals->len; i++)
        {
          DeskRecord *original = g_ptr_array_index (originals, i);
          DeskRecord *notification = g_ptr_array_index (notifications, i);
          DeskRecordClass *klass = DESK_RECORD_GET_CLASS (original);

          for (guint f = 0; f < desk_record_class_get_n_fields (klass); f++)
            g_object_set_property (G_OBJECT (notification),
                                   desk_record_class_get_field (klass, f)->pspec->name,
                                   desk_record_get_value (original, f));
          desk_record_set_timestamps (notification, desk_record_get_created_at (original),
                                      desk_record_get_updated_at (original));
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_store_move:
 * @record: a record with a "position" field (a checklist item, a checklist or a category)
 * @position: its new index among its siblings
 *
 * Reorders @record among its siblings (the items of its checklist, or the checklists or
 * categories of its incident) and numbers them 0, 1, 2… again, in one transaction.
 */
gboolean
desk_store_move (DeskStore   *self,
                 DeskRecord  *record,
                 guint        position,
                 GError     **error)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (record);
  const char *parent = DESK_IS_CHECKLIST_ITEM (record) ? "checklist-id" : "incident-id";
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GError) local_error = NULL;
  guint current = G_MAXUINT;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (desk_record_class_find_field (klass, "position") != NULL, FALSE);
  g_return_val_if_fail (desk_record_get_id (record) != 0, FALSE);

  if (!desk_database_begin (self->database, error))
    return FALSE;

  siblings = desk_store_list (self, G_OBJECT_TYPE (record), parent,
                              desk_record_get_int (record, parent), &local_error);
  if (siblings != NULL)
    {
      for (guint i = 0; i < siblings->len; i++)
        if (desk_record_get_id (g_ptr_array_index (siblings, i)) == desk_record_get_id (record))
          current = i;

      if (current == G_MAXUINT)
        /* Translators: %s names a kind of record, e.g. "checklist item" */
        g_set_error (&local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                     _("This %s was deleted meanwhile"), desk_record_class_get_label (klass));
    }

  if (local_error == NULL)
    {
      g_autoptr(DeskRecord) moving = g_ptr_array_steal_index (siblings, current);

      g_ptr_array_insert (siblings, MIN (position, siblings->len), g_object_ref (record));
      for (guint i = 0; i < siblings->len && local_error == NULL; i++)
        {
          DeskRecord *sibling = g_ptr_array_index (siblings, i);

          desk_record_set_int (sibling, "position", i);
          desk_store_save (self, sibling, &local_error);
        }
    }

  if (local_error != NULL || !desk_database_commit (self->database, &local_error))
    {
      desk_database_rollback (self->database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gint64
history_time (gconstpointer item)
{
  if (DESK_IS_EVENT ((gpointer) item))
    return desk_record_get_int (DESK_RECORD ((gpointer) item), "happened-at");

  return desk_audit_entry_get_at (DESK_AUDIT_ENTRY ((gpointer) item));
}

static int
compare_history (gconstpointer a,
                 gconstpointer b)
{
  gint64 ta = history_time (*(gconstpointer *) a);
  gint64 tb = history_time (*(gconstpointer *) b);

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/**
 * desk_store_list_history:
 *
 * The incident's history as people read it: the timeline events they entered and the audit log
 * of changes, merged, newest first. Audit lines about the events themselves are left out: the
 * event already says it.
 *
 * Returns: (transfer full) (element-type GObject): #DeskEvent and #DeskAuditEntry objects, or
 *   %NULL with @error set
 */
GPtrArray *
desk_store_list_history (DeskStore   *self,
                         gint64       incident_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  if (!(events = desk_store_list (self, DESK_TYPE_EVENT, "incident-id", incident_id, error)) ||
      !(audit = desk_store_list_audit (self, incident_id, error)))
    return NULL;

  history = g_ptr_array_new_full (events->len + audit->len, g_object_unref);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (history, g_object_ref (g_ptr_array_index (events, i)));
  for (guint i = 0; i < audit->len; i++)
    {
      DeskAuditEntry *entry = g_ptr_array_index (audit, i);

      if (!g_str_equal (desk_audit_entry_get_kind (entry), "event"))
        g_ptr_array_add (history, g_object_ref (entry));
    }

  /* Stable, so that same-second lines keep the audit log's newest-first order. */
  g_ptr_array_sort (history, compare_history);
  return g_steal_pointer (&history);
}

/* }}} */
/* Async API {{{ */

/* Each _async function packs its arguments into a Job and runs one JobFunc on a worker thread.
 * Records travel as copies, so that no property notification reaches widgets bound to the
 * caller's objects from another thread; the _finish functions assign the results back. */

typedef struct _Job Job;
typedef gpointer (*JobFunc) (DeskStore *self, Job *job, GError **error);

struct _Job
{
  JobFunc         func;
  DeskStoreWorkFunc work;     /* the work of _desk_store_run_in_thread() */
  gpointer        data;
  GDestroyNotify  data_free;
  GPtrArray      *originals;  /* the caller's records */
  GPtrArray      *copies;     /* what the worker changes */
  GType           type;
  char           *field;
  gint64          value;
  GDestroyNotify  result_free;
};

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->originals, g_ptr_array_unref);
  g_clear_pointer (&job->copies, g_ptr_array_unref);
  g_free (job->field);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
job_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  result = job->func (source_object, job, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static Job *
job_new (JobFunc         func,
         GDestroyNotify  result_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->result_free = result_free;
  return job;
}

/* The job works on copies of @records; job_finish() assigns them back. */
static void
job_take_records (Job        *job,
                  DeskRecord *const *records,
                  guint       n_records)
{
  job->originals = g_ptr_array_new_full (n_records, g_object_unref);
  job->copies = g_ptr_array_new_full (n_records, g_object_unref);
  for (guint i = 0; i < n_records; i++)
    {
      g_ptr_array_add (job->originals, g_object_ref (records[i]));
      g_ptr_array_add (job->copies, desk_record_copy (records[i]));
    }
}

static void
job_run (DeskStore           *self,
         Job                 *job,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_worker);
}

/* Returns: (transfer full): the job's result, or %NULL with @error set */
static gpointer
job_finish (DeskStore     *self,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  GTask *task = G_TASK (result);
  gpointer value;
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == source_tag, NULL);

  value = g_task_propagate_pointer (task, error);
  if (value == NULL)
    return NULL;

  job = g_task_get_task_data (task);
  for (guint i = 0; job->copies != NULL && i < job->copies->len; i++)
    desk_record_assign (g_ptr_array_index (job->originals, i), g_ptr_array_index (job->copies, i));

  return value;
}

/* A non-NULL result for the jobs that only succeed or fail. */
#define JOB_DONE GINT_TO_POINTER (1)

static gpointer
work_job (DeskStore  *self,
          Job        *job,
          GError    **error)
{
  return job->work (self, job->data, error);
}

/**
 * _desk_store_run_in_thread:
 * @work: what to run on a worker thread; it returns %NULL only with an error set
 * @data: (transfer full): what @work takes
 * @source_tag: the _async function, for _desk_store_run_finish()
 *
 * Runs @work as the other _async functions run their work, for the store's other files.
 */
void
_desk_store_run_in_thread (DeskStore           *self,
                           DeskStoreWorkFunc    work,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GDestroyNotify       result_free,
                           gpointer             source_tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job = job_new (work_job, result_free);

  job->work = work;
  job->data = data;
  job->data_free = data_free;
  job_run (self, job, source_tag, cancellable, callback, user_data);
}

/* Returns: (transfer full): what the work returned, or %NULL with @error set */
gpointer
_desk_store_run_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  return job_finish (self, result, source_tag, error);
}

static gpointer
save_job (DeskStore  *self,
          Job        *job,
          GError    **error)
{
  return desk_store_save (self, g_ptr_array_index (job->copies, 0), error) ? JOB_DONE : NULL;
}

void
desk_store_save_async (DeskStore           *self,
                       DeskRecord          *record,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = job_new (save_job, NULL);

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_RECORD (record));

  job_take_records (job, &record, 1);
  job_run (self, job, desk_store_save_async, cancellable, callback, user_data);
}

/**
 * desk_store_save_finish:
 *
 * Completes desk_store_save_async(): on success the caller's record holds what was stored (its
 * new id, UUID and times included).
 */
gboolean
desk_store_save_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return job_finish (self, result, desk_store_save_async, error) != NULL;
}

static gpointer
delete_job (DeskStore  *self,
            Job        *job,
            GError    **error)
{
  return desk_store_set_deleted_all (self, job->copies, job->value, error) ? JOB_DONE : NULL;
}

/**
 * desk_store_set_deleted_async:
 * @deleted: %TRUE to delete (tombstone) @record, %FALSE to restore it
 */
void
desk_store_set_deleted_async (DeskStore           *self,
                              DeskRecord          *record,
                              gboolean             deleted,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job = job_new (delete_job, NULL);

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_RECORD (record));

  job->value = deleted;
  job_take_records (job, &record, 1);
  job_run (self, job, desk_store_set_deleted_async, cancellable, callback, user_data);
}

gboolean
desk_store_set_deleted_finish (DeskStore     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return job_finish (self, result, desk_store_set_deleted_async, error) != NULL;
}

/**
 * desk_store_set_deleted_all_async:
 * @records: (element-type DeskRecord): see desk_store_set_deleted_all()
 *
 * On success, desk_store_set_deleted_all_finish() leaves @records as stored; on an error they do
 * not change.
 */
void
desk_store_set_deleted_all_async (DeskStore           *self,
                                  GPtrArray           *records,
                                  gboolean             deleted,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job = job_new (delete_job, NULL);

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (records != NULL);

  job->value = deleted;
  job_take_records (job, (DeskRecord *const *) records->pdata, records->len);
  job_run (self, job, desk_store_set_deleted_all_async, cancellable, callback, user_data);
}

gboolean
desk_store_set_deleted_all_finish (DeskStore     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return job_finish (self, result, desk_store_set_deleted_all_async, error) != NULL;
}

static gpointer
add_affected_customer_job (DeskStore  *self,
                           Job        *job,
                           GError    **error)
{
  return desk_store_add_affected_customer (self, g_ptr_array_index (job->copies, 0),
                                           g_ptr_array_index (job->copies, 1), error) ? JOB_DONE
                                                                                      : NULL;
}

void
desk_store_add_affected_customer_async (DeskStore           *self,
                                        DeskCustomer        *customer,
                                        DeskAffected        *affected,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Job *job = job_new (add_affected_customer_job, NULL);
  DeskRecord *records[] = { DESK_RECORD (customer), DESK_RECORD (affected) };

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_CUSTOMER (customer));
  g_return_if_fail (DESK_IS_AFFECTED (affected));

  job_take_records (job, records, G_N_ELEMENTS (records));
  job_run (self, job, desk_store_add_affected_customer_async, cancellable, callback, user_data);
}

/**
 * desk_store_add_affected_customer_finish:
 *
 * Completes desk_store_add_affected_customer_async(): on success the caller's customer and
 * affected records hold what was stored, as with desk_store_add_affected_customer().
 */
gboolean
desk_store_add_affected_customer_finish (DeskStore     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return job_finish (self, result, desk_store_add_affected_customer_async, error) != NULL;
}

static gpointer
status_job (DeskStore  *self,
            Job        *job,
            GError    **error)
{
  return desk_store_set_notification_status (self, job->copies, job->value, error) ? JOB_DONE
                                                                                   : NULL;
}

/**
 * desk_store_set_notification_status_async:
 * @notifications: (element-type DeskNotification): the ledger rows to change
 */
void
desk_store_set_notification_status_async (DeskStore              *self,
                                          GPtrArray              *notifications,
                                          DeskNotificationStatus  status,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  Job *job = job_new (status_job, NULL);

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (notifications != NULL);

  job->value = status;
  job_take_records (job, (DeskRecord *const *) notifications->pdata, notifications->len);
  job_run (self, job, desk_store_set_notification_status_async, cancellable, callback, user_data);
}

gboolean
desk_store_set_notification_status_finish (DeskStore     *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return job_finish (self, result, desk_store_set_notification_status_async, error) != NULL;
}

static gpointer
move_job (DeskStore  *self,
          Job        *job,
          GError    **error)
{
  return desk_store_move (self, g_ptr_array_index (job->copies, 0), job->value, error) ? JOB_DONE
                                                                                      : NULL;
}

/**
 * desk_store_move_async:
 *
 * Moves @record to @position among its siblings; the siblings' positions change too, so the
 * caller reloads their list when this completes.
 */
void
desk_store_move_async (DeskStore           *self,
                       DeskRecord          *record,
                       guint                position,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = job_new (move_job, NULL);

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (DESK_IS_RECORD (record));

  job->value = position;
  job_take_records (job, &record, 1);
  job_run (self, job, desk_store_move_async, cancellable, callback, user_data);
}

gboolean
desk_store_move_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return job_finish (self, result, desk_store_move_async, error) != NULL;
}

static gpointer
list_job (DeskStore  *self,
          Job        *job,
          GError    **error)
{
  return desk_store_list (self, job->type, job->field, job->value, error);
}

void
desk_store_list_async (DeskStore           *self,
                       GType                type,
                       const char          *field,
                       gint64               value,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = job_new (list_job, (GDestroyNotify) g_ptr_array_unref);

  g_return_if_fail (DESK_IS_STORE (self));

  job->type = type;
  job->field = g_strdup (field);
  job->value = value;
  job_run (self, job, desk_store_list_async, cancellable, callback, user_data);
}

/**
 * desk_store_list_finish:
 *
 * Returns: (transfer full) (element-type DeskRecord): the records, or %NULL with @error set
 */
GPtrArray *
desk_store_list_finish (DeskStore     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return job_finish (self, result, desk_store_list_async, error);
}

static gpointer
history_job (DeskStore  *self,
             Job        *job,
             GError    **error)
{
  return desk_store_list_history (self, job->value, error);
}

void
desk_store_list_history_async (DeskStore           *self,
                               gint64               incident_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = job_new (history_job, (GDestroyNotify) g_ptr_array_unref);

  g_return_if_fail (DESK_IS_STORE (self));

  job->value = incident_id;
  job_run (self, job, desk_store_list_history_async, cancellable, callback, user_data);
}

/**
 * desk_store_list_history_finish:
 *
 * Returns: (transfer full) (element-type GObject): see desk_store_list_history()
 */
GPtrArray *
desk_store_list_history_finish (DeskStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return job_finish (self, result, desk_store_list_history_async, error);
}

static gpointer
stats_job (DeskStore  *self,
           Job        *job,
           GError    **error)
{
  return desk_store_get_stats (self, job->value, error);
}

void
desk_store_get_stats_async (DeskStore           *self,
                            gint64               incident_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = job_new (stats_job, (GDestroyNotify) desk_stats_free);

  g_return_if_fail (DESK_IS_STORE (self));

  job->value = incident_id;
  job_run (self, job, desk_store_get_stats_async, cancellable, callback, user_data);
}

/**
 * desk_store_get_stats_finish:
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
DeskStats *
desk_store_get_stats_finish (DeskStore     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return job_finish (self, result, desk_store_get_stats_async, error);
}

/* }}} */
