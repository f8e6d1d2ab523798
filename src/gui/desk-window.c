/* desk-window.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskWindow is the main window: the incidents in a sidebar and the pages of the selected one
 * (Overview, Customers, Notifications, Remediation, History) beside them, in an AdwLeaflet that
 * folds into one column on narrow screens. Everything about folding stays in this file, so that
 * moving to AdwNavigationSplitView later touches one place.
 *
 * The sidebar is the store's incidents (a GListStore, filled by one asynchronous list request)
 * behind a GtkFilterListModel: incidents are few, so searching and the open/closed filter run in
 * memory. The filter is applied when the search or the "sidebar-filter" setting changes, not when
 * an incident is edited: closing the incident being edited must not make it vanish under the
 * person's hands. For the same reason the content keeps showing its incident while a search hides
 * it from the list, and the list selects it again once it is listed.
 *
 * The window reads the database only through its DeskStore, asynchronously; its GCancellable
 * is cancelled in dispose, so no callback touches a window that is being destroyed.
 */

#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-accounts-page.h"
#include "desk-application.h"
#include "desk-customers-page.h"
#include "desk-history-page.h"
#include "desk-labels.h"
#include "desk-notifications-page.h"
#include "desk-overview-page.h"
#include "desk-remediation-page.h"
#include "desk-window-private.h"

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_MODE,
  PROP_OVERDUE,
  N_PROPS
};

/* How often the overdue counts are taken again: deadlines pass while nobody edits anything. */
#define OVERDUE_SECONDS 60

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

static gboolean
is_page (DeskWindow *self,
         const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), name) == 0;
}

static void
update_back_button (DeskWindow *self)
{
  gboolean has_incidents = g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) > 0;

  /* With no incidents the sidebar has nothing to offer: the content's "No Incidents" page, with
   * its New Incident button, is the whole window. */
  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) && has_incidents);
}

/* The content's header: the page switcher while an incident is shown, the incident's menu, and
 * the main menu when the sidebar that holds it is out of reach. */
static void
update_header (DeskWindow *self)
{
  gboolean showing_incident = is_page (self, "incident");
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, showing_incident);
  gtk_widget_set_visible (self->incident_menu_button, showing_incident);
  gtk_widget_set_visible (self->content_menu_button, folded && is_page (self, "empty"));

  /* Narrow, the switcher moves from the header to the bottom of the window. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar, showing_incident && narrow);
}

/* An empty list because of the search or the filter says so; an empty database is the content's
 * business ("No Incidents"). */
static void
update_sidebar (DeskWindow *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) > 0;
  gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, any && !shown ? "no-results" : "list");
  gtk_widget_set_visible (self->show_all_button,
                          self->sidebar_filter != DESK_SIDEBAR_FILTER_ALL);
}

static void
update_page (DeskWindow *self)
{
  const char *page;

  if (!self->loaded)
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) == 0)
    page = "empty";
  else if (self->incident == NULL)
    page = "select";
  else
    page = "incident";

  gtk_stack_set_visible_child_name (self->content_stack, page);

  if (g_str_equal (page, "empty"))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  update_back_button (self);
  update_header (self);
  update_sidebar (self);
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

/* Returns: the position of @incident in the sidebar, or GTK_INVALID_LIST_POSITION when the search
 * or the filter hides it */
static guint
find_shown (DeskWindow   *self,
            DeskIncident *incident)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskIncident) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item == incident)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
foreach_page (DeskWindow *self,
              void      (*func) (DeskIncidentPage *page, gpointer data),
              gpointer    data)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (DESK_IS_INCIDENT_PAGE (child))
        func (DESK_INCIDENT_PAGE (child), data);
    }
}

static void
set_page_store (DeskIncidentPage *page,
                gpointer          store)
{
  desk_incident_page_set_store (page, store);
}

static void
set_page_incident (DeskIncidentPage *page,
                   gpointer          incident)
{
  desk_incident_page_set_incident (page, incident);
}

