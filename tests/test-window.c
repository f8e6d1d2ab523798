/* test-window.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main window on a real temporary database, under Xvfb, and the pure label helpers it uses. */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "desk-accounts-page-private.h"
#include "desk-application.h"
#include "desk-demo.h"
#include "desk-import-dialog-private.h"
#include "desk-incident-page.h"
#include "desk-labels.h"
#include "desk-notifications-page-private.h"
#include "desk-preferences-window.h"
#include "desk-report-button.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"
#include "desk-window-private.h"

/* The six pages of an incident, in the view stack's order. */
static const char * const page_names[] = {
  "overview", "customers", "notifications", "remediation", "history", "accounts",
};

/* Helpers {{{ */

static DeskWindow *
open_window (DeskStore *store)
{
  DeskWindow *window = g_object_new (DESK_TYPE_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
page_is (DeskWindow *window,
         const char *name)
{
  return g_strcmp0 (_desk_window_get_visible_page (window), name) == 0;
}

static guint
n_shown (DeskWindow *window)
{
  return g_list_model_get_n_items (_desk_window_get_incidents (window));
}

static DeskIncident *
save_incident (DeskStore          *store,
               const char         *title,
               const char         *service,
               DeskIncidentStatus  status,
               gint64              detected_at)
{
  DeskIncident *incident = desk_incident_new (title);

  desk_record_set_string (DESK_RECORD (incident), "service", service);
  desk_record_set_enum (DESK_RECORD (incident), "status", status);
  desk_record_set_int (DESK_RECORD (incident), "detected-at", detected_at);
  return desk_test_save (store, incident);
}

/* Three incidents, newest first: two open, one closed. */
static void
save_three_incidents (DeskStore *store)
{
  g_autoptr(DeskIncident) mail = NULL;
  g_autoptr(DeskIncident) telecom = NULL;
  g_autoptr(DeskIncident) directory = NULL;

  mail = save_incident (store, "Webmail intrusion", "Example Mail Hosting",
                        DESK_INCIDENT_STATUS_INVESTIGATING, 1776000000);
  telecom = save_incident (store, "Partner app leak", "Mobile Carrier Portal",
                           DESK_INCIDENT_STATUS_CLOSED, 1775000000);
  directory = save_incident (store, "Directory server intrusion", "Corporate LDAP",
                             DESK_INCIDENT_STATUS_CONTAINED, 1774000000);
}

static guint
count_in_store (DeskStore *store)
{
  return desk_test_count (store, DESK_TYPE_INCIDENT, NULL, 0);
}

static DeskIncidentPage *
get_page (DeskWindow *window,
          const char *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (_desk_window_get_view_stack (window),
                                                       name);

  g_assert_true (DESK_IS_INCIDENT_PAGE (child));
  return DESK_INCIDENT_PAGE (child);
}

static guint
count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);
  guint count = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        count++;
    }

  return count;
}

static void
search_for (DeskWindow *window,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
}

/* }}} */
/* Fixture {{{ */

typedef struct
{
  char      *dir;
  DeskStore *store;
  GSettings *settings;
} Fixture;

