/* desk-import-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskImportDialog imports a CSV list of accounts into an incident: it reads the header and the
 * first rows off the main thread and shows them with what each column is imported as, with the
 * options of the import (the status and categories of rows without any, and whether invalid rows
 * are set aside in a file or refuse the whole file), then runs the import with a progress bar
 * and a Cancel button.
 *
 * DeskAccountImport does the work, in one transaction: a failed or cancelled import leaves the
 * database as it was, which the dialog says. A file that cannot be imported at all (no account
 * column, empty, binary) shows why and cannot be imported; a failed import keeps the dialog open
 * with the reason, so that the person can change the options and try again. Once the import is
 * done or cancelled the dialog closes and emits "finished" with a sentence for a toast. */

#define G_LOG_DOMAIN "desk-import-dialog"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-dialog-utils.h"
#include "desk-labels.h"
#include "desk-import-dialog-private.h"

/* Rows read for the preview. */
#define PREVIEW_ROWS 20

/* The widest a cell of the preview gets, in characters. */
#define MAX_CELL_CHARS 32

/* Grid rows before the first row of the file: the header, the mapping and a separator. */
#define GRID_HEADER_ROWS 3

typedef enum
{
  STATE_READING,
  STATE_UNIMPORTABLE,
  STATE_PREVIEW,
  STATE_IMPORTING,
} State;

static const char * const state_names[] = {
  [STATE_READING] = "reading",
  [STATE_UNIMPORTABLE] = "unimportable",
  [STATE_PREVIEW] = "preview",
  [STATE_IMPORTING] = "importing",
};

struct _DeskImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  GtkScrolledWindow    *page_scroller;
  GtkSpinner           *reading_spinner;
  AdwStatusPage        *unimportable_page;
  GtkWidget            *error_box;
  GtkLabel             *error_label;
  GtkWidget            *problem_box;
  GtkLabel             *problem_label;
  AdwActionRow         *file_row;
  AdwActionRow         *encoding_row;
  AdwActionRow         *incident_row;
  GtkGrid              *preview_grid;
  AdwComboRow          *status_row;
  AdwEntryRow          *categories_row;
  AdwActionRow         *rejects_row;
  GtkSwitch            *rejects_switch;
  GtkProgressBar       *progress_bar;

  /* Owned */
  DeskStore            *store;
  DeskIncident         *incident;
  DeskAccountImport    *import;
  GCancellable         *cancellable;    /* the preview and the import */
  GFile                *rejects_file;   /* where invalid rows go, once chosen */
  GtkFileChooserNative *chooser;        /* for the rejects file, while open */

  State                 state;
  gboolean              setting_switch; /* the switch is being set from code */
  guint                 scroll_tick;    /* scroll_to_top_cb() */
  int                   scroll_frames;
};

G_DEFINE_FINAL_TYPE (DeskImportDialog, desk_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static const char *
role_label (DeskImportColumn role)
{
  switch (role)
    {
    case DESK_IMPORT_COLUMN_ACCOUNT:
      /* Translators: what a column of an imported file becomes */
      return _("Account");
    case DESK_IMPORT_COLUMN_CUSTOMER_ID:
      /* Translators: what a column of an imported file becomes; customer_id is its header,
       * not to be translated */
      return _("Contract (customer_id)");
    case DESK_IMPORT_COLUMN_CUSTOMER_NAME:
      /* Translators: what a column of an imported file becomes */
      return _("Customer name");
    case DESK_IMPORT_COLUMN_CATEGORY:
      /* Translators: what a column of an imported file becomes */
      return _("Categories");
    case DESK_IMPORT_COLUMN_STATUS:
      /* Translators: what a column of an imported file becomes */
      return _("Status");
    case DESK_IMPORT_COLUMN_IGNORED:
    default:
      /* Translators: a column of an imported file that is left out */
      return _("Not imported");
    }
}

static const char *
encoding_label (DeskCsvEncoding encoding)
{
  switch (encoding)
    {
    case DESK_CSV_ENCODING_UTF8:
      return "UTF-8";
    case DESK_CSV_ENCODING_CP932:
      /* Translators: the Japanese text encoding of Windows */
      return _("Shift_JIS (CP932)");
    case DESK_CSV_ENCODING_AUTO:
    default:
      /* Translators: the text encoding of a file, before it is read */
      return _("Not known yet");
    }
}

static void
update_actions (DeskImportDialog *self)
{
  gboolean rejects_ready = !gtk_switch_get_active (self->rejects_switch)
                           || self->rejects_file != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 self->state == STATE_PREVIEW && rejects_ready);
}

