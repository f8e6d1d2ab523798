/* test-account-import.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports account lists through DeskAccountImport and checks what the store shows afterwards:
 * the figures, customers, categories, ledger and timeline; and that every refused or cancelled
 * import leaves the database exactly as it was. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "desk-account-import.h"
#include "desk-csv-reader.h"
#include "desk-test-utils.h"

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
  fixture->now = 1776126600;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Hosted mail breach"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->incident);
  desk_test_await_finalize (fixture->store);
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

/* Writes @contents (@len bytes, or a string for -1) to @name in the fixture's folder. */
static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static DeskAccountImport *
new_import (Fixture    *fixture,
            const char *contents,
            gssize      len)
{
  g_autoptr(GFile) file = write_file (fixture, "accounts.csv", contents, len);

  return desk_account_import_new (fixture->store, fixture->incident, file);
}

static void
run_ok (DeskAccountImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_account_import_run (import, NULL, &error));
  g_assert_no_error (error);
}

/* Imports @contents with the default settings. */
static DeskAccountImport *
import_text (Fixture    *fixture,
             const char *contents)
{
  DeskAccountImport *import = new_import (fixture, contents, -1);

  run_ok (import);
  return import;
}

static char *
digest (Fixture *fixture)
{
  return desk_test_digest_database (desk_store_get_database (fixture->store));
}

static gint64
incident_id (Fixture *fixture)
{
  return desk_record_get_id (DESK_RECORD (fixture->incident));
}

static DeskStats *
get_stats (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  DeskStats *stats = desk_store_get_stats (fixture->store, incident_id (fixture), &error);

  g_assert_no_error (error);
  return stats;
}

static void
assert_accounts (Fixture *fixture,
                 gint64   potential,
                 gint64   confirmed)
{
  g_autoptr(DeskStats) stats = get_stats (fixture);

  g_assert_cmpint (stats->potential_accounts, ==, potential);
  g_assert_cmpint (stats->confirmed_accounts, ==, confirmed);
}

/* The first column of @sql's first row: for the accounts themselves, which no record lists. */
static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  DeskDatabase *database = desk_store_get_database (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStatement) stmt = desk_database_prepare (database, sql, &error);
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  g_assert_true (desk_database_step (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static GPtrArray *
list (Fixture    *fixture,
      GType       type,
      const char *field)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = desk_store_list (fixture->store, type, field,
                             field != NULL ? incident_id (fixture) : 0, &error);
  g_assert_no_error (error);
  return records;
}

static DeskRecord *
find_customer (Fixture    *fixture,
               const char *contract_id)
{
  g_autoptr(GPtrArray) customers = list (fixture, DESK_TYPE_CUSTOMER, NULL);

  for (guint i = 0; i < customers->len; i++)
    if (g_strcmp0 (desk_record_get_string (g_ptr_array_index (customers, i), "contract-id"),
                   contract_id) == 0)
      return g_object_ref (g_ptr_array_index (customers, i));

  g_assert_not_reached ();
}

/* The incident's link to the customer with @contract_id. */
static DeskRecord *
find_affected (Fixture    *fixture,
               const char *contract_id)
{
  g_autoptr(DeskRecord) customer = find_customer (fixture, contract_id);
  g_autoptr(GPtrArray) affected = list (fixture, DESK_TYPE_AFFECTED, "incident-id");

  for (guint i = 0; i < affected->len; i++)
    if (desk_record_get_int (g_ptr_array_index (affected, i), "customer-id") ==
        desk_record_get_id (customer))
      return g_object_ref (g_ptr_array_index (affected, i));

  g_assert_not_reached ();
}

/* The mask of the incident's categories named in @names ("a;b"). */
static gint64
category_mask (Fixture    *fixture,
               const char *names)
{
  g_autoptr(GPtrArray) categories = list (fixture, DESK_TYPE_CATEGORY, "incident-id");
  g_auto(GStrv) wanted = g_strsplit (names, ";", -1);
  gint64 mask = 0;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint c = 0; c < categories->len && !found; c++)
        if (g_str_equal (desk_record_get_string (g_ptr_array_index (categories, c), "name"),
                         wanted[i]))
          {
            mask |= G_GINT64_CONSTANT (1) << desk_record_get_int (g_ptr_array_index (categories, c),
                                                                   "bit");
            found = TRUE;
          }
      g_assert_true (found);
    }

  return mask;
}

static void
assert_contract (Fixture      *fixture,
                 const char   *contract_id,
                 DeskExposure  exposure,
                 const char   *categories)
{
  g_autoptr(DeskRecord) affected = find_affected (fixture, contract_id);

  g_assert_cmpint (desk_record_get_enum (affected, "exposure"), ==, exposure);
  g_assert_cmpint (desk_record_get_int (affected, "categories"), ==,
                   categories != NULL ? category_mask (fixture, categories) : 0);
}

static GFile *
write_large_file (Fixture *fixture,
                  guint    n_rows)
{
  g_autoptr(GString) text = g_string_new ("account,customer_id,category\n");

  desk_test_append_accounts (text, 0, n_rows, 7);
  return write_file (fixture, "large.csv", text->str, (gssize) text->len);
}