/* Settings live in memory for the whole run: every test starts from the defaults. */
static void
reset_settings (GSettings *settings)
{
  g_settings_reset (settings, "sidebar-filter");
  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "default-channel");
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "paper-size");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  reset_settings (fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reset_settings (fixture->settings);
  g_clear_object (&fixture->settings);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

/* }}} */
/* Window {{{ */

static void
test_window_empty_state (Fixture       *fixture,
                         gconstpointer  data)
{
  DeskWindow *window = open_window (fixture->store);

  g_assert_true (desk_window_get_store (window) == fixture->store);

  SPIN_UNTIL (!page_is (window, "loading"));
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (_desk_window_get_incidents (window)), ==, 0);
  /* An empty database is the content's business, not a search without results. */
  g_assert_cmpstr (_desk_window_get_sidebar_page (window), ==, "list");

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_new_incident (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) selected = NULL;
  DeskWindow *window = open_window (fixture->store);
  GListModel *incidents = _desk_window_get_incidents (window);
  DeskRecord *record;

  SPIN_UNTIL (page_is (window, "empty"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-incident", NULL));
  SPIN_UNTIL (g_list_model_get_n_items (incidents) == 1);
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "incident");

  /* The new incident is the selected one, and it is in the database. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (incidents)), ==, 0);
  selected = g_list_model_get_item (incidents, 0);
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (selected)), >, 0);
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==,
                   "Untitled Incident");
  g_assert_true (desk_incident_page_get_incident (get_page (window, "overview")) == selected);

  records = desk_store_list (fixture->store, DESK_TYPE_INCIDENT, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (desk_record_get_string (record, "title"), ==, "Untitled Incident");
  g_assert_cmpstr (desk_record_get_uuid (record), ==,
                   desk_record_get_uuid (DESK_RECORD (selected)));
  g_assert_cmpint (desk_record_get_int (record, "detected-at"), >, 0);

  g_clear_object (&selected);
  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* A new incident must not hide behind a search or the filter. */
static void
test_window_new_incident_revealed (Fixture       *fixture,
                                   gconstpointer  data)
{
  DeskWindow *window;
  DeskIncident *selected;

  save_three_incidents (fixture->store);
  g_settings_set_string (fixture->settings, "sidebar-filter", "closed");

  window = open_window (fixture->store);
  SPIN_UNTIL (n_shown (window) == 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search_for (window, "partner");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-incident", NULL));

  SPIN_UNTIL (count_in_store (fixture->store) == 4 && n_shown (window) == 4);
  selected = _desk_window_get_selected (window);
  g_assert_nonnull (selected);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (selected), "title"), ==,
                   "Untitled Incident");
  g_assert_false (window->search_mode);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "sidebar-filter"), ==, "all");

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_existing_incident (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_incident_new ("Mail service breach");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) detected = g_date_time_new_local (2026, 4, 14, 12, 0, 0);
  g_autoptr(DeskIncident) listed = NULL;
  DeskWindow *window;
  GListModel *incidents;

  desk_record_set_enum (DESK_RECORD (incident), "status", DESK_INCIDENT_STATUS_INVESTIGATING);
  desk_record_set_enum (DESK_RECORD (incident), "severity", DESK_SEVERITY_HIGH);
  desk_record_set_int (DESK_RECORD (incident), "detected-at", g_date_time_to_unix (detected));
  desk_record_set_int (DESK_RECORD (incident), "estimated-potential", 4072650);
  desk_record_set_int (DESK_RECORD (incident), "estimated-confirmed", 311288);
  g_assert_true (desk_store_save (fixture->store, DESK_RECORD (incident), &error));
  g_assert_no_error (error);

  window = open_window (fixture->store);
  incidents = _desk_window_get_incidents (window);

  SPIN_UNTIL (g_list_model_get_n_items (incidents) == 1);
  listed = g_list_model_get_item (incidents, 0);
  g_assert_cmpstr (desk_record_get_uuid (DESK_RECORD (listed)), ==,
                   desk_record_get_uuid (DESK_RECORD (incident)));

  /* Side by side, the newest incident is shown without being asked for, with the pages'
   * switcher in the header. */
  SPIN_UNTIL (page_is (window, "incident"));
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==,
                   "Mail service breach");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==,
                   "Investigating · High · 14 Apr 2026");
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  g_assert_true (gtk_widget_get_visible (window->incident_menu_button));

  /* With nothing selected, the content says so. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "select");
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  g_assert_false (gtk_widget_get_visible (window->incident_menu_button));
  g_assert_false (adw_view_switcher_bar_get_reveal (window->switcher_bar));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==, "");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), 0);
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "incident");

  /* An edit of the record shows at once. */
  desk_record_set_string (DESK_RECORD (listed), "title", "Webmail breach");
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==,
                   "Webmail breach");
  desk_record_set_enum (DESK_RECORD (listed), "severity", DESK_SEVERITY_CRITICAL);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==,
                   "Investigating · Critical · 14 Apr 2026");

  g_clear_object (&listed);
  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkIconTheme *icons = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkSelectionModel) pages = NULL;
  DeskWindow *window;
  GListModel *incidents;
  DeskIncident *selected;

  save_three_incidents (fixture->store);
  window = open_window (fixture->store);
  incidents = _desk_window_get_incidents (window);
  SPIN_UNTIL (page_is (window, "incident"));

  /* Six pages, in order, each an incident page of the window's store. */
  pages = adw_view_stack_get_pages (_desk_window_get_view_stack (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==,
                    G_N_ELEMENTS (page_names));
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, page_names[i]);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_true (gtk_icon_theme_has_icon (icons, adw_view_stack_page_get_icon_name (page)));
      g_assert_true (DESK_IS_INCIDENT_PAGE (child));
      g_assert_true (desk_incident_page_get_store (DESK_INCIDENT_PAGE (child)) == fixture->store);
    }

  /* Every page follows the selection. */
  for (guint position = 0; position < 2; position++)
    {
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), position);
      selected = _desk_window_get_selected (window);
      g_assert_nonnull (selected);
      for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
        g_assert_true (desk_incident_page_get_incident (get_page (window, page_names[i]))
                       == selected);
    }

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    g_assert_null (desk_incident_page_get_incident (get_page (window, page_names[i])));

  /* Alt+1…6 switch pages. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "remediation"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_desk_window_get_view_stack (window)),
                   ==, "remediation");

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static gboolean
clipboard_starts_with (GdkClipboard *clipboard,
                       const char   *prefix)
{
  g_autofree char *text = desk_test_get_clipboard_text (clipboard);

  return text != NULL && g_str_has_prefix (text, prefix);
}

/* The actions of @menu, in order, all with @target. */
static void
assert_menu_actions (GMenuModel         *menu,
                     const char * const *actions,
                     GVariant           *target)
{
  g_autoptr(GVariant) expected = g_variant_ref_sink (target);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, g_strv_length ((char **) actions));
  for (int item = 0; actions[item] != NULL; item++)
    {
      g_autoptr(GVariant) item_target = NULL;
      g_autofree char *action = NULL;

      item_target = g_menu_model_get_item_attribute_value (menu, item, G_MENU_ATTRIBUTE_TARGET,
                                                           NULL);
      g_assert_true (g_menu_model_get_item_attribute (menu, item, G_MENU_ATTRIBUTE_ACTION, "s",
                                                      &action));
      g_assert_cmpstr (action, ==, actions[item]);
      g_assert_true (g_variant_equal (item_target, expected));
    }
}

