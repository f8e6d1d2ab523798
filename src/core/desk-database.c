/* desk-database.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskDatabase wraps one SQLite connection: it opens or creates the file (mode 0600: it lists
 * compromised accounts), recognises files it must not touch (not SQLite, another application's,
 * written by a newer Incident Desk) before it writes a byte, runs the numbered migrations, and
 * caches prepared statements. One recursive mutex serialises the connection between the main
 * thread and the workers; a transaction holds it from begin to commit.
 */

#define G_LOG_DOMAIN "desk-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-database.h"

/* "IDK1" in the file header tells our databases from other SQLite files. */
#define DESK_FILE_ID 0x49444B31

struct _DeskDatabase
{
  GObject                   parent_instance;

  sqlite3                  *handle;
  char                     *path;
  const DeskDatabaseSchema *schema;
  GHashTable               *statements;
  GRecMutex                 mutex;
  guint                     depth;
};

G_DEFINE_FINAL_TYPE (DeskDatabase, desk_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-database-error-quark, desk_database_error)

/* Migrations {{{ */

/* Forward only: migration N turns schema N-1 into schema N, in one transaction. Records that sync
 * have an integer id for local joins and a UUID that names them everywhere else; deletes are
 * tombstones. Affected accounts are keyed by (incident, identifier) instead: a UUID per row would
 * double the size of a four-million-row list for nothing. */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE incidents ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL, service TEXT,"
  "  status TEXT NOT NULL DEFAULT 'detected', severity TEXT NOT NULL DEFAULT 'medium',"
  "  occurred_at INTEGER, detected_at INTEGER, disclosed_at INTEGER, closed_at INTEGER,"
  "  cause TEXT, vulnerability_refs TEXT, summary TEXT, time_zone TEXT,"
  "  estimated_potential INTEGER, estimated_confirmed INTEGER);"

  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0, bit INTEGER NOT NULL);"
  "CREATE UNIQUE INDEX categories_bit ON categories (incident_id, bit);"

  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  contract_id TEXT NOT NULL, name TEXT, contacts TEXT, account_manager TEXT,"
  "  notice_hours INTEGER, notice_basis TEXT NOT NULL DEFAULT 'detection');"
  "CREATE UNIQUE INDEX customers_contract ON customers (contract_id) WHERE NOT deleted;"
  "CREATE INDEX customers_name ON customers (name COLLATE NOCASE);"

  "CREATE TABLE affected ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  exposure TEXT NOT NULL DEFAULT 'potential', categories INTEGER NOT NULL DEFAULT 0,"
  "  confirmed_at INTEGER, note TEXT);"
  "CREATE UNIQUE INDEX affected_pair ON affected (incident_id, customer_id);"

  "CREATE TABLE notifications ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  affected_id INTEGER REFERENCES affected (id),"
  "  recipient TEXT NOT NULL DEFAULT 'customer', recipient_name TEXT,"
  "  channel TEXT NOT NULL DEFAULT 'account-manager', status TEXT NOT NULL DEFAULT 'not-started',"
  "  due_at INTEGER, sent_at INTEGER, acknowledged_at INTEGER, actor TEXT, note TEXT);"
  "CREATE INDEX notifications_incident ON notifications (incident_id, status);"
  "CREATE INDEX notifications_affected ON notifications (affected_id);"

  "CREATE TABLE checklists ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  title TEXT NOT NULL, template TEXT, position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX checklists_incident ON checklists (incident_id);"

  "CREATE TABLE checklist_items ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  checklist_id INTEGER NOT NULL REFERENCES checklists (id),"
  "  text TEXT NOT NULL, owner TEXT, due_at INTEGER, status TEXT NOT NULL DEFAULT 'todo',"
  "  done_at INTEGER, note TEXT, position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX checklist_items_checklist ON checklist_items (checklist_id, position);"
  "CREATE INDEX checklist_items_incident ON checklist_items (incident_id, status);"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  happened_at INTEGER, text TEXT NOT NULL, actor TEXT);"
  "CREATE INDEX events_incident ON events (incident_id, happened_at);"

  /* exposure holds the DeskExposure value as a number: compact at millions of rows. */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  identifier TEXT NOT NULL, exposure INTEGER NOT NULL DEFAULT 0,"
  "  categories INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);"
  "CREATE UNIQUE INDEX accounts_identifier ON accounts (incident_id, identifier);"
  "CREATE INDEX accounts_customer ON accounts (incident_id, customer_id, exposure);"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,"
  "  at INTEGER NOT NULL, actor TEXT NOT NULL, incident_id INTEGER,"
  "  kind TEXT NOT NULL, record_uuid TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),"
  "  before TEXT, after TEXT);"
  "CREATE INDEX audit_log_incident ON audit_log (incident_id, id);"
  "CREATE INDEX audit_log_record ON audit_log (record_uuid, id);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 2: accounts for lists of millions. The table is its own key index (WITHOUT ROWID), with
   * identifiers compared without regard to ASCII case: "Alice@Example.jp" and "alice@example.jp"
   * are one mailbox. The second index pages one contract's accounts in order. What is found
   * about an account (confirmed, cleared) lives apart in account_findings, keyed the same way:
   * confirming 300,000 of 4 million accounts then writes a small tree instead of rewriting every
   * page of the large one. An account without a finding is potentially affected.
   * account_counts keeps the counts per contract and exposure, so that figures never count
   * millions of rows; account_directory lists an incident's identifiers in key order, in
   * lower case, a block of lines per row, for the position of any account in the list and for
   * substring searches at the speed of memory. Whoever writes accounts updates both in the same
   * transaction; a directory that does not add up is not used, so migrating leaves it empty. */
  "CREATE TABLE accounts_new ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  identifier TEXT NOT NULL COLLATE NOCASE,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  categories INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (incident_id, identifier)) WITHOUT ROWID;"
  "CREATE TABLE account_findings ("
  "  incident_id INTEGER NOT NULL, identifier TEXT NOT NULL COLLATE NOCASE,"
  "  exposure INTEGER NOT NULL, found_at INTEGER NOT NULL,"
  "  PRIMARY KEY (incident_id, identifier)) WITHOUT ROWID;"
  "INSERT INTO accounts_new"
  "  SELECT incident_id, identifier, customer_id, categories, updated_at FROM accounts"
  "  WHERE true ON CONFLICT DO UPDATE SET categories = categories | excluded.categories;"
  "INSERT INTO account_findings"
  "  SELECT incident_id, identifier, exposure, updated_at FROM accounts WHERE exposure != 0"
  "  ON CONFLICT DO UPDATE SET exposure = excluded.exposure;"
  "DROP TABLE accounts;"
  "ALTER TABLE accounts_new RENAME TO accounts;"
  "CREATE INDEX accounts_customer ON accounts (incident_id, customer_id, identifier);"
  "CREATE TABLE account_directory ("
  "  incident_id INTEGER NOT NULL, block INTEGER NOT NULL, identifiers TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, block));"
  "CREATE TABLE account_counts ("
  "  incident_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, exposure INTEGER NOT NULL,"
  "  n INTEGER NOT NULL, PRIMARY KEY (incident_id, customer_id, exposure)) WITHOUT ROWID;"
  "INSERT INTO account_counts"
  "  SELECT a.incident_id, a.customer_id, coalesce (f.exposure, 0), count (*) FROM accounts a"
  "  LEFT JOIN account_findings f USING (incident_id, identifier) GROUP BY 1, 2, 3;",

  /* 3: what exports held, for the next export of the same thing to mark what changed since
   * ("confirmed accounts +12,034 since 14 Apr"). Per incident, kind of export and scope (a
   * checklist's UUID, or '' for all of them): the latest export and the one it compares with.
   * The snapshot is the export's JSON. Local to this machine: neither synced nor audited. */
  "CREATE TABLE export_snapshots ("
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  what TEXT NOT NULL, scope TEXT NOT NULL, exported_at INTEGER NOT NULL,"
  "  snapshot TEXT NOT NULL,"
  "  PRIMARY KEY (incident_id, what, scope, exported_at)) WITHOUT ROWID;",

  /* 4: sync (docs/sync-api.md). The outbox is the audit log itself: the lines this machine wrote
   * (remote = 0) above sync_state's pushed_audit_id, so a change and its outbox entry are one row
   * written in one transaction. Accounts would need millions of lines: instead each carries rev,
   * the number of the local write that last changed it (account_gen counts them); a push sends
   * those above pushed_account_gen. Rows from before sync get rev 1, to be pushed once; rows
   * pulled from the server get rev 0. sync_state holds the revisions and the batch in flight;
   * sync_conflicts the fields changed here and on the server since a common base. */
  "ALTER TABLE audit_log ADD COLUMN remote INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE accounts ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE account_findings ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
  "INSERT INTO sync_state VALUES ('account_gen', 1), ('pushed_account_gen', 0),"
  "  ('pushed_audit_id', 0), ('pulled_revision', 0);"
  "CREATE TABLE sync_conflicts ("
  "  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_uuid TEXT NOT NULL,"
  "  field TEXT NOT NULL, incident_id INTEGER, base TEXT, local TEXT, remote TEXT,"
  "  detected_at INTEGER NOT NULL, UNIQUE (record_uuid, field));",

  /* 5: deadlines (docs/deadlines.md). The incident's times that start regulatory clocks besides
   * detection; the obligations of the rules that apply, each stage with its computed due time;
   * the history of the affected figures. reminders_sent is local to this machine: which
   * reminders its desktop showed, so that a restart does not show them again. The index on
   * notifications.due_at serves the due-next list and the overdue counts. */
  "ALTER TABLE incidents ADD COLUMN aware_at INTEGER;"
  "ALTER TABLE incidents ADD COLUMN determined_at INTEGER;"
  "CREATE TABLE obligations ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  rule TEXT NOT NULL, stage TEXT NOT NULL, condition TEXT, clock_start INTEGER,"
  "  due_at INTEGER, status TEXT NOT NULL DEFAULT 'open', filed_at INTEGER,"
  "  reference TEXT, note TEXT);"
  "CREATE INDEX obligations_incident ON obligations (incident_id, status, due_at);"
  "CREATE INDEX obligations_due ON obligations (due_at) WHERE due_at IS NOT NULL;"
  "CREATE TABLE figures ("
  "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  recorded_at INTEGER, potential INTEGER NOT NULL DEFAULT 0,"
  "  confirmed INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT 'estimate',"
  "  source_name TEXT, actor TEXT);"
  "CREATE INDEX figures_incident ON figures (incident_id, recorded_at);"
  "CREATE INDEX notifications_due ON notifications (due_at) WHERE due_at IS NOT NULL;"
  "CREATE TABLE reminders_sent ("
  "  record_uuid TEXT NOT NULL, kind TEXT NOT NULL, due_at INTEGER NOT NULL,"
  "  sent_at INTEGER NOT NULL, PRIMARY KEY (record_uuid, kind, due_at)) WITHOUT ROWID;",
};

