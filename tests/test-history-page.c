/* test-history-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The history page on a real temporary database, under Xvfb. The sentences themselves are
 * tested in test-history.c. */

#define G_LOG_DOMAIN "test-history-page"

#include "config.h"

#include <adwaita.h>

#include "desk-history-line.h"
#include "desk-history-page-private.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

/* 2026-04-14 09:30:00 UTC */
#define START 1776159000

/* Fixture {{{ */

typedef struct
{
  char            *dir;
  DeskStore       *store;
  gint64           now;
  DeskIncident    *incident;
  GtkWindow       *window;
  DeskHistoryPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->now = START;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);

  fixture->incident = desk_incident_new ("Webmail intrusion");
  desk_record_set_enum (DESK_RECORD (fixture->incident), "status",
                        DESK_INCIDENT_STATUS_INVESTIGATING);
  desk_test_save (fixture->store, fixture->incident);

  fixture->page = g_object_new (DESK_TYPE_HISTORY_PAGE, NULL);
  fixture->window = desk_test_present_page (GTK_WIDGET (fixture->page), 360, 640);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_destroy_window (fixture->window, fixture->page);

  g_clear_object (&fixture->incident);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

static void
show_incident (Fixture *fixture)
{
  desk_test_show_incident (fixture->page, fixture->store, fixture->incident);
}

static const char *
line_text (Fixture *fixture,
           guint    position)
{
  GListModel *lines = _desk_history_page_get_lines (fixture->page);
  g_autoptr(DeskHistoryLine) line = g_list_model_get_item (lines, position);

  g_assert_nonnull (line);
  return desk_history_line_get_text (line);
}

static guint
count_events (Fixture *fixture)
{
  return desk_test_count (fixture->store, DESK_TYPE_EVENT, "incident-id",
                          desk_record_get_id (DESK_RECORD (fixture->incident)));
}

/* }}} */
/* Page {{{ */

static void
test_page_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskIncident) unsaved = desk_incident_new ("Not in the database");

  /* Every saved incident has at least the line of its creation; one the store never saw has
   * none. */
  desk_record_set_id (DESK_RECORD (unsaved), 999);
  desk_test_show_incident (fixture->page, fixture->store, unsaved);

  g_assert_cmpstr (_desk_history_page_get_visible_state (fixture->page), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (_desk_history_page_get_lines (fixture->page)),
                    ==, 0);
}

static void
test_page_lists_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskEvent) event = NULL;
  GListModel *lines;

  /* Sato contains the incident a minute later; the vendor's fix comes two minutes after. */
  fixture->now = START + 60;
  desk_store_set_actor (fixture->store, "Sato");
  desk_record_set_enum (DESK_RECORD (fixture->incident), "status",
                        DESK_INCIDENT_STATUS_CONTAINED);
  desk_test_save (fixture->store, fixture->incident);

  event = desk_event_new (fixture->incident, START + 180, "Vendor published a fix");
  desk_record_set_string (DESK_RECORD (event), "actor", "Tanaka");
  desk_test_save (fixture->store, event);

  show_incident (fixture);

  g_assert_cmpstr (_desk_history_page_get_visible_state (fixture->page), ==, "history");
  lines = _desk_history_page_get_lines (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 4);

  /* Newest first, under one day's heading. */
  g_assert_cmpstr (line_text (fixture, 0), ==, "Today");
  g_assert_cmpstr (line_text (fixture, 1), ==, "Vendor published a fix");
  g_assert_cmpstr (line_text (fixture, 2), ==,
                   "Sato changed the status from Investigating to Contained");
  g_assert_cmpstr (line_text (fixture, 3), ==,
                   "Test Runner created the incident “Webmail intrusion”");

  {
    g_autoptr(DeskHistoryLine) day = g_list_model_get_item (lines, 0);
    g_autoptr(DeskHistoryLine) line = g_list_model_get_item (lines, 1);
    g_autoptr(DeskHistoryLine) change = g_list_model_get_item (lines, 2);

    g_assert_true (desk_history_line_is_day (day));
    g_assert_false (desk_history_line_is_day (line));
    g_assert_true (desk_history_line_get_event (line) != NULL);
    g_assert_null (desk_history_line_get_event (change));
    /* Who entered the event, and when; the full date in the tooltip. */
    g_assert_true (g_str_has_prefix (desk_history_line_get_detail (line), "Tanaka · "));
    g_assert_true (strstr (desk_history_line_get_tooltip (line), "2026") != NULL);
  }
}

