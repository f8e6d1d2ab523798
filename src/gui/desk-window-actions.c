/* desk-window-actions.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The win.* actions of DeskWindow, installed on the class, and the one place that decides
 * which of them are enabled. */

#define G_LOG_DOMAIN "desk-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accounts-page.h"
#include "desk-demo.h"
#include "desk-export-enum-types.h"
#include "desk-export-flow.h"
#include "desk-gui-utils.h"
#include "desk-import-dialog.h"
#include "desk-overview-page.h"
#include "desk-window-private.h"

/* The incident's pages, in the order of the view stack and of Alt+1…6. */
static const char * const page_names[] = {
  "overview", "customers", "notifications", "remediation", "history", "accounts",
};

/* The pages with a report, and what it is: Ctrl+P prints it (each page's Export button
 * names its own). */
static const struct
{
  const char     *page;
  DeskExportWhat  what;
} page_reports[] = {
  { "overview", DESK_EXPORT_WHAT_STATUS },
  { "notifications", DESK_EXPORT_WHAT_LEDGER },
  { "remediation", DESK_EXPORT_WHAT_CHECKLISTS },
};

/* The desk_show_*() helpers look for the toast overlay above a widget: the window is above
 * its overlay, the leaflet is under it. */
static GtkWidget *
toast_anchor (DeskWindow *self)
{
  return GTK_WIDGET (self->leaflet);
}

/* An incident and the window it is shown in, through a request. */
typedef struct
{
  DeskWindow   *self;
  DeskIncident *incident;
  guint         position;   /* in the list of all incidents, for undo */
} IncidentRequest;

static IncidentRequest *
incident_request_new (DeskWindow   *self,
                      DeskIncident *incident)
{
  IncidentRequest *request = g_new0 (IncidentRequest, 1);

  request->self = g_object_ref (self);
  request->incident = g_object_ref (incident);
  request->position = GTK_INVALID_LIST_POSITION;

  return request;
}

static void
incident_request_free (IncidentRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->incident);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IncidentRequest, incident_request_free)

/* New incident {{{ */

static void
on_new_incident_saved_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(IncidentRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_finish (DESK_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_window_show_error (request->self, _("Could not create the incident"), error);
      return;
    }

  /* The list is newest first. */
  _desk_window_add_incident (request->self, request->incident, 0);
  _desk_window_show_toast (request->self, _("Incident created"));
}

static void
desk_window_new_incident_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(DeskIncident) incident = NULL;

  g_assert (self->store != NULL);

  incident = desk_incident_new (_("Untitled Incident"));
  desk_record_set_int (DESK_RECORD (incident), "detected-at", desk_store_now (self->store));

  desk_store_save_async (self->store, DESK_RECORD (incident),
                         self->cancellable,
                         on_new_incident_saved_cb,
                         incident_request_new (self, incident));
}

/* }}} */
/* Delete incident {{{ */

static void
on_incident_restored_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(IncidentRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    {
      desk_show_error (toast_anchor (request->self), _("Could not restore the incident"), error);
      return;
    }

  _desk_window_add_incident (request->self, request->incident, request->position);
}

typedef struct
{
  GWeakRef      window;     /* the toast may outlive neither, but need not keep it alive */
  DeskIncident *incident;
  guint         position;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->window);
  g_clear_object (&undo->incident);
  g_free (undo);
}

static void
undo_delete (gpointer data)
{
  Undo *undo = data;
  g_autoptr(DeskWindow) self = g_weak_ref_get (&undo->window);
  IncidentRequest *request;

  if (self == NULL || self->store == NULL)
    return;

  request = incident_request_new (self, undo->incident);
  request->position = undo->position;
  desk_store_set_deleted_async (self->store, DESK_RECORD (undo->incident), FALSE,
                                self->cancellable,
                                on_incident_restored_cb,
                                request);
}

static void
on_incident_deleted_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(IncidentRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Undo *undo;

  if (!desk_store_set_deleted_finish (DESK_STORE (object), result, &error))
    {
      desk_show_error (toast_anchor (request->self), _("Could not delete the incident"), error);
      return;
    }

  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->window, request->self);
  undo->incident = g_object_ref (request->incident);
  undo->position = _desk_window_remove_incident (request->self, request->incident);

  /* Translators: a toast after an incident was deleted; the toast is markup */
  title = g_markup_printf_escaped (_("“%s” deleted"),
                                   desk_record_get_string (DESK_RECORD (request->incident),
                                                           "title"));
  desk_show_undo_toast (toast_anchor (request->self), title, undo_delete, undo, undo_free);
}

static void
on_delete_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(IncidentRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  DeskWindow *self = request->self;
  DeskRecord *incident = DESK_RECORD (request->incident);

  if (!desk_confirm_finish (result, &error))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        desk_show_error (toast_anchor (self), _("Could not delete the incident"), error);
      return;
    }

  /* The request keeps the window and the incident alive until the store answers. */
  desk_store_set_deleted_async (self->store, incident, TRUE,
                                self->cancellable,
                                on_incident_deleted_cb,
                                g_steal_pointer (&request));
}