/* }}} */
/* Importing {{{ */

static void
test_basic (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeskCustomer) known = NULL;
  g_autoptr(DeskCategory) credentials = NULL;
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(DeskRecord) trading = NULL;
  g_autoptr(DeskRecord) sample = NULL;
  g_autoptr(GPtrArray) affected = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(DeskStats) stats = NULL;
  g_autofree char *summary = NULL;

  /* A customer on record but not yet on the incident, and a category in another case */
  known = desk_test_save (fixture->store, desk_customer_new ("C-002", "Sample Corp"));
  credentials = desk_test_save (fixture->store, desk_category_new (fixture->incident,
                                                                   "Credentials"));

  import = import_text (fixture,
                        "account,customer_id,customer_name,category,status\n"
                        "a@example.jp,C-001,Example Trading,credentials,confirmed\n"
                        "b@example.jp,C-001,Example Trading,Credentials;Mail,\n"
                        "c@example.jp,C-002,Another Name,,potential\n"
                        "d@example.jp,C-002,,,cleared\n");

  g_assert_cmpuint (desk_account_import_get_n_rows (import), ==, 4);
  g_assert_cmpuint (desk_account_import_get_n_added (import), ==, 4);
  g_assert_cmpuint (desk_account_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (desk_account_import_get_n_new_customers (import), ==, 1);
  g_assert_cmpuint (desk_account_import_get_n_new_categories (import), ==, 1);
  g_assert_cmpint (desk_account_import_get_encoding (import), ==, DESK_CSV_ENCODING_UTF8);
  g_assert_cmpfloat (desk_account_import_get_fraction (import), ==, 1.0);
  summary = desk_account_import_describe_result (import);
  g_assert_cmpstr (summary, ==,
                   "Imported 4 account rows from accounts.csv for 2 contracts (4 new accounts)");

  stats = get_stats (fixture);
  g_assert_cmpint (stats->potential_accounts, ==, 3);  /* d is cleared */
  g_assert_cmpint (stats->confirmed_accounts, ==, 1);
  g_assert_cmpint (stats->contracts_affected, ==, 2);
  g_assert_cmpint (stats->contracts_confirmed, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM accounts"), ==, 4);

  /* The new contract takes the name the file gives; the known one keeps its own */
  customers = list (fixture, DESK_TYPE_CUSTOMER, NULL);
  g_assert_cmpuint (customers->len, ==, 2);
  trading = find_customer (fixture, "C-001");
  g_assert_cmpstr (desk_record_get_string (trading, "name"), ==, "Example Trading");
  sample = find_customer (fixture, "C-002");
  g_assert_cmpint (desk_record_get_id (sample), ==, desk_record_get_id (DESK_RECORD (known)));
  g_assert_cmpstr (desk_record_get_string (sample, "name"), ==, "Sample Corp");

  /* The contracts roll up their accounts' categories and findings */
  assert_contract (fixture, "C-001", DESK_EXPOSURE_CONFIRMED, "Credentials;Mail");
  assert_contract (fixture, "C-002", DESK_EXPOSURE_POTENTIAL, NULL);

  /* Each new link has its row in the notification ledger */
  affected = list (fixture, DESK_TYPE_AFFECTED, "incident-id");
  ledger = list (fixture, DESK_TYPE_NOTIFICATION, "incident-id");
  g_assert_cmpuint (affected->len, ==, 2);
  g_assert_cmpuint (ledger->len, ==, 2);
  for (guint i = 0; i < ledger->len; i++)
    {
      gint64 affected_id = desk_record_get_int (g_ptr_array_index (ledger, i), "affected-id");

      g_assert_true (affected_id == desk_record_get_id (g_ptr_array_index (affected, 0)) ||
                     affected_id == desk_record_get_id (g_ptr_array_index (affected, 1)));
    }

  events = list (fixture, DESK_TYPE_EVENT, "incident-id");
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (events, 0), "text"), ==, summary);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (events, 0), "actor"), ==,
                   "Test Runner");
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (events, 0), "happened-at"), ==,
                   fixture->now);
}

static void
test_columns_any_order (Fixture       *fixture,
                        gconstpointer  data)
{
  static const DeskImportColumn roles[] = {
    DESK_IMPORT_COLUMN_IGNORED, DESK_IMPORT_COLUMN_STATUS, DESK_IMPORT_COLUMN_CUSTOMER_ID,
    DESK_IMPORT_COLUMN_ACCOUNT, DESK_IMPORT_COLUMN_CUSTOMER_NAME, DESK_IMPORT_COLUMN_CATEGORY,
  };
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(DeskRecord) customer = NULL;

  import = import_text (fixture,
                        "Note,STATUS, Customer_Id ,ACCOUNT,customer_NAME,Category\n"
                        "first,Confirmed,C-1,a@example.jp,Example Trading,Mail\n"
                        ",,C-2,b@example.jp,,\n");

  g_assert_cmpuint (desk_account_import_get_n_columns (import), ==, G_N_ELEMENTS (roles));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    g_assert_cmpint (desk_account_import_get_column_role (import, i), ==, roles[i]);
  g_assert_cmpstr (desk_account_import_get_column_name (import, 2), ==, "Customer_Id");

  assert_accounts (fixture, 2, 1);
  assert_contract (fixture, "C-1", DESK_EXPOSURE_CONFIRMED, "Mail");
  assert_contract (fixture, "C-2", DESK_EXPOSURE_POTENTIAL, NULL);
  customer = find_customer (fixture, "C-1");
  g_assert_cmpstr (desk_record_get_string (customer, "name"), ==, "Example Trading");
}