/* Returns: (transfer none) (nullable): the Export split button of the page @name */
static AdwSplitButton *
find_report_button (DeskWindow *window,
                    const char *name)
{
  GtkWidget *found = desk_test_find_widget (GTK_WIDGET (get_page (window, name)),
                                            DESK_TYPE_REPORT_BUTTON);

  return found != NULL ? ADW_SPLIT_BUTTON (gtk_widget_get_first_child (found)) : NULL;
}

/* Overview, Notifications and Remediation each have an Export button for their report (the
 * status report, the ledger, the checklists), wide and narrow; its menu prints and copies the
 * same report. Other pages have none, and the content's header has none. */
static void
test_window_report_buttons (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct
  {
    const char *page;
    const char *what;
    const char *tooltip;
  } pages[] = {
    { "overview", "status", "Export Status Report" },
    { "customers", NULL, NULL },
    { "notifications", "ledger", "Export Notification Ledger" },
    { "remediation", "checklists", "Export Remediation Checklists" },
    { "history", NULL, NULL },
  };
  static const char * const dropdown[] = { "win.print-report", "win.copy-report", NULL };
  static const int widths[] = { 1280, 360 };
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_demo_populate (fixture->store, &error));
  g_assert_no_error (error);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      DeskWindow *window = g_object_new (DESK_TYPE_WINDOW, "store", fixture->store,
                                         "default-width", widths[w], "default-height", 720,
                                         NULL);
      GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
      g_autoptr(GVariant) copy_target = NULL;
      AdwSplitButton *status_button;

      gtk_window_present (GTK_WINDOW (window));
      SPIN_UNTIL (adw_leaflet_get_folded (window->leaflet) == (widths[w] == 360));
      SPIN_UNTIL (g_list_model_get_n_items (_desk_window_get_incidents (window)) > 0);
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION
                                           (_desk_window_get_incidents (window)), 0);
      SPIN_UNTIL (page_is (window, "incident"));
      /* Folded, the sidebar comes first: the incident's pages, as Enter on its row shows them */
      adw_leaflet_set_visible_child (window->leaflet, window->content);
      g_assert_null (desk_test_find_widget (gtk_widget_get_first_child (window->content),
                                            ADW_TYPE_SPLIT_BUTTON));

      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          DeskIncidentPage *page = get_page (window, pages[i].page);
          AdwSplitButton *button;

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                     pages[i].page));
          desk_test_wait_for_page (page);
          button = find_report_button (window, pages[i].page);
          if (pages[i].what == NULL)
            {
              g_assert_null (button);
              continue;
            }

          g_assert_nonnull (button);
          SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (button)));
          g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
          g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                           "win.export-report");
          g_assert_true (g_variant_equal (gtk_actionable_get_action_target_value
                                            (GTK_ACTIONABLE (button)),
                                          g_variant_new ("(ss)", pages[i].what, "")));
          g_assert_cmpstr (gtk_widget_get_tooltip_text
                             (gtk_widget_get_first_child (GTK_WIDGET (button))),
                           ==, pages[i].tooltip);
          assert_menu_actions (adw_split_button_get_menu_model (button), dropdown,
                               g_variant_new ("(ss)", pages[i].what, ""));
        }

      /* Copy as Markdown, from the Overview's menu: the status report. */
      status_button = find_report_button (window, "overview");
      copy_target = g_menu_model_get_item_attribute_value
                      (adw_split_button_get_menu_model (status_button), 1,
                       G_MENU_ATTRIBUTE_TARGET, NULL);
      gdk_clipboard_set_text (clipboard, "");
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (status_button),
                                                         "win.copy-report", copy_target));
      SPIN_UNTIL (clipboard_starts_with (clipboard, "# Incident status report: "));
      desk_test_destroy_window (GTK_WINDOW (window), NULL);
    }
}

