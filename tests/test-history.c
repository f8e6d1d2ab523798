/* test-history.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An incident's history in sentences: the pure functions that turn audit entries into text
 * (desk-history-text.c), and the lines gathered from a store with the names the entries do not
 * carry (desk-history.c). No display. */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "desk-audit-entry.h"
#include "desk-history.h"
#include "desk-test-utils.h"

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
    { "Sato", "obligation", "create", NULL,
      "{\"rule\":\"appi\",\"stage\":\"final\",\"condition\":\"other\",\"status\":\"open\"}",
      "Sato added the obligation appi/final" },
    { "Sato", "obligation", "update", "{\"status\":\"open\",\"filed_at\":null}",
      "{\"status\":\"filed\",\"filed_at\":1776159000}",
      "Sato marked an obligation Filed" },
    { "Sato", "obligation", "update", "{\"due_at\":1776159000}", "{\"due_at\":1776245400}",
      "Sato set the due date of an obligation to 15 Apr 2026" },
    { "Sato", "incident", "update", "{\"aware_at\":null}", "{\"aware_at\":1776159000}",
      "Sato set the awareness time of the incident to 14 Apr 2026 09:30" },
    { "Sato", "figure", "create", NULL,
      "{\"potential\":4072650,\"confirmed\":311288,\"source\":\"estimate\"}",
      "Sato recorded 4,072,650 accounts potentially affected, 311,288 confirmed" },
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

/* A field and its values as the conflicts list shows them. */
static void
test_text_values (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 4, 14, 9, 30, 0);
  g_autofree char *at = g_strdup_printf ("%lld", (long long) g_date_time_to_unix (noon));
  struct
  {
    const char *kind;
    const char *column;
    const char *json;
    const char *text;
  } values[] = {
    { "checklist_item", "status", "\"in-progress\"", "In progress" },
    { "incident", "severity", "\"critical\"", "Critical" },
    { "incident", "estimated_potential", "4072650", "4,072,650" },
    { "incident", "title", "\"Mail breach\"", "Mail breach" },
    { "event", "happened_at", at, "14 Apr 2026 09:30" },
    { "affected", "categories", "[\"a\", \"b\", \"c\"]", "3 breach categories" },
    { "checklist_item", "owner", "null", "none" },
    { "checklist_item", "owner", NULL, "none" },
  };

  g_assert_cmpstr (desk_history_field_label ("due_at"), ==, "due date");
  g_assert_cmpstr (desk_history_field_label ("no_such_field"), ==, "no_such_field");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = desk_history_value_text (values[i].kind, values[i].column,
                                                       values[i].json);

      g_assert_cmpstr (text, ==, values[i].text);
    }
}

/* }}} */
/* Gathered from a store {{{ */

static char *
describe_line (GPtrArray *groups,
               guint      i)
{
  return desk_history_group_describe (g_ptr_array_index (groups, i));
}

static void
test_gather (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store (NULL);
  g_autoptr(DeskIncident) incident = desk_incident_new ("Webmail intrusion");
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(DeskNotification) notice = NULL;
  g_autoptr(DeskEvent) event = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) unnamed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = START;
  g_autofree char *text = NULL;

  desk_store_set_clock (store, desk_test_fixed_clock, &now);
  desk_test_save (store, incident);
  customer = desk_test_save (store, desk_customer_new ("K-10001", "Example Corp"));
  affected = desk_test_save (store, desk_affected_new (incident, customer));
  notice = desk_test_save (store, desk_notification_new (incident, affected));

  /* Ito sends the notice two minutes later; a timeline event an hour after. */
  now = START + 120;
  desk_store_set_actor (store, "Ito");
  desk_record_set_enum (DESK_RECORD (notice), "status", DESK_NOTIFICATION_STATUS_SENT);
  desk_test_save (store, notice);
  event = desk_event_new (incident, START + 3600, "Vendor published a fix");
  desk_test_save (store, event);

  groups = desk_history_gather (store, desk_record_get_id (DESK_RECORD (incident)), 10, NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >=, 3);

  text = describe_line (groups, 0);
  g_assert_cmpstr (text, ==, "Vendor published a fix");
  g_free (text);
  /* The audit entry names no customer: the store does. */
  text = describe_line (groups, 1);
  g_assert_cmpstr (text, ==, "Ito marked the notice to K-10001 (Example Corp) Sent");
  g_free (text);

  /* Past the lines asked to be named, the wording stays generic. */
  unnamed = desk_history_gather (store, desk_record_get_id (DESK_RECORD (incident)), 1, NULL,
                                 &error);
  g_assert_no_error (error);
  text = describe_line (unnamed, 1);
  g_assert_cmpstr (text, ==, "Ito marked a notice Sent");
}

static void
test_gather_cancelled (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store (NULL);
  g_autoptr(DeskIncident) incident = desk_incident_new ("Webmail intrusion");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  desk_test_save (store, incident);
  g_cancellable_cancel (cancellable);
  groups = desk_history_gather (store, desk_record_get_id (DESK_RECORD (incident)), 10,
                                cancellable, &error);
  g_assert_null (groups);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/history/describe", test_text_describe);
  g_test_add_func ("/desk/history/describe-full", test_text_describe_full);
  g_test_add_func ("/desk/history/groups", test_text_groups);
  g_test_add_func ("/desk/history/times", test_text_times);
  g_test_add_func ("/desk/history/values", test_text_values);
  g_test_add_func ("/desk/history/gather", test_gather);
  g_test_add_func ("/desk/history/gather-cancelled", test_gather_cancelled);

  return g_test_run ();
}
