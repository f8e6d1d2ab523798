/* test-demo.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-demo.h"
#include "desk-test-utils.h"

#define DAY (G_GINT64_CONSTANT (24) * 60 * 60)

#define MAIL_TITLE      "Webmail intrusion at Example Mail Hosting"
#define TELECOM_TITLE   "Customer data exposed through partner app — case "
#define DIRECTORY_TITLE "Directory server intrusion at Example Precision Industries"

typedef struct
{
  DeskStore *store;
  gint64     now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_store (NULL);
  fixture->now = 1776126600;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_await_finalize (fixture->store);
}

static GPtrArray *
list (DeskStore  *store,
      GType       type,
      const char *field,
      gint64      value)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = desk_store_list (store, type, field, value, &error);

  g_assert_no_error (error);
  return records;
}

static guint
count (DeskStore *store,
       GType      type)
{
  g_autoptr(GPtrArray) records = list (store, type, NULL, 0);

  return records->len;
}

static void
populate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_demo_populate (fixture->store, &error));
  g_assert_no_error (error);
}

/* Returns: (transfer none): the incident titled @title; there must be exactly one. */
static DeskRecord *
find_incident (GPtrArray  *incidents,
               const char *title)
{
  DeskRecord *found = NULL;

  for (guint i = 0; i < incidents->len; i++)
    {
      DeskRecord *incident = g_ptr_array_index (incidents, i);

      if (g_str_equal (desk_record_get_string (incident, "title"), title))
        {
          g_assert_null (found);
          found = incident;
        }
    }

  g_assert_nonnull (found);
  return found;
}

static DeskStats *
get_stats (DeskStore  *store,
           DeskRecord *incident)
{
  g_autoptr(GError) error = NULL;
  DeskStats *stats = desk_store_get_stats (store, desk_record_get_id (incident), &error);

  g_assert_no_error (error);
  return stats;
}

/* Returns: (transfer full): the items of every checklist of @incident */
static GPtrArray *
list_incident_items (DeskStore  *store,
                     DeskRecord *incident)
{
  return list (store, DESK_TYPE_CHECKLIST_ITEM, "incident-id", desk_record_get_id (incident));
}

static DeskRecord *
find_item (GPtrArray  *items,
           const char *text)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (desk_record_get_string (g_ptr_array_index (items, i), "text"), text))
      return g_ptr_array_index (items, i);

  g_assert_not_reached ();
}

static gboolean
has_event (DeskStore  *store,
           DeskRecord *incident,
           const char *text)
{
  g_autoptr(GPtrArray) events = list (store, DESK_TYPE_EVENT, "incident-id",
                                      desk_record_get_id (incident));

  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (desk_record_get_string (g_ptr_array_index (events, i), "text"), text))
      return TRUE;

  return FALSE;
}