static const DeskDatabaseSchema incidents_schema = {
  DESK_FILE_ID, migrations, G_N_ELEMENTS (migrations)
};

int
desk_database_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* }}} */
/* Helpers {{{ */

/* What an SQLite result code means for people. Extended codes come first: the first entry whose
 * code is the result's, or its primary code, wins. SQLite's own message names tables, columns and
 * SQL, so it only goes to the debug log. */
static const struct
{
  int         rc;
  int         code;     /* DeskDatabaseError */
  const char *reason;
} results[] = {
  { SQLITE_CONSTRAINT_UNIQUE, DESK_DATABASE_ERROR_DUPLICATE, N_("the record exists already") },
  { SQLITE_CONSTRAINT_PRIMARYKEY, DESK_DATABASE_ERROR_DUPLICATE, N_("the record exists already") },
  { SQLITE_CONSTRAINT_FOREIGNKEY, DESK_DATABASE_ERROR_CONSTRAINT,
    N_("it refers to a record that does not exist") },
  { SQLITE_CONSTRAINT, DESK_DATABASE_ERROR_CONSTRAINT,
    N_("the database does not allow this change") },
  { SQLITE_BUSY, DESK_DATABASE_ERROR_BUSY, N_("another program is using the database") },
  { SQLITE_LOCKED, DESK_DATABASE_ERROR_BUSY, N_("another program is using the database") },
  { SQLITE_NOTADB, DESK_DATABASE_ERROR_NOT_DATABASE, N_("the file is damaged or not a database") },
  { SQLITE_CORRUPT, DESK_DATABASE_ERROR_NOT_DATABASE, N_("the file is damaged or not a database") },
  { SQLITE_FULL, DESK_DATABASE_ERROR_FULL, N_("the disk is full") },
  { SQLITE_READONLY, DESK_DATABASE_ERROR_READ_ONLY, N_("the database may not be changed") },
  { SQLITE_PERM, DESK_DATABASE_ERROR_READ_ONLY, N_("the database may not be changed") },
  { SQLITE_CANTOPEN, DESK_DATABASE_ERROR_OPEN, N_("the file cannot be opened") },
  { SQLITE_IOERR, DESK_DATABASE_ERROR_FAILED, N_("the disk could not be read or written") },
};