static void
set_state (DeskImportDialog *self,
           State             state)
{
  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, state_names[state]);
  gtk_spinner_set_spinning (self->reading_spinner, state == STATE_READING);
  update_actions (self);
}

static void
set_error (DeskImportDialog *self,
           const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* The first bad row of the preview, and what will become of it; not while the error of an import
 * refused for its bad rows says it. */
static void
update_problem (DeskImportDialog *self)
{
  const char *problem = NULL;
  g_autofree char *text = NULL;

  if (self->import != NULL && self->state != STATE_READING
      && !gtk_widget_get_visible (self->error_box))
    problem = desk_account_import_get_preview_problem (self->import);

  gtk_widget_set_visible (self->problem_box, problem != NULL);
  if (problem == NULL)
    return;

  text = g_strdup_printf ("%s\n%s", problem,
                          gtk_switch_get_active (self->rejects_switch)
                          ? _("Invalid rows like this one will be set aside; the others will be "
                              "imported.")
                          : _("As it is, such a row refuses the whole file: turn on “Set Aside "
                              "Invalid Rows” to import the other rows."));
  gtk_label_set_label (self->problem_label, text);
}

static void
update_rejects_row (DeskImportDialog *self)
{
  g_autofree char *subtitle = NULL;

  if (gtk_switch_get_active (self->rejects_switch) && self->rejects_file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->rejects_file);

      /* Translators: %s is the name of a file */
      subtitle = g_strdup_printf (_("Rows that cannot be imported will be saved to “%s”, with "
                                    "the reason"), name);
    }
  else
    subtitle = g_strdup (_("Import the valid rows and save the others to a file of your choice; "
                           "otherwise an invalid row refuses the whole file"));

  adw_action_row_set_subtitle (self->rejects_row, subtitle);
}

static void
set_rejects_active (DeskImportDialog *self,
                    gboolean          active)
{
  self->setting_switch = TRUE;
  gtk_switch_set_active (self->rejects_switch, active);
  self->setting_switch = FALSE;

  update_rejects_row (self);
  update_problem (self);
  update_actions (self);
}

/* Scrolls the page to the top for a few frames: coming back into view, the page gets its old
 * position back once it is laid out again. */
static gboolean
scroll_to_top_cb (GtkWidget     *scroller,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  DeskImportDialog *self = user_data;
  GtkAdjustment *adjustment;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 0);

  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_top (DeskImportDialog *self)
{
  self->scroll_frames = 5;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->page_scroller),
                                                      scroll_to_top_cb, self, NULL);
}

static GtkWidget *
new_cell (const char *text,
          const char *css_class,
          gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);
  glong length = text ? g_utf8_strlen (text, -1) : 0;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* At least as wide as the text, up to a limit: an ellipsized label asks for next to nothing,
   * and the table would shrink its columns to the dialog rather than scroll. */
  gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (length + 1, MAX_CELL_CHARS));
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CELL_CHARS);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  /* The width is capped: a value cut short shows whole on hover. */
  if (length > MAX_CELL_CHARS)
    gtk_widget_set_tooltip_text (label, text);

  return label;
}

static void
clear_grid (DeskImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
}