static void
test_window_search (Fixture       *fixture,
                    gconstpointer  data)
{
  DeskWindow *window;
  DeskIncident *shown;
  GtkSingleSelection *selection;

  save_three_incidents (fixture->store);
  g_settings_set_string (fixture->settings, "sidebar-filter", "all");

  window = open_window (fixture->store);
  SPIN_UNTIL (n_shown (window) == 3);
  SPIN_UNTIL (page_is (window, "incident"));
  shown = _desk_window_get_selected (window);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (shown), "title"), ==,
                   "Webmail intrusion");

  /* Ctrl+F */
  g_assert_false (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));

  /* By title, whatever the case. */
  search_for (window, "INTRUSION");
  SPIN_UNTIL (n_shown (window) == 2);

  /* By service. */
  search_for (window, "mobile carrier");
  SPIN_UNTIL (n_shown (window) == 1);
  g_assert_cmpstr (_desk_window_get_sidebar_page (window), ==, "list");

  /* Nothing matches: the sidebar says so. The incident shown stays in view. */
  search_for (window, "no such incident");
  SPIN_UNTIL (n_shown (window) == 0);
  g_assert_cmpstr (_desk_window_get_sidebar_page (window), ==, "no-results");
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "incident");
  g_assert_true (_desk_window_get_selected (window) == shown);
  g_assert_true (desk_incident_page_get_incident (get_page (window, "overview")) == shown);

  /* Ctrl+F again closes the search and shows everything, the shown incident selected again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_false (gtk_search_bar_get_search_mode (window->search_bar));
  SPIN_UNTIL (n_shown (window) == 3);
  g_assert_cmpstr (_desk_window_get_sidebar_page (window), ==, "list");
  selection = GTK_SINGLE_SELECTION (_desk_window_get_incidents (window));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  DeskWindow *window;
  GListModel *incidents;

  save_three_incidents (fixture->store);

  /* Open incidents by default: the closed one is hidden. */
  window = open_window (fixture->store);
  incidents = _desk_window_get_incidents (window);
  SPIN_UNTIL (page_is (window, "incident"));
  g_assert_cmpuint (n_shown (window), ==, 2);
  for (guint i = 0; i < n_shown (window); i++)
    {
      g_autoptr(DeskIncident) incident = g_list_model_get_item (incidents, i);

      g_assert_cmpint (desk_record_get_enum (DESK_RECORD (incident), "status"), !=,
                       DESK_INCIDENT_STATUS_CLOSED);
    }

  /* The main menu's radio items. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "settings.sidebar-filter",
                                             "s", "closed"));
  SPIN_UNTIL (n_shown (window) == 1);
  {
    g_autoptr(DeskIncident) closed = g_list_model_get_item (incidents, 0);

    g_assert_cmpstr (desk_record_get_string (DESK_RECORD (closed), "title"), ==,
                     "Partner app leak");
  }
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "sidebar-filter"), ==, "closed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "settings.sidebar-filter",
                                             "s", "all"));
  SPIN_UNTIL (n_shown (window) == 3);
  g_assert_false (gtk_widget_get_visible (window->show_all_button));

  /* A search with no result under a filter offers to show everything. */
  g_settings_set_string (fixture->settings, "sidebar-filter", "open");
  SPIN_UNTIL (n_shown (window) == 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search_for (window, "partner");
  SPIN_UNTIL (n_shown (window) == 0);
  g_assert_cmpstr (_desk_window_get_sidebar_page (window), ==, "no-results");
  g_assert_true (gtk_widget_get_visible (window->show_all_button));
  g_signal_emit_by_name (window->show_all_button, "clicked");
  SPIN_UNTIL (n_shown (window) == 1);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "sidebar-filter"), ==, "all");

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_delete_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskIncident) victim = NULL;
  g_autofree char *uuid = NULL;
  DeskWindow *window;
  GListModel *incidents;
  GtkWidget *undo;

  save_three_incidents (fixture->store);
  g_settings_set_string (fixture->settings, "sidebar-filter", "all");

  window = open_window (fixture->store);
  incidents = _desk_window_get_incidents (window);
  SPIN_UNTIL (page_is (window, "incident"));
  g_assert_cmpuint (n_shown (window), ==, 3);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), 1);
  victim = g_object_ref (_desk_window_get_selected (window));
  uuid = g_strdup (desk_record_get_uuid (DESK_RECORD (victim)));

  /* Cancelled: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-incident", NULL));
  desk_test_respond_to_dialog ("cancel");
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_shown (window), ==, 3);
  g_assert_cmpuint (count_in_store (fixture->store), ==, 3);

  /* Confirmed: gone from the list and the store; its neighbour is shown instead. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-incident", NULL));
  desk_test_respond_to_dialog ("confirm");
  SPIN_UNTIL (n_shown (window) == 2);
  g_assert_cmpuint (count_in_store (fixture->store), ==, 2);
  g_assert_true (desk_record_get_deleted (DESK_RECORD (victim)));
  g_assert_nonnull (_desk_window_get_selected (window));
  g_assert_true (_desk_window_get_selected (window) != victim);

  /* Undo: back in the store, in its place in the list, and shown. */
  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (window->toast_overlay), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  SPIN_UNTIL (n_shown (window) == 3);
  g_assert_cmpuint (count_in_store (fixture->store), ==, 3);
  g_assert_false (desk_record_get_deleted (DESK_RECORD (victim)));
  g_assert_true (_desk_window_get_selected (window) == victim);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (incidents)), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeskIncident) stored = desk_store_lookup (fixture->store, DESK_TYPE_INCIDENT,
                                                        uuid, &error);

    g_assert_no_error (error);
    g_assert_nonnull (stored);
  }

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_sample_data (Fixture       *fixture,
                         gconstpointer  data)
{
  DeskWindow *window = open_window (fixture->store);
  GListModel *incidents = _desk_window_get_incidents (window);
  GtkWidget *button;

  g_settings_set_string (fixture->settings, "sidebar-filter", "all");
  SPIN_UNTIL (page_is (window, "empty"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample-data", NULL));
  /* Once is enough: the button is off, with a spinner, while the sample data is written. */
  button = gtk_widget_get_ancestor (window->sample_spinner, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.load-sample-data");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (window->sample_spinner));

  SPIN_UNTIL (g_list_model_get_n_items (incidents) >= 8);
  SPIN_UNTIL (page_is (window, "incident"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (incidents)), ==, 0);
  g_assert_false (gtk_widget_get_visible (window->sample_spinner));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpuint (count_in_store (fixture->store), >=, 8);

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* At 360 px the leaflet folds, the switcher moves to the bottom and no page of the sample
 * incident asks for more room than that. (The window itself adds its frame.) */
static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskNotificationsPage *notifications;
  DeskWindow *window;
  const char *count;
  GtkWidget *label;

  g_assert_true (desk_demo_populate (fixture->store, &error));
  g_assert_no_error (error);
  window = g_object_new (DESK_TYPE_WINDOW, "store", fixture->store, "default-width", 360,
                         "default-height", 720, NULL);
  gtk_window_present (GTK_WINDOW (window));
  SPIN_UNTIL (adw_leaflet_get_folded (window->leaflet));
  /* Folded, the sidebar comes first: a click on the incident shows its pages */
  SPIN_UNTIL (g_list_model_get_n_items (_desk_window_get_incidents (window)) > 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (_desk_window_get_incidents (window)), 0);
  SPIN_UNTIL (adw_view_switcher_bar_get_reveal (window->switcher_bar));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      DeskIncidentPage *page = get_page (window, page_names[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 page_names[i]));
      desk_test_wait_for_page (page);
      g_assert_cmpint (minimum_width (GTK_WIDGET (page)), <=, 360);
      g_assert_cmpint (minimum_width (GTK_WIDGET (window->leaflet)), <=, 360);
    }

  /* The ledger's count is read whole: its buttons go below it rather than cut it short. */
  notifications = DESK_NOTIFICATIONS_PAGE (get_page (window, "notifications"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "notifications"));
  desk_test_wait_for_page (notifications);
  count = _desk_notifications_page_get_selection_text (notifications);
  g_assert_cmpstr (count, ==, "606 customers");
  SPIN_UNTIL ((label = desk_test_find_label (GTK_WIDGET (notifications), count)) != NULL
              && gtk_widget_get_width (label) > 0
              && !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* A CSV file given to the window (as the file chooser or a drop does) opens the import dialog for
 * the incident shown; once imported, the pages read the incident again; "Show Accounts" of a
 * customer opens the Accounts page on it. */
static void
test_window_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  DeskAccountsPage *accounts;
  DeskImportDialog *dialog;
  DeskWindow *window;

  g_file_set_contents (path,
                       "account,customer_id,customer_name\n"
                       "a@example.jp,C-1,Hanamura Trading\n"
                       "b@example.jp,C-1,Hanamura Trading\n"
                       "c@example.jp,C-2,Kitano Works\n", -1, &error);
  g_assert_no_error (error);

  save_three_incidents (fixture->store);
  window = open_window (fixture->store);
  SPIN_UNTIL (page_is (window, "incident"));
  accounts = DESK_ACCOUNTS_PAGE (get_page (window, "accounts"));

  _desk_window_import_file (window, file);
  SPIN_UNTIL ((dialog = (DeskImportDialog *) desk_test_find_toplevel (DESK_TYPE_IMPORT_DIALOG))
              != NULL);
  g_assert_true (desk_import_dialog_get_incident (dialog) == _desk_window_get_selected (window));
  /* One import at a time: another file dropped meanwhile brings the dialog forward. */
  _desk_window_import_file (window, file);
  g_assert_cmpuint (count_toplevels (DESK_TYPE_IMPORT_DIALOG), ==, 1);
  SPIN_UNTIL (g_str_equal (_desk_import_dialog_get_state (dialog), "preview"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  SPIN_UNTIL (count_toplevels (DESK_TYPE_IMPORT_DIALOG) == 0);

  /* A hidden page reads the incident again when it comes into view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "accounts"));
  SPIN_UNTIL (g_strcmp0 (_desk_accounts_page_get_count_text (accounts), "3 accounts") == 0
              && !desk_incident_page_is_loading (DESK_INCIDENT_PAGE (accounts)));

  /* "Show Accounts" of C-1 */
  customer = desk_store_find_customer (fixture->store, "C-1", &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-accounts", "(xss)",
                                             desk_record_get_id (DESK_RECORD (customer)),
                                             "C-1", "Hanamura Trading"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_desk_window_get_view_stack (window)),
                   ==, "accounts");
  SPIN_UNTIL (g_strcmp0 (_desk_accounts_page_get_count_text (accounts),
                         "2 matching accounts") == 0
              && !desk_incident_page_is_loading (DESK_INCIDENT_PAGE (accounts)));
  g_assert_cmpstr (_desk_accounts_page_get_customer_text (accounts), ==,
                   "Contract C-1 — Hanamura Trading");

  /* With no incident shown there is nothing to import into. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (_desk_window_get_incidents (window)),
                                     GTK_INVALID_LIST_POSITION);
  _desk_window_import_file (window, file);
  g_assert_cmpuint (count_toplevels (DESK_TYPE_IMPORT_DIALOG), ==, 0);

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "app.db", NULL);
  g_autoptr(GError) error = NULL;
  DeskApplication *app;
  DeskStore *store;
  GtkWindow *preferences;
  GtkWidget *name_row;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  /* The real application on its own database: it is what makes the store follow the setting. */
  g_setenv ("INCIDENT_DESK_DB", path, TRUE);
  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  store = desk_application_get_store (app);
  g_assert_nonnull (store);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = desk_test_find_toplevel (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preferences)));

  /* Opening them again shows the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_cmpuint (count_toplevels (DESK_TYPE_PREFERENCES_WINDOW), ==, 1);

  /* Your Name is the store's actor, recorded in the audit log… */
  name_row = desk_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Aiko Tanaka");
  SPIN_UNTIL (g_strcmp0 (desk_store_get_actor (store), "Aiko Tanaka") == 0);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "user-name"), ==, "Aiko Tanaka");

  /* …and, when empty, the login's name. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  SPIN_UNTIL (g_strcmp0 (desk_store_get_actor (store), "Aiko Tanaka") != 0);
  g_assert_cmpstr (desk_store_get_actor (store), !=, "");

  /* The combo rows write the keys' values. */
  g_object_set (desk_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW),
                "selected", (guint) DESK_CHANNEL_PORTAL, NULL);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "default-channel"), ==, "portal");
  g_object_set (desk_test_find_row (GTK_WIDGET (preferences), "Paper Size"),
                "selected", 1u, NULL);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "paper-size"), ==, "letter");
  g_settings_set_string (fixture->settings, "color-scheme", "dark");
  SPIN_UNTIL (adw_style_manager_get_color_scheme (style_manager) == ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_reset (fixture->settings, "color-scheme");
  SPIN_UNTIL (adw_style_manager_get_color_scheme (style_manager) == ADW_COLOR_SCHEME_DEFAULT);

  desk_test_destroy_window (preferences, NULL);

  g_object_unref (app);
  g_unsetenv ("INCIDENT_DESK_DB");
}

