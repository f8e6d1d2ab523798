/* desk-window.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskWindow is the main window: the incidents in a sidebar and the selected one beside them,
 * in an AdwLeaflet that folds into one column on narrow screens. Everything about folding stays
 * in this file, so that moving to AdwNavigationSplitView later touches one place.
 *
 * The window reads the database only through its DeskStore, asynchronously; its GCancellable
 * is cancelled in dispose, so no callback touches a window that is being destroyed.
 */

#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-labels.h"
#include "desk-window-private.h"

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

static void
update_back_button (DeskWindow *self)
{
  gboolean has_incidents = g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) > 0;

  /* With no incidents the sidebar has nothing to offer: the content's "No Incidents" page, with
   * its New Incident button, is the whole window. */
  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) && has_incidents);
}

static void
update_page (DeskWindow *self)
{
  const char *page;

  if (!self->loaded)
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) == 0)
    page = "empty";
  else if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    page = "select";
  else
    page = "incident";

  gtk_stack_set_visible_child_name (self->content_stack, page);

  if (g_str_equal (page, "empty"))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  update_back_button (self);
}

/* Selects @position without moving the leaflet to the content, for selections the person did not
 * ask for (the first incident at start-up): should the window fold, the list shows first. */
static void
select_quietly (DeskWindow *self,
                guint       position)
{
  self->selecting_quietly = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting_quietly = FALSE;
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = desk_format_count (count);

  gtk_label_set_label (label, text);
}

static void
clear_figures (DeskWindow *self)
{
  /* Translators: shown in place of a figure that is still being counted */
  const char *pending = C_("figure", "—");

  gtk_label_set_label (self->potential_label, pending);
  gtk_label_set_label (self->confirmed_label, pending);
  gtk_label_set_label (self->contracts_label, pending);
  gtk_label_set_label (self->notified_label, pending);
  gtk_label_set_label (self->potential_caption, _("Potentially affected accounts"));
  gtk_label_set_label (self->confirmed_caption, _("Confirmed accounts"));
}

static void
show_figures (DeskWindow      *self,
              const DeskStats *stats)
{
  g_autofree char *notified = desk_format_count (stats->customers_notified);
  g_autofree char *to_notify = desk_format_count (stats->customers_to_notify);
  g_autofree char *notified_text = NULL;

  /* Until account lists are imported, the figures announced for the incident stand in. */
  if (stats->potential_accounts == 0 && stats->estimated_potential > 0)
    {
      set_count (self->potential_label, stats->estimated_potential);
      gtk_label_set_label (self->potential_caption, _("Potentially affected accounts (estimate)"));
    }
  else
    {
      set_count (self->potential_label, stats->potential_accounts);
      gtk_label_set_label (self->potential_caption, _("Potentially affected accounts"));
    }

  if (stats->confirmed_accounts == 0 && stats->estimated_confirmed > 0)
    {
      set_count (self->confirmed_label, stats->estimated_confirmed);
      gtk_label_set_label (self->confirmed_caption, _("Confirmed accounts (estimate)"));
    }
  else
    {
      set_count (self->confirmed_label, stats->confirmed_accounts);
      gtk_label_set_label (self->confirmed_caption, _("Confirmed accounts"));
    }

  set_count (self->contracts_label, stats->contracts_affected);

  /* Translators: customers notified of customers to notify, e.g. "12 of 586" */
  notified_text = g_strdup_printf (_("%s of %s"), notified, to_notify);
  gtk_label_set_label (self->notified_label, notified_text);
}

static void
on_stats_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = desk_store_get_stats_finish (DESK_STORE (object), result, &error);
  if (stats == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_window_show_error (self, _("Could not count the incident’s figures"), error);
      return;
    }

  show_figures (self, stats);
}

/* The severity tag is coloured for high and critical incidents (see style.css). */
static void
update_severity_style (DeskWindow *self)
{
  g_autoptr(DeskIncident) incident = g_signal_group_dup_target (self->incident_signals);
  GtkWidget *label = GTK_WIDGET (self->severity_label);
  DeskSeverity severity;

  gtk_widget_remove_css_class (label, "high");
  gtk_widget_remove_css_class (label, "critical");

  if (incident == NULL)
    return;

  severity = desk_record_get_enum (DESK_RECORD (incident), "severity");
  if (severity == DESK_SEVERITY_HIGH)
    gtk_widget_add_css_class (label, "high");
  else if (severity == DESK_SEVERITY_CRITICAL)
    gtk_widget_add_css_class (label, "critical");
}