/* The header's subtitle: "Investigating · High · 14 Apr 2026", like the incident's row. */
static void
update_subtitle (DeskWindow *self)
{
  g_autoptr(DeskIncident) incident = g_signal_group_dup_target (self->incident_signals);
  g_autofree char *summary = NULL;

  if (incident != NULL)
    summary = desk_incident_summary (desk_record_get_enum (DESK_RECORD (incident), "status"),
                                     desk_record_get_enum (DESK_RECORD (incident), "severity"),
                                     desk_record_get_int (DESK_RECORD (incident), "detected-at"),
                                     NULL);

  adw_view_switcher_title_set_subtitle (self->switcher_title, summary);
}

static void
show_incident (DeskWindow   *self,
               DeskIncident *incident)
{
  if (!g_set_object (&self->incident, incident))
    {
      update_page (self);
      return;
    }

  g_binding_group_set_source (self->incident_bindings, incident);
  g_signal_group_set_target (self->incident_signals, incident);
  if (incident == NULL)
    adw_view_switcher_title_set_title (self->switcher_title, NULL);
  update_subtitle (self);

  foreach_page (self, set_page_incident, incident);

  update_page (self);
  _desk_window_actions_update (self);
}

static void show_incident_by_uuid (DeskWindow *self,
                                   const char *uuid,
                                   gboolean    reload);

static void
on_incidents_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean select_first = self->select_first_on_load;
  gboolean first_load = !self->loaded;
  g_autofree char *incident_to_show = NULL;

  records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (records == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->select_first_on_load = FALSE;
  incident_to_show = g_steal_pointer (&self->incident_to_show);

  if (records == NULL)
    {
      _desk_window_show_error (self, _("Could not read the incidents"), error);
    }
  else
    {
      g_list_store_splice (self->incidents, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->incidents)),
                           records->pdata, records->len);
    }

  self->loaded = TRUE;

  /* Asked for (sample data just loaded): show the first incident. Otherwise, side by side, show
   * the newest incident rather than an empty pane; folded, start on the list. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      if (select_first)
        gtk_single_selection_set_selected (self->selection, 0);
      else if (!adw_leaflet_get_folded (self->leaflet))
        select_quietly (self, 0);

      /* The window opened on an empty list, which could not take the focus. */
      if (first_load)
        gtk_widget_grab_focus (GTK_WIDGET (self->incident_list));
    }

  update_page (self);
  _desk_window_actions_update (self);

  if (incident_to_show != NULL)
    show_incident_by_uuid (self, incident_to_show, FALSE);
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
/* Search and filter {{{ */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_incident (gpointer item,
                 gpointer user_data)
{
  DeskWindow *self = user_data;
  DeskRecord *incident = item;
  gboolean closed = desk_record_get_enum (incident, "status") == DESK_INCIDENT_STATUS_CLOSED;

  if (self->sidebar_filter == DESK_SIDEBAR_FILTER_OPEN && closed)
    return FALSE;
  if (self->sidebar_filter == DESK_SIDEBAR_FILTER_CLOSED && !closed)
    return FALSE;

  if (self->search_text == NULL)
    return TRUE;

  return contains_casefolded (desk_record_get_string (incident, "title"), self->search_text)
         || contains_casefolded (desk_record_get_string (incident, "service"), self->search_text);
}

static void
refilter (DeskWindow *self)
{
  self->refiltering = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->refiltering = FALSE;

  /* The incident shown is listed (again): select it. */
  if (self->incident != NULL
      && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      guint position = find_shown (self, self->incident);

      if (position != GTK_INVALID_LIST_POSITION)
        select_quietly (self, position);
    }

  update_sidebar (self);
}

static void
update_sidebar_filter (DeskWindow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "sidebar-filter");
  DeskSidebarFilter filter = DESK_SIDEBAR_FILTER_ALL;

  if (g_str_equal (value, "open"))
    filter = DESK_SIDEBAR_FILTER_OPEN;
  else if (g_str_equal (value, "closed"))
    filter = DESK_SIDEBAR_FILTER_CLOSED;

  if (filter == self->sidebar_filter)
    return;

  self->sidebar_filter = filter;
  refilter (self);
}