static void
set_error (GError     **error,
           int          rc,
           const char  *context,
           const char  *detail)
{
  int code = DESK_DATABASE_ERROR_FAILED;
  const char *reason = N_("something unexpected went wrong");

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      if (results[i].rc == rc || results[i].rc == (rc & 0xff))
        {
          code = results[i].code;
          reason = results[i].reason;
          break;
        }
    }

  g_debug ("%s: %s (SQLite result %d)", context, detail, rc);
  g_set_error (error, DESK_DATABASE_ERROR, code, "%s: %s", context, _(reason));
}

/**
 * desk_database_set_error:
 * @context: what was being done, for the message (e.g. "Could not save the incident")
 *
 * Translates an SQLite result code into a #DESK_DATABASE_ERROR with a readable message.
 */
void
desk_database_set_error (DeskDatabase  *self,
                         GError       **error,
                         int            rc,
                         const char    *context)
{
  set_error (error, rc, context,
             self && self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
}

static gboolean
query_int (DeskDatabase *self,
           const char   *sql,
           int          *value,
           GError      **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (!(stmt = desk_database_prepare (self, sql, error)) ||
      !desk_database_step (self, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int (stmt, 0) : 0;
  return TRUE;
}

/* Create the file ourselves so that it, and the -wal and -shm files SQLite derives from its mode,
 * are never readable by others, whatever the umask. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                   _("Cannot open the database “%s”: the folder “%s” does not exist"),
                   path, dir);
      return FALSE;
    }

  /* An existing file is never opened here: closing a descriptor of it would drop the POSIX locks
   * that another connection of this process holds on it, and let another process write under
   * that connection's feet. */
  if (g_stat (path, &st) == 0)
    {
      if (g_access (path, R_OK | W_OK) != 0)
        fd = -1;
      else
        {
          if ((st.st_mode & 077) != 0 && st.st_uid == getuid () && g_chmod (path, 0600) != 0)
            g_warning ("Could not make %s private: %s", path, g_strerror (errno));
          return TRUE;
        }
    }
  else if ((fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) >= 0 ||
           errno == EEXIST)
    {
      if (fd >= 0)
        close (fd);
      return TRUE;
    }

  {
    int saved_errno = errno;

    g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                 _("Cannot open the database “%s”: %s"), path, g_strerror (saved_errno));
    return FALSE;
  }
}

/* Decide, reading only the header, whether the file is ours and one we understand. */
static gboolean
check_identity (DeskDatabase  *self,
                int           *version,
                GError       **error)
{
  int application_id;
  int n_tables;

  /* Why SQLite could not read it (the debug log has it) tells people nothing more. */
  if (!query_int (self, "PRAGMA application_id", &application_id, NULL) ||
      !query_int (self, "PRAGMA user_version", version, NULL) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, NULL))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not an Incident Desk database, or it is damaged"), self->path);
      return FALSE;
    }

  if (application_id != (int) self->schema->application_id &&
      (application_id != 0 || n_tables > 0))
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is an SQLite database of another application, not of Incident Desk"),
                   self->path);
      return FALSE;
    }

  if (*version > (int) self->schema->n_migrations)
    {
      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Incident Desk (schema %d; this "
                     "version knows up to %d). Update Incident Desk to open it; the file was "
                     "left untouched."),
                   self->path, *version, (int) self->schema->n_migrations);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (DeskDatabase  *self,
         int            from,
         GError       **error)
{
  for (int version = from + 1; version <= (int) self->schema->n_migrations; version++)
    {
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                     (int) self->schema->application_id, version);
      if (!desk_database_begin (self, &local_error) ||
          !desk_database_exec (self, self->schema->migrations[version - 1], &local_error) ||
          !desk_database_exec (self, set_version, &local_error) ||
          !desk_database_commit (self, &local_error))
        {
          if (self->depth > 0)
            desk_database_rollback (self);
          g_set_error (error, DESK_DATABASE_ERROR, local_error->code,
                       _("Could not upgrade “%s” to schema %d: %s"),
                       self->path, version, local_error->message);
          return FALSE;
        }

      g_debug ("Migrated %s to schema %d", self->path, version);
    }

  return TRUE;
}