static void
show_incident (DeskWindow   *self,
               DeskIncident *incident)
{
  g_cancellable_cancel (self->stats_cancellable);
  g_clear_object (&self->stats_cancellable);

  g_binding_group_set_source (self->incident_bindings, incident);
  g_signal_group_set_target (self->incident_signals, incident);
  update_severity_style (self);

  if (incident != NULL)
    {
      clear_figures (self);
      self->stats_cancellable = g_cancellable_new ();
      desk_store_get_stats_async (self->store,
                                  desk_record_get_id (DESK_RECORD (incident)),
                                  self->stats_cancellable,
                                  on_stats_loaded_cb,
                                  g_object_ref (self));
    }

  update_page (self);
}

static void
on_incidents_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (records == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _desk_window_show_error (self, _("Could not read the incidents"), error);
    }
  else
    {
      g_list_store_splice (self->incidents, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->incidents)),
                           records->pdata, records->len);
    }

  self->loaded = TRUE;

  /* Side by side, show the newest incident rather than an empty pane; folded, start on the
   * list. */
  if (records != NULL && records->len > 0 && !adw_leaflet_get_folded (self->leaflet))
    select_quietly (self, 0);

  update_page (self);
  _desk_window_actions_update (self);
}

static void
load_incidents (DeskWindow *self)
{
  desk_store_list_async (self->store, DESK_TYPE_INCIDENT, NULL, 0,
                         self->cancellable,
                         on_incidents_loaded_cb,
                         g_object_ref (self));
}

/* }}} */
/* Binding transforms {{{ */

static gboolean
status_to_label (GBinding     *binding,
                 const GValue *from_value,
                 GValue       *to_value,
                 gpointer      user_data)
{
  g_value_set_string (to_value, desk_incident_status_label (g_value_get_enum (from_value)));
  return TRUE;
}

static gboolean
severity_to_label (GBinding     *binding,
                   const GValue *from_value,
                   GValue       *to_value,
                   gpointer      user_data)
{
  g_value_set_string (to_value, desk_severity_label (g_value_get_enum (from_value)));
  return TRUE;
}

static gboolean
detected_at_to_label (GBinding     *binding,
                      const GValue *from_value,
                      GValue       *to_value,
                      gpointer      user_data)
{
  g_autofree char *date = desk_format_date (g_value_get_int64 (from_value));

  if (date != NULL)
    /* Translators: the day an incident was detected, e.g. "Detected 14 Apr 2026" */
    g_value_take_string (to_value, g_strdup_printf (_("Detected %s"), date));
  else
    g_value_set_string (to_value, _("Detection time not recorded"));
  return TRUE;
}

/* }}} */
/* List item factory {{{ */

static char *
summarize_incident (GtkListItem        *list_item,
                    DeskIncidentStatus  status,
                    DeskSeverity        severity,
                    gint64              detected_at,
                    gpointer            user_data)
{
  return desk_incident_summary (status, severity, detected_at);
}

static void
on_incident_row_setup_cb (DeskWindow               *self,
                          GtkListItem              *list_item,
                          GtkSignalListItemFactory *factory)
{
  GtkWidget *box, *title, *summary;
  GtkExpression *item, *params[3];

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* Keep long titles from widening the sidebar: it is as wide as its width-request. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 20);
  gtk_box_append (GTK_BOX (box), title);

  summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 20);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), summary);

  gtk_list_item_set_child (list_item, box);

  /* Expressions rooted at the list item follow both a new item and edits of the current one. */
  item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  gtk_expression_bind (gtk_property_expression_new (DESK_TYPE_INCIDENT,
                                                    gtk_expression_ref (item), "title"),
                       title, "label", list_item);

  params[0] = gtk_property_expression_new (DESK_TYPE_INCIDENT, gtk_expression_ref (item),
                                           "status");
  params[1] = gtk_property_expression_new (DESK_TYPE_INCIDENT, gtk_expression_ref (item),
                                           "severity");
  params[2] = gtk_property_expression_new (DESK_TYPE_INCIDENT, gtk_expression_ref (item),
                                           "detected-at");
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL,
                                                    G_N_ELEMENTS (params), params,
                                                    G_CALLBACK (summarize_incident),
                                                    NULL, NULL),
                       summary, "label", list_item);

  gtk_expression_unref (item);
}

/* }}} */
/* Callbacks {{{ */

