/* test-export-flow.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exporting, printing and copying a report from the window (DeskExportFlow), on a real temporary
 * database, under Xvfb: each step as the window runs it, without the native file chooser. The
 * printed PDF is read back with poppler-utils. */

#define G_LOG_DOMAIN "test-export-flow"

#include "config.h"

#include <adwaita.h>

#include "desk-application.h"
#include "desk-export-dialog.h"
#include "desk-export-flow.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

#define DAY (24 * 60 * 60)

/* 2026-04-14 09:30:00 UTC */
#define START 1776159000

/* Fixture {{{ */

typedef struct
{
  char          *dir;
  DeskStore     *store;
  gint64         now;
  DeskIncident  *incident;
  DeskChecklist *patching;
  GtkWindow     *window;
  GtkWidget     *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskChecklist) mfa = NULL;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(DeskEvent) event = NULL;
  g_autoptr(GPtrArray) notices = NULL;

  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->now = START;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);

  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Webmail intrusion"));
  fixture->patching = desk_test_save (fixture->store,
                                      desk_checklist_new (fixture->incident, "Patching"));
  g_object_unref (desk_test_save (fixture->store,
                                  desk_checklist_item_new (fixture->patching,
                                                           "Apply the vendor fix")));
  g_object_unref (desk_test_save (fixture->store,
                                  desk_checklist_item_new (fixture->patching, "Rotate keys")));
  mfa = desk_test_save (fixture->store, desk_checklist_new (fixture->incident, "MFA rollout"));
  g_object_unref (desk_test_save (fixture->store,
                                  desk_checklist_item_new (mfa, "Enrol the administrators")));
  customer = desk_customer_new ("K-10001", "Example Corp");
  desk_record_set_string (DESK_RECORD (customer), "account-manager", "Ito");
  desk_test_save (fixture->store, customer);
  affected = desk_test_save (fixture->store, desk_affected_new (fixture->incident, customer));
  notices = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "affected-id",
                             desk_record_get_id (DESK_RECORD (affected)), NULL);
  desk_record_set_int (g_ptr_array_index (notices, 0), "due-at", START + 3 * DAY);
  desk_test_save (fixture->store, g_ptr_array_index (notices, 0));
  event = desk_event_new (fixture->incident, START - DAY, "Vendor published a fix");
  desk_test_save (fixture->store, event);

  fixture->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  fixture->window = desk_test_present_page (fixture->page, 360, 640);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_destroy_window (fixture->window, NULL);

  g_clear_object (&fixture->patching);
  g_clear_object (&fixture->incident);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

static DeskExportFlow *
new_flow (Fixture        *fixture,
          DeskExportWhat  what,
          DeskChecklist  *checklist)
{
  return desk_export_flow_new (fixture->page, fixture->store, fixture->incident, what,
                               checklist ? desk_record_get_uuid (DESK_RECORD (checklist)) : NULL);
}

static void
on_finished_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits for an operation of @flow to complete, and returns how. */
static gboolean
wait_for (DeskExportFlow  *flow,
          GAsyncResult   **result,
          GError         **error)
{
  gboolean done;

  SPIN_UNTIL (*result != NULL);
  done = desk_export_flow_finish (flow, *result, error);
  g_clear_object (result);
  return done;
}