/* Every button needs a name for screen readers, said once, and one that shows no text a tooltip
 * for the eye. */
static gboolean
is_library_button (GtkWidget *widget)
{
  GtkWidget *search_bar = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR);

  if (!GTK_IS_BUTTON (widget))
    return FALSE;

  /* GtkSearchBar's close button, never shown unless show-close-button is set. */
  if (search_bar != NULL && !gtk_widget_get_visible (widget)
      && !gtk_search_bar_get_show_close_button (GTK_SEARCH_BAR (search_bar)))
    return TRUE;

  /* AdwEntryRow's apply button: on libadwaita 1.2 it has a tooltip but no accessible name. */
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL
      && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)),
                    "adw-entry-apply-symbolic") == 0)
    return TRUE;

  return FALSE;
}

static void
assert_buttons_named (GtkWidget *widget)
{
  /* The arrows of GtkCalendar and the steppers of GtkSpinButton are GTK's own. */
  if (is_library_button (widget) || GTK_IS_CALENDAR (widget) || GTK_IS_SPIN_BUTTON (widget))
    return;

  if (GTK_IS_MENU_BUTTON (widget)
      || (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget)
          && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))))
    {
      g_autoptr(GList) mnemonic_labels = gtk_widget_list_mnemonic_labels (widget);
      gboolean has_name;

      has_name = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL);

      /* A label whose mnemonic is the button names it already: GTK 4.8 says a label property
       * too, one after the other ("_Save Save" for a button labelled "_Save"). */
      if (has_name && mnemonic_labels != NULL)
        g_error ("%s %p (%s) is named twice, by its label property and by its mnemonic label",
                 G_OBJECT_TYPE_NAME (widget), widget,
                 gtk_label_get_label (GTK_LABEL (mnemonic_labels->data)));

      /* A menu button's own label does not name it on GTK 4.8, only the button inside. */
      if (GTK_IS_MENU_BUTTON (widget) && !has_name)
        g_error ("GtkMenuButton %p has no accessible name", widget);

      if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
        {
          if (!has_name && mnemonic_labels == NULL)
            g_error ("%s %p has neither a label nor an accessible name",
                     G_OBJECT_TYPE_NAME (widget), widget);
          /* The window controls are GTK's own; ours must also have a tooltip. */
          if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL)
            g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_buttons_named (child);
}

