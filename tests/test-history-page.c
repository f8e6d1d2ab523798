/* test-history-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The history page on a real temporary database, under Xvfb, and the pure functions that turn
 * audit entries into sentences (desk-history-text.c). */

#define G_LOG_DOMAIN "test-history-page"

#include "config.h"

#include <adwaita.h>

#include "desk-audit-entry.h"
#include "desk-history-line.h"
#include "desk-history-page-private.h"
#include "desk-history-text.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

/* Helpers {{{ */

/* 2026-04-14 09:30:00 UTC */
#define START 1776159000

static DeskAuditEntry *
entry (gint64      at,
       const char *actor,
       const char *kind,
       const char *uuid,
       const char *action,
       const char *before,
       const char *after)
{
  return desk_audit_entry_new (at, actor, kind, uuid, action, before, after);
}

/* }}} */
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
/* Sentences {{{ */

static void
test_text_describe (void)
{
  static const struct {
    const char *actor, *kind, *action, *before, *after, *text;
  } cases[] = {
    { "Sato", "incident", "update", "{\"status\":\"investigating\"}",
      "{\"status\":\"contained\"}",
      "Sato changed the status from Investigating to Contained" },
    { "Sato", "incident", "update", "{\"severity\":\"high\",\"summary\":\"a\"}",
      "{\"severity\":\"critical\",\"summary\":\"b\"}",
      "Sato changed the severity from High to Critical, and changed the summary" },
    { "Sato", "incident", "update", "{\"status\":\"recovered\",\"closed_at\":null}",
      "{\"status\":\"closed\",\"closed_at\":1776159000}",
      "Sato changed the status from Recovered to Closed" },
    { "Sato", "incident", "update", "{\"title\":\"Old\"}", "{\"title\":\"Webmail intrusion\"}",
      "Sato renamed the incident to “Webmail intrusion”" },
    { "Sato", "incident", "update", "{\"cause\":null}", "{\"cause\":\"Unpatched server\"}",
      "Sato set the cause of the incident to “Unpatched server”" },
    { "Sato", "incident", "update", "{\"cause\":\"Unpatched server\"}", "{\"cause\":null}",
      "Sato cleared the cause of the incident" },
    { "Sato", "incident", "update", "{\"estimated_potential\":0}",
      "{\"estimated_potential\":4072650}",
      "Sato set the estimate of potentially affected accounts of the incident to 4,072,650" },
    { "Tanaka", "checklist", "create", NULL,
      "{\"incident_id\":\"x\",\"title\":\"Patching\",\"template\":\"patching\",\"position\":0}",
      "Tanaka added the checklist “Patching”" },
    { "Tanaka", "checklist", "update", "{\"title\":\"Patching\"}", "{\"title\":\"Patching 2\"}",
      "Tanaka renamed the checklist “Patching” to “Patching 2”" },
    { "Tanaka", "checklist", "delete", "{\"title\":\"Patching\",\"position\":0}", NULL,
      "Tanaka removed the checklist “Patching”" },
    { "Tanaka", "checklist", "restore", NULL, "{\"title\":\"Patching\",\"position\":0}",
      "Tanaka restored the checklist “Patching”" },
    { "Ito", "notification", "update",
      "{\"status\":\"approved\",\"sent_at\":null,\"actor\":null}",
      "{\"status\":\"sent\",\"sent_at\":1776159000,\"actor\":\"Ito\"}",
      "Ito marked a notice Sent" },
    { "Ito", "notification", "update", "{\"channel\":\"account-manager\"}",
      "{\"channel\":\"email\"}",
      "Ito set the channel of a notice to E-mail" },
    { "Sato", "checklist_item", "update", "{\"status\":\"todo\",\"done_at\":null}",
      "{\"status\":\"done\",\"done_at\":1776159000}",
      "Sato marked a checklist item Done" },
    { "Sato", "checklist_item", "update", "{\"text\":\"Rotate keys\"}",
      "{\"text\":\"Rotate all keys\"}",
      "Sato renamed the item “Rotate keys” to “Rotate all keys”" },
    { "Sato", "checklist_item", "delete", "{\"text\":\"Rotate keys\",\"status\":\"todo\"}", NULL,
      "Sato removed the item “Rotate keys”" },
    { "Sato", "checklist_item", "update", "{\"position\":3}", "{\"position\":2}",
      "Sato moved a checklist item" },
    { "Sato", "category", "create", NULL, "{\"name\":\"Account credentials\",\"position\":0}",
      "Sato added the breach category “Account credentials”" },
    { "Sato", "affected", "update", "{\"exposure\":\"potential\",\"confirmed_at\":null}",
      "{\"exposure\":\"confirmed\",\"confirmed_at\":1776159000}",
      "Sato marked an affected customer Confirmed" },
    /* A value from a newer version reads as itself; a missing actor as "Someone". */
    { "Sato", "checklist_item", "update", "{\"status\":\"todo\"}", "{\"status\":\"escalated\"}",
      "Sato marked a checklist item escalated" },
    { NULL, "incident", "delete", "{\"title\":\"x\"}", NULL,
      "Someone deleted the incident" },
    { "Sato", "incident", "update", "not json", "{}", "Sato changed the incident" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = desk_history_describe (cases[i].actor, cases[i].kind,
                                                     cases[i].action, cases[i].before,
                                                     cases[i].after);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_text_describe_full (void)
{
  g_autofree char *plural = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *items = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *fields = NULL;

  plural = desk_history_describe_full ("Ito", "notification", "update",
                                       "{\"status\":\"approved\",\"sent_at\":null}",
                                       "{\"status\":\"sent\",\"sent_at\":1776159000}",
                                       10, 0, NULL);
  g_assert_cmpstr (plural, ==, "Ito marked 10 notices Sent");

  subject = desk_history_describe_full ("Ito", "notification", "update",
                                        "{\"status\":\"approved\"}", "{\"status\":\"sent\"}",
                                        1, 0, "K-10001 (Example Corp)");
  g_assert_cmpstr (subject, ==, "Ito marked the notice to K-10001 (Example Corp) Sent");

  items = desk_history_describe_full ("Tanaka", "checklist", "create", NULL,
                                      "{\"title\":\"Patching\"}", 1, 14, NULL);
  g_assert_cmpstr (items, ==, "Tanaka added the checklist “Patching” with 14 items");

  customer = desk_history_describe_full ("Sato", "affected", "create", NULL,
                                         "{\"customer_id\":\"c0ffee\"}", 1, 0, "K-10001");
  g_assert_cmpstr (customer, ==, "Sato added customer K-10001");

  owner = desk_history_describe_full ("Sato", "checklist_item", "update",
                                      "{\"owner\":null,\"note\":null}",
                                      "{\"owner\":\"IAM Lead\",\"note\":\"asap\"}",
                                      1, 0, "Rotate keys");
  g_assert_cmpstr (owner, ==,
                   "Sato assigned the item “Rotate keys” to IAM Lead, and changed the note");

  fields = desk_history_describe_full ("Sato", "notification", "update",
                                       "{\"due_at\":null,\"note\":null}",
                                       "{\"due_at\":1776159000,\"note\":\"call first\"}",
                                       4, 0, NULL);
  g_assert_cmpstr (fields, ==, "Sato changed the due date and the note of 4 notices");

  /* Long quotes are shortened. */
  long_text = desk_history_describe_full ("Sato", "checklist_item", "delete",
                                          "{\"text\":\"Disconnect the compromised integration "
                                          "and revoke its OAuth grants in every tenant\"}",
                                          NULL, 1, 0, NULL);
  g_assert_true (g_str_has_suffix (long_text, "…”"));
  g_assert_cmpuint (g_utf8_strlen (long_text, -1), <, 100);
}

static void
test_text_groups (void)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(DeskIncident) incident = desk_incident_new ("Webmail intrusion");
  g_autoptr(DeskEvent) event = NULL;
  const char *checklist_after = "{\"title\":\"Patching\",\"position\":0}";

  desk_record_set_id (DESK_RECORD (incident), 1);
  event = desk_event_new (incident, START + 3600, "Vendor published a fix");

  /* Newest first, as the store gives them. */
  g_ptr_array_add (history, g_object_ref (event));
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("notice-%u", i);

      g_ptr_array_add (history, entry (START + 600 - i, "Ito", "notification", uuid, "update",
                                       "{\"status\":\"approved\"}", "{\"status\":\"sent\"}"));
    }
  /* The same record twice is one record. */
  g_ptr_array_add (history, entry (START + 589, "Ito", "notification", "notice-0", "update",
                                   "{\"status\":\"drafted\"}", "{\"status\":\"sent\"}"));
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("item-%u", i);

      g_ptr_array_add (history, entry (START + 300, "Tanaka", "checklist_item", uuid, "create",
                                       NULL, "{\"checklist_id\":\"patching\",\"text\":\"x\"}"));
    }
  g_ptr_array_add (history, entry (START + 300, "Tanaka", "checklist", "patching", "create",
                                   NULL, checklist_after));
  /* Two minutes earlier: another burst of work. */
  g_ptr_array_add (history, entry (START + 100, "Ito", "notification", "notice-0", "update",
                                   "{\"status\":\"drafted\"}", "{\"status\":\"approved\"}"));
  g_ptr_array_add (history, entry (START, "Sato", "incident", "incident", "update",
                                   "{\"status\":\"investigating\"}",
                                   "{\"status\":\"contained\"}"));
  g_ptr_array_add (history, entry (START, "Sato", "incident", "incident", "update",
                                   "{\"status\":\"detected\"}",
                                   "{\"status\":\"investigating\"}"));

  groups = desk_history_group_entries (history);
  g_assert_cmpuint (groups->len, ==, 6);

  {
    static const char *texts[] = {
      "Vendor published a fix",
      "Ito marked 10 notices Sent",
      "Tanaka added the checklist “Patching” with 14 items",
      "Ito marked a notice Approved",
      "Sato changed the status from Investigating to Contained",
      "Sato changed the status from Detected to Investigating",
    };

    for (guint i = 0; i < groups->len; i++)
      {
        g_autofree char *text = desk_history_group_describe (g_ptr_array_index (groups, i));

        g_assert_cmpstr (text, ==, texts[i]);
      }
  }

  g_assert_cmpint (desk_history_group_get_time (g_ptr_array_index (groups, 1)), ==, START + 600);
  /* A single notice would read better with whom it goes to; ten do not name them. */
  g_assert_false (desk_history_group_wants_subject (g_ptr_array_index (groups, 1)));
  g_assert_true (desk_history_group_wants_subject (g_ptr_array_index (groups, 3)));
  g_assert_false (desk_history_group_wants_subject (g_ptr_array_index (groups, 4)));
}

static void
test_text_times (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 4, 14, 12, 0, 0);
  gint64 now = g_date_time_to_unix (noon);
  g_autofree char *today = desk_history_day_label (now - 3600, now);
  g_autofree char *yesterday = desk_history_day_label (now - 24 * 3600, now);
  g_autofree char *weekday = desk_history_day_label (now - 3 * 24 * 3600, now);
  g_autofree char *this_year = desk_history_day_label (now - 30 * 24 * 3600, now);
  g_autofree char *last_year = desk_history_day_label (now - 400 * 24 * 3600, now);
  g_autofree char *time = desk_history_time_label (now - 3600);

  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  g_assert_cmpstr (weekday, ==, "Saturday");
  g_assert_cmpstr (this_year, ==, "Sunday, 15 March");
  g_assert_cmpstr (last_year, ==, "Monday, 10 March 2025");
  g_assert_cmpstr (time, ==, "11:00");
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
  g_test_add_func ("/desk/history-text/describe", test_text_describe);
  g_test_add_func ("/desk/history-text/describe-full", test_text_describe_full);
  g_test_add_func ("/desk/history-text/groups", test_text_groups);
  g_test_add_func ("/desk/history-text/times", test_text_times);

  return g_test_run ();
}
