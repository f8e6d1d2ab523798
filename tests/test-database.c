/* test-database.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "desk-database.h"
#include "desk-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = desk_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "incidents.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  mode_t old_umask = umask (0);  /* the most permissive umask must not leak the file */

  db = desk_database_open (fixture->path, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (desk_database_get_schema_version (db), ==, desk_database_get_latest_version ());
  g_assert_cmpuint (mode_of (fixture->path), ==, 0600);
  g_assert_true (desk_database_exec (db, "INSERT INTO incidents (uuid, created_at, updated_at, "
                                         "title) VALUES ('u', 1, 1, 't')", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mode_of (wal), ==, 0600);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = desk_database_open (fixture->path, &error);
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  g_assert_no_error (error);
  g_assert_true (desk_database_exec (db, "INSERT INTO incidents (uuid, created_at, updated_at, "
                                         "title) VALUES ('u', 1, 1, 'kept')", &error));
  g_clear_object (&db);

  db = desk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  stmt = desk_database_prepare (db, "SELECT title FROM incidents", &error);
  g_assert_no_error (error);
  g_assert_true (desk_database_step (db, stmt, &has_row, &error));
  g_assert_true (has_row);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "kept");
}

static void
test_tightens_mode (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  /* An empty file is a new database: it is migrated and made private. */
  db = desk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (fixture->path), ==, 0600);
  g_assert_cmpint (desk_database_get_schema_version (db), ==, desk_database_get_latest_version ());
}

static void
test_newer_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  db = desk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         desk_database_get_latest_version () + 1);
  raw_exec (fixture->path, sql);
  before = checksum_of (fixture->path);

  db = desk_database_open (fixture->path, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_TOO_NEW);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_garbage_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (fixture->path, garbage, sizeof garbage, NULL));
  before = checksum_of (fixture->path);

  db = desk_database_open (fixture->path, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corrupt_header_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  db = desk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  raw_exec (fixture->path, "PRAGMA journal_mode = DELETE");

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  memcpy (contents, "This is not SQLite", 18);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  db = desk_database_open (fixture->path, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_foreign_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = NULL;

  raw_exec (fixture->path, "CREATE TABLE songs (title TEXT)");

  db = desk_database_open (fixture->path, &error);
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "another application"));
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no", "such", "x.db", NULL);
  g_autoptr(DeskDatabase) db = desk_database_open (path, &error);

  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_OPEN);
  g_assert_null (db);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_default_path (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;

  g_setenv ("INCIDENT_DESK_DB", fixture->path, TRUE);
  path = desk_database_get_default_path ();
  g_assert_cmpstr (path, ==, fixture->path);

  g_unsetenv ("INCIDENT_DESK_DB");
  g_free (path);
  path = desk_database_get_default_path ();
  g_assert_true (g_str_has_suffix (path, "/incident-desk/incidents.db"));
}

