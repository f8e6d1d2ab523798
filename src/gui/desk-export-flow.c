/* desk-export-flow.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskExportFlow takes one report of an incident (its checklists or one of them, its status
 * report, its notification ledger) from the window to a file, a printer or the clipboard: the
 * window's win.export-report, win.print-report and win.copy-report actions each start one. The
 * report is gathered from the store, written or laid out on a worker thread (GTask); only the
 * dialogs, the print operation and the clipboard are on the main thread.
 *
 * Exporting asks for a format (DeskExportDialog, which offers to mark the changes since the
 * last export when there is one to compare with), then for a file (GtkFileChooserNative), then
 * saves, and says so in a toast that can open the file. Printing lays the report out as the PDF
 * export does (DeskDocument) and hands the pages to a GtkPrintOperation. Each step can also be
 * called on its own, which is how the tests drive it without the native file chooser.
 *
 * Each operation tells the person how it went (a toast, or a dialog that says what failed) and
 * then completes; desk_export_flow_finish() returns the same. A cancelled operation, or one the
 * person cancelled, says nothing and completes with G_IO_ERROR_CANCELLED.
 *
 * Workers get copies of what they need and the store, never the flow: its last reference must
 * go on the main thread, since it holds a widget. */

#define G_LOG_DOMAIN "desk-export-flow"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-a11y.h"
#include "desk-application.h"
#include "desk-document.h"
#include "desk-export.h"
#include "desk-export-dialog.h"
#include "desk-gui-utils.h"
#include "desk-time.h"
#include "desk-export-flow.h"

struct _DeskExportFlow
{
  GObject         parent_instance;

  /* Owned */
  GtkWidget      *widget;           /* toasts go above it, dialogs over its window */
  DeskStore      *store;
  GSettings      *settings;
  char           *incident_uuid;
  char           *incident_title;
  gint64          incident_id;
  GTimeZone      *zone;             /* the incident's, which its reports tell times in */
  DeskExportWhat  what;
  char           *checklist_uuid;   /* the one checklist exported, or NULL for all */
  char           *checklist_title;  /* known once the export has begun */
};

G_DEFINE_FINAL_TYPE (DeskExportFlow, desk_export_flow, G_TYPE_OBJECT)

/* The shortest side of paper a report is laid out on again, in points: 4 inches, A6's. */
#define MIN_PAPER_SIDE 288.0

/* Jobs on a worker thread {{{ */

typedef enum
{
  JOB_FIND_EARLIER,   /* what an export would be compared with, and the checklist's title */
  JOB_SAVE,           /* the report, in a format, to a file, remembered for the next export */
  JOB_MARKDOWN,       /* the report, as Markdown text */
  JOB_DOCUMENT,       /* the report, laid out on pages */
} JobKind;

typedef struct
{
  JobKind                  kind;
  DeskStore               *store;
  char                    *incident_uuid;
  gint64                   incident_id;
  DeskExportWhat           what;
  char                    *checklist_uuid;
  DeskPaper                paper;
  DeskExportFormat         format;
  gboolean                 mark_changes;
  GtkPrintOperationAction  print_action;
  GFile                   *file;   /* to save, or to print to with ACTION_EXPORT */

  /* What the worker found */
  gint64                   compared_at;
  char                    *checklist_title;
  DeskReport              *report;
  DeskDocument            *document;
  char                    *text;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->store);
  g_free (job->incident_uuid);
  g_free (job->checklist_uuid);
  g_clear_object (&job->file);
  g_free (job->checklist_title);
  g_clear_pointer (&job->report, desk_report_free);
  g_clear_object (&job->document);
  g_free (job->text);
  g_free (job);
}

static DeskPaper
get_paper (DeskExportFlow *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "paper-size");

  return g_str_equal (nick, "letter") ? DESK_PAPER_LETTER : DESK_PAPER_A4;
}

static Job *
job_new (DeskExportFlow *self,
         JobKind         kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->store = g_object_ref (self->store);
  job->incident_uuid = g_strdup (self->incident_uuid);
  job->incident_id = self->incident_id;
  job->what = self->what;
  job->checklist_uuid = g_strdup (self->checklist_uuid);
  job->paper = get_paper (self);
  return job;
}

