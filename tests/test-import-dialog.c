/* test-import-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The import dialog on a real temporary database, under Xvfb: the preview and the column mapping,
 * a file that cannot be imported, an import that lands, one that is refused and leaves the store
 * as it was, setting invalid rows aside, and cancelling. */

#define G_LOG_DOMAIN "test-import-dialog"

#include "config.h"

#include <adwaita.h>

#include "desk-import-dialog-private.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

/* Helpers {{{ */

typedef struct
{
  char             *dir;
  DeskStore        *store;
  DeskIncident     *incident;
  DeskImportDialog *dialog;     /* weak */

  gboolean          finished;
  gboolean          imported;
  char             *message;
} Fixture;

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* A header in another order than usual, with a column that is not imported, and @n_rows rows:
 * a@N.example under contract C-(N % 3). */
static GFile *
write_accounts (Fixture    *fixture,
                const char *name,
                guint       n_rows)
{
  g_autoptr(GString) csv = g_string_new ("Customer_ID,notes,Account,customer_name\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "C-%u,note %u,a%05u@example.com,Customer %u\n",
                            i % 3, i, i, i % 3);

  return write_file (fixture, name, csv->str);
}

static void
on_finished_cb (DeskImportDialog *dialog,
                gboolean          imported,
                const char       *message,
                Fixture          *fixture)
{
  g_assert_false (fixture->finished);
  fixture->finished = TRUE;
  fixture->imported = imported;
  fixture->message = g_strdup (message);
}

static gboolean
is_reading (Fixture *fixture)
{
  return g_str_equal (_desk_import_dialog_get_state (fixture->dialog), "reading");
}

/* Opens the dialog on @file and waits for its preview. */
static void
open_dialog (Fixture *fixture,
             GFile   *file)
{
  fixture->dialog = desk_import_dialog_new (NULL, fixture->store, fixture->incident, file);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "finished", G_CALLBACK (on_finished_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));

  SPIN_UNTIL (!is_reading (fixture));
}

static gboolean
can_import (Fixture *fixture)
{
  return gtk_widget_is_sensitive (_desk_import_dialog_get_import_button (fixture->dialog));
}

static void
start_import (Fixture *fixture)
{
  g_assert_true (can_import (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.start",
                                             NULL));
}

static gint64
potential_accounts (Fixture *fixture)
{
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = desk_store_get_stats (fixture->store, desk_record_get_id (DESK_RECORD (fixture->incident)),
                                &error);
  g_assert_no_error (error);
  return stats->potential_accounts;
}

/* }}} */
/* Fixture {{{ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Mail breach"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      SPIN_UNTIL (fixture->dialog == NULL);
    }

  g_clear_pointer (&fixture->message, g_free);
  g_clear_object (&fixture->incident);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

/* }}} */
/* Tests {{{ */

static void
test_import_dialog_preview (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = write_accounts (fixture, "accounts.csv", 30);

  open_dialog (fixture, file);

  g_assert_cmpstr (_desk_import_dialog_get_state (fixture->dialog), ==, "preview");
  g_assert_null (_desk_import_dialog_get_error (fixture->dialog));
  g_assert_null (_desk_import_dialog_get_problem (fixture->dialog));
  g_assert_cmpstr (_desk_import_dialog_get_encoding_text (fixture->dialog), ==, "UTF-8");

  /* Matched by name, in any order and case */
  g_assert_cmpstr (_desk_import_dialog_get_mapping (fixture->dialog, 0), ==,
                   "Contract (customer_id)");
  g_assert_cmpstr (_desk_import_dialog_get_mapping (fixture->dialog, 1), ==, "Not imported");
  g_assert_cmpstr (_desk_import_dialog_get_mapping (fixture->dialog, 2), ==, "Account");
  g_assert_cmpstr (_desk_import_dialog_get_mapping (fixture->dialog, 3), ==, "Customer name");
  g_assert_null (_desk_import_dialog_get_mapping (fixture->dialog, 4));

  /* The first rows only */
  g_assert_cmpuint (_desk_import_dialog_get_n_preview_rows (fixture->dialog), ==, 20);
  g_assert_cmpstr (_desk_import_dialog_get_cell (fixture->dialog, 0, 2), ==,
                   "a00000@example.com");
  g_assert_cmpstr (_desk_import_dialog_get_cell (fixture->dialog, 19, 1), ==, "note 19");

  g_assert_true (can_import (fixture));
  /* Nothing is written before the person imports. */
  g_assert_cmpint (potential_accounts (fixture), ==, 0);
}

