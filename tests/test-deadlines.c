/* test-deadlines.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's deadlines: obligations and how they follow their incident, customers' terms and
 * their ledger rows, the "due next" list and the overdue counts, the figure history, and
 * reminders, with an injected clock. */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-account-import.h"
#include "desk-store.h"
#include "desk-test-utils.h"
#include "desk-time.h"

#define HOUR (G_GINT64_CONSTANT (60) * 60)
#define DAY  (24 * HOUR)

typedef struct
{
  char         *dir;
  char         *path;
  DeskStore    *store;
  DeskIncident *incident;
  gint64        now;
} Fixture;

static char *
in_tokyo (gint64 seconds)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");

  return desk_time_format_iso_in_zone (seconds, tokyo);
}

static DeskStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRulebook) rulebook = desk_rulebook_new_builtin (&error);
  DeskStore *store = desk_test_open_store (fixture->path);

  g_assert_no_error (error);
  desk_store_set_rulebook (store, rulebook);
  desk_store_set_clock (store, desk_test_fixed_clock, &fixture->now);
  return store;
}

/* An incident in Tokyo, detected on Tuesday 14 April 2026 and known to be a breach the next
 * day; it is Thursday 16 April, 10:00. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = desk_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "incidents.db", NULL);
  fixture->now = desk_test_parse_time ("2026-04-16T10:00:00+09:00");
  fixture->store = open_store (fixture);

  fixture->incident = desk_incident_new ("Webmail intrusion");
  desk_record_set_string (DESK_RECORD (fixture->incident), "time-zone", "Asia/Tokyo");
  desk_record_set_int (DESK_RECORD (fixture->incident), "detected-at",
                       desk_test_parse_time ("2026-04-14T09:30:00+09:00"));
  desk_record_set_int (DESK_RECORD (fixture->incident), "aware-at",
                       desk_test_parse_time ("2026-04-15T14:00:00+09:00"));
  desk_test_save (fixture->store, fixture->incident);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->incident);
  desk_test_await_finalize (fixture->store);
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GPtrArray *
add_obligations (Fixture    *fixture,
                 const char *rule,
                 const char *condition)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *obligations = desk_store_add_obligations (fixture->store, fixture->incident, rule,
                                                       condition, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (obligations);
  return obligations;
}

static DeskRecord *
find_stage (GPtrArray  *obligations,
            const char *stage)
{
  for (guint i = 0; i < obligations->len; i++)
    if (g_str_equal (desk_record_get_string (g_ptr_array_index (obligations, i), "stage"),
                     stage))
      return g_ptr_array_index (obligations, i);

  g_assert_not_reached ();
}

/* The due time of the incident's obligation of @stage, as stored now. */
static char *
stored_due (Fixture    *fixture,
            const char *stage)
{
  g_autoptr(GPtrArray) obligations = desk_store_list (fixture->store, DESK_TYPE_OBLIGATION,
                                                      "incident-id",
                                                      desk_record_get_id (DESK_RECORD (
                                                        fixture->incident)), NULL);
  gint64 due = desk_record_get_int (find_stage (obligations, stage), "due-at");

  return due ? in_tokyo (due) : NULL;
}

static guint
count_audit (Fixture    *fixture,
             const char *kind,
             const char *action)
{
  g_autoptr(GPtrArray) entries = desk_store_list_audit (fixture->store,
                                                        desk_record_get_id (DESK_RECORD (
                                                          fixture->incident)), NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      DeskAuditEntry *entry = g_ptr_array_index (entries, i);

      n += g_str_equal (desk_audit_entry_get_kind (entry), kind) &&
           g_str_equal (desk_audit_entry_get_action (entry), action);
    }

  return n;
}

/* Obligations {{{ */