/* Reads the report afresh: the incident as stored, not as a form may be editing it. */
static gboolean
gather (Job     *job,
        GError **error)
{
  g_autoptr(DeskIncident) incident = NULL;
  g_autoptr(DeskChecklist) checklist = NULL;

  if (!(incident = desk_store_lookup (job->store, DESK_TYPE_INCIDENT, job->incident_uuid,
                                      error)))
    return FALSE;
  if (job->checklist_uuid != NULL &&
      !(checklist = desk_store_lookup (job->store, DESK_TYPE_CHECKLIST, job->checklist_uuid,
                                       error)))
    return FALSE;

  job->report = desk_report_gather (job->store, job->what, incident, checklist, error);
  return job->report != NULL;
}

/* As `idesk export`: what the export holds is remembered once it is written, without the
 * changes marked. */
static gboolean
save (Job           *job,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autofree char *snapshot = NULL;

  if (!gather (job, error))
    return FALSE;

  snapshot = desk_report_snapshot (job->report);
  if (job->mark_changes && !desk_report_mark_changes (job->report, job->store, error))
    return FALSE;
  if (!desk_export_save (job->report, job->format, job->paper, job->file, cancellable, error))
    return FALSE;

  if (!desk_report_remember (job->report, job->store, snapshot, error))
    {
      g_prefix_error (error, _("The export is saved, but the next one will not be able to mark "
                               "what changed since: "));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_markdown (Job           *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!gather (job, error) ||
      !desk_export_write (job->report, DESK_EXPORT_FORMAT_MARKDOWN, job->paper, stream,
                          cancellable, error) ||
      !g_output_stream_write_all (stream, "", 1, NULL, cancellable, error) ||
      !g_output_stream_close (stream, cancellable, error))
    return FALSE;

  job->text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  return TRUE;
}

static gboolean
lay_out (Job     *job,
         GError **error)
{
  double width, height;

  if (!gather (job, error))
    return FALSE;

  desk_document_get_page_size (job->report, job->paper, &width, &height);
  job->document = desk_document_new (job->report, width, height);
  return TRUE;
}

static gboolean
find_earlier (Job     *job,
              GError **error)
{
  if (job->checklist_uuid != NULL)
    {
      g_autoptr(DeskChecklist) checklist = NULL;

      if (!(checklist = desk_store_lookup (job->store, DESK_TYPE_CHECKLIST, job->checklist_uuid,
                                           error)))
        return FALSE;
      job->checklist_title = g_strdup (desk_record_get_string (DESK_RECORD (checklist),
                                                               "title"));
    }

  return desk_report_find_earlier (job->store, job->what, job->incident_id, job->checklist_uuid,
                                   &job->compared_at, error);
}

static void
job_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean done = FALSE;

  switch (job->kind)
    {
    case JOB_FIND_EARLIER:
      done = find_earlier (job, &error);
      break;
    case JOB_SAVE:
      done = save (job, cancellable, &error);
      break;
    case JOB_MARKDOWN:
      done = write_markdown (job, cancellable, &error);
      break;
    case JOB_DOCUMENT:
      done = lay_out (job, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Begins an operation of @self (@source_tag is its _async function): runs @job on a worker
 * thread, then @done on this one with the operation's task, which @done completes. @done gets
 * the job with g_task_get_task_data(). */
static void
begin (DeskExportFlow      *self,
       gpointer             source_tag,
       Job                 *job,
       GAsyncReadyCallback  done,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *operation = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, done, operation);

  g_task_set_source_tag (operation, source_tag);
  g_task_set_source_tag (task, begin);
  g_task_set_name (task, "[incident-desk] export");
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_worker);
}

/* }}} */
/* Telling the person {{{ */

static GtkWindow *
get_window (DeskExportFlow *self)
{
  GtkRoot *root = gtk_widget_get_root (self->widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Completes @task with @error, after saying what failed and why, unless it was cancelled. */
static void
fail (GTask      *task,
      const char *heading,
      GError     *error)
{
  DeskExportFlow *self = g_task_get_source_object (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      desk_a11y_name_mnemonic_buttons (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_task_return_error (task, error);
}

/* Returns: (transfer none) (nullable): the job of @result, which ran for @task; %NULL when it
 *   failed, once @task is completed with the failure and the person told of it */
static Job *
finish_job (GTask        *task,
            GAsyncResult *result)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return job;

  switch (job->kind)
    {
    case JOB_DOCUMENT:
      fail (task, _("Could Not Print"), error);
      break;
    case JOB_MARKDOWN:
      fail (task, _("Could Not Copy"), error);
      break;
    default:
      fail (task, _("Could Not Export"), error);
      break;
    }

  return NULL;
}

/* Completes @task as cancelled: the person closed a dialog. */
static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
}

/* What a heading or a file name calls the report. */
static const char *
get_subject (DeskExportFlow *self)
{
  if (self->checklist_title != NULL)
    return self->checklist_title;

  return desk_report_what_title (self->what);
}

static char *
get_export_heading (DeskExportFlow *self)
{
  if (self->checklist_uuid != NULL)
    /* Translators: the heading of the dialog that exports one checklist, e.g. "Export “MFA
     * rollout”" */
    return g_strdup_printf (_("Export “%s”"), self->checklist_title ? self->checklist_title
                                                                    : "");

  return g_strdup (desk_export_flow_get_export_label (self->what));
}

static void
on_file_shown_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    desk_show_error (widget, _("Could not open the export"), error);
}

typedef struct
{
  GWeakRef  widget;   /* the toast may outlive it */
  GFile    *file;
} Opener;

static void
opener_free (gpointer data)
{
  Opener *opener = data;

  g_weak_ref_clear (&opener->widget);
  g_clear_object (&opener->file);
  g_free (opener);
}

/* The toast's Open: the file, in the application the desktop opens its type with. */
static void
open_file (gpointer data)
{
  Opener *opener = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&opener->widget);
  g_autofree char *uri = g_file_get_uri (opener->file);
  GtkRoot *root;

  if (widget == NULL || !GTK_IS_WINDOW (root = gtk_widget_get_root (widget)))
    return;

  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, on_file_shown_cb,
                     g_object_ref (widget));
}