static void
test_mail_breach (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(DeskStats) stats = NULL;
  static const struct { const char *name; gint64 contracts; } categories[] = {
    { "Account credentials", 132 },
    { "Mail contents and headers", 6 },
    { "Linked cloud service credentials", 488 },
  };
  DeskRecord *mail;
  gint64 detected, mail_id;
  guint regulator = 0, public = 0, done = 0;

  populate (fixture);
  incidents = list (fixture->store, DESK_TYPE_INCIDENT, NULL, 0);
  g_assert_cmpuint (incidents->len, ==, 8);

  mail = find_incident (incidents, MAIL_TITLE);
  mail_id = desk_record_get_id (mail);
  detected = desk_record_get_int (mail, "detected-at");
  g_assert_cmpint (desk_record_get_enum (mail, "status"), ==, DESK_INCIDENT_STATUS_INVESTIGATING);
  g_assert_cmpint (desk_record_get_enum (mail, "severity"), ==, DESK_SEVERITY_CRITICAL);
  /* Relative to the store's clock: detected 9 days ago, disclosed 2 days ago. */
  g_assert_cmpint ((fixture->now - detected) / DAY, ==, 9);
  g_assert_cmpint ((fixture->now - desk_record_get_int (mail, "disclosed-at")) / DAY, ==, 2);
  g_assert_cmpstr (desk_record_get_string (mail, "cause"), ==,
                   "Stack buffer overflow in a third-party webmail component");
  g_assert_true (g_str_has_prefix (desk_record_get_string (mail, "vulnerability-refs"), "JVN#"));

  stats = get_stats (fixture->store, mail);
  g_assert_cmpint (stats->estimated_potential, ==, 4072650);
  g_assert_cmpint (stats->estimated_confirmed, ==, 311288);
  g_assert_cmpuint (stats->categories->len, ==, G_N_ELEMENTS (categories));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      const DeskCategoryCount *count = g_ptr_array_index (stats->categories, i);

      g_assert_cmpstr (count->name, ==, categories[i].name);
      g_assert_cmpint (count->contracts, ==, categories[i].contracts);
    }
  g_assert_cmpint (stats->contracts_unique, ==, 586);
  g_assert_cmpint (stats->contracts_confirmed, ==, 586);
  g_assert_cmpint (stats->contracts_affected, >, 586);
  g_assert_cmpint (stats->contracts_affected, <=, 586 + 30);
  g_assert_cmpint (stats->customers_to_notify, ==, stats->contracts_affected);
  g_assert_cmpint (stats->customers_notified, >=, 400);
  g_assert_cmpint (stats->customers_notified, <=, 420);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_BOUNCED], >, 0);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_DRAFTED], >, 0);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_APPROVED], >, 0);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_NOT_STARTED], >, 0);
  /* Three to five mailboxes per contract; the confirmed ones on confirmed contracts. */
  g_assert_cmpint (stats->confirmed_accounts, >=, 586 * 3);
  g_assert_cmpint (stats->potential_accounts, >, stats->confirmed_accounts);
  g_assert_cmpint (stats->potential_accounts, <=, 5 * stats->contracts_affected);

  notices = list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id", mail_id);
  for (guint i = 0; i < notices->len; i++)
    {
      DeskRecord *notice = g_ptr_array_index (notices, i);
      int status = desk_record_get_enum (notice, "status");
      gint64 sent_at = desk_record_get_int (notice, "sent-at");
      gint64 acknowledged_at = desk_record_get_int (notice, "acknowledged-at");

      /* Times agree with statuses, and nothing happened in the future. */
      if (status == DESK_NOTIFICATION_STATUS_NOT_STARTED ||
          status == DESK_NOTIFICATION_STATUS_DRAFTED ||
          status == DESK_NOTIFICATION_STATUS_APPROVED)
        g_assert_cmpint (sent_at, ==, 0);
      else
        g_assert_cmpint (sent_at, >, detected);
      g_assert_cmpint (sent_at, <=, fixture->now);
      if (status == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED)
        {
          g_assert_cmpint (acknowledged_at, >, sent_at);
          g_assert_cmpint (acknowledged_at, <=, fixture->now);
        }
      else
        g_assert_cmpint (acknowledged_at, ==, 0);

      switch (desk_record_get_enum (notice, "recipient"))
        {
        case DESK_RECIPIENT_REGULATOR:
          regulator++;
          g_assert_cmpstr (desk_record_get_string (notice, "recipient-name"), ==,
                           "Personal Information Protection Commission");
          g_assert_cmpint (desk_record_get_enum (notice, "channel"), ==,
                           DESK_CHANNEL_REGULATOR_FILING);
          g_assert_cmpint (status, ==, DESK_NOTIFICATION_STATUS_SENT);
          break;

        case DESK_RECIPIENT_PUBLIC:
          public++;
          g_assert_cmpint (desk_record_get_enum (notice, "channel"), ==,
                           DESK_CHANNEL_PRESS_RELEASE);
          break;

        default:
          break;
        }
    }
  g_assert_cmpuint (regulator, ==, 1);
  g_assert_cmpuint (public, ==, 1);

  checklists = list (fixture->store, DESK_TYPE_CHECKLIST, "incident-id", mail_id);
  g_assert_cmpuint (checklists->len, ==, 1);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (checklists, 0), "template"), ==,
                   "credential-reset");
  items = list_incident_items (fixture->store, mail);
  g_assert_cmpuint (items->len, ==, 13);
  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);

      if (desk_record_get_enum (item, "status") == DESK_ITEM_STATUS_DONE)
        {
          done++;
          g_assert_cmpint (desk_record_get_int (item, "done-at"), >, 0);
          g_assert_cmpint (desk_record_get_int (item, "done-at"), <=, fixture->now);
        }
    }
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (done, <, items->len);

  events = list (fixture->store, DESK_TYPE_EVENT, "incident-id", mail_id);
  g_assert_cmpuint (events->len, >=, 4);
  g_assert_cmpuint (events->len, <=, 6);
  g_assert_true (has_event (fixture->store, mail,
                            "Unusual outbound traffic detected on webmail servers"));
  g_assert_true (has_event (fixture->store, mail, "Vendor published a fixed version"));
  g_assert_true (has_event (fixture->store, mail, "Preliminary report filed with the regulator"));
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_telecom_cases (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = NULL;
  gint64 contracts[6];
  guint n_cases = 0, n_closed = 0;
  gint64 oldest = G_MAXINT64;
  static const gint64 expected[] = { 1, 2, 5, 17, 40, 254 };

  populate (fixture);
  incidents = list (fixture->store, DESK_TYPE_INCIDENT, NULL, 0);

  for (guint i = 0; i < incidents->len; i++)
    {
      DeskRecord *incident = g_ptr_array_index (incidents, i);
      g_autoptr(DeskStats) stats = NULL;
      g_autoptr(GPtrArray) items = NULL;
      DeskRecord *withdrawn;

      if (!g_str_has_prefix (desk_record_get_string (incident, "title"), TELECOM_TITLE))
        continue;

      g_assert_cmpuint (n_cases, <, G_N_ELEMENTS (contracts));
      stats = get_stats (fixture->store, incident);
      contracts[n_cases++] = stats->contracts_affected;
      g_assert_cmpint (stats->contracts_unique, ==, stats->contracts_affected);
      oldest = MIN (oldest, desk_record_get_int (incident, "detected-at"));

      items = list_incident_items (fixture->store, incident);
      withdrawn = find_item (items, "App withdrawn until the fix is verified");

      if (desk_record_get_enum (incident, "status") == DESK_INCIDENT_STATUS_CLOSED)
        {
          n_closed++;
          g_assert_cmpint (desk_record_get_int (incident, "closed-at"), >,
                           desk_record_get_int (incident, "detected-at"));
          g_assert_cmpint (desk_record_get_int (incident, "closed-at"), <, fixture->now);
          g_assert_cmpint (desk_record_get_enum (withdrawn, "status"), ==, DESK_ITEM_STATUS_DONE);
          g_assert_cmpint (stats->customers_notified, ==, stats->customers_to_notify);
        }
      else
        {
          g_assert_cmpint (desk_record_get_int (incident, "closed-at"), ==, 0);
          g_assert_cmpint (desk_record_get_enum (withdrawn, "status"), ==,
                           DESK_ITEM_STATUS_IN_PROGRESS);
          g_assert_true (has_event (fixture->store, incident,
                                    "Regulator issued written guidance; countermeasures report "
                                    "requested"));
        }

      /* The case with call records: one contract, 138 records. */
      if (stats->contracts_affected == 1)
        g_assert_cmpint (stats->confirmed_accounts, ==, 138);
    }

  g_assert_cmpuint (n_cases, ==, 6);
  g_assert_cmpuint (n_closed, ==, 5);
  /* Over 18 months. */
  g_assert_cmpint ((fixture->now - oldest) / DAY, >=, 500);
  g_assert_cmpint ((fixture->now - oldest) / DAY, <=, 550);

  /* 2 to 254 contracts, and the one contract with call records. */
  qsort (contracts, n_cases, sizeof contracts[0], compare_int64);
  for (guint i = 0; i < n_cases; i++)
    g_assert_cmpint (contracts[i], ==, expected[i]);
}