static void
set_search_text (DeskWindow *self,
                 const char *text)
{
  g_autofree char *folded = NULL;

  if (text != NULL && *text != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        folded = g_utf8_casefold (stripped, -1);
    }

  if (g_strcmp0 (folded, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&folded);
  refilter (self);
}

static void
set_search_mode (DeskWindow *self,
                 gboolean    search_mode)
{
  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);

  /* The search is in the sidebar: bring it into view. */
  if (search_mode && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* Makes sure the sidebar can show @incident: an incident just created or restored must not hide
 * behind a search or a filter. */
static void
reveal_incident (DeskWindow   *self,
                 DeskIncident *incident)
{
  if (filter_incident (incident, self))
    return;

  set_search_mode (self, FALSE);
  set_search_text (self, NULL);

  if (!filter_incident (incident, self))
    {
      g_settings_set_string (self->settings, "sidebar-filter", "all");
      update_sidebar_filter (self);
    }
}

/* Shows the incident @uuid, as a reminder's click asks; one the list does not have yet (made
 * by idesk meanwhile) after reading the list again, if @reload. */
static void
show_incident_by_uuid (DeskWindow *self,
                       const char *uuid,
                       gboolean    reload)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->incidents));
  guint position;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskIncident) incident = g_list_model_get_item (G_LIST_MODEL (self->incidents), i);

      if (g_strcmp0 (desk_record_get_uuid (DESK_RECORD (incident)), uuid) != 0)
        continue;

      reveal_incident (self, incident);
      position = find_shown (self, incident);
      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, position);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }

  if (reload)
    {
      g_free (self->incident_to_show);
      self->incident_to_show = g_strdup (uuid);
      load_incidents (self);
    }
  else
    _desk_window_show_toast (self, _("The incident is no longer there"));
}

/* }}} */
/* Overdue counts {{{ */

static void
on_overdue_counted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *overdue;

  counts = desk_store_count_overdue_finish (DESK_STORE (object), result, &error);
  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_window_show_error (self, _("Could not count what is overdue"), error);
      return;
    }

  overdue = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint i = 0; i < counts->len; i++)
    {
      DeskOverdueCount *count = g_memdup2 (&g_array_index (counts, DeskOverdueCount, i),
                                           sizeof (DeskOverdueCount));

      g_hash_table_insert (overdue, &count->incident_id, count);
    }

  g_clear_pointer (&self->overdue, g_hash_table_unref);
  self->overdue = overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

static void
count_overdue (DeskWindow *self)
{
  desk_store_count_overdue_async (self->store, self->cancellable, on_overdue_counted_cb,
                                  g_object_ref (self));
}

static gboolean
count_overdue_timeout_cb (gpointer user_data)
{
  count_overdue (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
count_overdue_idle_cb (gpointer user_data)
{
  DeskWindow *self = user_data;

  self->overdue_idle_id = 0;
  count_overdue (self);
  return G_SOURCE_REMOVE;
}

/* Counts again once the current changes are done: a page that read its incident again after an
 * edit may have made something overdue, or done. */
static void
schedule_overdue_count (DeskWindow *self)
{
  if (self->store != NULL && self->overdue_idle_id == 0)
    self->overdue_idle_id = g_idle_add_full (G_PRIORITY_LOW, count_overdue_idle_cb, self, NULL);
}

static void
on_page_loading_cb (DeskWindow       *self,
                    GParamSpec       *pspec,
                    DeskIncidentPage *page)
{
  if (!desk_incident_page_is_loading (page))
    schedule_overdue_count (self);
}

static void
follow_page_loading (DeskIncidentPage *page,
                     gpointer          self)
{
  g_signal_connect_object (page, "notify::loading", G_CALLBACK (on_page_loading_cb), self,
                           G_CONNECT_SWAPPED);
}

static DeskOverdueCount *
lookup_overdue (GHashTable   *overdue,
                DeskIncident *incident)
{
  gint64 id = incident ? desk_record_get_id (DESK_RECORD (incident)) : 0;

  return overdue ? g_hash_table_lookup (overdue, &id) : NULL;
}

/* The sidebar's badge: what of @incident is overdue, e.g. "3 overdue"; "" for nothing. */
static char *
overdue_text (GtkListItem  *list_item,
              DeskIncident *incident,
              GHashTable   *overdue,
              gpointer      user_data)
{
  DeskOverdueCount *count = lookup_overdue (overdue, incident);
  gint64 n = count ? count->obligations + count->notices : 0;

  if (n == 0)
    return g_strdup ("");

  /* Translators: the badge beside an incident in the sidebar, e.g. "3 overdue" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld overdue", "%lld overdue", n),
                          (long long) n);
}

/* The badge's tooltip and accessible description: what is overdue, e.g. "2 reports and 14
 * customer notices are past their deadline". */
static char *
overdue_details (GtkListItem  *list_item,
                 DeskIncident *incident,
                 GHashTable   *overdue,
                 gpointer      user_data)
{
  DeskOverdueCount *count = lookup_overdue (overdue, incident);
  g_autofree char *reports = NULL;
  g_autofree char *notices = NULL;

  if (count == NULL)
    return g_strdup ("");

  /* Translators: part of "2 reports and 14 notices are past their deadline" */
  reports = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld report", "%lld reports",
                                          count->obligations),
                             (long long) count->obligations);
  /* Translators: part of "2 reports and 14 notices are past their deadline" */
  notices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld notice", "%lld notices",
                                          count->notices),
                             (long long) count->notices);
  /* Translators: the tooltip of the sidebar's overdue badge, e.g. "2 reports and 14 notices are
   * past their deadline" */
  return g_strdup_printf (_("%s and %s are past their deadline"), reports, notices);
}