/* A byte-order mark, CRLF line ends and RFC 4180 quoting, as spreadsheet programs write them. */
static void
test_bom_crlf_quotes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(DeskRecord) customer = NULL;

  import = import_text (fixture,
                        "\xef\xbb\xbf" "Account,Customer_ID,Customer_Name,Category\r\n"
                        "a@example.jp,C-1,\"Quote \"\"Corp\"\", Ltd\r\nTokyo\",\"Mail; Phone\"\r\n"
                        "\r\n"
                        "\"b@example.jp\",\"C-1\",,\r\n"
                        "\"c,@example.jp\",C-1,,\r\n");

  g_assert_cmpuint (desk_account_import_get_n_rows (import), ==, 3);
  g_assert_cmpint (desk_account_import_get_encoding (import), ==, DESK_CSV_ENCODING_UTF8);
  assert_accounts (fixture, 3, 0);
  assert_contract (fixture, "C-1", DESK_EXPOSURE_POTENTIAL, "Mail;Phone");
  customer = find_customer (fixture, "C-1");
  g_assert_cmpstr (desk_record_get_string (customer, "name"), ==, "Quote \"Corp\", Ltd\r\nTokyo");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM accounts"
                                       " WHERE identifier = 'c,@example.jp'"), ==, 1);
}

#define CP932_TEXT \
  "account,customer_id,customer_name,category\r\n" \
  "yamada@example.jp,C-100,株式会社テスト商事,個人情報;認証情報\r\n" \
  "suzuki@example.jp,C-100,株式会社テスト商事,認証情報\r\n"