static void
test_directory_intrusion (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) items = NULL;
  DeskRecord *incident;
  guint overdue = 0;

  populate (fixture);
  incidents = list (fixture->store, DESK_TYPE_INCIDENT, NULL, 0);
  incident = find_incident (incidents, DIRECTORY_TITLE);
  g_assert_cmpint (desk_record_get_enum (incident, "status"), ==, DESK_INCIDENT_STATUS_CONTAINED);
  g_assert_cmpint (desk_record_get_enum (incident, "severity"), ==, DESK_SEVERITY_HIGH);

  checklists = list (fixture->store, DESK_TYPE_CHECKLIST, "incident-id",
                     desk_record_get_id (incident));
  g_assert_cmpuint (checklists->len, ==, 4);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (checklists, 0), "template"), ==,
                   "mfa-rollout");
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (checklists, 1), "template"), ==,
                   "attack-surface-management");
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (checklists, 2), "template"), ==,
                   "patching");

  items = list_incident_items (fixture->store, incident);
  g_assert_cmpuint (items->len, ==, 14 + 13 + 14 + 4);
  g_assert_cmpint (desk_record_get_enum (find_item (items, "Reset every directory password"),
                                         "status"), ==, DESK_ITEM_STATUS_DONE);
  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);
      gint64 due = desk_record_get_int (item, "due-at");
      int status = desk_record_get_enum (item, "status");

      if (due != 0 && due < fixture->now &&
          status != DESK_ITEM_STATUS_DONE && status != DESK_ITEM_STATUS_NOT_APPLICABLE)
        overdue++;
    }
  g_assert_cmpuint (overdue, >=, 5);

  g_assert_true (has_event (fixture->store, incident,
                            "Monitoring of the directory server strengthened"));
}