static void
show_saved (DeskExportFlow *self,
            GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  Opener *opener = g_new0 (Opener, 1);

  g_weak_ref_init (&opener->widget, self->widget);
  opener->file = g_object_ref (file);

  /* Translators: a toast after an export; the toast is markup */
  title = g_markup_printf_escaped (_("Saved “%s”"), name);
  desk_show_action_toast (self->widget, title, _("_Open"), open_file, opener, opener_free);
}

/* }}} */
/* Saving {{{ */

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskExportFlow *self = g_task_get_source_object (task);
  Job *job;

  if ((job = finish_job (task, result)) == NULL)
    return;

  show_saved (self, job->file);
  g_task_return_boolean (task, TRUE);
}

/**
 * desk_export_flow_save_async:
 * @format: the format to write
 * @mark_changes: whether to mark what changed since the last export of the same thing made on
 *   an earlier day, if there is one
 * @file: the file to write; one already there is replaced whole, or not at all
 *
 * Saves the report in @file and remembers what it held, for the next export to mark the
 * changes since. Then says so in a toast that offers to open @file, or says why it could not.
 */
void
desk_export_flow_save_async (DeskExportFlow      *self,
                             DeskExportFormat     format,
                             gboolean             mark_changes,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (DESK_IS_EXPORT_FLOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = job_new (self, JOB_SAVE);
  job->format = format;
  job->mark_changes = mark_changes;
  job->file = g_object_ref (file);
  begin (self, desk_export_flow_save_async, job, on_saved_cb, cancellable, callback, user_data);
}

/* }}} */
/* Exporting, asking {{{ */

typedef struct
{
  DeskExportFormat  format;
  gboolean          mark_changes;
} Choice;

static void
on_export_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* The save told the person already. */
  if (desk_export_flow_finish (DESK_EXPORT_FLOW (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A name without an extension gets the format's: the file would not open by a double click. */
static GFile *
with_extension (GFile            *file,
                DeskExportFormat  format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GEnumClass) formats = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (basename == NULL || strchr (basename, '.') != NULL ||
      (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);

  formats = g_type_class_ref (DESK_TYPE_EXPORT_FORMAT);
  name = g_strconcat (basename, ".", g_enum_get_value (formats, format)->value_nick, NULL);
  return g_file_get_child (parent, name);
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskExportFlow *self = g_task_get_source_object (task);
  Choice *choice = g_task_get_task_data (task);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  /* Drops the reference of gtk_file_chooser_native_new(). */
  g_object_unref (chooser);

  if (chosen == NULL)
    {
      return_cancelled (task);
      return;
    }

  file = with_extension (chosen, choice->format);
  desk_export_flow_save_async (self, choice->format, choice->mark_changes, file,
                               g_task_get_cancellable (task), on_export_saved_cb,
                               g_steal_pointer (&task));
}

static void
choose_file (GTask *task)
{
  DeskExportFlow *self = g_task_get_source_object (task);
  Choice *choice = g_task_get_task_data (task);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GEnumClass) formats = g_type_class_ref (DESK_TYPE_EXPORT_FORMAT);
  const char *extension = g_enum_get_value (formats, choice->format)->value_nick;
  g_autofree char *filter_name = g_ascii_strup (extension, -1);
  g_autofree char *heading = get_export_heading (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (heading, get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  name = desk_export_file_name (self->incident_title, get_subject (self),
                                desk_store_now (self->store), choice->format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The response drops the chooser, and the task with it. */
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_format_chosen_cb (DeskExportDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskExportFlow *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GEnumClass) formats = g_type_class_ref (DESK_TYPE_EXPORT_FORMAT);
  Choice *choice;

  /* Only the first response answers: closing the dialog from the cancellable responds again. */
  g_signal_handlers_disconnect_by_func (dialog, on_format_chosen_cb, user_data);
  if (cancellable != NULL)
    g_signal_handlers_disconnect_by_data (cancellable, dialog);

  if (!g_str_equal (response, "export") || g_cancellable_is_cancelled (cancellable))
    {
      return_cancelled (task);
      return;
    }

  choice = g_new0 (Choice, 1);
  choice->format = desk_export_dialog_get_format (dialog);
  choice->mark_changes = desk_export_dialog_get_mark_changes (dialog);
  g_task_set_task_data (task, choice, g_free);

  g_settings_set_string (self->settings, "export-format",
                         g_enum_get_value (formats, choice->format)->value_nick);
  choose_file (g_steal_pointer (&task));
}

static void
on_earlier_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskExportFlow *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GEnumClass) formats = g_type_class_ref (DESK_TYPE_EXPORT_FORMAT);
  g_autofree char *format_nick = NULL;
  g_autofree char *heading = NULL;
  GEnumValue *format;
  DeskExportDialog *dialog;
  Job *job;

  if ((job = finish_job (task, result)) == NULL)
    return;

  g_free (self->checklist_title);
  self->checklist_title = g_steal_pointer (&job->checklist_title);

  format_nick = g_settings_get_string (self->settings, "export-format");
  format = g_enum_get_value_by_nick (formats, format_nick);
  heading = get_export_heading (self);
  dialog = desk_export_dialog_new (get_window (self), heading,
                                   format ? format->value : DESK_EXPORT_FORMAT_PDF,
                                   job->compared_at, self->zone);

  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close), dialog,
                             G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_format_chosen_cb),
                    g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * desk_export_flow_export_async:
 *
 * Asks the person for a format and a file, and saves the report there (see
 * desk_export_flow_save_async()).
 */
void
desk_export_flow_export_async (DeskExportFlow      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (DESK_IS_EXPORT_FLOW (self));

  begin (self, desk_export_flow_export_async, job_new (self, JOB_FIND_EARLIER),
         on_earlier_found_cb, cancellable, callback, user_data);
}

/* }}} */
/* Printing {{{ */

/* A print under way: what it prints, and the task to complete when it is done. */
typedef struct
{
  GTask        *task;
  DeskReport   *report;     /* to lay out again on other paper */
  DeskDocument *document;
} Print;

static void
print_free (gpointer data)
{
  Print *print = data;

  g_clear_object (&print->task);
  g_clear_pointer (&print->report, desk_report_free);
  g_clear_object (&print->document);
  g_free (print);
}

/* The pages as the PDF export lays them out on the paper asked for; the person may have chosen
 * other paper in the print dialog, and the pages then follow it, unless it is too small for a
 * report's margins (an envelope, an index card): those get the pages as they are. */
static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Print             *print)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  if ((fabs (width - desk_document_get_width (print->document)) > 0.5 ||
       fabs (height - desk_document_get_height (print->document)) > 0.5) &&
      MIN (width, height) >= MIN_PAPER_SIDE)
    {
      g_clear_object (&print->document);
      print->document = desk_document_new (print->report, width, height);
    }

  gtk_print_operation_set_n_pages (operation, desk_document_get_n_pages (print->document));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 Print             *print)
{
  desk_document_draw_page (print->document, gtk_print_context_get_cairo_context (context), page);
}

static void
finish_print (GtkPrintOperation       *operation,
              GtkPrintOperationResult  result,
              GError                  *error,
              Print                   *print)
{
  GTask *task = g_steal_pointer (&print->task);

  /* Done once: the operation may both return its result and emit ::done. */
  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    fail (task, _("Could Not Print"), error != NULL ? error
                                                    : g_error_new_literal (GTK_PRINT_ERROR,
                                                                           GTK_PRINT_ERROR_GENERAL,
                                                                           _("The printing "
                                                                             "system failed")));
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      g_clear_error (&error);
      return_cancelled (task);
    }
  else
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
    }

  g_object_unref (task);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  Print                   *print)
{
  GError *error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  finish_print (operation, result, error, print);
}