static void
desk_window_delete_incident_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskIncident *incident = _desk_window_get_selected (self);
  g_autofree char *heading = NULL;

  g_assert (self->store != NULL);
  g_assert (incident != NULL);

  /* Translators: the heading of the dialog that confirms the deletion of an incident */
  heading = g_strdup_printf (_("Delete “%s”?"),
                             desk_record_get_string (DESK_RECORD (incident), "title"));
  desk_confirm_async (widget, heading,
                      _("Its customers, notices and checklists will no longer be shown. "
                        "You can undo this right after."),
                      _("_Delete"),
                      self->cancellable,
                      on_delete_confirmed_cb,
                      incident_request_new (self, incident));
}

/* }}} */
/* Sample data {{{ */

static void
load_sample_data_worker (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!desk_demo_populate (DESK_STORE (source_object), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_sample_data_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _desk_window_set_loading_sample_data (self, FALSE);
      desk_show_error (toast_anchor (self), _("Could not load the sample data"), error);
      return;
    }

  _desk_window_set_loading_sample_data (self, FALSE);
  _desk_window_reload (self, TRUE);
}

static void
desk_window_load_sample_data_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(GTask) task = NULL;

  g_assert (self->store != NULL);

  _desk_window_set_loading_sample_data (self, TRUE);

  /* The task's source is the store, not the window: the worker thread may drop the last
   * reference to its source, and widgets must only ever be finalized on the main thread. */
  task = g_task_new (self->store, self->cancellable, on_sample_data_loaded_cb,
                     g_object_ref (self));
  g_task_set_source_tag (task, desk_window_load_sample_data_action);
  g_task_set_name (task, "[incident-desk] load sample data");
  g_task_run_in_thread (task, load_sample_data_worker);
}

/* }}} */
/* Pages {{{ */

static void
desk_window_show_page_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!g_strv_contains ((const char * const *) page_names, name))
    {
      g_warning ("No incident page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The Overview page, and the Add Obligation dialog over it. */
static void
desk_window_add_obligation_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, "overview");

  g_assert (DESK_IS_OVERVIEW_PAGE (page));

  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  desk_overview_page_add_obligation (DESK_OVERVIEW_PAGE (page));
}

static void
desk_window_show_accounts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, "accounts");
  const char *contract_id, *name;
  gint64 customer_id;

  g_assert (DESK_IS_ACCOUNTS_PAGE (page));

  g_variant_get (parameter, "(x&s&s)", &customer_id, &contract_id, &name);
  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  desk_accounts_page_show_customer (DESK_ACCOUNTS_PAGE (page), customer_id, contract_id, name);
}

/* }}} */
/* Import accounts {{{ */

static void
on_import_finished_cb (DeskWindow       *self,
                       gboolean          imported,
                       const char       *message,
                       DeskImportDialog *dialog)
{
  /* Every figure and list of the incident may have changed. */
  if (imported)
    _desk_window_reload_pages (self);

  _desk_window_show_toast (self, message);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               gpointer         user_data)
{
  IncidentRequest *request = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  /* The incident may have been deleted meanwhile: import into the one shown now, if any. */
  if (file != NULL)
    _desk_window_import_file (request->self, file);

  /* Drops the reference of gtk_file_chooser_native_new(), and with it the request. */
  g_object_unref (chooser);
}

static void
on_import_chooser_closed_cb (gpointer  data,
                             GClosure *closure)
{
  incident_request_free (data);
}

static void
desk_window_sync_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _desk_window_sync (DESK_WINDOW (widget));
}

static void
desk_window_show_conflicts_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  _desk_window_show_conflicts (DESK_WINDOW (widget));
}

