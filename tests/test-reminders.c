/* test-reminders.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reminders and the sidebar's overdue badges, on a real temporary database with a clock the
 * test sets, under Xvfb: a reminder when a deadline comes within the lead time and one when it
 * passes, each once, also after a restart; customers' notices in one reminder; a click on a
 * reminder showing its incident; and the badge following what is overdue. */

#define G_LOG_DOMAIN "test-reminders"

#include "config.h"

#include <adwaita.h>

#include "desk-application.h"
#include "desk-preferences-window.h"
#include "desk-reminders.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"
#include "desk-window-private.h"

/* Helpers {{{ */

typedef struct
{
  char          *id;
  char          *title;
  char          *body;
  char          *incident_uuid;
  gboolean       urgent;
} Sent;

typedef struct
{
  char          *dir;
  DeskStore     *store;
  gint64         now;
  GSettings     *settings;
  DeskIncident  *incident;
  DeskReminders *reminders;
  GPtrArray     *sent;       /* Sent */
} Fixture;

static void
sent_free (gpointer data)
{
  Sent *sent = data;

  g_free (sent->id);
  g_free (sent->title);
  g_free (sent->body);
  g_free (sent->incident_uuid);
  g_free (sent);
}

static void
on_send_cb (DeskReminders *reminders,
            const char    *id,
            const char    *title,
            const char    *body,
            const char    *incident_uuid,
            gboolean       urgent,
            Fixture       *fixture)
{
  Sent *sent = g_new0 (Sent, 1);

  sent->id = g_strdup (id);
  sent->title = g_strdup (title);
  sent->body = g_strdup (body);
  sent->incident_uuid = g_strdup (incident_uuid);
  sent->urgent = urgent;
  g_ptr_array_add (fixture->sent, sent);
}

/* Starts the reminders, as the application does, and waits for their first check. */
static void
start_reminders (Fixture *fixture)
{
  g_clear_object (&fixture->reminders);
  g_ptr_array_set_size (fixture->sent, 0);

  fixture->reminders = desk_reminders_new (fixture->store, fixture->settings);
  g_signal_connect (fixture->reminders, "send", G_CALLBACK (on_send_cb), fixture);
  SPIN_UNTIL (!desk_reminders_is_checking (fixture->reminders));
}

/* Checks now, and returns how many reminders it sent. */
static guint
check (Fixture *fixture)
{
  g_ptr_array_set_size (fixture->sent, 0);
  desk_reminders_check (fixture->reminders);
  SPIN_UNTIL (!desk_reminders_is_checking (fixture->reminders));
  return fixture->sent->len;
}

static Sent *
sent_at (Fixture *fixture,
         guint    index)
{
  g_assert_cmpuint (index, <, fixture->sent->len);
  return g_ptr_array_index (fixture->sent, index);
}

/* An incident in Tokyo, detected on Tuesday 14 April at 09:30, known of on Wednesday 15 at 14:00;
 * it is Thursday 16 April, 10:00. Reminders 48 hours ahead. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->now = desk_test_parse_time ("2026-04-16T10:00:00+09:00");
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
  fixture->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_settings_set_uint (fixture->settings, "reminder-lead-hours", 48);
  fixture->sent = g_ptr_array_new_with_free_func (sent_free);

  fixture->incident = desk_test_save_deadline_incident (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->reminders != NULL)
    desk_test_await_finalize (g_steal_pointer (&fixture->reminders));
  g_clear_pointer (&fixture->sent, g_ptr_array_unref);
  g_clear_object (&fixture->incident);
  g_settings_reset (fixture->settings, "reminder-lead-hours");
  g_clear_object (&fixture->settings);
  desk_test_close_tmp_store (fixture->store, fixture->dir);
}

static DeskWindow *
present_window (Fixture *fixture)
{
  DeskWindow *window = desk_window_new (NULL, fixture->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  SPIN_UNTIL (g_strcmp0 (_desk_window_get_visible_page (window), "loading") != 0);
  return window;
}

/* }}} */
/* Tests {{{ */

/* GDPR's notification is due in 52 hours: nothing with 48 hours of lead; a reminder once the lead
 * is 72 hours, not again; another once it is overdue, not again. */