static char *
save (Fixture          *fixture,
      DeskExportWhat    what,
      DeskChecklist    *checklist,
      DeskExportFormat  format,
      gboolean          mark_changes,
      const char       *name)
{
  g_autoptr(DeskExportFlow) flow = new_flow (fixture, what, checklist);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  desk_export_flow_save_async (flow, format, mark_changes, file, NULL, on_finished_cb, &result);
  g_assert_true (wait_for (flow, &result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

/* Returns: the number of pages pdfinfo counted in its report @info */
static guint
count_pages (const char *info)
{
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* }}} */
/* Saving {{{ */

/* Each report, as each page exports it, holds what it should. */
static void
test_save_each_report (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *checklists = NULL;
  g_autofree char *one = NULL;
  g_autofree char *status = NULL;
  g_autofree char *ledger = NULL;
  GtkWidget *open;

  checklists = save (fixture, DESK_EXPORT_WHAT_CHECKLISTS, NULL, DESK_EXPORT_FORMAT_MARKDOWN,
                     FALSE, "checklists.md");
  assert_contains (checklists, "# Remediation checklists: Webmail intrusion");
  assert_contains (checklists, "## Patching");
  assert_contains (checklists, "| Apply the vendor fix |");
  assert_contains (checklists, "## MFA rollout");

  /* The one checklist of its menu, and not the others. */
  one = save (fixture, DESK_EXPORT_WHAT_CHECKLISTS, fixture->patching,
              DESK_EXPORT_FORMAT_MARKDOWN, FALSE, "patching.md");
  assert_contains (one, "| Rotate keys |");
  g_assert_null (strstr (one, "MFA rollout"));

  status = save (fixture, DESK_EXPORT_WHAT_STATUS, NULL, DESK_EXPORT_FORMAT_HTML, FALSE,
                 "status.html");
  assert_contains (status, "<!DOCTYPE html>");
  assert_contains (status, "Key figures");
  assert_contains (status, "Vendor published a fix");

  ledger = save (fixture, DESK_EXPORT_WHAT_LEDGER, NULL, DESK_EXPORT_FORMAT_CSV, FALSE,
                 "ledger.csv");
  g_assert_true (g_str_has_prefix (ledger, "\xEF\xBB\xBF"));
  assert_contains (ledger, "K-10001,Example Corp");

  /* Each says so, and offers to open the file. */
  SPIN_UNTIL ((open = desk_test_find_button (GTK_WIDGET (fixture->window), "_Open")) != NULL);
}

/* Every format, written whole. */
static void
test_save_each_format (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    DeskExportFormat  format;
    const char       *name;
    const char       *start;
  } formats[] = {
    { DESK_EXPORT_FORMAT_PDF, "status.pdf", "%PDF-" },
    { DESK_EXPORT_FORMAT_MARKDOWN, "status.md", "# Incident status report: Webmail intrusion" },
    { DESK_EXPORT_FORMAT_HTML, "status.html", "<!DOCTYPE html>" },
    { DESK_EXPORT_FORMAT_CSV, "status.csv", "\xEF\xBB\xBFSection,Row,Column,Value\r\n" },
    { DESK_EXPORT_FORMAT_JSON, "status.json", "{" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *contents = save (fixture, DESK_EXPORT_WHAT_STATUS, NULL,
                                        formats[i].format, FALSE, formats[i].name);

      g_assert_true (g_str_has_prefix (contents, formats[i].start));
    }
}

/* An export is remembered; a week later the next one can mark what changed since. */
static void
test_save_marks_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  DeskRecord *item;

  first = save (fixture, DESK_EXPORT_WHAT_CHECKLISTS, NULL, DESK_EXPORT_FORMAT_MARKDOWN, TRUE,
                "week1.md");
  g_assert_null (strstr (first, "Since "));

  fixture->now += 7 * DAY;
  items = desk_store_list (fixture->store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                           desk_record_get_id (DESK_RECORD (fixture->patching)), NULL);
  item = g_ptr_array_index (items, 0);
  desk_record_set_enum (item, "status", DESK_ITEM_STATUS_DONE);
  desk_test_save (fixture->store, item);

  next = save (fixture, DESK_EXPORT_WHAT_CHECKLISTS, NULL, DESK_EXPORT_FORMAT_MARKDOWN, TRUE,
               "week2.md");
  assert_contains (next, "Changes since 14 Apr 2026");
  assert_contains (next, "| Since 14 Apr 2026 |");
  assert_contains (next, "Status was To do");
}

/* A file that cannot be written: the person is told which and why, and nothing is left. */
static void
test_save_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskExportFlow) flow = new_flow (fixture, DESK_EXPORT_WHAT_STATUS, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "gone", "status.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  desk_export_flow_save_async (flow, DESK_EXPORT_FORMAT_PDF, FALSE, file, NULL, on_finished_cb,
                               &result);
  g_assert_false (wait_for (flow, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  dialog = desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Export");
  assert_contains (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path);
  assert_contains (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                   "the folder does not exist");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  desk_test_respond_to_dialog ("close");
}

/* Cancelled, as when the window closes: nothing written, nothing said. */
static void
test_save_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskExportFlow) flow = new_flow (fixture, DESK_EXPORT_WHAT_LEDGER, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "ledger.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  desk_export_flow_save_async (flow, DESK_EXPORT_FORMAT_PDF, FALSE, file, cancellable,
                               on_finished_cb, &result);
  g_assert_false (wait_for (flow, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (desk_test_find_button (GTK_WIDGET (fixture->window), "_Open"));
}

/* }}} */
/* Asking {{{ */

/* The format dialog offers to mark the changes only when there is an export to compare with;
 * closing it cancels the export. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint week = 0; week < 2; week++)
    {
      g_autoptr(DeskExportFlow) flow = new_flow (fixture, DESK_EXPORT_WHAT_STATUS, NULL);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      GtkWindow *dialog = NULL;

      desk_export_flow_export_async (flow, NULL, on_finished_cb, &result);
      SPIN_UNTIL ((dialog = desk_test_find_toplevel (DESK_TYPE_EXPORT_DIALOG)) != NULL);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       "Export Status Report");
      g_assert_cmpint (desk_export_dialog_get_format (DESK_EXPORT_DIALOG (dialog)), ==,
                       DESK_EXPORT_FORMAT_PDF);
      g_assert_false (desk_export_dialog_get_mark_changes (DESK_EXPORT_DIALOG (dialog)));
      g_assert_nonnull (desk_test_find_button (GTK_WIDGET (dialog), "_Export…"));
      /* "Compared with the export of …" only in the second week. */
      g_assert_cmpint (gtk_widget_is_visible (desk_test_find_widget (GTK_WIDGET (dialog),
                                                                     GTK_TYPE_SWITCH)),
                       ==, week == 1);

      desk_test_respond_to_dialog ("cancel");
      g_assert_false (wait_for (flow, &result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      g_free (save (fixture, DESK_EXPORT_WHAT_STATUS, NULL, DESK_EXPORT_FORMAT_JSON, FALSE,
                    "status.json"));
      fixture->now += 7 * DAY;
    }
}

/* }}} */
/* Copying {{{ */

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DeskExportFlow) flow = new_flow (fixture, DESK_EXPORT_WHAT_LEDGER, NULL);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (fixture->page);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  desk_export_flow_copy_async (flow, NULL, on_finished_cb, &result);
  g_assert_true (wait_for (flow, &result, &error));
  g_assert_no_error (error);

  text = desk_test_get_clipboard_text (clipboard);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "# Notification ledger: Webmail intrusion\n"));
  assert_contains (text, "| K-10001 | Example Corp | Ito |");
  SPIN_UNTIL (desk_test_find_label (GTK_WIDGET (fixture->window), "Copied as Markdown"));
}