static void
test_import_dialog_unimportable (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "contracts.csv",
                                      "customer_id,name\nC-1,Hanamura Trading\n");
  const char *error;

  open_dialog (fixture, file);

  g_assert_cmpstr (_desk_import_dialog_get_state (fixture->dialog), ==, "unimportable");
  error = _desk_import_dialog_get_error (fixture->dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "“account”"));
  g_assert_false (can_import (fixture));

  /* Cancel closes it, telling nobody anything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.cancel",
                                             NULL));
  SPIN_UNTIL (fixture->dialog == NULL);
  g_assert_false (fixture->finished);
}

static void
test_import_dialog_import (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = write_accounts (fixture, "accounts.csv", 30);

  open_dialog (fixture, file);
  start_import (fixture);

  /* Done, the dialog closes and says what it did. */
  SPIN_UNTIL (fixture->dialog == NULL);
  g_assert_true (fixture->finished);
  g_assert_true (fixture->imported);
  g_assert_nonnull (strstr (fixture->message, "accounts.csv"));
  g_assert_nonnull (strstr (fixture->message, "30 account rows"));
  g_assert_cmpint (potential_accounts (fixture), ==, 30);
}

static void
test_import_dialog_options (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = write_accounts (fixture, "accounts.csv", 12);
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  gint64 incident_id = desk_record_get_id (DESK_RECORD (fixture->incident));
  AdwComboRow *status_row;
  GtkEditable *categories_row;

  open_dialog (fixture, file);

  /* The file has neither statuses nor categories: the dialog's apply. */
  status_row = ADW_COMBO_ROW (desk_test_find_widget (GTK_WIDGET (fixture->dialog),
                                                     ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (status_row, DESK_EXPOSURE_CONFIRMED);
  categories_row = GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (fixture->dialog),
                                                        ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (categories_row, "Account credentials; Mail contents");
  start_import (fixture);
  SPIN_UNTIL (fixture->dialog == NULL);
  g_assert_true (fixture->imported);

  stats = desk_store_get_stats (fixture->store, incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->confirmed_accounts, ==, 12);
  categories = desk_store_list (fixture->store, DESK_TYPE_CATEGORY, "incident-id", incident_id,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 2);
}

/* A bad row and no place to put it: the import is refused, the dialog stays with the reason, and
 * the store is as it was. Setting bad rows aside then imports the others. */
static void
test_import_dialog_bad_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "bad.csv",
                                      "account,customer_id\n"
                                      "a@example.com,C-1\n"
                                      "b@example.com,C-1\n"
                                      "c@example.com\n"
                                      "d@example.com,C-2\n");
  g_autofree char *rejects_path = g_build_filename (fixture->dir, "bad-rejected.csv", NULL);
  g_autoptr(GFile) rejects = g_file_new_for_path (rejects_path);
  const char *problem, *error;

  open_dialog (fixture, file);

  /* The preview points at the bad row, and the file can still be tried. */
  g_assert_cmpstr (_desk_import_dialog_get_state (fixture->dialog), ==, "preview");
  problem = _desk_import_dialog_get_problem (fixture->dialog);
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem, "Line 4"));
  g_assert_nonnull (strstr (problem, "refuses the whole file"));
  g_assert_cmpuint (_desk_import_dialog_get_n_preview_rows (fixture->dialog), ==, 4);

  start_import (fixture);
  SPIN_UNTIL (g_str_equal (_desk_import_dialog_get_state (fixture->dialog), "preview"));
  g_assert_false (fixture->finished);
  error = _desk_import_dialog_get_error (fixture->dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Nothing was imported"));
  g_assert_nonnull (strstr (error, "Line 4"));
  g_assert_nonnull (strstr (error, "Set Aside Invalid Rows"));
  /* The error quotes the bad row: the warning about it gives way. */
  g_assert_null (_desk_import_dialog_get_problem (fixture->dialog));
  g_assert_cmpint (potential_accounts (fixture), ==, 0);

  /* Set aside, the bad row goes to a file and the others in. */
  _desk_import_dialog_set_rejects_file (fixture->dialog, rejects);
  start_import (fixture);
  SPIN_UNTIL (fixture->dialog == NULL);
  g_assert_true (fixture->imported);
  g_assert_nonnull (strstr (fixture->message, "1 bad row set aside"));
  g_assert_nonnull (strstr (fixture->message, "bad-rejected.csv"));
  g_assert_cmpint (potential_accounts (fixture), ==, 3);
  g_assert_true (g_file_query_exists (rejects, NULL));
}

static void
test_import_dialog_cancel (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = write_accounts (fixture, "large.csv", 50000);

  open_dialog (fixture, file);
  start_import (fixture);
  g_assert_cmpstr (_desk_import_dialog_get_state (fixture->dialog), ==, "importing");
  g_assert_false (can_import (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.cancel",
                                             NULL));
  SPIN_UNTIL (fixture->dialog == NULL);
  g_assert_true (fixture->finished);
  g_assert_false (fixture->imported);
  g_assert_cmpstr (fixture->message, ==, "Import cancelled: nothing was imported");
  g_assert_cmpint (potential_accounts (fixture), ==, 0);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Test windows on one shared display take focus from each other; a blinking cursor in a window
   * that lost it warns. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/import-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("preview", test_import_dialog_preview);
  ADD ("unimportable", test_import_dialog_unimportable);
  ADD ("import", test_import_dialog_import);
  ADD ("options", test_import_dialog_options);
  ADD ("bad-file", test_import_dialog_bad_file);
  ADD ("cancel", test_import_dialog_cancel);

#undef ADD

  return g_test_run ();
}