static void
test_add_obligations (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 incident_id = desk_record_get_id (DESK_RECORD (fixture->incident));
  g_autofree char *preliminary = NULL, *final = NULL;

  /* A rule with conditions needs one, and says which… */
  g_assert_null (desk_store_add_obligations (fixture->store, fixture->incident, "appi", NULL, 0,
                                             &error));
  g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NO_CONDITION);
  g_assert_nonnull (strstr (error->message, "unauthorised-access"));
  g_clear_error (&error);

  /* …an unknown rule lists the rules… */
  g_assert_null (desk_store_add_obligations (fixture->store, fixture->incident, "gpdr", NULL, 0,
                                             &error));
  g_assert_error (error, DESK_RULES_ERROR, DESK_RULES_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gdpr, gdpr-processor"));
  g_clear_error (&error);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                                     incident_id), ==, 0);

  /* …and with one, every stage becomes an obligation, due by the rule. */
  obligations = add_obligations (fixture, "appi", "other");
  g_assert_cmpuint (obligations->len, ==, 3);
  preliminary = in_tokyo (desk_record_get_int (find_stage (obligations, "preliminary"), "due-at"));
  final = in_tokyo (desk_record_get_int (find_stage (obligations, "final"), "due-at"));
  g_assert_cmpstr (preliminary, ==, "2026-04-19T23:59:59+09:00");
  g_assert_cmpstr (final, ==, "2026-05-14T23:59:59+09:00");
  g_assert_cmpint (desk_record_get_int (find_stage (obligations, "individuals"), "due-at"), ==, 0);
  for (guint i = 0; i < obligations->len; i++)
    g_assert_cmpint (desk_record_get_enum (g_ptr_array_index (obligations, i), "status"), ==,
                     DESK_OBLIGATION_STATUS_OPEN);
  g_assert_cmpuint (count_audit (fixture, "obligation", "create"), ==, 3);

  /* A rule the incident has already is refused, and nothing is written. */
  again = desk_store_add_obligations (fixture->store, fixture->incident, "appi", "other", 0,
                                      &error);
  g_assert_null (again);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "APPI (Japan)"));
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                                     incident_id), ==, 3);
}

/* Changing the incident's times, its zone or the condition moves the due dates, each move in
 * the history. */
