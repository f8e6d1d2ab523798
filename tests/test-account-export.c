/* test-account-export.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The export of an incident's affected accounts: the CSV and JSON as written, a list that
 * imports back into another incident as it was, accounts that try to be spreadsheet formulas,
 * one contract's accounts, and a save that fails or is cancelled leaving nothing behind. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-account-export.h"
#include "desk-account-import.h"
#include "desk-test-utils.h"

#define BOM "\xef\xbb\xbf"
#define HEADER BOM "account,customer_id,customer_name,category,status,found_at\r\n"

/* Accounts in no order, of two contracts, in every status; some try to be formulas, one is
 * Japanese, two differ from others only in case where the key order matters. */
#define LIST \
  "account,customer_id,customer_name,category,status\n" \
  "carol@example.jp,C-002,株式会社サンプル商事,アカウント認証情報,confirmed\n" \
  "\"=HYPERLINK(\"\"http://evil.example\"\")@x.jp\",C-001,Example Trading,Mail,potential\n" \
  "Bob@example.jp,C-001,Example Trading,Mail;Credentials,cleared\n" \
  "alice@example.jp,C-001,Example Trading,Credentials,confirmed\n" \
  "+81-3@example.jp,C-002,株式会社サンプル商事,,potential\n" \
  "-1@example.jp,C-001,Example Trading,Mail,confirmed\n" \
  "@admin@example.jp,C-002,株式会社サンプル商事,Mail,potential\n" \
  "zed@example.jp,C-002,株式会社サンプル商事,Mail,confirmed\n"