static GFile *
write_cp932 (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  bytes = g_convert (CP932_TEXT, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  return write_file (fixture, "sjis.csv", bytes, (gssize) len);
}

static void
test_cp932 (Fixture       *fixture,
            gconstpointer  data)
{
  static const DeskCsvEncoding encodings[] = { DESK_CSV_ENCODING_AUTO, DESK_CSV_ENCODING_CP932 };
  g_autoptr(GFile) file = write_cp932 (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(DeskAccountImport) import = NULL;
      g_autoptr(DeskRecord) customer = NULL;
      g_autoptr(GError) error = NULL;
      char **row;

      /* Each run on an incident of its own, so that both create the categories */
      g_clear_object (&fixture->incident);
      fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Shift_JIS"));

      import = desk_account_import_new (fixture->store, fixture->incident, file);
      desk_account_import_set_encoding (import, encodings[i]);
      g_assert_true (desk_account_import_preview (import, 10, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (desk_account_import_get_encoding (import), ==, DESK_CSV_ENCODING_CP932);
      row = g_ptr_array_index (desk_account_import_get_preview_rows (import), 0);
      g_assert_cmpstr (row[2], ==, "株式会社テスト商事");

      run_ok (import);
      g_assert_cmpuint (desk_account_import_get_n_new_categories (import), ==, 2);
      assert_accounts (fixture, 2, 0);
      assert_contract (fixture, "C-100", DESK_EXPOSURE_POTENTIAL, "個人情報;認証情報");
      customer = find_customer (fixture, "C-100");
      g_assert_cmpstr (desk_record_get_string (customer, "name"), ==, "株式会社テスト商事");
    }
}

/* Read as UTF-8, the same file is bad text from its first row on. */
static void
test_cp932_as_utf8 (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_cp932 (fixture);
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = digest (fixture);
  g_autofree char *after = NULL;

  import = desk_account_import_new (fixture->store, fixture->incident, file);
  desk_account_import_set_encoding (import, DESK_CSV_ENCODING_UTF8);
  g_assert_false (desk_account_import_run (import, NULL, &error));
  g_assert_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS);
  g_assert_nonnull (strstr (error->message, "\nLine 2: field 3 is not valid UTF-8 text"));
  g_assert_nonnull (strstr (error->message, "\nLine 3: field 3 is not valid UTF-8 text"));

  after = digest (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* --status and --category: for the rows that have none. */
static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskAccountImport) first = NULL;
  g_autoptr(DeskAccountImport) second = NULL;

  first = new_import (fixture, "account,customer_id\na@example.jp,C-1\nb@example.jp,C-1\n", -1);
  desk_account_import_set_default_exposure (first, DESK_EXPOSURE_CONFIRMED);
  desk_account_import_set_default_categories (first, "Credentials; Mail");
  run_ok (first);
  g_assert_cmpuint (desk_account_import_get_n_new_categories (first), ==, 2);
  assert_accounts (fixture, 2, 2);
  assert_contract (fixture, "C-1", DESK_EXPOSURE_CONFIRMED, "Credentials;Mail");

  second = new_import (fixture,
                       "account,customer_id,category,status\n"
                       "c@example.jp,C-2,Phone,potential\n"
                       "d@example.jp,C-3,,\n", -1);
  desk_account_import_set_default_exposure (second, DESK_EXPOSURE_CONFIRMED);
  desk_account_import_set_default_categories (second, "credentials");
  run_ok (second);
  g_assert_cmpuint (desk_account_import_get_n_new_categories (second), ==, 1);
  assert_accounts (fixture, 4, 3);
  assert_contract (fixture, "C-2", DESK_EXPOSURE_POTENTIAL, "Phone");
  assert_contract (fixture, "C-3", DESK_EXPOSURE_CONFIRMED, "Credentials");
}

/* }}} */
/* Importing again {{{ */

static gint64
account_categories (Fixture    *fixture,
                    const char *identifier)
{
  g_autofree char *sql = g_strdup_printf ("SELECT categories FROM accounts"
                                          " WHERE identifier = '%s'", identifier);

  return query_int (fixture, sql);
}

static void
import_expecting (Fixture    *fixture,
                  const char *contents,
                  guint64     n_added,
                  gint64      potential,
                  gint64      confirmed,
                  gint64      rows)
{
  g_autoptr(DeskAccountImport) import = import_text (fixture, contents);

  g_assert_cmpuint (desk_account_import_get_n_added (import), ==, n_added);
  assert_accounts (fixture, potential, confirmed);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM accounts"), ==, rows);
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  static const char *first =
    "account,customer_id,category\n"
    "a@example.jp,C-1,\n"
    "b@example.jp,C-1,Mail\n"
    "c@example.jp,C-1,\n"
    "d@example.jp,C-2,\n";
  g_autoptr(GPtrArray) events = NULL;

  import_expecting (fixture, first, 4, 4, 0, 4);
  import_expecting (fixture, first, 0, 4, 0, 4);
  assert_contract (fixture, "C-1", DESK_EXPOSURE_POTENTIAL, "Mail");

  /* Confirmed accounts, one of them in another case; b gains a category */
  import_expecting (fixture,
                    "account,customer_id,status,category\n"
                    "A@EXAMPLE.JP,C-1,confirmed,\n"
                    "b@example.jp,C-1,confirmed,Credentials\n", 0, 4, 2, 4);
  assert_contract (fixture, "C-1", DESK_EXPOSURE_CONFIRMED, "Mail;Credentials");
  assert_contract (fixture, "C-2", DESK_EXPOSURE_POTENTIAL, NULL);
  g_assert_cmpint (account_categories (fixture, "b@example.jp"), ==,
                   category_mask (fixture, "Mail;Credentials"));

  /* "Potential" downgrades nothing, and categories are never taken away */
  import_expecting (fixture,
                    "account,customer_id,status,category\n"
                    "a@example.jp,C-1,potential,\n"
                    "b@example.jp,C-1,potential,\n"
                    "e@example.jp,C-2,,\n", 1, 5, 2, 5);
  g_assert_cmpint (account_categories (fixture, "b@example.jp"), ==,
                   category_mask (fixture, "Mail;Credentials"));

  /* Findings: the later one wins, either way */
  import_expecting (fixture, "account,customer_id,status\na@example.jp,C-1,cleared\n",
                    0, 4, 1, 5);
  import_expecting (fixture, "account,customer_id,status\na@example.jp,C-1,confirmed\n",
                    0, 5, 2, 5);

  events = list (fixture, DESK_TYPE_EVENT, "incident-id");
  g_assert_cmpuint (events->len, ==, 6);
}

/* Within one file too, the later row of an account wins; the contract follows the result. */
static void
test_later_row_wins (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskStats) stats = NULL;

  import_expecting (fixture,
                    "account,customer_id,status\n"
                    "a@example.jp,C-1,confirmed\n"
                    "b@example.jp,C-2,cleared\n"
                    "A@example.jp,C-1,cleared\n"
                    "b@example.jp,C-2,confirmed\n"
                    "b@example.jp,C-2,potential\n", 2, 1, 1, 2);

  assert_contract (fixture, "C-1", DESK_EXPOSURE_POTENTIAL, NULL);
  assert_contract (fixture, "C-2", DESK_EXPOSURE_CONFIRMED, NULL);
  stats = get_stats (fixture);
  g_assert_cmpint (stats->contracts_confirmed, ==, 1);
}

/* "Alice@Example.jp" and "alice@example.jp" are one mailbox: the first spelling stays. */
static void
test_case_insensitive (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskAccountImport) import = NULL;

  import = import_text (fixture,
                        "account,customer_id\n"
                        "Alice@Example.jp,C-1\n"
                        "alice@example.jp,C-1\n");
  g_assert_cmpuint (desk_account_import_get_n_added (import), ==, 1);
  assert_accounts (fixture, 1, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM accounts"
                                       " WHERE identifier = 'Alice@Example.jp' COLLATE BINARY"),
                   ==, 1);

  import_expecting (fixture, "account,customer_id,status\nALICE@EXAMPLE.JP,C-1,confirmed\n",
                    0, 1, 1, 1);
}