static void
test_obligations_follow (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = add_obligations (fixture, "appi", "other");
  DeskRecord *final = find_stage (obligations, "final");
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  guint updates = count_audit (fixture, "obligation", "update");

  desk_record_set_int (DESK_RECORD (fixture->incident), "aware-at",
                       desk_test_parse_time ("2026-04-20T08:00:00+09:00"));
  desk_test_save (fixture->store, fixture->incident);
  due = stored_due (fixture, "final");
  g_assert_cmpstr (due, ==, "2026-05-19T23:59:59+09:00");
  g_assert_cmpuint (count_audit (fixture, "obligation", "update"), ==, updates + 2);

  /* The end of the day is the incident's: in Berlin it is seven hours later. */
  desk_record_set_string (DESK_RECORD (fixture->incident), "time-zone", "Europe/Berlin");
  desk_test_save (fixture->store, fixture->incident);
  g_clear_pointer (&due, g_free);
  due = stored_due (fixture, "final");
  g_assert_cmpstr (due, ==, "2026-05-20T06:59:59+09:00");
  desk_record_set_string (DESK_RECORD (fixture->incident), "time-zone", "Asia/Tokyo");
  desk_test_save (fixture->store, fixture->incident);

  /* Unauthorised access gives 60 days. */
  desk_record_set_string (final, "condition", "unauthorised-access");
  desk_test_save (fixture->store, final);
  g_clear_pointer (&due, g_free);
  due = stored_due (fixture, "final");
  g_assert_cmpstr (due, ==, "2026-06-18T23:59:59+09:00");

  /* A condition the rule does not have is refused. */
  desk_record_set_string (final, "condition", "malware");
  g_assert_false (desk_store_save (fixture->store, final, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no condition “malware”"));
  g_clear_pointer (&due, g_free);
  due = stored_due (fixture, "final");
  g_assert_cmpstr (due, ==, "2026-06-18T23:59:59+09:00");
}

/* A filed stage starts the next one's clock at its filing; filing records when. */
static void
test_obligations_filed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = add_obligations (fixture, "nis2", "other");
  DeskRecord *notification = find_stage (obligations, "notification");
  g_autofree char *final = stored_due (fixture, "final-report");

  /* Until the notification is filed, a month after its deadline. */
  g_assert_cmpstr (final, ==, "2026-05-18T14:00:00+09:00");

  desk_record_set_enum (notification, "status", DESK_OBLIGATION_STATUS_FILED);
  desk_record_set_string (notification, "reference", "CSIRT-2026-0412");
  desk_test_save (fixture->store, notification);
  g_assert_cmpint (desk_record_get_int (notification, "filed-at"), ==, fixture->now);
  g_clear_pointer (&final, g_free);
  final = stored_due (fixture, "final-report");
  g_assert_cmpstr (final, ==, "2026-05-16T10:00:00+09:00");

  /* Reopened, it has no filing time, and the final report counts from its deadline again. */
  desk_record_set_enum (notification, "status", DESK_OBLIGATION_STATUS_OPEN);
  desk_test_save (fixture->store, notification);
  g_assert_cmpint (desk_record_get_int (notification, "filed-at"), ==, 0);
  g_clear_pointer (&final, g_free);
  final = stored_due (fixture, "final-report");
  g_assert_cmpstr (final, ==, "2026-05-18T14:00:00+09:00");
}

static void
test_obligations_clock_start (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *authority = NULL;

  obligations = desk_store_add_obligations (fixture->store, fixture->incident, "gdpr", NULL,
                                            desk_test_parse_time ("2026-04-16T09:00:00+02:00"),
                                            &error);
  g_assert_no_error (error);
  authority = in_tokyo (desk_record_get_int (find_stage (obligations, "authority"), "due-at"));
  g_assert_cmpstr (authority, ==, "2026-04-19T16:00:00+09:00");

  /* A clock of its own does not follow the incident's times. */
  desk_record_set_int (DESK_RECORD (fixture->incident), "aware-at",
                       desk_test_parse_time ("2026-04-15T18:00:00+09:00"));
  desk_test_save (fixture->store, fixture->incident);
  g_clear_pointer (&authority, g_free);
  authority = stored_due (fixture, "authority");
  g_assert_cmpstr (authority, ==, "2026-04-19T16:00:00+09:00");
}

static void
test_time_zone (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_incident_new ("Zone check");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GTimeZone) named = g_time_zone_new_identifier (g_time_zone_get_identifier (local));

  /* A new incident takes the local zone, where it has a name… */
  desk_test_save (fixture->store, incident);
  if (named != NULL)
    g_assert_cmpstr (desk_record_get_string (DESK_RECORD (incident), "time-zone"), ==,
                     g_time_zone_get_identifier (local));

  /* …and one that is not a zone is refused. */
  desk_record_set_string (DESK_RECORD (fixture->incident), "time-zone", "Mars/Olympus_Mons");
  g_assert_false (desk_store_save (fixture->store, DESK_RECORD (fixture->incident), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Mars/Olympus_Mons” is not a time zone"));
}

/* }}} */
/* Customer terms {{{ */

static DeskRecord *
ledger_row (Fixture      *fixture,
            DeskAffected *affected)
{
  g_autoptr(GPtrArray) rows = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION,
                                               "affected-id",
                                               desk_record_get_id (DESK_RECORD (affected)), NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static DeskAffected *
add_customer (Fixture         *fixture,
              const char      *contract,
              gint64           hours,
              DeskNoticeBasis  basis)
{
  g_autoptr(DeskCustomer) customer = desk_customer_new (contract, NULL);
  DeskAffected *affected = desk_affected_new (fixture->incident, customer);
  g_autoptr(GError) error = NULL;

  desk_record_set_int (DESK_RECORD (customer), "notice-hours", hours);
  desk_record_set_enum (DESK_RECORD (customer), "notice-basis", basis);
  g_assert_true (desk_store_add_affected_customer (fixture->store, customer, affected, &error));
  g_assert_no_error (error);
  return affected;
}

static char *
row_due (Fixture      *fixture,
         DeskAffected *affected)
{
  g_autoptr(DeskRecord) row = ledger_row (fixture, affected);
  gint64 due = desk_record_get_int (row, "due-at");

  return due ? in_tokyo (due) : NULL;
}

static void
test_customer_terms (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskAffected) detection = add_customer (fixture, "C-1", 48,
                                                    DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskAffected) confirmation = add_customer (fixture, "C-2", 24,
                                                       DESK_NOTICE_BASIS_CONFIRMATION);
  g_autoptr(DeskAffected) none = add_customer (fixture, "C-3", 0, DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskRecord) manual = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;

  /* 48 hours after detection… */
  due = row_due (fixture, detection);
  g_assert_cmpstr (due, ==, "2026-04-16T09:30:00+09:00");
  /* …and after confirmation, which has not come yet. */
  g_assert_null (row_due (fixture, confirmation));

  desk_record_set_enum (DESK_RECORD (confirmation), "exposure", DESK_EXPOSURE_CONFIRMED);
  desk_record_set_int (DESK_RECORD (confirmation), "confirmed-at",
                       desk_test_parse_time ("2026-04-16T08:00:00+09:00"));
  desk_test_save (fixture->store, confirmation);
  g_clear_pointer (&due, g_free);
  due = row_due (fixture, confirmation);
  g_assert_cmpstr (due, ==, "2026-04-17T08:00:00+09:00");

  /* The incident's detection moves the rows that count from it. */
  desk_record_set_int (DESK_RECORD (fixture->incident), "detected-at",
                       desk_test_parse_time ("2026-04-14T12:00:00+09:00"));
  desk_test_save (fixture->store, fixture->incident);
  g_clear_pointer (&due, g_free);
  due = row_due (fixture, detection);
  g_assert_cmpstr (due, ==, "2026-04-16T12:00:00+09:00");

  /* New terms move every row of the customer; no terms leave it without a due time. */
  customer = desk_store_find_customer (fixture->store, "C-1", &error);
  g_assert_no_error (error);
  desk_record_set_int (DESK_RECORD (customer), "notice-hours", 72);
  desk_test_save (fixture->store, customer);
  g_clear_pointer (&due, g_free);
  due = row_due (fixture, detection);
  g_assert_cmpstr (due, ==, "2026-04-17T12:00:00+09:00");
  desk_record_set_int (DESK_RECORD (customer), "notice-hours", 0);
  desk_test_save (fixture->store, customer);
  g_assert_null (row_due (fixture, detection));

  /* Without terms, the due time people gave stays. */
  manual = ledger_row (fixture, none);
  desk_record_set_int (manual, "due-at", desk_test_parse_time ("2026-04-20T17:00:00+09:00"));
  desk_test_save (fixture->store, manual);
  g_clear_pointer (&due, g_free);
  due = row_due (fixture, none);
  g_assert_cmpstr (due, ==, "2026-04-20T17:00:00+09:00");
}

/* }}} */
/* Due next, overdue {{{ */

static void
test_due_next (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = add_obligations (fixture, "gdpr", NULL);
  g_autoptr(GPtrArray) cert_in = add_obligations (fixture, "india-cert-in", NULL);
  g_autoptr(DeskAffected) late = add_customer (fixture, "C-1", 24, DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskAffected) sent = add_customer (fixture, "C-2", 24, DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskAffected) soon = add_customer (fixture, "C-3", 72, DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskRecord) sent_row = ledger_row (fixture, sent);
  g_autoptr(DeskIncident) other = desk_incident_new ("Directory server");
  g_autoptr(GPtrArray) other_obligations = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) overdue = NULL;
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char        *title;
    DeskDeadlineState  state;
    const char        *due;
  } expected[] = {
    { "CERT-In Directions (India): Incident report", DESK_DEADLINE_STATE_OVERDUE,
      "2026-04-14T15:30:00+09:00" },
    { "C-1", DESK_DEADLINE_STATE_OVERDUE, "2026-04-15T09:30:00+09:00" },
    { "C-2", DESK_DEADLINE_STATE_DONE, "2026-04-15T09:30:00+09:00" },
    { "C-3", DESK_DEADLINE_STATE_UPCOMING, "2026-04-17T09:30:00+09:00" },
    { "GDPR (EU): Notification of the breach", DESK_DEADLINE_STATE_UPCOMING,
      "2026-04-18T14:00:00+09:00" },
    { "GDPR (EU): Communication to the people affected", DESK_DEADLINE_STATE_UPCOMING, NULL },
  };

  desk_record_set_enum (sent_row, "status", DESK_NOTIFICATION_STATUS_SENT);
  desk_test_save (fixture->store, sent_row);

  deadlines = desk_store_list_deadlines (fixture->store,
                                         desk_record_get_id (DESK_RECORD (fixture->incident)),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *due = desk_deadline_format_due (deadline);

      g_test_message ("%s", desk_deadline_get_title (deadline));
      g_assert_cmpstr (desk_deadline_get_title (deadline), ==, expected[i].title);
      g_assert_cmpint (desk_deadline_get_state (deadline), ==, expected[i].state);
      g_assert_cmpstr (due, ==, expected[i].due);
      g_assert_cmpstr (desk_deadline_get_incident_title (deadline), ==, "Webmail intrusion");
      g_assert_cmpstr (desk_deadline_get_time_zone (deadline), ==, "Asia/Tokyo");
    }
  g_assert_cmpstr (desk_deadline_get_recipient (g_ptr_array_index (deadlines, 4)), ==,
                   "The lead or competent supervisory authority");

  /* Time runs on: the same deadline is overdue later. */
  g_assert_cmpint (desk_deadline_state_at (g_ptr_array_index (deadlines, 3),
                                           desk_test_parse_time ("2026-04-17T09:30:01+09:00")), ==,
                   DESK_DEADLINE_STATE_OVERDUE);

  /* Another incident, with an overdue obligation of its own. */
  desk_record_set_int (DESK_RECORD (other), "detected-at",
                       desk_test_parse_time ("2026-04-10T09:00:00+09:00"));
  desk_test_save (fixture->store, other);
  other_obligations = desk_store_add_obligations (fixture->store, other, "india-cert-in", NULL, 0,
                                                  &error);
  g_assert_no_error (error);

  all = desk_store_list_deadlines (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpstr (desk_deadline_get_incident_title (g_ptr_array_index (all, 0)), ==,
                   "Directory server");

  overdue = desk_store_count_overdue (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpint (g_array_index (overdue, DeskOverdueCount, 0).incident_id, ==,
                   desk_record_get_id (DESK_RECORD (fixture->incident)));
  g_assert_cmpint (g_array_index (overdue, DeskOverdueCount, 0).obligations, ==, 1);
  g_assert_cmpint (g_array_index (overdue, DeskOverdueCount, 0).notices, ==, 1);
  g_assert_cmpint (g_array_index (overdue, DeskOverdueCount, 1).obligations, ==, 1);
  g_assert_cmpint (g_array_index (overdue, DeskOverdueCount, 1).notices, ==, 0);

  stats = desk_store_get_stats (fixture->store,
                                desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->overdue_obligations, ==, 1);
  g_assert_cmpint (stats->overdue_notices, ==, 1);

  /* Filed, it is no longer overdue. */
  desk_record_set_enum (g_ptr_array_index (cert_in, 0), "status", DESK_OBLIGATION_STATUS_FILED);
  desk_test_save (fixture->store, g_ptr_array_index (cert_in, 0));
  g_clear_pointer (&stats, desk_stats_free);
  stats = desk_store_get_stats (fixture->store,
                                desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_cmpint (stats->overdue_obligations, ==, 0);
}

static void
on_deadlines_listed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GPtrArray **deadlines = user_data;
  g_autoptr(GError) error = NULL;

  *deadlines = desk_store_list_deadlines_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_overdue_counted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GArray **counts = user_data;
  g_autoptr(GError) error = NULL;

  *counts = desk_store_count_overdue_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_obligations_added_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GPtrArray **obligations = user_data;
  g_autoptr(GError) error = NULL;

  *obligations = desk_store_add_obligations_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_progress_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DeskNoticeProgress **progress = user_data;
  g_autoptr(GError) error = NULL;

  *progress = desk_store_get_notice_progress_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* The window's way: everything off the main thread. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(DeskNoticeProgress) progress = NULL;
  g_autoptr(DeskAffected) acknowledged = add_customer (fixture, "C-1", 24,
                                                       DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskAffected) waiting = add_customer (fixture, "C-2", 24,
                                                  DESK_NOTICE_BASIS_DETECTION);
  g_autoptr(DeskRecord) row = ledger_row (fixture, acknowledged);

  desk_record_set_int (row, "sent-at", desk_test_parse_time ("2026-04-15T10:00:00+09:00"));
  desk_record_set_int (row, "acknowledged-at", desk_test_parse_time ("2026-04-15T12:00:00+09:00"));
  desk_record_set_enum (row, "status", DESK_NOTIFICATION_STATUS_ACKNOWLEDGED);
  desk_test_save (fixture->store, row);

  desk_store_add_obligations_async (fixture->store, fixture->incident, "dora", NULL, 0, NULL,
                                    on_obligations_added_cb, &obligations);
  while (obligations == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (obligations->len, ==, 4);

  desk_store_list_deadlines_async (fixture->store, 0, NULL, on_deadlines_listed_cb, &deadlines);
  desk_store_count_overdue_async (fixture->store, NULL, on_overdue_counted_cb, &counts);
  desk_store_get_notice_progress_async (fixture->store,
                                        desk_record_get_id (DESK_RECORD (fixture->incident)),
                                        NULL, on_progress_cb, &progress);
  while (deadlines == NULL || counts == NULL || progress == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* DORA's four stages, two customers */
  g_assert_cmpuint (deadlines->len, ==, 6);
  /* The initial notification was due 4 hours after determination, which falls back to
   * awareness; C-2's notice yesterday. */
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpint (g_array_index (counts, DeskOverdueCount, 0).obligations, ==, 1);
  g_assert_cmpint (g_array_index (counts, DeskOverdueCount, 0).notices, ==, 1);

  g_assert_cmpint (progress->to_notify, ==, 2);
  g_assert_cmpuint (progress->sent_at->len, ==, 1);
  g_assert_cmpint (g_array_index (progress->sent_at, gint64, 0), ==,
                   desk_test_parse_time ("2026-04-15T10:00:00+09:00"));
  g_assert_cmpuint (progress->acknowledged_at->len, ==, 1);
}

/* }}} */
/* Figures {{{ */

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 incident_id = desk_record_get_id (DESK_RECORD (fixture->incident));
  g_autoptr(DeskIncident) announced = desk_incident_new ("Announced");
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "confirmed-0416.csv", NULL);
  DeskRecord *figure;

  /* No estimate, no figure. */
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_FIGURE, "incident-id",
                                     incident_id), ==, 0);

  /* Announced when the incident is recorded, and again when the estimate changes. */
  desk_record_set_int (DESK_RECORD (announced), "estimated-potential", 4072650);
  desk_test_save (fixture->store, announced);
  fixture->now += HOUR;
  desk_record_set_int (DESK_RECORD (announced), "estimated-confirmed", 311288);
  desk_test_save (fixture->store, announced);
  desk_record_set_string (DESK_RECORD (announced), "summary", "No figure changes");
  desk_test_save (fixture->store, announced);
  figures = desk_store_list (fixture->store, DESK_TYPE_FIGURE, "incident-id",
                             desk_record_get_id (DESK_RECORD (announced)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->len, ==, 2);
  figure = g_ptr_array_index (figures, 1);
  g_assert_cmpint (desk_record_get_int (figure, "potential"), ==, 4072650);
  g_assert_cmpint (desk_record_get_int (figure, "confirmed"), ==, 311288);
  g_assert_cmpint (desk_record_get_int (figure, "recorded-at"), ==, fixture->now);
  g_assert_cmpint (desk_record_get_enum (figure, "source"), ==, DESK_FIGURE_SOURCE_ESTIMATE);
  g_assert_cmpstr (desk_record_get_string (figure, "actor"), ==, "Test Runner");

  /* An import leaves the counts it makes, naming its file. */
  g_assert_true (g_file_set_contents (csv, "account,customer_id,status\n"
                                           "a@example.jp,C-1,confirmed\n"
                                           "b@example.jp,C-1,potential\n"
                                           "c@example.jp,C-2,potential\n", -1, NULL));
  file = g_file_new_for_path (csv);
  import = desk_account_import_new (fixture->store, fixture->incident, file);
  g_assert_true (desk_account_import_run (import, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&figures, g_ptr_array_unref);
  figures = desk_store_list (fixture->store, DESK_TYPE_FIGURE, "incident-id", incident_id,
                             &error);
  g_assert_cmpuint (figures->len, ==, 1);
  figure = g_ptr_array_index (figures, 0);
  g_assert_cmpint (desk_record_get_int (figure, "potential"), ==, 3);
  g_assert_cmpint (desk_record_get_int (figure, "confirmed"), ==, 1);
  g_assert_cmpint (desk_record_get_enum (figure, "source"), ==, DESK_FIGURE_SOURCE_IMPORT);
  g_assert_cmpstr (desk_record_get_string (figure, "source-name"), ==, "confirmed-0416.csv");
}

/* }}} */
/* Reminders {{{ */

/* A reminder once per threshold, at the times the clock says, never by waiting. */
static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = add_obligations (fixture, "gdpr", NULL);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  gint64 due = desk_test_parse_time ("2026-04-18T14:00:00+09:00");
  DeskReminder *reminder;

  /* Two days ahead, with 24 hours' lead: nothing yet. */
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* 24 hours before: due soon, once. */
  fixture->now = due - 24 * HOUR;
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  reminder = g_ptr_array_index (reminders, 0);
  g_assert_cmpint (desk_reminder_get_kind (reminder), ==, DESK_REMINDER_DUE_SOON);
  g_assert_cmpstr (desk_deadline_get_title (desk_reminder_get_deadline (reminder)), ==,
                   "GDPR (EU): Notification of the breach");
  g_assert_cmpint (desk_deadline_get_incident_id (desk_reminder_get_deadline (reminder)), ==,
                   desk_record_get_id (DESK_RECORD (fixture->incident)));
  g_clear_pointer (&reminders, g_ptr_array_unref);
  fixture->now += HOUR;
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A restart does not repeat it… */
  desk_test_await_finalize (g_steal_pointer (&fixture->store));
  fixture->store = open_store (fixture);
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* …the deadline passing brings the second one, once. */
  fixture->now = due + 1;
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (desk_reminder_get_kind (g_ptr_array_index (reminders, 0)), ==,
                   DESK_REMINDER_OVERDUE);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* A deadline that moves starts again; a filed one is left alone. */
  desk_record_set_int (DESK_RECORD (fixture->incident), "aware-at", fixture->now);
  desk_test_save (fixture->store, fixture->incident);
  fixture->now += 60 * HOUR;
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (desk_reminder_get_kind (g_ptr_array_index (reminders, 0)), ==,
                   DESK_REMINDER_DUE_SOON);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  desk_record_set_enum (find_stage (obligations, "authority"), "status",
                        DESK_OBLIGATION_STATUS_FILED);
  desk_test_save (fixture->store, find_stage (obligations, "authority"));
  fixture->now += 24 * HOUR;
  reminders = desk_store_take_reminders (fixture->store, 24, &error);
  g_assert_cmpuint (reminders->len, ==, 0);
}

static gboolean
never_sent (DeskDeadline     *deadline,
            DeskReminderKind  kind,
            gpointer          user_data)
{
  return FALSE;
}

/* What desk_deadline_select_reminders() picks, for each moment around a deadline. */
static void
test_select_reminders (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskObligation) obligation = desk_obligation_new (fixture->incident, "gdpr",
                                                              "authority");
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 due = desk_test_parse_time ("2026-04-18T14:00:00+09:00");
  static const struct
  {
    gint64   offset;    /* from the due time */
    guint    lead;
    int      kind;      /* -1: none */
  } cases[] = {
    { -25 * HOUR, 24, -1 },
    { -24 * HOUR, 24, DESK_REMINDER_DUE_SOON },
    { -1, 1, DESK_REMINDER_DUE_SOON },
    { -2 * HOUR, 1, -1 },
    { 0, 24, DESK_REMINDER_DUE_SOON },
    { 1, 24, DESK_REMINDER_OVERDUE },
    { 30 * DAY, 24, DESK_REMINDER_OVERDUE },
  };

  desk_record_set_int (DESK_RECORD (obligation), "due-at", due);
  g_ptr_array_add (deadlines, desk_deadline_new (DESK_DEADLINE_KIND_OBLIGATION,
                                                 DESK_RECORD (obligation), "GDPR", NULL, NULL,
                                                 "Asia/Tokyo", FALSE, fixture->now));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) reminders = desk_deadline_select_reminders (deadlines,
                                                                       due + cases[i].offset,
                                                                       cases[i].lead,
                                                                       never_sent, NULL);

      g_test_message ("case %u", i);
      if (cases[i].kind < 0)
        g_assert_cmpuint (reminders->len, ==, 0);
      else
        {
          g_assert_cmpuint (reminders->len, ==, 1);
          g_assert_cmpint (desk_reminder_get_kind (g_ptr_array_index (reminders, 0)), ==,
                           cases[i].kind);
        }
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/deadlines/obligations/add", test_add_obligations);
  ADD ("/desk/deadlines/obligations/follow", test_obligations_follow);
  ADD ("/desk/deadlines/obligations/filed", test_obligations_filed);
  ADD ("/desk/deadlines/obligations/clock-start", test_obligations_clock_start);
  ADD ("/desk/deadlines/time-zone", test_time_zone);
  ADD ("/desk/deadlines/customer-terms", test_customer_terms);
  ADD ("/desk/deadlines/due-next", test_due_next);
  ADD ("/desk/deadlines/async", test_async);
  ADD ("/desk/deadlines/figures", test_figures);
  ADD ("/desk/deadlines/reminders", test_reminders);
  ADD ("/desk/deadlines/reminders/select", test_select_reminders);

#undef ADD

  return g_test_run ();
}