static void
test_page_add_event (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) expected = NULL;
  DeskRecord *event;

  show_incident (fixture);

  /* Bad input is refused with a reason, and nothing is saved. */
  g_assert_false (_desk_history_page_add_event (fixture->page, "  ", "2026-04-14 10:00", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (_desk_history_page_add_event (fixture->page, "Fix published", "yesterday",
                                                &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (fixture), ==, 0);

  g_assert_true (_desk_history_page_add_event (fixture->page, " Vendor published a fix ",
                                               "2026-04-15 08:00", &error));
  g_assert_no_error (error);
  desk_test_wait_for_page (fixture->page);

  events = desk_store_list (fixture->store, DESK_TYPE_EVENT, "incident-id",
                            desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (desk_record_get_string (event, "text"), ==, "Vendor published a fix");
  g_assert_cmpstr (desk_record_get_string (event, "actor"), ==, "Test Runner");
  expected = g_date_time_new_local (2026, 4, 15, 8, 0, 0);
  g_assert_cmpint (desk_record_get_int (event, "happened-at"), ==,
                   g_date_time_to_unix (expected));

  /* The page shows it: the newest line of the history. */
  g_assert_cmpstr (line_text (fixture, 1), ==, "Vendor published a fix");
}

static void
test_page_remove_event (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeskEvent) event = NULL;
  g_autoptr(DeskHistoryLine) line = NULL;
  GtkWidget *undo;

  event = desk_event_new (fixture->incident, START + 60, "Regulator report filed");
  desk_test_save (fixture->store, event);
  show_incident (fixture);

  line = g_list_model_get_item (_desk_history_page_get_lines (fixture->page), 1);
  g_assert_nonnull (desk_history_line_get_event (line));

  _desk_history_page_remove_event (fixture->page, desk_history_line_get_event (line));
  desk_test_wait_for_page (fixture->page);
  g_assert_cmpuint (count_events (fixture), ==, 0);
  g_assert_cmpstr (line_text (fixture, 1), !=, "Regulator report filed");

  /* The toast's Undo brings it back. */
  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  SPIN_UNTIL (count_events (fixture) == 1 &&
              !desk_incident_page_is_loading (DESK_INCIDENT_PAGE (fixture->page)));
  g_assert_cmpstr (line_text (fixture, 1), ==, "Regulator report filed");
}

static void
test_page_follows_incident (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DeskIncident) other = desk_incident_new ("Directory server intrusion");

  desk_test_save (fixture->store, other);
  show_incident (fixture);
  g_assert_cmpstr (line_text (fixture, 1), ==,
                   "Test Runner created the incident “Webmail intrusion”");

  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), other);
  desk_test_wait_for_page (fixture->page);
  g_assert_cmpstr (line_text (fixture, 1), ==,
                   "Test Runner created the incident “Directory server intrusion”");
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

  g_test_add ("/desk/history-page/empty", Fixture, NULL,
              fixture_set_up, test_page_empty, fixture_tear_down);
  g_test_add ("/desk/history-page/lists-history", Fixture, NULL,
              fixture_set_up, test_page_lists_history, fixture_tear_down);
  g_test_add ("/desk/history-page/add-event", Fixture, NULL,
              fixture_set_up, test_page_add_event, fixture_tear_down);
  g_test_add ("/desk/history-page/remove-event", Fixture, NULL,
              fixture_set_up, test_page_remove_event, fixture_tear_down);
  g_test_add ("/desk/history-page/follows-incident", Fixture, NULL,
              fixture_set_up, test_page_follows_incident, fixture_tear_down);

  return g_test_run ();
}