/* }}} */
/* Preview {{{ */

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const names[] = { "Account", "Customer_ID", "Note", "Status" };
  static const DeskImportColumn roles[] = {
    DESK_IMPORT_COLUMN_ACCOUNT, DESK_IMPORT_COLUMN_CUSTOMER_ID, DESK_IMPORT_COLUMN_IGNORED,
    DESK_IMPORT_COLUMN_STATUS,
  };
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = digest (fixture);
  g_autofree char *after = NULL;
  GPtrArray *rows;
  char **short_row;

  import = new_import (fixture,
                       "Account,Customer_ID,Note,Status\n"
                       "a@example.jp,C-1,first,confirmed\n"
                       "b@example.jp,C-1\n"
                       "c@example.jp,C-2,third,\n", -1);

  g_assert_true (desk_account_import_preview (import, 10, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_account_import_get_n_columns (import), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (desk_account_import_get_column_name (import, i), ==, names[i]);
      g_assert_cmpint (desk_account_import_get_column_role (import, i), ==, roles[i]);
    }

  rows = desk_account_import_get_preview_rows (import);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[2], ==, "third");
  /* A short row is shown padded, and named as the problem */
  short_row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (short_row), ==, 4);
  g_assert_cmpstr (short_row[0], ==, "b@example.jp");
  g_assert_cmpstr (short_row[3], ==, "");
  g_assert_cmpstr (desk_account_import_get_preview_problem (import), ==,
                   "Line 3: 2 fields, but the header names 4");

  /* Again, with room for one row only: the problem is past it */
  g_assert_true (desk_account_import_preview (import, 1, NULL, &error));
  g_assert_cmpuint (desk_account_import_get_preview_rows (import)->len, ==, 1);
  g_assert_null (desk_account_import_get_preview_problem (import));

  after = digest (fixture);
  g_assert_cmpstr (before, ==, after);
  assert_accounts (fixture, 0, 0);
}

static void
test_preview_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *contents;
    int         code;
    const char *problem;  /* for a file that can be previewed */
  } cases[] = {
    { "account,customer_id\na@example.jp,C-1\n\"b@example.jp,C-1\n", -1,
      "Line 3: a quoted field is never closed" },
    { "account,name\na@example.jp,Example\n", DESK_IMPORT_ERROR_COLUMNS, NULL },
    { "account,customer_id\n", DESK_IMPORT_ERROR_NO_ROWS, NULL },
  };
  g_autofree char *before = digest (fixture);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskAccountImport) import = new_import (fixture, cases[i].contents, -1);
      g_autoptr(GError) error = NULL;
      gboolean ok = desk_account_import_preview (import, 10, NULL, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (desk_account_import_get_preview_problem (import), ==,
                           cases[i].problem);
        }
      else
        {
          g_assert_error (error, DESK_IMPORT_ERROR, cases[i].code);
          g_assert_false (ok);
        }
    }

  after = digest (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* }}} */
/* Bad input {{{ */

/* Imports @contents, which must be refused with @code of @domain and a message holding each
 * of @fragments; the database must be as before, byte for byte. A rejects file changes nothing
 * for a file that cannot be read at all: then it is tried with one too, and none may be left. */
static void
assert_refused (Fixture            *fixture,
                const char         *contents,
                gssize              len,
                GQuark              domain,
                int                 code,
                const char * const *fragments)
{
  gboolean whole_file = domain != DESK_IMPORT_ERROR || code != DESK_IMPORT_ERROR_INVALID_ROWS;
  g_autofree char *rejects_path = fixture_path (fixture, "rejects.csv");
  g_autofree char *before = digest (fixture);

  for (guint with_rejects = 0; with_rejects <= (guint) whole_file; with_rejects++)
    {
      g_autoptr(DeskAccountImport) import = new_import (fixture, contents, len);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      if (with_rejects)
        {
          g_autoptr(GFile) rejects = g_file_new_for_path (rejects_path);

          desk_account_import_set_rejects_file (import, rejects);
        }

      g_assert_false (desk_account_import_run (import, NULL, &error));
      g_assert_error (error, domain, code);
      for (guint i = 0; fragments[i] != NULL; i++)
        if (strstr (error->message, fragments[i]) == NULL)
          g_error ("“%s” is not in the message “%s”", fragments[i], error->message);
      g_assert_cmpuint (desk_account_import_get_n_added (import), ==, 0);

      after = digest (fixture);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (g_file_test (rejects_path, G_FILE_TEST_EXISTS));
    }
}