typedef struct
{
  char         *dir;
  DeskStore    *store;
  DeskIncident *incident;
  gint64        now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = desk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "incidents.db", NULL);
  fixture->store = desk_test_open_store (path);
  fixture->now = 1776126600;   /* 2026-04-14 00:30 UTC */
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Hosted mail breach"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->incident);
  desk_test_await_finalize (fixture->store);
  g_chmod (fixture->dir, 0755);
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers {{{ */

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Imports @contents into @incident, as a file of the fixture's folder. */
static void
import_list (Fixture      *fixture,
             DeskIncident *incident,
             const char   *contents)
{
  g_autofree char *path = fixture_path (fixture, "import.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  import = desk_account_import_new (fixture->store, incident, file);
  g_assert_true (desk_account_import_run (import, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

static DeskAccountExport *
new_export (Fixture          *fixture,
            DeskIncident     *incident,
            DeskExportFormat  format)
{
  return desk_account_export_new (fixture->store, incident, format);
}

/* Returns: (transfer full): what @export writes */
static char *
export_text (DeskAccountExport *export)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_account_export_write (export, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
export_csv (Fixture      *fixture,
            DeskIncident *incident)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, incident, DESK_EXPORT_FORMAT_CSV);

  return export_text (export);
}

/* The temporary files of saving are hidden ones next to the file. */
static void
assert_no_temporary_file (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (name[0] == '.');
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static DeskStats *
get_stats (Fixture      *fixture,
           DeskIncident *incident)
{
  g_autoptr(GError) error = NULL;
  DeskStats *stats = desk_store_get_stats (fixture->store,
                                           desk_record_get_id (DESK_RECORD (incident)), &error);

  g_assert_no_error (error);
  return stats;
}

/* }}} */
/* Contents {{{ */

/* In key order, without regard to case; a finding's time in the local time zone (UTC here);
 * formulas neutralised, and quoted as they must be. */
static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = NULL;

  import_list (fixture, fixture->incident, LIST);
  csv = export_csv (fixture, fixture->incident);

  g_assert_cmpstr (csv, ==,
                   HEADER
                   "\"'+81-3@example.jp\",C-002,株式会社サンプル商事,,potential,\r\n"
                   "\"'-1@example.jp\",C-001,Example Trading,Mail,confirmed,2026-04-14 00:30\r\n"
                   "\"'=HYPERLINK(\"\"http://evil.example\"\")@x.jp\",C-001,Example Trading,Mail,"
                   "potential,\r\n"
                   "\"'@admin@example.jp\",C-002,株式会社サンプル商事,Mail,potential,\r\n"
                   "alice@example.jp,C-001,Example Trading,Credentials,confirmed,"
                   "2026-04-14 00:30\r\n"
                   "Bob@example.jp,C-001,Example Trading,Mail;Credentials,cleared,"
                   "2026-04-14 00:30\r\n"
                   "carol@example.jp,C-002,株式会社サンプル商事,アカウント認証情報,confirmed,"
                   "2026-04-14 00:30\r\n"
                   "zed@example.jp,C-002,株式会社サンプル商事,Mail,confirmed,2026-04-14 00:30\r\n");
}

/* An array with an account a line; text escaped, times in UTC, no finding as null. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_JSON);
  g_autoptr(DeskCustomer) customer = desk_customer_new ("C-003", "Tab\tName");
  g_autoptr(DeskAffected) affected = desk_affected_new (fixture->incident, customer);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *accounts;
  JsonObject *first, *last;

  import_list (fixture, fixture->incident, LIST);
  g_assert_true (desk_store_add_affected_customer (fixture->store, customer, affected, &error));
  g_assert_no_error (error);
  g_assert_true (desk_store_add_account (fixture->store, affected, "q\"uote\\d@x.jp",
                                         DESK_EXPOSURE_POTENTIAL, 0, &error));
  g_assert_no_error (error);

  json = export_text (export);
  lines = g_strsplit (json, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);   /* [, 9 accounts, ], and after the end */
  g_assert_cmpstr (lines[0], ==, "[");
  g_assert_cmpstr (lines[1], ==,
                   "{\"account\":\"+81-3@example.jp\",\"customer_id\":\"C-002\","
                   "\"customer_name\":\"株式会社サンプル商事\",\"categories\":[],"
                   "\"status\":\"potential\",\"found_at\":null},");
  g_assert_cmpstr (lines[6], ==,
                   "{\"account\":\"Bob@example.jp\",\"customer_id\":\"C-001\","
                   "\"customer_name\":\"Example Trading\",\"categories\":[\"Mail\",\"Credentials\"],"
                   "\"status\":\"cleared\",\"found_at\":\"2026-04-14T00:30:00Z\"},");
  g_assert_cmpstr (lines[8], ==,
                   "{\"account\":\"q\\\"uote\\\\d@x.jp\",\"customer_id\":\"C-003\","
                   "\"customer_name\":\"Tab\\u0009Name\",\"categories\":[],"
                   "\"status\":\"potential\",\"found_at\":null},");
  g_assert_cmpstr (lines[10], ==, "]");
  g_assert_cmpstr (lines[11], ==, "");

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  accounts = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (accounts), ==, 9);
  g_assert_cmpuint (desk_account_export_get_n_accounts (export), ==, 9);
  first = json_array_get_object_element (accounts, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "account"), ==,
                   "=HYPERLINK(\"http://evil.example\")@x.jp");
  last = json_array_get_object_element (accounts, 7);
  g_assert_cmpstr (json_object_get_string_member (last, "account"), ==, "q\"uote\\d@x.jp");
  g_assert_cmpstr (json_object_get_string_member (last, "customer_name"), ==, "Tab\tName");
}

/* An incident without accounts: the header, or an empty array. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeskAccountExport) json = new_export (fixture, fixture->incident,
                                                  DESK_EXPORT_FORMAT_JSON);
  g_autofree char *csv = export_csv (fixture, fixture->incident);
  g_autofree char *text = export_text (json);

  g_assert_cmpstr (csv, ==, HEADER);
  g_assert_cmpstr (text, ==, "[\n]\n");
  g_assert_cmpuint (desk_account_export_get_n_accounts (json), ==, 0);
}

/* Exported, then imported into another incident: the same accounts, statuses, categories and
 * figures, formulas included; and the other incident's accounts stay out of the first's. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskIncident) copy = desk_test_save (fixture->store, desk_incident_new ("Copy"));
  g_autofree char *csv = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *again = NULL;
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(DeskStats) copy_stats = NULL;
  g_autoptr(GString) more = g_string_new ("account,customer_id,status\n");
  guint n_cleared = 1;   /* Bob */

  /* Many accounts with a finding here and there, for the two to be read side by side at length */
  for (guint i = 0; i < 20000; i++)
    {
      const char *status = i % 13 == 0 ? "confirmed" : i % 101 == 0 ? "cleared" : "";

      g_string_append_printf (more, "user%05u@example.jp,C-%03u,%s\n", i, i % 7, status);
      n_cleared += g_str_equal (status, "cleared");
    }
  import_list (fixture, fixture->incident, LIST);
  import_list (fixture, fixture->incident, more->str);

  csv = export_csv (fixture, fixture->incident);
  import_list (fixture, copy, csv);
  copied = export_csv (fixture, copy);
  g_assert_cmpstr (copied, ==, csv);

  stats = get_stats (fixture, fixture->incident);
  copy_stats = get_stats (fixture, copy);
  g_assert_cmpint (stats->potential_accounts, ==, 20008 - n_cleared);
  g_assert_cmpint (copy_stats->potential_accounts, ==, stats->potential_accounts);
  g_assert_cmpint (copy_stats->confirmed_accounts, ==, stats->confirmed_accounts);
  g_assert_cmpint (copy_stats->contracts_affected, ==, stats->contracts_affected);
  g_assert_cmpint (copy_stats->contracts_confirmed, ==, stats->contracts_confirmed);
  /* the same categories, perhaps made in another order */
  g_assert_cmpuint (copy_stats->categories->len, ==, stats->categories->len);
  for (guint i = 0; i < stats->categories->len; i++)
    {
      DeskCategoryCount *count = g_ptr_array_index (stats->categories, i);
      guint j = 0;

      while (!g_str_equal (((DeskCategoryCount *) g_ptr_array_index (copy_stats->categories,
                                                                      j))->name, count->name))
        g_assert_cmpuint (++j, <, copy_stats->categories->len);
      g_assert_cmpint (((DeskCategoryCount *) g_ptr_array_index (copy_stats->categories,
                                                                  j))->contracts, ==,
                       count->contracts);
    }

  /* The first incident's export did not change with the second's accounts */
  again = export_csv (fixture, fixture->incident);
  g_assert_cmpstr (again, ==, csv);
}

/* One contract's accounts: the findings of the others' are passed over. */
static void
test_customer (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_CSV);
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  import_list (fixture, fixture->incident, LIST);
  customer = desk_store_find_customer (fixture->store, "C-002", &error);
  g_assert_no_error (error);
  desk_account_export_set_customer (export, customer);

  csv = export_text (export);
  g_assert_cmpstr (csv, ==,
                   HEADER
                   "\"'+81-3@example.jp\",C-002,株式会社サンプル商事,,potential,\r\n"
                   "\"'@admin@example.jp\",C-002,株式会社サンプル商事,Mail,potential,\r\n"
                   "carol@example.jp,C-002,株式会社サンプル商事,アカウント認証情報,confirmed,"
                   "2026-04-14 00:30\r\n"
                   "zed@example.jp,C-002,株式会社サンプル商事,Mail,confirmed,2026-04-14 00:30\r\n");
  g_assert_cmpuint (desk_account_export_get_n_accounts (export), ==, 4);
}

/* }}} */
/* Saving {{{ */

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_CSV);
  g_autofree char *path = fixture_path (fixture, "accounts.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  struct stat st;

  import_list (fixture, fixture->incident, LIST);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (desk_account_export_save (export, file, NULL, &error));
  g_assert_no_error (error);

  expected = export_csv (fixture, fixture->incident);
  assert_contents (path, expected);
  g_assert_cmpfloat (desk_account_export_get_fraction (export), ==, 1.0);
  assert_no_temporary_file (fixture->dir);
  /* it lists compromised accounts: for its owner's eyes, as the database is */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
}