static gint64
count_incidents (DeskDatabase *db)
{
  g_autoptr(DeskStatement) stmt = desk_database_prepare (db, "SELECT count(*) FROM incidents",
                                                         NULL);
  gboolean has_row;

  g_assert_true (desk_database_step (db, stmt, &has_row, NULL));
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_nested_transactions (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = desk_database_open (":memory:", &error);
  const char *insert = "INSERT INTO incidents (uuid, created_at, updated_at, title) "
                       "VALUES (hex (randomblob (16)), 1, 1, 't')";

  g_assert_no_error (error);

  g_assert_true (desk_database_begin (db, &error));
  g_assert_true (desk_database_exec (db, insert, &error));
  g_assert_true (desk_database_begin (db, &error));
  g_assert_true (desk_database_exec (db, insert, &error));
  desk_database_rollback (db);   /* undoes the inner insert only */
  g_assert_true (desk_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_incidents (db), ==, 1);

  g_assert_true (desk_database_begin (db, &error));
  g_assert_true (desk_database_exec (db, insert, &error));
  desk_database_rollback (db);
  g_assert_cmpint (count_incidents (db), ==, 1);
}

static void
test_audit_append_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) db = desk_database_open (":memory:", &error);

  g_assert_true (desk_database_exec (db, "INSERT INTO audit_log (uuid, at, actor, kind, "
                                         "record_uuid, action) VALUES ('a', 1, 'me', 'incident', "
                                         "'r', 'create')", &error));
  g_assert_no_error (error);

  g_assert_false (desk_database_exec (db, "UPDATE audit_log SET actor = 'someone else'", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
  /* In words, not SQLite's (which names the trigger) */
  g_assert_cmpstr (error->message, ==, "Database error: the database does not allow this change");
  g_clear_error (&error);

  g_assert_false (desk_database_exec (db, "DELETE FROM audit_log", &error));
  g_assert_error (error, DESK_DATABASE_ERROR, DESK_DATABASE_ERROR_CONSTRAINT);
}

/* Schema 1's accounts: one row per identifier as written, the exposure in the row. */
static const char schema_1_accounts[] =
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents (id),"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  identifier TEXT NOT NULL, exposure INTEGER NOT NULL DEFAULT 0,"
  "  categories INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);"
  "CREATE UNIQUE INDEX accounts_identifier ON accounts (incident_id, identifier);"
  "CREATE INDEX accounts_customer ON accounts (incident_id, customer_id, exposure);";

static gint64 query_int (DeskDatabase *db,
                         const char   *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (DeskDatabase *db,
           const char   *format,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean has_row = FALSE;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  stmt = desk_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (desk_database_step (db, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

/* Turns the current schema back into schema 1, with @accounts inserted: migration 2 made every
 * account table, migration 3 the export snapshots, migration 4 the sync tables and the audit
 * log's remote column, migration 5 the deadlines' tables and the incidents' clock times. */
static void
make_schema_1 (const char *path,
               const char *accounts)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " AND (name LIKE 'account%' OR name LIKE 'sync%'"
                                           "   OR name IN ('export_snapshots', 'obligations',"
                                           "     'figures', 'reminders_sent'))", -1, &stmt,
                                           NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (guint i = 0; i < tables->len; i++)
    g_string_append_printf (sql, "DROP TABLE %s;", (char *) g_ptr_array_index (tables, i));
  g_string_append (sql, "ALTER TABLE audit_log DROP COLUMN remote;"
                        "DROP INDEX notifications_due;"
                        "ALTER TABLE incidents DROP COLUMN aware_at;"
                        "ALTER TABLE incidents DROP COLUMN determined_at;");
  g_string_append (sql, schema_1_accounts);
  g_string_append (sql, accounts);
  g_string_append (sql, "PRAGMA user_version = 1;");
  raw_exec (path, sql->str);
}

/* Schema 1 kept the same mailbox twice in different case, and the exposure in the account's
 * row; migration 2 makes one account of them and keeps the findings and counts apart. */
static void
test_migrate_accounts (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    guint       customer;
    const char *identifier;
    int         exposure;
    int         categories;
  } rows[] = {
    { 0, "alice@example.jp", DESK_EXPOSURE_POTENTIAL, 1 },
    { 0, "Alice@Example.jp", DESK_EXPOSURE_CONFIRMED, 2 },
    { 0, "bob@example.jp", DESK_EXPOSURE_CLEARED, 0 },
    { 1, "carol@example.jp", DESK_EXPOSURE_CONFIRMED, 4 },
    { 1, "dave@example.jp", DESK_EXPOSURE_POTENTIAL, 0 },
  };
  g_autoptr(DeskStore) store = desk_test_open_store (fixture->path);
  g_autoptr(DeskIncident) incident = desk_test_save (store, desk_incident_new ("Mail"));
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 customer_ids[2];
  gint64 incident_id = desk_record_get_id (DESK_RECORD (incident));
  g_autoptr(GString) accounts = g_string_new (NULL);
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  DeskDatabase *db;

  for (guint i = 0; i < G_N_ELEMENTS (customer_ids); i++)
    {
      g_autofree char *contract = g_strdup_printf ("C-%u", i + 1);
      g_autoptr(DeskCustomer) customer = desk_test_save (store, desk_customer_new (contract,
                                                                                   NULL));

      g_ptr_array_add (links, desk_test_save (store, desk_affected_new (incident, customer)));
      customer_ids[i] = desk_record_get_id (DESK_RECORD (customer));
    }
  desk_test_await_finalize (g_steal_pointer (&store));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (accounts, "INSERT INTO accounts (incident_id, customer_id, identifier,"
                            " exposure, categories, updated_at) VALUES (%" G_GINT64_FORMAT
                            ", %" G_GINT64_FORMAT ", '%s', %d, %d, 100);", incident_id,
                            customer_ids[rows[i].customer], rows[i].identifier,
                            rows[i].exposure, rows[i].categories);
  make_schema_1 (fixture->path, accounts->str);

  store = desk_test_open_store (fixture->path);
  db = desk_store_get_database (store);
  g_assert_cmpint (desk_database_get_schema_version (db), ==, desk_database_get_latest_version ());

  g_assert_cmpint (query_int (db, "SELECT count (*) FROM accounts"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT categories FROM accounts"
                                  " WHERE identifier = 'ALICE@EXAMPLE.JP'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM account_findings"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT exposure FROM account_findings"
                                  " WHERE identifier = 'alice@example.jp'"), ==,
                   DESK_EXPOSURE_CONFIRMED);
  g_assert_cmpint (query_int (db, "SELECT exposure FROM account_findings"
                                  " WHERE identifier = 'bob@example.jp'"), ==,
                   DESK_EXPOSURE_CLEARED);

  /* One account of each exposure but cleared on the first contract, and of each but potential
   * on the second */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM account_counts"), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (i != 0)
      g_assert_cmpint (query_int (db, "SELECT n FROM account_counts WHERE incident_id = %"
                                      G_GINT64_FORMAT " AND customer_id = %" G_GINT64_FORMAT
                                      " AND exposure = %d", incident_id,
                                      customer_ids[rows[i].customer], rows[i].exposure), ==, 1);

  stats = desk_store_get_stats (store, incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->potential_accounts, ==, 3);
  g_assert_cmpint (stats->confirmed_accounts, ==, 2);

  /* and the accounts go on from there */
  g_assert_true (desk_store_add_account (store, g_ptr_array_index (links, 1), "DAVE@example.jp",
                                         DESK_EXPOSURE_CONFIRMED, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stats, desk_stats_free);
  stats = desk_store_get_stats (store, incident_id, &error);
  g_assert_cmpint (stats->potential_accounts, ==, 3);
  g_assert_cmpint (stats->confirmed_accounts, ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM accounts"), ==, 4);

  desk_test_await_finalize (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/database/create", test_create);
  ADD ("/desk/database/reopen", test_reopen);
  ADD ("/desk/database/tightens-mode", test_tightens_mode);
  ADD ("/desk/database/newer-refused", test_newer_refused);
  ADD ("/desk/database/garbage-refused", test_garbage_refused);
  ADD ("/desk/database/corrupt-header-refused", test_corrupt_header_refused);
  ADD ("/desk/database/foreign-refused", test_foreign_refused);
  ADD ("/desk/database/missing-folder", test_missing_folder);
  ADD ("/desk/database/default-path", test_default_path);
  ADD ("/desk/database/nested-transactions", test_nested_transactions);
  ADD ("/desk/database/audit-append-only", test_audit_append_only);
  ADD ("/desk/database/migrate-accounts", test_migrate_accounts);

#undef ADD

  return g_test_run ();
}