/* An earlier import to keep: a@example.jp under C-1. */
static void
import_prior (Fixture *fixture)
{
  g_object_unref (import_text (fixture, "account,customer_id,category\na@example.jp,C-1,Mail\n"));
}

static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *contents;
    const char *fragments[3];
  } cases[] = {
    { "account,customer_id\nb@example.jp,C-1\nc@example.jp,C-1,extra\nd@example.jp,C-1\n",
      { "Nothing was imported: 1 row is not valid.\nLine 3: 3 fields, but the header names 2" } },
    { "account,customer_id,status\nb@example.jp,C-1\n",
      { "\nLine 2: 2 fields, but the header names 3" } },
    { "account,customer_id\nb@example.jp,C-2\n  ,C-2\n",
      { "\nLine 3: the account is empty" } },
    { "account,customer_id\nb@example.jp,\n", { "\nLine 2: the customer_id (contract) is empty" } },
    { "account,customer_id,status\nb@example.jp,C-2,maybe\n",
      { "\nLine 2: the status “maybe” is none of potential, confirmed and cleared" } },
    { "account,customer_id\nb@example.jp,C-2\n\"c@example.jp,C-2\nd@example.jp,C-2\n",
      { "\nLine 3: a quoted field is never closed" } },
    { "account,customer_id\n\"b@example.jp\"x,C-2\n",
      { "\nLine 2: a quoted field is followed by text before the next comma" } },
    { "account,customer_id\nb@example.jp,C-2\nc\xff@example.jp,C-2\n",
      { "\nLine 3: field 1 is not valid UTF-8 text" } },
    /* An account is listed under one contract: the earlier import's, or the file's own */
    { "account,customer_id\nb@example.jp,C-2\na@example.jp,C-2\n",
      { "\nLine 3: The account “a@example.jp” is already listed under contract “C-1”" } },
    { "account,customer_id\nb@example.jp,C-2\nB@EXAMPLE.JP,C-3\n",
      { "\nLine 3: The account “B@EXAMPLE.JP” is already listed under contract “C-2”" } },
    { "account,customer_id\nb@example.jp,C-2\n\"c\nd@example.jp\",C-2\n",
      { "\nLine 3: the account holds a line break or another control character" } },
  };

  import_prior (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (fixture, cases[i].contents, -1, DESK_IMPORT_ERROR,
                    DESK_IMPORT_ERROR_INVALID_ROWS, cases[i].fragments);

  assert_accounts (fixture, 1, 0);
}

/* A record over the length limit, and a NUL byte past the start a binary file shows itself in. */
static void
test_bad_records (Fixture       *fixture,
                  gconstpointer  data)
{
  const char * const too_long[] = {
    "Nothing was imported: 1 row is not valid.\nLine 3: the record is longer than 65536 bytes",
    NULL
  };
  const char * const nul[] = { "\nLine 1003: the record holds a NUL byte (binary data)", NULL };
  g_autoptr(GString) text = g_string_new ("account,customer_id\nb@example.jp,C-2\n");
  gsize header_len = text->len;

  import_prior (fixture);

  for (gsize i = 0; i <= DESK_CSV_MAX_RECORD_BYTES; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "@example.jp,C-2\nc@example.jp,C-2\n");
  assert_refused (fixture, text->str, -1, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                  too_long);

  g_string_truncate (text, header_len);
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "user%u@example.jp,C-2\n", i);
  g_string_append_len (text, "bad\0@example.jp,C-2\n", 20);
  assert_refused (fixture, text->str, (gssize) text->len, DESK_IMPORT_ERROR,
                  DESK_IMPORT_ERROR_INVALID_ROWS, nul);

  assert_accounts (fixture, 1, 0);
}

/* Five bad rows are quoted, and the count says how many there are. */
static void
test_bad_rows_quoted (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const fragments[] = {
    "Nothing was imported: 7 rows are not valid.",
    "\nLine 3: the account is empty\nLine 4: ",
    "\nLine 8: the account is empty",
    NULL
  };
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  guint n_quoted = 0;

  import_prior (fixture);
  assert_refused (fixture,
                  "account,customer_id\n"
                  "b@example.jp,C-1\n"
                  ",C-1\n,C-1\n,C-1\n,C-1\n"
                  "c@example.jp,C-1\n"
                  ",C-1\n,C-1\n,C-1\n", -1,
                  DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS, fragments);

  /* and no more than five */
  import = new_import (fixture, "account,customer_id\n,1\n,2\n,3\n,4\n,5\n,6\n,7\n", -1);
  g_assert_false (desk_account_import_run (import, NULL, &error));
  for (line = strstr (error->message, "\nLine "); line != NULL; line = strstr (line + 1, "\nLine "))
    n_quoted++;
  g_assert_cmpuint (n_quoted, ==, DESK_IMPORT_MAX_QUOTED_ERRORS);
  g_assert_null (strstr (error->message, "Line 7:"));
}

/* Lines are counted as a text editor counts them: a quoted line break starts a line, and
 * a blank line is a line. */