static void
test_save_unwritable_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_JSON);
  g_autofree char *folder = fixture_path (fixture, "out");
  g_autofree char *path = g_build_filename (folder, "accounts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("Could not save “%s”: you may not write in that "
                                               "folder", path);

  import_list (fixture, fixture->incident, LIST);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "the good old list", -1, NULL));
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  if (access (folder, W_OK) == 0)
    {
      g_chmod (folder, 0755);
      g_test_skip ("Folder permissions do not bind this user (root?)");
      return;
    }

  g_assert_false (desk_account_export_save (export, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, expected);
  assert_contents (path, "the good old list");
  assert_no_temporary_file (folder);
  g_chmod (folder, 0755);
}

static void
test_save_missing_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_CSV);
  g_autofree char *path = fixture_path (fixture, "missing/accounts.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("Could not save “%s”: the folder does not exist",
                                               path);

  g_assert_false (desk_account_export_save (export, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Saves on a worker thread, following its progress; cancels at the first news of it if
 * @cancel. */
static gboolean
save_async (DeskAccountExport  *export,
            GFile              *file,
            gboolean            cancel,
            GError            **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  DeskTestProgress progress = { cancel ? cancellable : NULL };
  gboolean saved;

  desk_account_export_save_async (export, file, cancellable, desk_test_progress_done_cb,
                                  &progress);
  saved = desk_account_export_save_finish (export, desk_test_progress_wait (&progress, export),
                                           error);
  g_clear_object (&progress.result);
  g_assert_cmpuint (progress.n_notified, >, 0);
  return saved;
}

/* A list large enough that the export is not over at once. */
static void
import_many (Fixture *fixture,
             guint    n_rows)
{
  g_autoptr(GString) csv = g_string_new ("account,customer_id,category\n");

  desk_test_append_accounts (csv, 0, n_rows, 6);
  import_list (fixture, fixture->incident, csv->str);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_JSON);
  g_autofree char *path = fixture_path (fixture, "accounts.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  import_many (fixture, 30000);
  g_assert_true (save_async (export, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_account_export_get_n_accounts (export), ==, 30000);
  g_assert_cmpfloat (desk_account_export_get_fraction (export), ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Cancelled half-way: the file that was there stays as it was, and nothing else is left. */
static void
test_save_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_CSV);
  g_autofree char *path = fixture_path (fixture, "accounts.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  import_many (fixture, 30000);
  g_assert_true (g_file_set_contents (path, "the good old list", -1, NULL));

  g_assert_false (save_async (export, file, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_contents (path, "the good old list");
  assert_no_temporary_file (fixture->dir);
  g_assert_cmpuint (desk_account_export_get_n_accounts (export), ==, 0);
}

/* A stream that fails part-way: the export gives up with its error. */
static void
test_failing_stream (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskAccountExport) export = new_export (fixture, fixture->incident,
                                                    DESK_EXPORT_FORMAT_CSV);
  g_autofree char *buffer = g_malloc (100000);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 100000, NULL, NULL);
  g_autoptr(GError) error = NULL;

  import_many (fixture, 30000);
  g_assert_false (desk_account_export_write (export, stream, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  /* The CSV writes times in the local time zone */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/account-export/csv", test_csv);
  ADD ("/desk/account-export/json", test_json);
  ADD ("/desk/account-export/empty", test_empty);
  ADD ("/desk/account-export/round-trip", test_round_trip);
  ADD ("/desk/account-export/customer", test_customer);
  ADD ("/desk/account-export/save", test_save);
  ADD ("/desk/account-export/save/unwritable-folder", test_save_unwritable_folder);
  ADD ("/desk/account-export/save/missing-folder", test_save_missing_folder);
  ADD ("/desk/account-export/save/async", test_save_async);
  ADD ("/desk/account-export/save/cancelled", test_save_cancelled);
  ADD ("/desk/account-export/failing-stream", test_failing_stream);

#undef ADD

  return g_test_run ();
}