/* Each column's header and what it becomes, over the first rows. */
static void
fill_preview (DeskImportDialog *self)
{
  guint n_columns = desk_account_import_get_n_columns (self->import);
  GPtrArray *rows = desk_account_import_get_preview_rows (self->import);
  GtkWidget *separator;

  clear_grid (self);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *name = desk_account_import_get_column_name (self->import, c);
      DeskImportColumn role = desk_account_import_get_column_role (self->import, c);
      gboolean ignored = role == DESK_IMPORT_COLUMN_IGNORED;
      GtkWidget *mapping;

      gtk_grid_attach (self->preview_grid,
                       new_cell (name != NULL && *name != '\0' ? name
                                 /* Translators: a column of a file with an empty header */
                                 : _("(no name)"),
                                 "heading", ignored),
                       (int) c, 0, 1, 1);

      mapping = new_cell (role_label (role), "caption", ignored);
      if (!ignored)
        gtk_widget_add_css_class (mapping, "accent");
      gtk_grid_attach (self->preview_grid, mapping, (int) c, 1, 1, 1);

      for (guint r = 0; r < rows->len; r++)
        {
          const char * const *fields = g_ptr_array_index (rows, r);

          gtk_grid_attach (self->preview_grid, new_cell (fields[c], NULL, ignored),
                           (int) c, (int) (r + GRID_HEADER_ROWS), 1, 1);
        }
    }

  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_attach (self->preview_grid, separator, 0, 2, (int) MAX (n_columns, 1), 1);

  adw_action_row_set_subtitle (self->encoding_row,
                               encoding_label (desk_account_import_get_encoding (self->import)));
}

/* Emits "finished" with @message for a toast, then closes. */
static void
finish (DeskImportDialog *self,
        gboolean          imported,
        const char       *message)
{
  g_autoptr(DeskImportDialog) kept = g_object_ref (self);

  self->state = STATE_PREVIEW;   /* no longer importing: the close request goes through */
  g_signal_emit (self, signals[FINISHED], 0, imported, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* }}} */
/* Preview {{{ */

static void
preview_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (desk_account_import_preview (source_object, PREVIEW_ROWS, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_preview_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The dialog is closing. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->import == NULL)
        return;

      g_debug ("Cannot import: %s", error->message);
      adw_status_page_set_description (self->unimportable_page, error->message);
      set_state (self, STATE_UNIMPORTABLE);
      return;
    }

  if (self->import == NULL)
    return;

  fill_preview (self);
  set_state (self, STATE_PREVIEW);
  update_problem (self);
  gtk_widget_grab_focus (self->import_button);
}

static void
read_preview (DeskImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  set_state (self, STATE_READING);

  /* The import is the task's source, not the dialog: a widget must only be finalized on the
   * main thread, and the worker may drop the last reference to its source. */
  task = g_task_new (self->import, self->cancellable, on_preview_read_cb, g_object_ref (self));
  g_task_set_source_tag (task, read_preview);
  g_task_set_name (task, "[incident-desk] preview an account list");
  g_task_run_in_thread (task, preview_worker);
}

/* }}} */
/* Import {{{ */

static void
on_fraction_changed_cb (DeskImportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 desk_account_import_get_fraction (self->import));
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DeskImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DeskAccountImport *import = DESK_ACCOUNT_IMPORT (object);

  if (!desk_account_import_run_finish (import, result, &error))
    {
      /* Closed from the outside (its parent went away): nothing left to tell. */
      if (self->import == NULL)
        return;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          finish (self, FALSE, _("Import cancelled: nothing was imported"));
          return;
        }

      g_debug ("Import failed: %s", error->message);

      /* Its message says that nothing was imported, and quotes the bad rows: the warning about
       * the first of them would say it twice. */
      if (g_error_matches (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS))
        message = g_strdup_printf ("%s\n%s", error->message,
                                   _("Turn on “Set Aside Invalid Rows” to import the other "
                                     "rows."));
      else
        /* Translators: %s says why an import failed */
        message = g_strdup_printf (_("Nothing was imported: %s"), error->message);

      set_error (self, message);
      set_state (self, STATE_PREVIEW);
      update_problem (self);

      /* The reason is at the top, and the person was probably down at the options. The page
       * is laid out again first, having been hidden while importing. */
      gtk_widget_grab_focus (self->import_button);
      scroll_to_top (self);
      return;
    }

  message = desk_account_import_describe_result (import);
  if (desk_account_import_get_n_rejected (import) > 0 && self->rejects_file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->rejects_file);
      g_autofree char *described = g_steal_pointer (&message);

      /* Translators: the first %s is the result of an import, the second the name of the file
       * its invalid rows were saved to */
      message = g_strdup_printf (_("%s, in “%s”"), described, name);
    }

  finish (self, TRUE, message);
}