static void
on_document_ready_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskExportFlow *self = g_task_get_source_object (task);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult outcome;
  GError *error = NULL;
  Print *print;
  Job *job;

  if ((job = finish_job (task, result)) == NULL)
    return;

  print = g_new0 (Print, 1);
  print->task = g_steal_pointer (&task);
  print->report = g_steal_pointer (&job->report);
  print->document = g_steal_pointer (&job->document);

  /* The paper the pages were laid out on; the person may choose other in the dialog. */
  paper = gtk_paper_size_new (job->paper == DESK_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                              : GTK_PAPER_NAME_A4);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup,
                                  desk_document_get_width (print->document) >
                                  desk_document_get_height (print->document)
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                  : GTK_PAGE_ORIENTATION_PORTRAIT);

  /* Translators: the name of a print job, e.g. "Incident status report: Webmail intrusion" */
  job_name = g_strdup_printf (_("%s: %s"), print->report->title, print->report->incident_title);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Points, from the paper's corner: the document has its own margins, as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, desk_document_get_n_pages (print->document));
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (job->file != NULL)
    {
      g_autofree char *path = g_file_get_path (job->file);

      gtk_print_operation_set_export_filename (operation, path);
    }

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), print);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_print_done_cb), print,
                         (GClosureNotify) (void (*) (void)) print_free, 0);

  outcome = gtk_print_operation_run (operation, job->print_action, get_window (self), &error);
  if (outcome != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish_print (operation, outcome, error, print);
}