static gboolean
open_handle (DeskDatabase  *self,
             GError       **error)
{
  gboolean in_memory = g_str_equal (self->path, ":memory:");
  int version;
  int rc;

  if (!in_memory && !create_private_file (self->path, error))
    return FALSE;

  /* NOMUTEX: self->mutex already serialises every use of the connection, and SQLite's own
   * locking would be paid again on each call of a multi-million-row import */
  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      desk_database_set_error (self, error, rc, _("Cannot open the database"));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  if (!check_identity (self, &version, error))
    return FALSE;

  /* Only now that the file is known to be ours may anything write to it. */
  if (!desk_database_exec (self,
                           in_memory ? "PRAGMA foreign_keys = ON"
                                     : "PRAGMA page_size = 8192;"
                                       "PRAGMA journal_mode = WAL;"
                                       "PRAGMA synchronous = NORMAL;"
                                       "PRAGMA foreign_keys = ON",
                           error))
    return FALSE;

  return migrate (self, version, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* }}} */
/* GObject {{{ */

static void
desk_database_finalize (GObject *object)
{
  DeskDatabase *self = DESK_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (desk_database_parent_class)->finalize (object);
}

static void
desk_database_class_init (DeskDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_database_finalize;
}

static void
desk_database_init (DeskDatabase *self)
{
  g_rec_mutex_init (&self->mutex);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_database_get_default_path:
 *
 * Returns: (transfer full): `$INCIDENT_DESK_DB` if set, else
 *   `$XDG_DATA_HOME/incident-desk/incidents.db`
 */
char *
desk_database_get_default_path (void)
{
  const char *env = g_getenv ("INCIDENT_DESK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "incident-desk", "incidents.db", NULL);
}

/**
 * desk_database_open:
 * @path: a file name, or ":memory:"
 *
 * Opens the incidents database at @path, creating it if needed, and brings its schema up to date.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
DeskDatabase *
desk_database_open (const char  *path,
                    GError     **error)
{
  return desk_database_open_schema (path, &incidents_schema, error);
}

/**
 * desk_database_open_schema:
 * @schema: the kind of database, which must outlive it: its file id and migrations
 *
 * Opens a database of another kind than the incidents', such as the sync server's, with the same
 * care: a private file, refused if it is another application's or from a newer version.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
DeskDatabase *
desk_database_open_schema (const char                *path,
                           const DeskDatabaseSchema  *schema,
                           GError                   **error)
{
  g_autoptr(DeskDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DESK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->schema = schema;

  if (!open_handle (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * desk_database_open_default:
 *
 * Opens desk_database_get_default_path(), creating its folder (mode 0700) when missing.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
DeskDatabase *
desk_database_open_default (GError **error)
{
  g_autofree char *path = desk_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_getenv ("INCIDENT_DESK_DB") == NULL && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  return desk_database_open (path, error);
}

/**
 * desk_database_open_reader:
 *
 * Opens a second, read-only connection to the same file, for list models that read pages on the
 * main thread: in WAL mode it never waits for a writer, so a long import on a worker thread does
 * not freeze scrolling. An in-memory database has no second connection; it returns itself.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
DeskDatabase *
desk_database_open_reader (DeskDatabase  *self,
                           GError       **error)
{
  g_autoptr(DeskDatabase) reader = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (self), NULL);

  if (g_str_equal (self->path, ":memory:"))
    return g_object_ref (self);

  reader = g_object_new (DESK_TYPE_DATABASE, NULL);
  reader->path = g_strdup (self->path);
  reader->schema = self->schema;

  rc = sqlite3_open_v2 (reader->path, &reader->handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      desk_database_set_error (reader, error, rc, _("Cannot open the database"));
      return NULL;
    }

  sqlite3_extended_result_codes (reader->handle, TRUE);
  sqlite3_busy_timeout (reader->handle, 5000);
  return g_steal_pointer (&reader);
}

const char *
desk_database_get_path (DeskDatabase *self)
{
  g_return_val_if_fail (DESK_IS_DATABASE (self), NULL);

  return self->path;
}

int
desk_database_get_schema_version (DeskDatabase *self)
{
  int version = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (self), 0);

  desk_database_lock (self);
  query_int (self, "PRAGMA user_version", &version, NULL);
  desk_database_unlock (self);

  return version;
}

sqlite3 *
desk_database_get_handle (DeskDatabase *self)
{
  g_return_val_if_fail (DESK_IS_DATABASE (self), NULL);

  return self->handle;
}

void
desk_database_lock (DeskDatabase *self)
{
  g_rec_mutex_lock (&self->mutex);
}

void
desk_database_unlock (DeskDatabase *self)
{
  g_rec_mutex_unlock (&self->mutex);
}

/**
 * desk_database_prepare:
 *
 * Returns a cached prepared statement for @sql. The caller must hold the lock for as long as it
 * uses the statement and let g_autoptr(DeskStatement) reset it.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
DeskStatement *
desk_database_prepare (DeskDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      desk_database_set_error (self, error, rc, _("Could not read the database"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
desk_database_exec (DeskDatabase  *self,
                    const char    *sql,
                    GError       **error)
{
  g_autofree char *message = NULL;
  int rc;

  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      set_error (error, rc, _("Database error"), message ? message : sqlite3_errstr (rc));
      sqlite3_free (g_steal_pointer (&message));
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_database_step:
 * @has_row: (out) (optional): set to whether a row is available
 */
gboolean
desk_database_step (DeskDatabase   *self,
                    DeskStatement  *stmt,
                    gboolean       *has_row,
                    GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (has_row != NULL)
    *has_row = rc == SQLITE_ROW;

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  desk_database_set_error (self, error, rc, _("Database error"));
  return FALSE;
}

/**
 * desk_database_set_cache_size:
 * @kib: the page cache to use, in KiB
 *
 * For bulk work on millions of rows (an import, a sync), whose key indexes would be written out
 * again and again with the default cache.
 *
 * Returns: the cache size it had, in KiB, to set back afterwards
 */
int
desk_database_set_cache_size (DeskDatabase *self,
                              int           kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", -kib);
  int old = 0, page_size = 0;

  g_return_val_if_fail (DESK_IS_DATABASE (self), 0);

  /* A negative setting counts KiB, a positive one pages. */
  desk_database_lock (self);
  query_int (self, "PRAGMA cache_size", &old, NULL);
  if (old > 0)
    query_int (self, "PRAGMA page_size", &page_size, NULL);
  desk_database_exec (self, sql, NULL);
  desk_database_unlock (self);

  return old < 0 ? -old : old * page_size / 1024;
}

/**
 * desk_database_begin:
 *
 * Starts a transaction, or a savepoint inside the current one, and takes the lock until the
 * matching desk_database_commit() or desk_database_rollback().
 */
gboolean
desk_database_begin (DeskDatabase  *self,
                     GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);

  desk_database_lock (self);
  if (!desk_database_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested",
                           error))
    {
      desk_database_unlock (self);
      return FALSE;
    }

  self->depth++;
  return TRUE;
}

gboolean
desk_database_commit (DeskDatabase  *self,
                      GError       **error)
{
  g_return_val_if_fail (DESK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!desk_database_exec (self, self->depth == 1 ? "COMMIT" : "RELEASE nested", error))
    {
      /* The caller rolls back, which releases the lock. */
      return FALSE;
    }

  self->depth--;
  desk_database_unlock (self);
  return TRUE;
}

void
desk_database_rollback (DeskDatabase *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DESK_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (!desk_database_exec (self, self->depth == 1 ? "ROLLBACK"
                                                  : "ROLLBACK TO nested; RELEASE nested",
                           &error))
    g_warning ("Rollback failed: %s", error->message);

  self->depth--;
  desk_database_unlock (self);
}

void
desk_statement_release (DeskStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* }}} */