static void
test_line_numbers (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const fragments[] = { "\nLine 6: the account is empty", NULL };

  assert_refused (fixture,
                  "account,customer_id,customer_name\r\n"
                  "a@example.jp,C-1,Alpha\r\n"
                  "b@example.jp,C-1,\"Two\r\nlines\"\r\n"
                  "\r\n"
                  ",C-1,Empty\r\n"
                  "c@example.jp,C-1,Gamma\r\n", -1,
                  DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS, fragments);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *contents;
    gssize      len;
    int         is_csv_error;
    int         code;
    const char *fragments[2];
  } cases[] = {
    { "", 0, TRUE, DESK_CSV_ERROR_EMPTY, { "The file is empty" } },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20, TRUE, DESK_CSV_ERROR_NOT_TEXT,
      { "binary data" } },
    { "\xff\xfe" "a\0,\0b\0\n\0", 10, TRUE, DESK_CSV_ERROR_NOT_TEXT, { "UTF-16" } },
    { "account,customer_id\r\n", -1, FALSE, DESK_IMPORT_ERROR_NO_ROWS,
      { "header but no accounts" } },
    { "account,customer_id\n\n\r\n\n", -1, FALSE, DESK_IMPORT_ERROR_NO_ROWS,
      { "header but no accounts" } },
    { "account,name\na@example.jp,Example\n", -1, FALSE, DESK_IMPORT_ERROR_COLUMNS,
      { "no “customer_id” column" } },
    { "customer_id\nC-1\n", -1, FALSE, DESK_IMPORT_ERROR_COLUMNS, { "no “account” column" } },
    { "account,customer_id,Account\na,C-1,b\n", -1, FALSE, DESK_IMPORT_ERROR_COLUMNS,
      { "The column “account” appears twice" } },
  };

  import_prior (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (fixture, cases[i].contents, cases[i].len,
                    cases[i].is_csv_error ? DESK_CSV_ERROR : DESK_IMPORT_ERROR, cases[i].code,
                    cases[i].fragments);

  assert_accounts (fixture, 1, 0);
}

/* Only the files the test wrote, the database's and no temporary rejects file. */
static void
assert_no_stray_files (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "incidents.db") || g_str_has_suffix (name, ".csv"));
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_skip_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GFile) rejects = NULL;
  g_autofree char *rejects_path = fixture_path (fixture, "rejects.csv");
  g_autofree char *contents = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gboolean logged = FALSE;

  import_prior (fixture);

  import = new_import (fixture,
                       "account,customer_id,status,note\n"
                       "b@example.jp,C-1,confirmed,first\n"
                       ",C-1,,empty account\n"
                       "c@example.jp,C-1,maybe,bad status\n"
                       "d@example.jp,C-2,,\n"
                       "e@example.jp,C-1,confirmed,too,many\n"
                       "a@example.jp,C-2,potential,\n"
                       "g\tx@example.jp,C-1,potential,\n"
                       "\"f@example.jp,C-1,,never closed\n", -1);
  rejects = g_file_new_for_path (rejects_path);
  desk_account_import_set_rejects_file (import, rejects);
  run_ok (import);

  g_assert_cmpuint (desk_account_import_get_n_rows (import), ==, 8);
  g_assert_cmpuint (desk_account_import_get_n_rejected (import), ==, 6);
  g_assert_cmpuint (desk_account_import_get_n_added (import), ==, 2);
  summary = desk_account_import_describe_result (import);
  g_assert_cmpstr (summary, ==, "Imported 2 account rows from accounts.csv for 2 contracts "
                                "(2 new accounts); 6 bad rows set aside");
  events = list (fixture, DESK_TYPE_EVENT, "incident-id");
  for (guint i = 0; i < events->len; i++)
    logged |= g_str_equal (desk_record_get_string (g_ptr_array_index (events, i), "text"),
                           summary);
  g_assert_true (logged);

  assert_accounts (fixture, 3, 1);
  assert_contract (fixture, "C-1", DESK_EXPOSURE_CONFIRMED, "Mail");
  assert_contract (fixture, "C-2", DESK_EXPOSURE_POTENTIAL, NULL);

  /* The rows as read, in the order they were refused: those the accounts refuse only when
   * they reached the database */
  g_assert_true (g_file_get_contents (rejects_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "line,reason,account,customer_id,status,note\r\n"
                   "3,the account is empty,,C-1,,empty account\r\n"
                   "4,\"the status “maybe” is none of potential, confirmed and cleared\","
                   "c@example.jp,C-1,maybe,bad status\r\n"
                   "6,\"5 fields, but the header names 4\",e@example.jp,C-1,confirmed,too,many\r\n"
                   "8,the account holds a line break or another control character,"
                   "g\tx@example.jp,C-1,potential,\r\n"
                   "9,a quoted field is never closed\r\n"
                   "7,The account “a@example.jp” is already listed under contract “C-1”,"
                   "a@example.jp,C-2,potential,\r\n");
  g_assert_cmpuint (mode_of (rejects_path), ==, 0600);
}

/* A failed import leaves a rejects file of an earlier one as it was; a successful one replaces
 * it, private whatever the old one was. */