/**
 * desk_export_flow_print_async:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to let the person choose the printer, the
 *   paper and the pages, and see a preview; %GTK_PRINT_OPERATION_ACTION_EXPORT to write a PDF
 * @export_file: (nullable): with %GTK_PRINT_OPERATION_ACTION_EXPORT, the PDF to write
 *
 * Prints the report as its PDF export looks, on the paper of the Preferences unless the person
 * chooses other.
 */
void
desk_export_flow_print_async (DeskExportFlow          *self,
                              GtkPrintOperationAction  action,
                              GFile                   *export_file,
                              GCancellable            *cancellable,
                              GAsyncReadyCallback      callback,
                              gpointer                 user_data)
{
  Job *job;

  g_return_if_fail (DESK_IS_EXPORT_FLOW (self));
  g_return_if_fail ((action == GTK_PRINT_OPERATION_ACTION_EXPORT) == (export_file != NULL));

  job = job_new (self, JOB_DOCUMENT);
  job->print_action = action;
  job->file = export_file ? g_object_ref (export_file) : NULL;
  begin (self, desk_export_flow_print_async, job, on_document_ready_cb, cancellable, callback,
         user_data);
}

/* }}} */
/* Copying {{{ */

static void
on_markdown_ready_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskExportFlow *self = g_task_get_source_object (task);
  Job *job;

  if ((job = finish_job (task, result)) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (self->widget), job->text);
  desk_show_toast (self->widget, _("Copied as Markdown"));
  g_task_return_boolean (task, TRUE);
}