static gboolean
has_text (GtkListItem *list_item,
          const char  *text,
          gpointer     user_data)
{
  return text != NULL && *text != '\0';
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
  return desk_incident_summary (status, severity, detected_at, NULL);
}

static void
on_incident_row_setup_cb (DeskWindow               *self,
                          GtkListItem              *list_item,
                          GtkSignalListItemFactory *factory)
{
  GtkWidget *box, *title_box, *title, *badge, *summary;
  GtkExpression *item, *params[3], *overdue_params[2], *text;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  /* Two lines, so that incidents whose titles differ only at the end ("… — case 5") can be told
   * apart. */
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* Keep long titles from widening the sidebar: it is as wide as its width-request. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 20);
  gtk_widget_set_hexpand (title, TRUE);
  title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (box), title_box);

  /* What is overdue, in words: the colour repeats them. */
  badge = gtk_label_new (NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "tag");
  gtk_widget_add_css_class (badge, "overdue-badge");
  gtk_box_append (GTK_BOX (title_box), badge);

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

  overdue_params[0] = gtk_expression_ref (item);
  overdue_params[1] = gtk_property_expression_new (DESK_TYPE_WINDOW,
                                                   gtk_object_expression_new (G_OBJECT (self)),
                                                   "overdue");
  text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, overdue_params,
                                      G_CALLBACK (overdue_text), NULL, NULL);
  gtk_expression_bind (gtk_expression_ref (text), badge, "label", list_item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, &text,
                                                    G_CALLBACK (has_text), NULL, NULL),
                       badge, "visible", list_item);

  overdue_params[0] = gtk_expression_ref (item);
  overdue_params[1] = gtk_property_expression_new (DESK_TYPE_WINDOW,
                                                   gtk_object_expression_new (G_OBJECT (self)),
                                                   "overdue");
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, overdue_params,
                                                    G_CALLBACK (overdue_details), NULL, NULL),
                       badge, "tooltip-text", list_item);

  gtk_expression_unref (item);
}

/* }}} */
/* Callbacks {{{ */

static void
on_selection_changed_cb (DeskWindow *self)
{
  DeskIncident *incident = gtk_single_selection_get_selected_item (self->selection);

  /* A search or the filter hid the incident: it stays in the content all the same. */
  if (incident == NULL && self->refiltering)
    return;

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
  update_header (self);
}