/* }}} */
/* Printing {{{ */

/* Prints @what to a PDF file, and returns what pdfinfo says of it. */
static char *
print_to_pdf (Fixture        *fixture,
              DeskExportWhat  what,
              const char     *path)
{
  g_autoptr(DeskExportFlow) flow = new_flow (fixture, what, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  desk_export_flow_print_async (flow, GTK_PRINT_OPERATION_ACTION_EXPORT, file, NULL,
                                on_finished_cb, &result);
  g_assert_true (wait_for (flow, &result, &error));
  g_assert_no_error (error);

  return desk_test_spawn ((const char *[]) { "pdfinfo", path, NULL });
}

/* Printed pages are the PDF export's: as many, with the same header, body and footer. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *ledger = g_build_filename (fixture->dir, "ledger.pdf", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *printed_info = NULL;
  g_autofree char *exported_info = NULL;
  g_autofree char *ledger_info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *exported_text = NULL;
  g_autofree char *exported_path = NULL;

  if (!desk_test_have_poppler ())
    return;

  /* Two pages at least: the item list outgrows the first. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Patch server %02u of the mail cluster", i + 1);

      g_object_unref (desk_test_save (fixture->store,
                                      desk_checklist_item_new (fixture->patching, name)));
    }

  printed_info = print_to_pdf (fixture, DESK_EXPORT_WHAT_CHECKLISTS, printed);
  exported = save (fixture, DESK_EXPORT_WHAT_CHECKLISTS, NULL, DESK_EXPORT_FORMAT_PDF, FALSE,
                   "exported.pdf");
  exported_path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  exported_info = desk_test_spawn ((const char *[]) { "pdfinfo", exported_path, NULL });

  assert_contains (printed_info, "Page size:       595.276 x 841.89 pts (A4)");
  g_assert_cmpuint (count_pages (printed_info), >, 1);
  g_assert_cmpuint (count_pages (printed_info), ==, count_pages (exported_info));

  text = desk_test_spawn ((const char *[]) { "pdftotext", "-layout", printed, "-", NULL });
  exported_text = desk_test_spawn ((const char *[]) { "pdftotext", "-layout", exported_path, "-",
                                                      NULL });
  assert_contains (text, "Remediation checklists");
  assert_contains (text, "Patch server 60 of the mail cluster");
  assert_contains (text, "Page 2 of ");
  /* Word for word, on every page. */
  g_assert_cmpstr (text, ==, exported_text);

  /* The ledger's many columns turn the page, on paper too. */
  ledger_info = print_to_pdf (fixture, DESK_EXPORT_WHAT_LEDGER, ledger);
  assert_contains (ledger_info, "Page size:       841.89 x 595.276 pts (A4)");
}

/* The paper of the Preferences. */
static void
test_print_letter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_autofree char *path = g_build_filename (fixture->dir, "letter.pdf", NULL);
  g_autofree char *info = NULL;

  if (!desk_test_have_poppler ())
    return;

  g_settings_set_string (settings, "paper-size", "letter");
  info = print_to_pdf (fixture, DESK_EXPORT_WHAT_STATUS, path);
  g_settings_reset (settings, "paper-size");
  assert_contains (info, "Page size:       612 x 792 pts (letter)");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Toasts come and go at once: libadwaita 1.2 can abort when a toast is dismissed while
   * another still animates out, and only a test clicks fast enough to hit that. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/export-flow/save/each-report", test_save_each_report);
  ADD ("/desk/export-flow/save/each-format", test_save_each_format);
  ADD ("/desk/export-flow/save/marks-changes", test_save_marks_changes);
  ADD ("/desk/export-flow/save/fails", test_save_fails);
  ADD ("/desk/export-flow/save/cancelled", test_save_cancelled);
  ADD ("/desk/export-flow/export/dialog", test_export_dialog);
  ADD ("/desk/export-flow/copy", test_copy);
  ADD ("/desk/export-flow/print", test_print);
  ADD ("/desk/export-flow/print/letter", test_print_letter);

#undef ADD

  return g_test_run ();
}
