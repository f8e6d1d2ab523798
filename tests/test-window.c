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

#include "desk-labels.h"
#include "desk-test-utils.h"
#include "desk-window-private.h"

/* Helpers {{{ */

#define SPIN_TIMEOUT_SECONDS 10

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds, failing after SPIN_TIMEOUT_SECONDS. The timeout source
 * wakes the loop up so that the deadline is checked even when nothing else happens. */
#define SPIN_UNTIL(cond)                                                      \
  G_STMT_START {                                                              \
    gint64 deadline_ = g_get_monotonic_time ()                                \
                       + SPIN_TIMEOUT_SECONDS * G_USEC_PER_SEC;               \
    guint wake_id_ = g_timeout_add (10, wake_up, NULL);                       \
    while (!(cond) && g_get_monotonic_time () < deadline_)                    \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (wake_id_);                                               \
    g_assert_true (cond);                                                     \
  } G_STMT_END

/* Drops @object's last reference (if @unref) and waits for it to go: windows and stores may be
 * held a little longer by the callbacks of requests still finishing. */
static void
wait_for_finalize (gpointer object,
                   gboolean unref)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  if (unref)
    g_object_unref (object);
  SPIN_UNTIL (weak == NULL);
}

static void
destroy_window (DeskWindow *window)
{
  gpointer weak = window;

  /* The toplevel list owns the window; destroying it drops that reference. */
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  SPIN_UNTIL (weak == NULL);
}

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

/* }}} */
/* Fixture {{{ */

typedef struct
{
  char      *dir;
  DeskStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = desk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "incidents.db", NULL);
  fixture->store = desk_test_open_store (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_for_finalize (g_steal_pointer (&fixture->store), TRUE);
  desk_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
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

  destroy_window (window);
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
  g_assert_cmpstr (gtk_label_get_label (window->title_label), ==, "Untitled Incident");

  records = desk_store_list (fixture->store, DESK_TYPE_INCIDENT, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (desk_record_get_string (record, "title"), ==, "Untitled Incident");
  g_assert_cmpstr (desk_record_get_uuid (record), ==,
                   desk_record_get_uuid (DESK_RECORD (selected)));
  g_assert_cmpint (desk_record_get_int (record, "detected-at"), >, 0);

  /* Its figures arrive: a new incident has none yet. */
  SPIN_UNTIL (g_strcmp0 (gtk_label_get_label (window->contracts_label), "0") == 0);
  g_assert_cmpstr (gtk_label_get_label (window->notified_label), ==, "0 of 0");

  g_clear_object (&selected);
  destroy_window (window);
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

  /* Side by side, the newest incident is shown without being asked for. */
  SPIN_UNTIL (page_is (window, "incident"));
  g_assert_cmpstr (gtk_label_get_label (window->title_label), ==, "Mail service breach");
  g_assert_cmpstr (gtk_label_get_label (window->status_label), ==, "Investigating");
  g_assert_cmpstr (gtk_label_get_label (window->severity_label), ==, "High");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->severity_label), "high"));
  g_assert_cmpstr (gtk_label_get_label (window->detected_label), ==, "Detected 14 Apr 2026");

  /* No account list yet: the announced figures stand in. */
  SPIN_UNTIL (g_strcmp0 (gtk_label_get_label (window->potential_label), "4,072,650") == 0);
  g_assert_cmpstr (gtk_label_get_label (window->confirmed_label), ==, "311,288");
  g_assert_cmpstr (gtk_label_get_label (window->potential_caption), ==,
                   "Potentially affected accounts (estimate)");

  /* With nothing selected, the content says so. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "select");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (incidents), 0);
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "incident");

  /* An edit of the record shows at once. */
  desk_record_set_string (DESK_RECORD (listed), "title", "Webmail breach");
  g_assert_cmpstr (gtk_label_get_label (window->title_label), ==, "Webmail breach");
  desk_record_set_enum (DESK_RECORD (listed), "severity", DESK_SEVERITY_CRITICAL);
  g_assert_cmpstr (gtk_label_get_label (window->severity_label), ==, "Critical");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->severity_label), "high"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->severity_label), "critical"));

  g_clear_object (&listed);
  destroy_window (window);
}

/* Every button that shows no text needs a name for screen readers and a tooltip for the eye. */
static void
assert_buttons_named (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget)
      || (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget)
          && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))))
    {
      const char *label;

      if (GTK_IS_BUTTON (widget))
        label = gtk_button_get_label (GTK_BUTTON (widget));
      else
        label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (label == NULL)
        {
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
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

  SPIN_UNTIL (page_is (window, "empty"));
  assert_buttons_named (GTK_WIDGET (window));

  destroy_window (window);
}

static void
test_window_no_store (void)
{
  DeskWindow *window = open_window (NULL);

  g_assert_null (desk_window_get_store (window));
  g_assert_cmpstr (_desk_window_get_visible_page (window), ==, "empty");

  destroy_window (window);
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
                                                    g_date_time_to_unix (detected));
  g_autofree char *undated = desk_incident_summary (DESK_INCIDENT_STATUS_CLOSED,
                                                    DESK_SEVERITY_CRITICAL, 0);

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
  g_test_add ("/desk/window/existing-incident", Fixture, NULL,
              fixture_set_up, test_window_existing_incident, fixture_tear_down);
  g_test_add ("/desk/window/accessible", Fixture, NULL,
              fixture_set_up, test_window_accessible, fixture_tear_down);
  g_test_add_func ("/desk/window/no-store", test_window_no_store);
  g_test_add_func ("/desk/labels/count", test_labels_count);
  g_test_add_func ("/desk/labels/status", test_labels_status);
  g_test_add_func ("/desk/labels/summary", test_labels_summary);

  return g_test_run ();
}