/**
 * desk_export_flow_copy_async:
 *
 * Puts the report on the clipboard as Markdown, to paste into meeting notes or a chat.
 */
void
desk_export_flow_copy_async (DeskExportFlow      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DESK_IS_EXPORT_FLOW (self));

  begin (self, desk_export_flow_copy_async, job_new (self, JOB_MARKDOWN), on_markdown_ready_cb,
         cancellable, callback, user_data);
}

/* }}} */
/* GObject {{{ */

static void
desk_export_flow_dispose (GObject *object)
{
  DeskExportFlow *self = DESK_EXPORT_FLOW (object);

  g_clear_object (&self->widget);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_export_flow_parent_class)->dispose (object);
}

static void
desk_export_flow_finalize (GObject *object)
{
  DeskExportFlow *self = DESK_EXPORT_FLOW (object);

  g_free (self->incident_uuid);
  g_free (self->incident_title);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->checklist_uuid);
  g_free (self->checklist_title);

  G_OBJECT_CLASS (desk_export_flow_parent_class)->finalize (object);
}

static void
desk_export_flow_class_init (DeskExportFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_export_flow_dispose;
  object_class->finalize = desk_export_flow_finalize;
}

static void
desk_export_flow_init (DeskExportFlow *self)
{
  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_export_flow_new:
 * @widget: a widget of the window the flow works for: toasts go to the overlay above it, and
 *   dialogs are modal to its window
 * @incident: the incident reported on
 * @what: what to export
 * @checklist_uuid: (nullable): with %DESK_EXPORT_WHAT_CHECKLISTS, the one checklist to export;
 *   %NULL for all of the incident's
 *
 * Returns: (transfer full): a flow for one report; each operation holds it until it completes
 */
DeskExportFlow *
desk_export_flow_new (GtkWidget      *widget,
                      DeskStore      *store,
                      DeskIncident   *incident,
                      DeskExportWhat  what,
                      const char     *checklist_uuid)
{
  DeskExportFlow *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (checklist_uuid == NULL || what == DESK_EXPORT_WHAT_CHECKLISTS, NULL);

  self = g_object_new (DESK_TYPE_EXPORT_FLOW, NULL);
  self->widget = g_object_ref (widget);
  self->store = g_object_ref (store);
  self->incident_uuid = g_strdup (desk_record_get_uuid (DESK_RECORD (incident)));
  self->incident_title = g_strdup (desk_record_get_string (DESK_RECORD (incident), "title"));
  self->incident_id = desk_record_get_id (DESK_RECORD (incident));
  self->zone = desk_time_zone_for (desk_record_get_string (DESK_RECORD (incident), "time-zone"));
  self->what = what;
  self->checklist_uuid = g_strdup (checklist_uuid);
  return self;
}

/**
 * desk_export_flow_get_export_label:
 *
 * Returns: (transfer none): what exporting the whole report of @what is called, e.g. "Export
 *   Status Report", for a button's tooltip or a dialog's heading
 */
const char *
desk_export_flow_get_export_label (DeskExportWhat what)
{
  switch (what)
    {
    case DESK_EXPORT_WHAT_CHECKLISTS:
      return _("Export Remediation Checklists");
    case DESK_EXPORT_WHAT_STATUS:
      return _("Export Status Report");
    case DESK_EXPORT_WHAT_LEDGER:
      return _("Export Notification Ledger");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * desk_export_flow_finish:
 * @result: the result of any of the flow's operations
 *
 * Returns: whether the operation did what was asked; %FALSE with @error set if it failed
 *   (the person was told why), or with %G_IO_ERROR_CANCELLED if it was cancelled
 */
gboolean
desk_export_flow_finish (DeskExportFlow  *self,
                         GAsyncResult    *result,
                         GError         **error)
{
  g_return_val_if_fail (DESK_IS_EXPORT_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