static void
on_back_button_clicked_cb (DeskWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_switcher_title_visible_cb (DeskWindow *self)
{
  update_header (self);
}

static void
on_content_page_changed_cb (DeskWindow *self)
{
  update_header (self);
}

static void
on_search_changed_cb (DeskWindow *self)
{
  set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_show_all_clicked_cb (DeskWindow *self)
{
  g_settings_set_string (self->settings, "sidebar-filter", "all");
}

static gboolean
is_csv (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename ? g_ascii_strdown (basename, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".csv");
}

/* A .csv file dropped onto the window: an account list for the incident shown. */
static gboolean
on_drop_cb (DeskWindow    *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    if (is_csv (l->data))
      {
        _desk_window_import_file (self, l->data);
        return TRUE;
      }

  _desk_window_show_toast (self, _("Only CSV files can be imported"));
  return FALSE;
}

/* }}} */
/* GObject {{{ */

static void
desk_window_constructed (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  G_OBJECT_CLASS (desk_window_parent_class)->constructed (object);

  foreach_page (self, set_page_store, self->store);

  if (self->store != NULL)
    {
      load_incidents (self);
      foreach_page (self, follow_page_loading, self);
      schedule_overdue_count (self);
      self->overdue_timer_id = g_timeout_add_seconds (OVERDUE_SECONDS, count_overdue_timeout_cb,
                                                      self);
    }
  else
    self->loaded = TRUE;

  _desk_window_sync_init (self);
  update_page (self);
  _desk_window_actions_update (self);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  _desk_window_sync_dispose (self);
  g_clear_handle_id (&self->overdue_timer_id, g_source_remove);
  g_clear_handle_id (&self->overdue_idle_id, g_source_remove);

  if (self->incident_bindings != NULL)
    g_binding_group_set_source (self->incident_bindings, NULL);
  if (self->incident_signals != NULL)
    g_signal_group_set_target (self->incident_signals, NULL);

  /* The template's handlers must not run on a half-disposed window. */
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->incidents != NULL)
    g_signal_handlers_disconnect_by_data (self->incidents, self);
  if (self->content_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->content_stack, self);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  if (self->switcher_title != NULL)
    g_signal_handlers_disconnect_by_data (self->switcher_title, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->filtered != NULL)
    gtk_filter_list_model_set_filter (self->filtered, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);

  g_clear_object (&self->incident_bindings);
  g_clear_object (&self->incident_signals);
  g_clear_object (&self->filter);
  g_clear_object (&self->incident);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overdue, g_hash_table_unref);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_finalize (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->incident_to_show, g_free);

  G_OBJECT_CLASS (desk_window_parent_class)->finalize (object);
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

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;

    case PROP_OVERDUE:
      g_value_set_boxed (value, self->overdue);
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

    case PROP_SEARCH_MODE:
      set_search_mode (self, g_value_get_boolean (value));
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
  object_class->finalize = desk_window_finalize;
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

  /**
   * DeskWindow:search-mode:
   *
   * Whether the sidebar's search bar is shown (the win.search action, Ctrl+F).
   */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * DeskWindow:overdue:
   *
   * What is overdue, by incident: a #GHashTable from an incident's id (a #gint64) to its
   * #DeskOverdueCount; %NULL until counted. The sidebar's badges show it.
   */
  properties[PROP_OVERDUE] =
    g_param_spec_boxed ("overdue", NULL, NULL, G_TYPE_HASH_TABLE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_INCIDENT);
  g_type_ensure (DESK_TYPE_OVERVIEW_PAGE);
  g_type_ensure (DESK_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (DESK_TYPE_NOTIFICATIONS_PAGE);
  g_type_ensure (DESK_TYPE_REMEDIATION_PAGE);
  g_type_ensure (DESK_TYPE_HISTORY_PAGE);
  g_type_ensure (DESK_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (DESK_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, incident_list);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, incident_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sample_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, filtered);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, incidents);
  gtk_widget_class_bind_template_callback (widget_class, on_incident_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_incident_list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_incidents_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_content_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);

  _desk_window_class_actions_init (klass);
}

static void
desk_window_init (DeskWindow *self)
{
  g_autoptr(GSimpleActionGroup) settings_actions = g_simple_action_group_new ();
  g_autoptr(GAction) sidebar_filter = NULL;
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->incident_bindings = g_binding_group_new ();
  g_binding_group_bind (self->incident_bindings, "title",
                        self->switcher_title, "title",
                        G_BINDING_SYNC_CREATE);

  self->incident_signals = g_signal_group_new (DESK_TYPE_INCIDENT);
  g_signal_group_connect_object (self->incident_signals, "notify::status",
                                 G_CALLBACK (update_subtitle), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->incident_signals, "notify::severity",
                                 G_CALLBACK (update_subtitle), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->incident_signals, "notify::detected-at",
                                 G_CALLBACK (update_subtitle), self,
                                 G_CONNECT_SWAPPED);

  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  /* The main menu's "Show" radio items. */
  sidebar_filter = g_settings_create_action (self->settings, "sidebar-filter");
  g_action_map_add_action (G_ACTION_MAP (settings_actions), sidebar_filter);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings",
                                  G_ACTION_GROUP (settings_actions));

  self->filter = gtk_custom_filter_new (filter_incident, self, NULL);
  self->sidebar_filter = DESK_SIDEBAR_FILTER_ALL;
  update_sidebar_filter (self);
  gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  g_signal_connect_object (self->settings, "changed::sidebar-filter",
                           G_CALLBACK (update_sidebar_filter), self,
                           G_CONNECT_SWAPPED);

  /* Typing in the sidebar starts a search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar);

  /* A CSV file dropped anywhere on the window imports accounts into the incident shown. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
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

/* Returns: (transfer none) (nullable): the incident the content shows */
DeskIncident *
_desk_window_get_selected (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->incident;
}