static void
desk_import_dialog_start_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  DeskImportDialog *self = DESK_IMPORT_DIALOG (widget);
  g_autofree char *categories = NULL;

  g_assert (self->state == STATE_PREVIEW);

  categories = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->categories_row))));
  desk_account_import_set_default_exposure (self->import,
                                            adw_combo_row_get_selected (self->status_row));
  desk_account_import_set_default_categories (self->import,
                                              *categories != '\0' ? categories : NULL);
  desk_account_import_set_rejects_file (self->import,
                                        gtk_switch_get_active (self->rejects_switch)
                                        ? self->rejects_file : NULL);

  set_error (self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_state (self, STATE_IMPORTING);

  desk_account_import_run_async (self->import, self->cancellable, on_import_done_cb,
                                 g_object_ref (self));
}

static void
desk_import_dialog_cancel_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DeskImportDialog *self = DESK_IMPORT_DIALOG (widget);

  /* The import stops, rolls back, and its callback closes the dialog. */
  if (self->state == STATE_IMPORTING)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* }}} */
/* Rejects file {{{ */

static void
on_chooser_response_cb (DeskImportDialog     *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      /* No file, no setting aside. */
      set_rejects_active (self, FALSE);
      return;
    }

  g_set_object (&self->rejects_file, file);
  set_rejects_active (self, TRUE);
}

static void
choose_rejects_file (DeskImportDialog *self)
{
  GFile *file = desk_account_import_get_file (self->import);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  char *dot;

  /* "accounts.csv" → "accounts-rejected.csv" */
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  /* Translators: the name suggested for the file of rows set aside; %s is the imported file's
   * name without its extension */
  name = g_strdup_printf (_("%s-rejected.csv"), basename);

  self->chooser = gtk_file_chooser_native_new (_("Save Invalid Rows"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_rejects_switch_active_cb (DeskImportDialog *self)
{
  if (self->setting_switch)
    return;

  if (gtk_switch_get_active (self->rejects_switch) && self->rejects_file == NULL)
    {
      /* The switch stays on while the person chooses, and the import waits for the choice. */
      if (self->chooser == NULL)
        choose_rejects_file (self);
    }

  update_rejects_row (self);
  update_problem (self);
  update_actions (self);
}

/* A scrolled window that only scrolls sideways turns the wheel into sideways scrolling, and the
 * table is most of the page: the wheel over it scrolls the page instead. Shift and the wheel
 * still scroll the table sideways. */
static gboolean
on_table_scroll_cb (DeskImportDialog         *self,
                    double                    dx,
                    double                    dy,
                    GtkEventControllerScroll *controller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->page_scroller);
  GdkModifierType state;
  double page_size;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (state & GDK_SHIFT_MASK)
    return FALSE;

  /* A wheel click moves as far as GtkScrolledWindow moves it. */
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    dy *= pow (page_size, 2.0 / 3.0);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy);
  return TRUE;
}

/* }}} */
/* GObject {{{ */

static gboolean
desk_import_dialog_close_request (GtkWindow *window)
{
  DeskImportDialog *self = DESK_IMPORT_DIALOG (window);

  /* Escape or the window manager while importing: stop, then close once rolled back. */
  if (self->state == STATE_IMPORTING)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (desk_import_dialog_parent_class)->close_request (window);
}

static void
desk_import_dialog_dispose (GObject *object)
{
  DeskImportDialog *self = DESK_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->import != NULL)
    g_signal_handlers_disconnect_by_data (self->import, self);

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->page_scroller), self->scroll_tick);
      self->scroll_tick = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rejects_file);

  G_OBJECT_CLASS (desk_import_dialog_parent_class)->dispose (object);
}