static void
test_rejects_file_replaced (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *rejects_path = fixture_path (fixture, "rejects.csv");
  g_autoptr(GFile) rejects = g_file_new_for_path (rejects_path);
  g_autoptr(DeskAccountImport) refused = NULL;
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (rejects_path, "earlier\n", -1, NULL));
  g_assert_cmpint (g_chmod (rejects_path, 0644), ==, 0);

  refused = new_import (fixture, "account,customer_id\n", -1);
  desk_account_import_set_rejects_file (refused, rejects);
  g_assert_false (desk_account_import_run (refused, NULL, &error));
  g_assert_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_NO_ROWS);
  g_assert_true (g_file_get_contents (rejects_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier\n");
  assert_no_stray_files (fixture);

  import = new_import (fixture, "account,customer_id\na@example.jp,C-1\n,C-1\n", -1);
  desk_account_import_set_rejects_file (import, rejects);
  run_ok (import);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (rejects_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "line,reason,account,customer_id\r\n"
                                 "3,the account is empty,,C-1\r\n");
  g_assert_cmpuint (mode_of (rejects_path), ==, 0600);
}

/* }}} */
/* Cancelling and progress {{{ */

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_prior (fixture);
  before = digest (fixture);

  import = new_import (fixture, "account,customer_id\nb@example.jp,C-2\n", -1);
  g_cancellable_cancel (cancellable);
  g_assert_false (desk_account_import_run (import, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = digest (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* Runs @import on its thread, following its progress, until it is done. */
static void
run_async (DeskAccountImport *import,
           DeskTestProgress  *progress)
{
  desk_account_import_run_async (import, progress->cancellable, desk_test_progress_done_cb,
                                 progress);
  desk_test_progress_wait (progress, import);
}

/* Cancelled as soon as it reports progress, on a list long enough to be well under way: the
 * contracts of its first rows are written by then. */
static void
test_cancel_during (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) rejects = NULL;
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rejects_path = fixture_path (fixture, "rejects.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DeskTestProgress progress = { .cancellable = cancellable };

  import_prior (fixture);
  before = digest (fixture);

  file = write_large_file (fixture, 200000);
  import = desk_account_import_new (fixture->store, fixture->incident, file);
  rejects = g_file_new_for_path (rejects_path);
  desk_account_import_set_rejects_file (import, rejects);
  run_async (import, &progress);

  g_assert_false (desk_account_import_run_finish (import, progress.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.n_notified, >=, 1);
  g_assert_cmpfloat (progress.fraction, <, 1.0);
  g_clear_object (&progress.result);

  after = digest (fixture);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (rejects_path, G_FILE_TEST_EXISTS));
  assert_no_stray_files (fixture);

  desk_test_await_finalize (g_steal_pointer (&import));
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_large_file (fixture, 20000);
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;
  DeskTestProgress progress = { NULL };

  import = desk_account_import_new (fixture->store, fixture->incident, file);
  run_async (import, &progress);

  g_assert_true (desk_account_import_run_finish (import, progress.result, &error));
  g_assert_no_error (error);
  g_clear_object (&progress.result);
  g_assert_cmpuint (progress.n_notified, >=, 1);
  g_assert_cmpfloat (desk_account_import_get_fraction (import), ==, 1.0);
  g_assert_cmpuint (desk_account_import_get_n_added (import), ==, 20000);
  assert_accounts (fixture, 20000, 0);

  desk_test_await_finalize (g_steal_pointer (&import));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/account-import/basic", test_basic);
  ADD ("/desk/account-import/columns-any-order", test_columns_any_order);
  ADD ("/desk/account-import/bom-crlf-quotes", test_bom_crlf_quotes);
  ADD ("/desk/account-import/cp932", test_cp932);
  ADD ("/desk/account-import/cp932-as-utf8", test_cp932_as_utf8);
  ADD ("/desk/account-import/defaults", test_defaults);
  ADD ("/desk/account-import/reimport", test_reimport);
  ADD ("/desk/account-import/later-row-wins", test_later_row_wins);
  ADD ("/desk/account-import/case-insensitive", test_case_insensitive);
  ADD ("/desk/account-import/preview", test_preview);
  ADD ("/desk/account-import/preview-errors", test_preview_errors);
  ADD ("/desk/account-import/bad-rows", test_bad_rows);
  ADD ("/desk/account-import/bad-records", test_bad_records);
  ADD ("/desk/account-import/bad-rows-quoted", test_bad_rows_quoted);
  ADD ("/desk/account-import/line-numbers", test_line_numbers);
  ADD ("/desk/account-import/bad-files", test_bad_files);
  ADD ("/desk/account-import/skip-invalid", test_skip_invalid);
  ADD ("/desk/account-import/rejects-file-replaced", test_rejects_file_replaced);
  ADD ("/desk/account-import/cancel-before", test_cancel_before);
  ADD ("/desk/account-import/cancel-during", test_cancel_during);
  ADD ("/desk/account-import/async", test_async);

#undef ADD

  return g_test_run ();
}