static void
desk_window_import_accounts_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_assert (_desk_window_get_selected (self) != NULL);

  chooser = gtk_file_chooser_native_new (_("Import Accounts"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);

  g_signal_connect_data (chooser, "response", G_CALLBACK (on_import_chooser_response_cb),
                         incident_request_new (self, _desk_window_get_selected (self)),
                         on_import_chooser_closed_cb, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Returns: (nullable) (transfer none): the import dialog open on @self, if any */
static DeskImportDialog *
find_import_dialog (DeskWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DESK_IS_IMPORT_DIALOG (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        return DESK_IMPORT_DIALOG (window);
    }

  return NULL;
}

/**
 * _desk_window_import_file:
 * @file: a CSV list of accounts
 *
 * Opens the import dialog for @file and the incident shown, or says to pick an incident first.
 * After the import the incident's pages read it again.
 */
void
_desk_window_import_file (DeskWindow *self,
                          GFile      *file)
{
  DeskIncident *incident;
  DeskImportDialog *dialog;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  incident = _desk_window_get_selected (self);
  if (self->store == NULL || incident == NULL)
    {
      _desk_window_show_toast (self, _("Select an incident to import accounts into"));
      return;
    }

  /* A file dropped while an import is open: one import at a time. */
  dialog = find_import_dialog (self);
  if (dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = desk_import_dialog_new (GTK_WINDOW (self), self->store, incident, file);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_import_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */
/* Reports {{{ */

/* Returns: whether the page shown has a report, and which in @what */
static gboolean
get_page_report (DeskWindow     *self,
                 DeskExportWhat *what)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (page == NULL || _desk_window_get_selected (self) == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "incident") != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (page_reports); i++)
    if (g_str_equal (page, page_reports[i].page))
      {
        *what = page_reports[i].what;
        return TRUE;
      }

  return FALSE;
}

/* Returns: (transfer floating): the target of the win.*-report actions for the whole report of
 *   @what */
static GVariant *
report_target (DeskExportWhat what)
{
  g_autoptr(GEnumClass) whats = g_type_class_ref (DESK_TYPE_EXPORT_WHAT);

  return g_variant_new ("(ss)", g_enum_get_value (whats, what)->value_nick, "");
}

/* win.export-report, win.print-report and win.copy-report: ("status", "") for the status report,
 * ("checklists", UUID) for one checklist. */
static void
desk_window_report_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  g_autoptr(GEnumClass) whats = g_type_class_ref (DESK_TYPE_EXPORT_WHAT);
  g_autoptr(DeskExportFlow) flow = NULL;
  const char *what_nick, *checklist_uuid;
  GEnumValue *what;

  g_assert (self->store != NULL);
  g_assert (_desk_window_get_selected (self) != NULL);

  g_variant_get (parameter, "(&s&s)", &what_nick, &checklist_uuid);
  what = g_enum_get_value_by_nick (whats, what_nick);
  if (what == NULL ||
      (*checklist_uuid != '\0' && what->value != DESK_EXPORT_WHAT_CHECKLISTS))
    {
      g_warning ("No report “%s” of “%s”", what_nick, checklist_uuid);
      return;
    }

  flow = desk_export_flow_new (toast_anchor (self), self->store, _desk_window_get_selected (self),
                               what->value, *checklist_uuid != '\0' ? checklist_uuid : NULL);

  /* Each operation holds the flow, and tells the person how it went. */
  if (g_str_equal (action_name, "win.export-report"))
    desk_export_flow_export_async (flow, self->cancellable, NULL, NULL);
  else if (g_str_equal (action_name, "win.print-report"))
    desk_export_flow_print_async (flow, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                  self->cancellable, NULL, NULL);
  else
    desk_export_flow_copy_async (flow, self->cancellable, NULL, NULL);
}

/* Ctrl+P: the report of the page shown, if it has one. */
static gboolean
print_page_report (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskExportWhat what;

  if (!get_page_report (self, &what))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, "win.print-report", report_target (what));
}

/* }}} */

void
_desk_window_class_actions_init (DeskWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-incident", NULL,
                                   desk_window_new_incident_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-incident", NULL);

  gtk_widget_class_install_action (widget_class, "win.delete-incident", NULL,
                                   desk_window_delete_incident_action);

  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL,
                                   desk_window_load_sample_data_action);

  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   desk_window_show_page_action);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);

  gtk_widget_class_install_action (widget_class, "win.add-obligation", NULL,
                                   desk_window_add_obligation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-obligation", NULL);

  /* The Accounts page, for one customer: (customer id, contract id, customer name) */
  gtk_widget_class_install_action (widget_class, "win.show-accounts", "(xss)",
                                   desk_window_show_accounts_action);

  /* The team sync (desk-window-sync.c) */
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, desk_window_sync_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.sync", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL,
                                   desk_window_show_conflicts_action);

  gtk_widget_class_install_action (widget_class, "win.import-accounts", NULL,
                                   desk_window_import_accounts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-accounts", NULL);

  /* A report of the incident: (what, the one checklist's UUID or "") */
  gtk_widget_class_install_action (widget_class, "win.export-report", "(ss)",
                                   desk_window_report_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", "(ss)",
                                   desk_window_report_action);
  gtk_widget_class_install_action (widget_class, "win.copy-report", "(ss)",
                                   desk_window_report_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                print_page_report, NULL);
}

void
_desk_window_actions_update (DeskWindow *self)
{
  gboolean has_store, has_incident;

  g_return_if_fail (DESK_IS_WINDOW (self));

  has_store = self->store != NULL;
  has_incident = has_store && _desk_window_get_selected (self) != NULL;

  /* Not before the list has loaded: the loaded list replaces the sidebar's contents, and an
   * incident created meanwhile could be missing from it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-incident",
                                 has_store && self->loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-incident", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data",
                                 has_store && self->loaded && !self->loading_sample_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-accounts", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-obligation", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-accounts", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-report", has_incident);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-report", has_incident);
}