/* A second run is refused and writes nothing; so does a run that collides half-way. */
/* Returns: (transfer none): the obligation of @stage among @obligations */
static DeskRecord *
find_stage (GPtrArray  *obligations,
            const char *rule,
            const char *stage)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      DeskRecord *obligation = g_ptr_array_index (obligations, i);

      if (g_str_equal (desk_record_get_string (obligation, "rule"), rule) &&
          g_str_equal (desk_record_get_string (obligation, "stage"), stage))
        return obligation;
    }

  g_assert_not_reached ();
}

/* The regulatory clocks, the customers' terms and the figure history the window shows. */
static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  DeskRecord *mail, *final, *directory;
  guint with_terms = 0;

  populate (fixture);
  incidents = list (fixture->store, DESK_TYPE_INCIDENT, NULL, 0);
  mail = find_incident (incidents, MAIL_TITLE);

  /* Unauthorised access to mail: the APPI's 60 days, and the ministry for the secrecy of
   * communications. The preliminary report and the first report are filed. */
  obligations = list (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                      desk_record_get_id (mail));
  g_assert_cmpuint (obligations->len, ==, 5);
  final = find_stage (obligations, "appi", "final");
  g_assert_cmpstr (desk_record_get_string (final, "condition"), ==, "unauthorised-access");
  g_assert_cmpint ((desk_record_get_int (final, "due-at") -
                    desk_record_get_int (mail, "aware-at")) / DAY, >=, 59);
  g_assert_cmpint (desk_record_get_enum (find_stage (obligations, "appi", "preliminary"),
                                         "status"), ==, DESK_OBLIGATION_STATUS_FILED);
  g_assert_cmpint (desk_record_get_enum (find_stage (obligations, "jp-telecom", "first-report"),
                                         "status"), ==, DESK_OBLIGATION_STATUS_FILED);

  /* The published estimates, first the potential, then the confirmed, in the past. */
  figures = list (fixture->store, DESK_TYPE_FIGURE, "incident-id", desk_record_get_id (mail));
  g_assert_cmpuint (figures->len, ==, 2);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (figures, 0), "potential"), ==,
                   4072650);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (figures, 0), "confirmed"), ==, 0);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (figures, 1), "confirmed"), ==, 311288);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (figures, 1), "recorded-at"), <,
                   fixture->now);

  /* Contracts with terms have due times; those not notified by then are overdue. */
  deadlines = desk_store_list_deadlines (fixture->store, desk_record_get_id (mail), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    with_terms += desk_deadline_get_kind (g_ptr_array_index (deadlines, i)) ==
                  DESK_DEADLINE_KIND_NOTICE;
  g_assert_cmpuint (with_terms, >=, 100);

  overdue = desk_store_count_overdue (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >=, 1);
  g_assert_cmpint (g_array_index (overdue, DeskOverdueCount, 0).notices, >, 0);

  /* The directory intrusion: employees' data, filed and told. */
  directory = find_incident (incidents, DIRECTORY_TITLE);
  g_clear_pointer (&obligations, g_ptr_array_unref);
  obligations = list (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                      desk_record_get_id (directory));
  g_assert_cmpuint (obligations->len, ==, 3);
  g_assert_cmpint (desk_record_get_enum (find_stage (obligations, "appi", "individuals"),
                                         "status"), ==, DESK_OBLIGATION_STATUS_FILED);
  g_assert_cmpint (desk_record_get_enum (find_stage (obligations, "appi", "final"), "status"),
                   ==, DESK_OBLIGATION_STATUS_OPEN);

  /* Each telecom case reported to the ministry; only the open one's detailed report is due. */
  for (guint i = 0; i < incidents->len; i++)
    {
      DeskRecord *incident = g_ptr_array_index (incidents, i);
      g_autoptr(GPtrArray) reports = NULL;
      gboolean open;

      if (!g_str_has_prefix (desk_record_get_string (incident, "title"), TELECOM_TITLE))
        continue;

      open = desk_record_get_enum (incident, "status") != DESK_INCIDENT_STATUS_CLOSED;
      reports = list (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                      desk_record_get_id (incident));
      g_assert_cmpuint (reports->len, ==, 2);
      g_assert_cmpint (desk_record_get_enum (find_stage (reports, "jp-telecom", "detailed-report"),
                                             "status"), ==,
                       open ? DESK_OBLIGATION_STATUS_OPEN : DESK_OBLIGATION_STATUS_FILED);
    }
}