static void
test_once_per_threshold (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *uuid = desk_record_get_uuid (DESK_RECORD (fixture->incident));
  Sent *sent;

  desk_test_add_rule (fixture->store, fixture->incident, "gdpr", NULL);
  start_reminders (fixture);
  g_assert_cmpuint (fixture->sent->len, ==, 0);

  /* A longer lead time is checked at once. */
  g_settings_set_uint (fixture->settings, "reminder-lead-hours", 72);
  SPIN_UNTIL (fixture->sent->len == 1);
  SPIN_UNTIL (!desk_reminders_is_checking (fixture->reminders));
  sent = sent_at (fixture, 0);
  g_assert_cmpstr (sent->title, ==, "Due in 2 days: GDPR (EU): Notification of the breach");
  g_assert_cmpstr (sent->body, ==, "Webmail intrusion · due 18 Apr 2026, 14:00 JST");
  g_assert_cmpstr (sent->incident_uuid, ==, uuid);
  g_assert_false (sent->urgent);
  g_assert_cmpuint (check (fixture), ==, 0);

  fixture->now = desk_test_parse_time ("2026-04-18T15:00:00+09:00");
  g_assert_cmpuint (check (fixture), ==, 1);
  sent = sent_at (fixture, 0);
  g_assert_cmpstr (sent->title, ==, "Overdue: GDPR (EU): Notification of the breach");
  g_assert_cmpstr (sent->body, ==, "Webmail intrusion · was due 18 Apr 2026, 14:00 JST");
  g_assert_true (sent->urgent);
  g_assert_cmpuint (check (fixture), ==, 0);

  /* Started again, as after a restart: what was sent stays sent. */
  start_reminders (fixture);
  g_assert_cmpuint (fixture->sent->len, ==, 0);
}

/* Three customers' notices overdue together: one reminder, counted. */
static void
test_customers_together (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = NULL;
  Sent *sent;

  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-1", 48);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-2", 48);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-3", 48);
  start_reminders (fixture);

  g_assert_cmpuint (fixture->sent->len, ==, 1);
  sent = sent_at (fixture, 0);
  id = g_strdup_printf ("customers-%lld",
                        (long long) desk_record_get_id (DESK_RECORD (fixture->incident)));
  g_assert_cmpstr (sent->id, ==, id);
  g_assert_cmpstr (sent->title, ==, "Overdue: 3 customer notices");
  g_assert_cmpstr (sent->body, ==, "Webmail intrusion · the first was due 16 Apr 2026, 09:30 JST");
  g_assert_true (sent->urgent);
}

/* A reminder's click shows its incident, also one the window's list does not have yet. */
static void
test_show_incident (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskIncident) other = desk_test_save (fixture->store, desk_incident_new ("Other"));
  DeskWindow *window = present_window (fixture);
  g_autoptr(DeskIncident) later = NULL;

  desk_window_show_incident (window, desk_record_get_uuid (DESK_RECORD (fixture->incident)));
  SPIN_UNTIL (_desk_window_get_selected (window) != NULL &&
              desk_record_get_id (DESK_RECORD (_desk_window_get_selected (window)))
              == desk_record_get_id (DESK_RECORD (fixture->incident)));

  /* Made by idesk while the window was open. */
  later = desk_test_save (fixture->store, desk_incident_new ("Later"));
  desk_window_show_incident (window, desk_record_get_uuid (DESK_RECORD (later)));
  SPIN_UNTIL (_desk_window_get_selected (window) != NULL &&
              desk_record_get_id (DESK_RECORD (_desk_window_get_selected (window)))
              == desk_record_get_id (DESK_RECORD (later)));

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* The badge says what is overdue beside its incident only, and goes once it is done. */
static void
test_overdue_badge (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskIncident) other = desk_test_save (fixture->store, desk_incident_new ("Other"));
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GError) error = NULL;
  DeskWindow *window;
  GtkWidget *badge;

  desk_test_add_rule (fixture->store, fixture->incident, "gdpr", NULL);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-1", 48);
  fixture->now = desk_test_parse_time ("2026-04-18T15:00:00+09:00");

  window = present_window (fixture);
  SPIN_UNTIL ((badge = desk_test_find_label (GTK_WIDGET (window), "2 overdue")) != NULL);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==,
                   "1 report and 1 notice are past their deadline");

  /* Filed elsewhere: the next count, after a page reads its incident, says so. */
  obligations = desk_store_list (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                                 desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < obligations->len; i++)
    {
      desk_record_set_enum (g_ptr_array_index (obligations, i), "status",
                            DESK_OBLIGATION_STATUS_FILED);
      desk_test_save (fixture->store, g_ptr_array_index (obligations, i));
    }
  _desk_window_reload_pages (window);
  SPIN_UNTIL (desk_test_find_label (GTK_WIDGET (window), "1 overdue") != NULL);
  g_assert_null (desk_test_find_label (GTK_WIDGET (window), "2 overdue"));

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* Preferences set the lead time, and show it. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *preferences = GTK_WINDOW (desk_preferences_window_new (NULL));
  GtkWidget *row, *spin;

  gtk_window_present (preferences);
  row = desk_test_find_row (GTK_WIDGET (preferences), "Remind Before Deadlines");
  g_assert_nonnull (row);
  spin = desk_test_find_widget (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 48);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 72);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-lead-hours"), ==, 72);

  /* Beyond the key's range: the button keeps within it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10000);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-lead-hours"), ==, 720);

  g_settings_set_uint (fixture->settings, "reminder-lead-hours", 12);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 12);

  desk_test_destroy_window (preferences, NULL);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/desk/reminders/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("once-per-threshold", test_once_per_threshold);
  ADD ("customers-together", test_customers_together);
  ADD ("show-incident", test_show_incident);
  ADD ("overdue-badge", test_overdue_badge);
  ADD ("preferences", test_preferences);

#undef ADD

  return g_test_run ();
}
