/* desk-test-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-test-utils.h"
#include "desk-time.h"

char *
desk_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("incident-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
desk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          desk_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Opens (creating) the database at @path, or an in-memory one for NULL, with a fixed actor. */
DeskStore *
desk_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) database = desk_database_open (path ? path : ":memory:", &error);
  DeskStore *store;

  g_assert_no_error (error);
  store = desk_store_new (database);
  desk_store_set_actor (store, "Test Runner");
  return store;
}

/* A clock for desk_store_set_clock() that reads the gint64 at @user_data. */
gint64
desk_test_fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

/* Drops the caller's reference to @object and waits, spinning the main context, until it is
 * finalized: a GTask that has already called back may still hold its source object for a moment
 * on its worker thread. Fails the test if something keeps it alive. */
void
desk_test_await_finalize (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_null (weak);
}

/* Saves @record, failing the test on error; returns @record, for chaining. */
gpointer
desk_test_save (DeskStore *store,
                gpointer   record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_save (store, record, &error));
  g_assert_no_error (error);
  return record;
}

/* How many records of @type desk_store_list() gives for @field = @value. */
guint
desk_test_count (DeskStore  *store,
                 GType       type,
                 const char *field,
                 gint64      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = desk_store_list (store, type, field, value, &error);

  g_assert_no_error (error);
  return records->len;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A checksum of every row of every table, sqlite_sequence included, for tests that a failed
 * operation left the database exactly as it was. Rows are compared as sets: a rolled-back
 * transaction may leave a table's pages in another order. */
char *
desk_test_digest_database (DeskDatabase *database)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeskStatement) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;

  list = desk_database_prepare (database, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                          " ORDER BY name", &error);
  g_assert_no_error (error);
  while (desk_database_step (database, list, &has_row, &error) && has_row)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (list, 0)));
  g_assert_no_error (error);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(DeskStatement) stmt = desk_database_prepare (database, sql, &error);

      g_assert_no_error (error);
      while (desk_database_step (database, stmt, &has_row, &error) && has_row)
        {
          GString *row = g_string_new (NULL);

          /* The type as well as the text: NULL, 0 and '0' differ */
          for (int column = 0; column < sqlite3_column_count (stmt); column++)
            {
              int type = sqlite3_column_type (stmt, column);  /* before any conversion */
              const char *text = (const char *) sqlite3_column_text (stmt, column);

              g_string_append_printf (row, "%d:%s\x1f", type, text != NULL ? text : "");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      g_assert_no_error (error);

      g_ptr_array_sort (rows, compare_strings);
      g_checksum_update (checksum, g_ptr_array_index (tables, i), -1);
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
      for (guint r = 0; r < rows->len; r++)
        {
          g_checksum_update (checksum, g_ptr_array_index (rows, r), -1);
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* Appends rows @first to @first + @n_rows - 1 of a generated account list, under the header
 * "account,customer_id,category": accounts spread over 200 contracts, all in one category, each
 * numbered with @digits digits. */
void
desk_test_append_accounts (GString *csv,
                           guint    first,
                           guint    n_rows,
                           int      digits)
{
  for (guint i = first; i < first + n_rows; i++)
    g_string_append_printf (csv, "user%0*u@example%u.jp,C-%03u,Mail\n", digits, i, i % 97,
                            i % 200);
}

static void
on_fraction_notify_cb (GObject          *object,
                       GParamSpec       *pspec,
                       DeskTestProgress *progress)
{
  double fraction;

  g_object_get (object, "fraction", &fraction, NULL);
  g_assert_cmpfloat (fraction, >=, progress->fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->fraction = fraction;
  progress->n_notified++;

  if (progress->cancellable != NULL)
    g_cancellable_cancel (progress->cancellable);
}

/* What work started with a DeskTestProgress calls back. */
void
desk_test_progress_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      data)
{
  DeskTestProgress *progress = data;

  progress->result = g_object_ref (result);
}

/* Runs the main context until the work of @object, started with desk_test_progress_done_cb()
 * and @progress, is done, checking that its "fraction" only grows, up to 1, and cancelling
 * @progress's cancellable, if set, at the first news. Returns (transfer none) the result,
 * which @progress keeps: clear it. */
GAsyncResult *
desk_test_progress_wait (DeskTestProgress *progress,
                         gpointer          object)
{
  gulong handler = g_signal_connect (object, "notify::fraction",
                                     G_CALLBACK (on_fraction_notify_cb), progress);

  while (progress->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* nothing more is told once it is over */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_handler_disconnect (object, handler);
  return progress->result;
}

/* Returns: (transfer full): what @argv prints, after it exits successfully */
char *
desk_test_spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Returns: whether poppler-utils are there to read PDFs back; the test is skipped if not */
gboolean
desk_test_have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  if (pdftotext != NULL && pdfinfo != NULL && pdffonts != NULL)
    return TRUE;

  g_test_skip ("poppler-utils (pdftotext, pdfinfo, pdffonts) are not installed");
  return FALSE;
}

/* An ISO 8601 time, failing the test if it is not one; without a zone, in the local one. */
gint64
desk_test_parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 seconds;

  g_assert_true (desk_time_parse (text, NULL, &seconds, &error));
  g_assert_no_error (error);
  return seconds;
}

/**
 * desk_test_save_deadline_incident:
 *
 * Returns: (transfer full): a stored incident in Tokyo, detected on Tuesday 14 April 2026 at
 *   09:30 and known of on Wednesday 15 at 14:00, for the window's deadline tests
 */
DeskIncident *
desk_test_save_deadline_incident (DeskStore *store)
{
  DeskIncident *incident = desk_incident_new ("Webmail intrusion");

  desk_record_set_string (DESK_RECORD (incident), "time-zone", "Asia/Tokyo");
  desk_record_set_int (DESK_RECORD (incident), "detected-at",
                       desk_test_parse_time ("2026-04-14T09:30:00+09:00"));
  desk_record_set_int (DESK_RECORD (incident), "aware-at",
                       desk_test_parse_time ("2026-04-15T14:00:00+09:00"));
  return desk_test_save (store, incident);
}

/* Applies the deadline rule @rule to @incident, failing the test on error. */
void
desk_test_add_rule (DeskStore    *store,
                    DeskIncident *incident,
                    const char   *rule,
                    const char   *condition)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GError) error = NULL;

  obligations = desk_store_add_obligations (store, incident, rule, condition, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (obligations);
}

/* Adds to @incident a customer whose contract promises notice within @hours of the detection. */
void
desk_test_add_customer_with_terms (DeskStore    *store,
                                   DeskIncident *incident,
                                   const char   *contract,
                                   gint64        hours)
{
  g_autoptr(DeskCustomer) customer = desk_customer_new (contract, NULL);
  g_autoptr(DeskAffected) affected = desk_affected_new (incident, customer);
  g_autoptr(GError) error = NULL;

  desk_record_set_int (DESK_RECORD (customer), "notice-hours", hours);
  desk_record_set_enum (DESK_RECORD (customer), "notice-basis", DESK_NOTICE_BASIS_DETECTION);
  g_assert_true (desk_store_add_affected_customer (store, customer, affected, &error));
  g_assert_no_error (error);
}

/**
 * desk_test_use_japanese:
 * @saved: (out): what to give desk_test_restore_locale()
 *
 * Switches the messages to Japanese, from the catalogue meson builds in po/ja/LC_MESSAGES/, as
 * bindtextdomain() expects. Without a ja_JP.UTF-8 locale it skips the test instead.
 *
 * Returns: whether it switched
 */
gboolean
desk_test_use_japanese (DeskTestLocale *saved)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  saved->locale = g_strdup (setlocale (LC_ALL, NULL));
  saved->language = g_strdup (g_getenv ("LANGUAGE"));

  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("No ja_JP.UTF-8 locale to translate to");
      desk_test_restore_locale (saved);
      return FALSE;
    }

  g_setenv ("LANGUAGE", "ja", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

void
desk_test_restore_locale (DeskTestLocale *saved)
{
  setlocale (LC_ALL, saved->locale);
  if (saved->language != NULL)
    g_setenv ("LANGUAGE", saved->language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_clear_pointer (&saved->locale, g_free);
  g_clear_pointer (&saved->language, g_free);
}