static void
test_window_accessible (Fixture       *fixture,
                        gconstpointer  data)
{
  DeskWindow *window = open_window (fixture->store);
  g_autoptr(DeskIncident) incident = NULL;
  GtkWindow *dialog = NULL;

  SPIN_UNTIL (page_is (window, "empty"));
  assert_buttons_named (GTK_WIDGET (window));
  desk_test_destroy_window (GTK_WINDOW (window), NULL);

  /* And with an incident's pages shown. */
  incident = save_incident (fixture->store, "Webmail intrusion", "Example Mail Hosting",
                            DESK_INCIDENT_STATUS_INVESTIGATING, 1776000000);
  window = open_window (fixture->store);
  SPIN_UNTIL (page_is (window, "incident"));
  assert_buttons_named (GTK_WIDGET (window));

  /* And a confirmation's responses. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-incident", NULL));
  SPIN_UNTIL ((dialog = desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  assert_buttons_named (GTK_WIDGET (dialog));
  desk_test_respond_to_dialog ("cancel");
  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

static void
test_window_no_store (void)
{
  DeskWindow *window = open_window (NULL);

  g_assert_null (desk_window_get_store (window));
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "empty");

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* }}} */
/* Labels {{{ */

static void
test_labels_count (void)
{
  static const struct {
    gint64      count;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 586, "586" },
    { 1000, "1,000" },
    { 311288, "311,288" },
    { 4072650, "4,072,650" },
    { -1234567, "-1,234,567" },
    { G_MAXINT64, "9,223,372,036,854,775,807" },
    { G_MININT64, "-9,223,372,036,854,775,808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = desk_format_count (cases[i].count);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_labels_status (void)
{
  static const char * const statuses[] = {
    "Detected", "Investigating", "Contained", "Recovered", "Closed",
  };
  static const char * const severities[] = {
    "Low", "Medium", "High", "Critical",
  };
  g_autoptr(GEnumClass) status_class = g_type_class_ref (DESK_TYPE_INCIDENT_STATUS);
  g_autoptr(GEnumClass) severity_class = g_type_class_ref (DESK_TYPE_SEVERITY);

  /* Every value has a label, so a value added to the enum fails here until it gets one. */
  g_assert_cmpuint (status_class->n_values, ==, G_N_ELEMENTS (statuses));
  for (guint i = 0; i < status_class->n_values; i++)
    g_assert_cmpstr (desk_incident_status_label (status_class->values[i].value), ==,
                     statuses[i]);

  g_assert_cmpuint (severity_class->n_values, ==, G_N_ELEMENTS (severities));
  for (guint i = 0; i < severity_class->n_values; i++)
    g_assert_cmpstr (desk_severity_label (severity_class->values[i].value), ==, severities[i]);
}

static void
test_labels_summary (void)
{
  g_autoptr(GDateTime) detected = g_date_time_new_local (2026, 4, 14, 9, 30, 0);
  g_autofree char *date = desk_format_date (g_date_time_to_unix (detected));
  g_autofree char *summary = desk_incident_summary (DESK_INCIDENT_STATUS_INVESTIGATING,
                                                    DESK_SEVERITY_HIGH,
                                                    g_date_time_to_unix (detected), NULL);
  g_autofree char *undated = desk_incident_summary (DESK_INCIDENT_STATUS_CLOSED,
                                                    DESK_SEVERITY_CRITICAL, 0, NULL);

  g_assert_cmpstr (date, ==, "14 Apr 2026");
  g_assert_null (desk_format_date (0));
  g_assert_cmpstr (summary, ==, "Investigating · High · 14 Apr 2026");
  g_assert_cmpstr (undated, ==, "Closed · Critical");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/desk/window/empty-state", Fixture, NULL,
              fixture_set_up, test_window_empty_state, fixture_tear_down);
  g_test_add ("/desk/window/new-incident", Fixture, NULL,
              fixture_set_up, test_window_new_incident, fixture_tear_down);
  g_test_add ("/desk/window/new-incident-revealed", Fixture, NULL,
              fixture_set_up, test_window_new_incident_revealed, fixture_tear_down);
  g_test_add ("/desk/window/existing-incident", Fixture, NULL,
              fixture_set_up, test_window_existing_incident, fixture_tear_down);
  g_test_add ("/desk/window/pages", Fixture, NULL,
              fixture_set_up, test_window_pages, fixture_tear_down);
  g_test_add ("/desk/window/report-buttons", Fixture, NULL,
              fixture_set_up, test_window_report_buttons, fixture_tear_down);
  g_test_add ("/desk/window/search", Fixture, NULL,
              fixture_set_up, test_window_search, fixture_tear_down);
  g_test_add ("/desk/window/filter", Fixture, NULL,
              fixture_set_up, test_window_filter, fixture_tear_down);
  g_test_add ("/desk/window/delete-undo", Fixture, NULL,
              fixture_set_up, test_window_delete_undo, fixture_tear_down);
  g_test_add ("/desk/window/sample-data", Fixture, NULL,
              fixture_set_up, test_window_sample_data, fixture_tear_down);
  g_test_add ("/desk/window/narrow", Fixture, NULL,
              fixture_set_up, test_window_narrow, fixture_tear_down);
  g_test_add ("/desk/window/import", Fixture, NULL,
              fixture_set_up, test_window_import, fixture_tear_down);
  g_test_add ("/desk/window/accessible", Fixture, NULL,
              fixture_set_up, test_window_accessible, fixture_tear_down);
  g_test_add_func ("/desk/window/no-store", test_window_no_store);
  g_test_add ("/desk/preferences/settings", Fixture, NULL,
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add_func ("/desk/labels/count", test_labels_count);
  g_test_add_func ("/desk/labels/status", test_labels_status);
  g_test_add_func ("/desk/labels/summary", test_labels_summary);

  return g_test_run ();
}