static void
desk_import_dialog_class_init (DeskImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_import_dialog_dispose;
  window_class->close_request = desk_import_dialog_close_request;

  /**
   * DeskImportDialog::finished:
   * @imported: whether accounts were imported (the incident changed)
   * @message: a sentence on what happened, for a toast
   *
   * The import is done or was cancelled; the dialog closes.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, unimportable_page);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, incident_row);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, categories_row);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, rejects_row);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, rejects_switch);
  gtk_widget_class_bind_template_child (widget_class, DeskImportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_rejects_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_scroll_cb);

  gtk_widget_class_install_action (widget_class, "import.start", NULL,
                                   desk_import_dialog_start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL,
                                   desk_import_dialog_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_import_dialog_init (DeskImportDialog *self)
{
  g_autoptr(GListModel) exposures = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  desk_a11y_name_entry_row_apply (self->categories_row);

  self->cancellable = g_cancellable_new ();

  exposures = desk_dialog_label_model ((DeskLabelFunc) desk_exposure_label, 0, DESK_N_EXPOSURES);
  adw_combo_row_set_model (self->status_row, exposures);
  adw_combo_row_set_selected (self->status_row, DESK_EXPOSURE_POTENTIAL);

  update_rejects_row (self);
  set_state (self, STATE_READING);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @incident: the incident the accounts are imported into
 * @file: the CSV file to import
 *
 * Creates the dialog and starts reading the first rows of @file.
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows; present it
 */
DeskImportDialog *
desk_import_dialog_new (GtkWindow    *parent,
                        DeskStore    *store,
                        DeskIncident *incident,
                        GFile        *file)
{
  DeskImportDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (DESK_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->import = desk_account_import_new (store, incident, file);
  g_signal_connect_object (self->import, "notify::fraction",
                           G_CALLBACK (on_fraction_changed_cb), self, G_CONNECT_SWAPPED);

  basename = g_file_get_basename (file);
  path = g_file_get_parse_name (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  adw_action_row_set_subtitle (self->file_row, path);
  adw_action_row_set_subtitle (self->encoding_row,
                               encoding_label (desk_account_import_get_encoding (self->import)));
  adw_action_row_set_subtitle (self->incident_row,
                               desk_record_get_string (DESK_RECORD (incident), "title"));

  read_preview (self);

  return self;
}

/* Returns: (transfer none): the incident the accounts go to */
DeskIncident *
desk_import_dialog_get_incident (DeskImportDialog *self)
{
  g_return_val_if_fail (DESK_IS_IMPORT_DIALOG (self), NULL);

  return self->incident;
}

/* }}} */
/* For tests {{{ */

/* Returns: "reading", "unimportable", "preview" or "importing" */
const char *
_desk_import_dialog_get_state (DeskImportDialog *self)
{
  return state_names[self->state];
}

/* Returns: (nullable): why the file cannot be imported, or why the last import failed */
const char *
_desk_import_dialog_get_error (DeskImportDialog *self)
{
  if (self->state == STATE_UNIMPORTABLE)
    return adw_status_page_get_description (self->unimportable_page);
  if (gtk_widget_get_visible (self->error_box))
    return gtk_label_get_label (self->error_label);
  return NULL;
}

/* Returns: (nullable): the warning about the first bad row previewed, if shown */
const char *
_desk_import_dialog_get_problem (DeskImportDialog *self)
{
  if (!gtk_widget_get_visible (self->problem_box))
    return NULL;
  return gtk_label_get_label (self->problem_label);
}

const char *
_desk_import_dialog_get_encoding_text (DeskImportDialog *self)
{
  return adw_action_row_get_subtitle (self->encoding_row);
}

/* Returns: (nullable): what the preview says column @column becomes */
const char *
_desk_import_dialog_get_mapping (DeskImportDialog *self,
                                 guint             column)
{
  GtkWidget *cell = gtk_grid_get_child_at (self->preview_grid, (int) column, 1);

  return cell ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

guint
_desk_import_dialog_get_n_preview_rows (DeskImportDialog *self)
{
  guint n = 0;

  while (gtk_grid_get_child_at (self->preview_grid, 0, (int) (n + GRID_HEADER_ROWS)) != NULL)
    n++;

  return n;
}

const char *
_desk_import_dialog_get_cell (DeskImportDialog *self,
                              guint             row,
                              guint             column)
{
  GtkWidget *cell = gtk_grid_get_child_at (self->preview_grid, (int) column,
                                           (int) (row + GRID_HEADER_ROWS));

  return cell ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

GtkWidget *
_desk_import_dialog_get_import_button (DeskImportDialog *self)
{
  return self->import_button;
}

/* Turns on "Set Aside Invalid Rows" with @file, as the save dialog would. */
void
_desk_import_dialog_set_rejects_file (DeskImportDialog *self,
                                      GFile            *file)
{
  g_set_object (&self->rejects_file, file);
  set_rejects_active (self, file != NULL);
}

DeskAccountImport *
_desk_import_dialog_get_import (DeskImportDialog *self)
{
  return self->import;
}

/* }}} */