static void
on_selection_changed_cb (DeskWindow *self)
{
  DeskIncident *incident = gtk_single_selection_get_selected_item (self->selection);

  show_incident (self, incident);

  /* Also when side by side, so that the incident stays in view if the window narrows. */
  if (incident != NULL && !self->selecting_quietly)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_incidents_changed_cb (DeskWindow *self)
{
  update_page (self);
}

static void
on_incident_list_activated_cb (DeskWindow *self,
                               guint       position)
{
  /* Enter on the selected row: selecting it again changes nothing, so move on here. */
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_leaflet_state_changed_cb (DeskWindow *self)
{
  /* Folded, the sidebar is a list to pick from. An incident left selected there could not be
   * clicked again to return to it, so the selection goes once the sidebar is back in view (not
   * before: the content would change while it slides away). */
  if (adw_leaflet_get_folded (self->leaflet)
      && !adw_leaflet_get_child_transition_running (self->leaflet)
      && adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  update_back_button (self);
}

static void
on_back_button_clicked_cb (DeskWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* }}} */
/* GObject {{{ */

static void
desk_window_constructed (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  G_OBJECT_CLASS (desk_window_parent_class)->constructed (object);

  if (self->store != NULL)
    load_incidents (self);
  else
    self->loaded = TRUE;

  update_page (self);
  _desk_window_actions_update (self);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->stats_cancellable);

  if (self->incident_bindings != NULL)
    g_binding_group_set_source (self->incident_bindings, NULL);
  if (self->incident_signals != NULL)
    g_signal_group_set_target (self->incident_signals, NULL);

  /* The template's handlers must not run on a half-disposed window. */
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);

  g_clear_object (&self->incident_bindings);
  g_clear_object (&self->incident_signals);
  g_clear_object (&self->stats_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskWindow *self = DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_window_constructed;
  object_class->dispose = desk_window_dispose;
  object_class->get_property = desk_window_get_property;
  object_class->set_property = desk_window_set_property;

  /**
   * DeskWindow:store:
   *
   * The store the window shows and edits; %NULL leaves the window empty and its actions off.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DESK_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_INCIDENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, incident_list);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, detected_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, potential_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, potential_caption);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, confirmed_caption);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, contracts_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, notified_label);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, incidents);
  gtk_widget_class_bind_template_callback (widget_class, on_incident_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_incident_list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_incidents_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  _desk_window_class_actions_init (klass);
}

static void
desk_window_init (DeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->incident_bindings = g_binding_group_new ();
  g_binding_group_bind (self->incident_bindings, "title",
                        self->title_label, "label",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->incident_bindings, "status",
                             self->status_label, "label",
                             G_BINDING_SYNC_CREATE,
                             status_to_label, NULL, NULL, NULL);
  g_binding_group_bind_full (self->incident_bindings, "severity",
                             self->severity_label, "label",
                             G_BINDING_SYNC_CREATE,
                             severity_to_label, NULL, NULL, NULL);
  g_binding_group_bind_full (self->incident_bindings, "detected-at",
                             self->detected_label, "label",
                             G_BINDING_SYNC_CREATE,
                             detected_at_to_label, NULL, NULL, NULL);

  self->incident_signals = g_signal_group_new (DESK_TYPE_INCIDENT);
  g_signal_group_connect_object (self->incident_signals, "notify::severity",
                                 G_CALLBACK (update_severity_style), self,
                                 G_CONNECT_SWAPPED);

  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

/* }}} */
/* Internal API {{{ */

void
_desk_window_show_toast (DeskWindow *self,
                         const char *title)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (DESK_IS_WINDOW (self));

  /* An AdwToast title is markup on libadwaita 1.2. */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/**
 * _desk_window_show_error:
 * @what: what failed, e.g. "Could not read the incidents"
 *
 * Tells the person, in a toast, what failed and why.
 */
void
_desk_window_show_error (DeskWindow   *self,
                         const char   *what,
                         const GError *error)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_debug ("%s: %s", what, error->message);

  /* Translators: what failed, then why, e.g. "Could not read the incidents: disk full" */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  _desk_window_show_toast (self, text);
}

/**
 * _desk_window_add_incident:
 *
 * Puts @incident, just saved, at the top of the list (the list is newest first) and shows it.
 */
void
_desk_window_add_incident (DeskWindow   *self,
                           DeskIncident *incident)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (DESK_IS_INCIDENT (incident));

  g_list_store_insert (self->incidents, 0, incident);
  gtk_single_selection_set_selected (self->selection, 0);
}

const char *
_desk_window_get_visible_page (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* Returns: (transfer none): the model of the sidebar */
GListModel *
_desk_window_get_incidents (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_window_new:
 * @application: (nullable): the application the window belongs to
 * @store: (nullable): the store to show
 *
 * Returns: (transfer full): a new window
 */
DeskWindow *
desk_window_new (GtkApplication *application,
                 DeskStore      *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * desk_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store the window shows
 */
DeskStore *
desk_window_get_store (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->store;
}

/* }}} */