/**
 * _desk_window_add_incident:
 * @position: where in the list of all incidents; past the end appends
 *
 * Puts @incident, just saved or restored, into the sidebar (clearing a search or a filter that
 * would hide it) and shows it.
 */
void
_desk_window_add_incident (DeskWindow   *self,
                           DeskIncident *incident,
                           guint         position)
{
  guint shown;

  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (DESK_IS_INCIDENT (incident));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->incidents)));
  g_list_store_insert (self->incidents, position, incident);

  reveal_incident (self, incident);
  shown = find_shown (self, incident);
  if (shown != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, shown);
}

/**
 * _desk_window_remove_incident:
 *
 * Takes @incident, just deleted, out of the sidebar. Side by side, its neighbour is shown in
 * its place; folded, the list is.
 *
 * Returns: where @incident was in the list of all incidents, for an undo to put it back, or
 *   GTK_INVALID_LIST_POSITION if it was not there
 */
guint
_desk_window_remove_incident (DeskWindow   *self,
                              DeskIncident *incident)
{
  guint position, shown, n_shown;

  g_return_val_if_fail (DESK_IS_WINDOW (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), GTK_INVALID_LIST_POSITION);

  if (!g_list_store_find (self->incidents, incident, &position))
    return GTK_INVALID_LIST_POSITION;

  shown = find_shown (self, incident);
  g_list_store_remove (self->incidents, position);

  /* Shown while a search hid it from the list, so its removal changed no selection. */
  if (self->incident == incident)
    show_incident (self, NULL);

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  else if (shown != GTK_INVALID_LIST_POSITION && n_shown > 0)
    select_quietly (self, MIN (shown, n_shown - 1));

  return position;
}

/**
 * _desk_window_reload:
 * @select_first: whether to show the first incident once the list is read
 *
 * Reads the list of incidents again, e.g. after sample data was added behind its back.
 */
void
_desk_window_reload (DeskWindow *self,
                     gboolean    select_first)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  self->select_first_on_load = !!select_first;
  load_incidents (self);
}

void
_desk_window_set_loading_sample_data (DeskWindow *self,
                                      gboolean    loading)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  self->loading_sample_data = !!loading;
  gtk_widget_set_visible (self->sample_spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->sample_spinner), loading);
  _desk_window_actions_update (self);
}

static void
reload_page (DeskIncidentPage *page,
             gpointer          data)
{
  desk_incident_page_reload (page);
}

/* Has every page of the incident read it again, e.g. after an import changed its figures. */
void
_desk_window_reload_pages (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  foreach_page (self, reload_page, NULL);
}

const char *
_desk_window_get_visible_page (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* Returns: "list", or "no-results" when the search or the filter hides every incident */
const char *
_desk_window_get_sidebar_page (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}

/* Returns: (transfer none): the model of the sidebar */
GListModel *
_desk_window_get_incidents (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* Returns: (transfer none): the stack of the incident's pages */
AdwViewStack *
_desk_window_get_view_stack (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->view_stack;
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

/**
 * desk_window_show_incident:
 * @uuid: the UUID of an incident of the window's store
 *
 * Shows the incident @uuid, e.g. when a reminder about it is clicked; once the list of
 * incidents is read, if it is being read.
 */
void
desk_window_show_incident (DeskWindow *self,
                           const char *uuid)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  g_return_if_fail (uuid != NULL);

  if (self->store == NULL)
    return;

  if (!self->loaded)
    {
      g_free (self->incident_to_show);
      self->incident_to_show = g_strdup (uuid);
      return;
    }

  show_incident_by_uuid (self, uuid, TRUE);
}

/* }}} */