static void
test_populate_twice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GType types[] = { DESK_TYPE_INCIDENT, DESK_TYPE_CUSTOMER, DESK_TYPE_AFFECTED,
                    DESK_TYPE_NOTIFICATION, DESK_TYPE_CHECKLIST_ITEM, DESK_TYPE_EVENT };
  guint counts[G_N_ELEMENTS (types)];

  populate (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    counts[i] = count (fixture->store, types[i]);
  g_assert_cmpuint (counts[0], ==, 8);

  fixture->now += DAY;
  g_assert_false (desk_demo_populate (fixture->store, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already holds the demo"));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpuint (count (fixture->store, types[i]), ==, counts[i]);
}

static void
test_populate_is_atomic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCustomer) existing = desk_customer_new ("MH-10300", "Someone else's contract");

  g_assert_true (desk_store_save (fixture->store, DESK_RECORD (existing), &error));
  g_assert_no_error (error);

  /* The 300th mail customer collides after hundreds of records were written. */
  g_assert_false (desk_demo_populate (fixture->store, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_cmpuint (count (fixture->store, DESK_TYPE_INCIDENT), ==, 0);
  g_assert_cmpuint (count (fixture->store, DESK_TYPE_CUSTOMER), ==, 1);
  g_assert_cmpuint (count (fixture->store, DESK_TYPE_CATEGORY), ==, 0);
  g_assert_cmpuint (count (fixture->store, DESK_TYPE_NOTIFICATION), ==, 0);

  /* Once the contract is out of the way, the demo goes in whole. */
  g_assert_true (desk_store_delete (fixture->store, DESK_RECORD (existing), &error));
  g_assert_no_error (error);
  populate (fixture);
  g_assert_cmpuint (count (fixture->store, DESK_TYPE_INCIDENT), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  /* Isolated configuration folders: no rules file of the user's. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/demo/mail-breach", test_mail_breach);
  ADD ("/desk/demo/telecom-cases", test_telecom_cases);
  ADD ("/desk/demo/directory-intrusion", test_directory_intrusion);
  ADD ("/desk/demo/deadlines", test_deadlines);
  ADD ("/desk/demo/populate-twice", test_populate_twice);
  ADD ("/desk/demo/populate-is-atomic", test_populate_is_atomic);

#undef ADD

  return g_test_run ();
}
