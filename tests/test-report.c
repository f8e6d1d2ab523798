/* test-report.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What an export holds, before any format: desk_report_gather() on the sample data and on small
 * incidents made for a case (a deleted checklist, overdue items, late notices). */

#include "config.h"

#include "desk-demo.h"
#include "desk-report.h"
#include "desk-test-utils.h"

#define HOUR (G_GINT64_CONSTANT (60) * 60)
#define DAY  (24 * HOUR)

#define MAIL_TITLE      "Webmail intrusion at Example Mail Hosting"
#define DIRECTORY_TITLE "Directory server intrusion at Example Precision Industries"

typedef struct
{
  DeskStore    *store;
  gint64        now;
  DeskIncident *incident;
} Fixture;

/* The sample data, made once. */
static DeskStore *demo;
static gint64 demo_now = 1776126600;

/* Helpers {{{ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_store (NULL);
  fixture->now = 1776126600;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Test incident"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->incident);
  desk_test_await_finalize (fixture->store);
}

static DeskIncident *
find_incident (DeskStore  *store,
               const char *title)
{
  g_autoptr(GPtrArray) incidents = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, NULL);

  for (guint i = 0; i < incidents->len; i++)
    if (g_str_equal (desk_record_get_string (g_ptr_array_index (incidents, i), "title"), title))
      return g_object_ref (g_ptr_array_index (incidents, i));

  g_assert_not_reached ();
}

static DeskReport *
gather (DeskStore      *store,
        DeskExportWhat  what,
        DeskIncident   *incident,
        DeskChecklist  *checklist)
{
  g_autoptr(GError) error = NULL;
  DeskReport *report = desk_report_gather (store, what, incident, checklist, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static DeskReportSection *
find_section (DeskReport *report,
              const char *id)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      DeskReportSection *section = g_ptr_array_index (report->sections, i);

      if (g_str_equal (section->id, id))
        return section;
    }

  g_assert_not_reached ();
}

static guint
find_column (DeskReportTable *table,
             const char      *key)
{
  for (guint c = 0; c < desk_report_table_get_n_columns (table); c++)
    if (g_str_equal (desk_report_table_get_column (table, c)->key, key))
      return c;

  g_assert_not_reached ();
}

static const DeskReportCell *
cell (DeskReportTable *table,
      guint            row,
      const char      *key)
{
  return desk_report_table_get_cell (table, row, find_column (table, key));
}

/* The row whose cell in column @key reads @text. */
static guint
find_row (DeskReportTable *table,
          const char      *key,
          const char      *text)
{
  for (guint r = 0; r < desk_report_table_get_n_rows (table); r++)
    if (g_strcmp0 (cell (table, r, key)->text, text) == 0)
      return r;

  g_assert_not_reached ();
}

/* Returns: (transfer full): the notice the store put on the ledger for @affected */
static DeskNotification *
ledger_row (DeskStore    *store,
            DeskAffected *affected)
{
  g_autoptr(GPtrArray) notices = desk_store_list (store, DESK_TYPE_NOTIFICATION, "affected-id",
                                                  desk_record_get_id (DESK_RECORD (affected)),
                                                  NULL);

  g_assert_cmpuint (notices->len, ==, 1);
  return g_object_ref (g_ptr_array_index (notices, 0));
}

static DeskChecklist *
add_checklist (Fixture    *fixture,
               const char *title,
               guint       n_items)
{
  DeskChecklist *checklist = desk_test_save (fixture->store,
                                             desk_checklist_new (fixture->incident, title));

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s item %u", title, i + 1);

      g_object_unref (desk_test_save (fixture->store, desk_checklist_item_new (checklist, text)));
    }

  return checklist;
}

/* }}} */
/* Checklists {{{ */

static void
test_checklists_demo (void)
{
  g_autoptr(DeskIncident) incident = find_incident (demo, DIRECTORY_TITLE);
  g_autoptr(DeskReport) report = gather (demo, DESK_EXPORT_WHAT_CHECKLISTS, incident, NULL);
  g_autoptr(GPtrArray) checklists = desk_store_list (demo, DESK_TYPE_CHECKLIST, "incident-id",
                                                     desk_record_get_id (DESK_RECORD (incident)),
                                                     NULL);

  g_assert_cmpstr (report->title, ==, "Remediation checklists");
  g_assert_cmpstr (report->incident_title, ==, DIRECTORY_TITLE);
  g_assert_cmpuint (report->sections->len, ==, checklists->len);

  for (guint i = 0; i < checklists->len; i++)
    {
      DeskRecord *checklist = g_ptr_array_index (checklists, i);
      DeskReportSection *section = g_ptr_array_index (report->sections, i);
      g_autoptr(GPtrArray) items = desk_store_list (demo, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                                                    desk_record_get_id (checklist), NULL);
      guint n_overdue = 0;

      g_assert_cmpstr (section->id, ==, "checklist");
      g_assert_cmpstr (section->uuid, ==, desk_record_get_uuid (checklist));
      g_assert_cmpstr (section->title, ==, desk_record_get_string (checklist, "title"));
      g_assert_cmpuint (desk_report_table_get_n_rows (section->table), ==, items->len);

      for (guint r = 0; r < items->len; r++)
        {
          DeskRecord *item = g_ptr_array_index (items, r);
          const DeskReportCell *due = cell (section->table, r, "due_at");
          const DeskReportCell *overdue = cell (section->table, r, "overdue");

          g_assert_cmpstr (cell (section->table, r, "text")->text, ==,
                           desk_record_get_string (item, "text"));
          g_assert_cmpint (due->number, ==, desk_record_get_int (item, "due-at"));
          g_assert_cmpint (due->alert, ==, overdue->number);
          g_assert_cmpint (due->remark != NULL, ==, overdue->number);
          n_overdue += overdue->number;
        }

      g_assert_cmpint (cell (section->facts, 0, "overdue")->number, ==, n_overdue);
      g_assert_cmpint (cell (section->facts, 0, "items")->number, ==, items->len);
    }
}

/* Deleting a checklist marks only the checklist deleted: its items must not show. */
static void
test_deleted_checklist (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeskChecklist) kept = add_checklist (fixture, "Kept", 2);
  g_autoptr(DeskChecklist) dropped = add_checklist (fixture, "Dropped", 3);
  g_autoptr(DeskReport) checklists = NULL;
  g_autoptr(DeskReport) status = NULL;
  g_autoptr(GError) error = NULL;
  DeskReportTable *open;

  g_assert_true (desk_store_delete (fixture->store, DESK_RECORD (dropped), &error));
  g_assert_no_error (error);

  checklists = gather (fixture->store, DESK_EXPORT_WHAT_CHECKLISTS, fixture->incident, NULL);
  g_assert_cmpuint (checklists->sections->len, ==, 1);
  g_assert_cmpstr (((DeskReportSection *) g_ptr_array_index (checklists->sections, 0))->title, ==,
                   "Kept");

  status = gather (fixture->store, DESK_EXPORT_WHAT_STATUS, fixture->incident, NULL);
  open = find_section (status, "open-items")->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (open), ==, 2);
  for (guint r = 0; r < 2; r++)
    g_assert_cmpstr (cell (open, r, "checklist")->text, ==, "Kept");
}

static void
test_one_checklist (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskChecklist) first = add_checklist (fixture, "First", 1);
  g_autoptr(DeskChecklist) second = add_checklist (fixture, "Second", 4);
  g_autoptr(DeskIncident) other = desk_test_save (fixture->store, desk_incident_new ("Other"));
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(DeskReport) refused = NULL;
  g_autoptr(GError) error = NULL;
  DeskReportSection *section;

  report = gather (fixture->store, DESK_EXPORT_WHAT_CHECKLISTS, fixture->incident, second);
  g_assert_cmpuint (report->sections->len, ==, 1);
  section = g_ptr_array_index (report->sections, 0);
  g_assert_cmpstr (section->title, ==, "Second");
  g_assert_cmpuint (desk_report_table_get_n_rows (section->table), ==, 4);
  g_assert_cmpstr (cell (section->facts, 0, "progress")->text, ==, "0 of 4 done");

  refused = desk_report_gather (fixture->store, DESK_EXPORT_WHAT_CHECKLISTS, other, second,
                                &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_null (refused);
}

static void
test_no_checklists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskReport) report = gather (fixture->store, DESK_EXPORT_WHAT_CHECKLISTS,
                                         fixture->incident, NULL);
  DeskReportSection *section;

  g_assert_cmpuint (report->sections->len, ==, 1);
  section = g_ptr_array_index (report->sections, 0);
  g_assert_cmpstr (section->id, ==, "checklists");
  g_assert_nonnull (section->text);
  g_assert_cmpuint (desk_report_table_get_n_rows (section->table), ==, 0);
  g_assert_cmpuint (desk_report_table_get_n_columns (section->table), >, 0);
}

/* Open items: soonest due first, those without a due time last, finished ones left out. */
static void
test_open_items_order (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->store,
                                                       desk_checklist_new (fixture->incident,
                                                                           "Order"));
  static const struct { const char *text; gint64 due; DeskItemStatus status; } items[] = {
    { "no date", 0, DESK_ITEM_STATUS_TODO },
    { "next week", 7 * DAY, DESK_ITEM_STATUS_IN_PROGRESS },
    { "done long ago", -9 * DAY, DESK_ITEM_STATUS_DONE },
    { "two days late", -2 * DAY, DESK_ITEM_STATUS_BLOCKED },
    { "not applicable", -3 * DAY, DESK_ITEM_STATUS_NOT_APPLICABLE },
  };
  static const char * const expected[] = { "two days late", "next week", "no date" };
  g_autoptr(DeskReport) report = NULL;
  DeskReportTable *open;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(DeskChecklistItem) item = desk_checklist_item_new (checklist, items[i].text);

      desk_record_set_int (DESK_RECORD (item), "due-at", items[i].due ? fixture->now + items[i].due
                                                                      : 0);
      desk_record_set_enum (DESK_RECORD (item), "status", items[i].status);
      desk_test_save (fixture->store, item);
    }

  report = gather (fixture->store, DESK_EXPORT_WHAT_STATUS, fixture->incident, NULL);
  open = find_section (report, "open-items")->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (open), ==, G_N_ELEMENTS (expected));
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    g_assert_cmpstr (cell (open, r, "text")->text, ==, expected[r]);

  g_assert_true (cell (open, 0, "due_at")->alert);
  g_assert_cmpstr (cell (open, 0, "due_at")->remark, ==, "Overdue by 2 days");
  g_assert_false (cell (open, 1, "due_at")->alert);
  g_assert_true (cell (open, 2, "due_at")->blank);
  g_assert_cmpstr (find_section (report, "open-items")->text, ==, "3 open items, 1 overdue.");
}

/* }}} */
/* Status report and ledger {{{ */

static void
test_status_demo (void)
{
  g_autoptr(DeskIncident) incident = find_incident (demo, MAIL_TITLE);
  g_autoptr(DeskReport) report = gather (demo, DESK_EXPORT_WHAT_STATUS, incident, NULL);
  g_autoptr(DeskStats) stats = desk_store_get_stats (demo,
                                                     desk_record_get_id (DESK_RECORD (incident)),
                                                     NULL);
  static const char * const sections[] = {
    "incident", "key-figures", "notifications", "channels", "pending-notices", "other-notices",
    "open-items", "timeline",
  };
  DeskReportTable *figures, *pending, *timeline;
  g_autofree char *chart_text = NULL;
  DeskChart *chart;
  guint row;

  g_assert_cmpuint (report->sections->len, ==, G_N_ELEMENTS (sections));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_cmpstr (((DeskReportSection *) g_ptr_array_index (report->sections, i))->id, ==,
                     sections[i]);

  /* Counted and announced apart; categories, and contracts without duplicates, as details. */
  figures = find_section (report, "key-figures")->table;
  row = 0;
  g_assert_cmpstr (cell (figures, row, "figure")->nick, ==, "potential_accounts");
  g_assert_cmpint (cell (figures, row, "counted")->number, ==, stats->potential_accounts);
  g_assert_cmpint (cell (figures, row, "announced")->number, ==, 4072650);
  row = find_row (figures, "figure", "Accounts confirmed");
  g_assert_cmpint (cell (figures, row, "announced")->number, ==, 311288);
  row = find_row (figures, "figure", "Contracts affected");
  g_assert_true (cell (figures, row, "announced")->blank);
  row = find_row (figures, "figure", "Account credentials");
  g_assert_cmpint (cell (figures, row, "counted")->number, ==, 132);
  g_assert_cmpint (desk_report_table_get_row_flags (figures, row), ==, DESK_REPORT_ROW_DETAIL);
  row = find_row (figures, "figure", "Linked cloud service credentials");
  g_assert_cmpint (cell (figures, row, "counted")->number, ==, 488);
  row = find_row (figures, "figure", "In a breach category, without duplicates");
  g_assert_cmpint (cell (figures, row, "counted")->number, ==, 586);

  g_assert_cmpstr (find_section (report, "notifications")->text, ==,
                   "412 of 606 customers notified.");

  /* The notices over time against the deadlines, as a chart for documents to draw. */
  chart = find_section (report, "notifications")->chart;
  g_assert_nonnull (chart);
  chart_text = desk_chart_describe (chart);
  g_assert_true (g_str_has_prefix (chart_text, "Contracts notified over time. Notified: "));
  g_assert_nonnull (strstr (chart_text, " To notify: 606. "));
  g_assert_nonnull (strstr (chart_text, " Deadline: APPI (Japan): Final report, "));
  g_assert_null (find_section (report, "key-figures")->chart);

  /* Notices with a deadline not sent yet, by deadline; the late ones marked. */
  pending = find_section (report, "pending-notices")->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (pending), >, 0);
  for (guint r = 0; r < desk_report_table_get_n_rows (pending); r++)
    {
      const DeskReportCell *due = cell (pending, r, "due_at");

      g_assert_cmpint (due->number, !=, 0);
      g_assert_cmpint (due->alert, ==, due->number < demo_now);
      g_assert_cmpint (cell (pending, r, "late")->number, ==, due->alert);
      if (r > 0)
        g_assert_cmpint (cell (pending, r - 1, "due_at")->number, <=, due->number);
    }

  /* The latest lines of the history, newest first: the sample data was entered after its
   * events, so its changes come first. */
  timeline = find_section (report, "timeline")->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (timeline), ==, 12);
  g_assert_true (g_str_has_prefix (find_section (report, "timeline")->text, "The 12 latest of "));
  find_row (timeline, "text", "Test Runner added 606 affected customers");
}

static void
test_ledger_demo (void)
{
  g_autoptr(DeskIncident) incident = find_incident (demo, MAIL_TITLE);
  g_autoptr(DeskReport) report = gather (demo, DESK_EXPORT_WHAT_LEDGER, incident, NULL);
  DeskReportSection *others, *customers;
  guint row;

  g_assert_cmpuint (report->sections->len, ==, 2);
  others = find_section (report, "other-notices");
  customers = find_section (report, "customers");
  g_assert_true (desk_report_table_same_columns (others->table, customers->table));
  g_assert_cmpuint (desk_report_table_get_n_rows (others->table), ==, 2);
  g_assert_cmpuint (desk_report_table_get_n_rows (customers->table), ==, 606);

  g_assert_cmpstr (cell (others->table, 0, "recipient")->nick, ==, "regulator");
  g_assert_cmpstr (cell (others->table, 0, "name")->text, ==,
                   "Personal Information Protection Commission");
  g_assert_true (cell (others->table, 0, "contract_id")->blank);

  /* In contract order; a contract still under review is only potentially affected. */
  g_assert_cmpstr (cell (customers->table, 0, "contract_id")->text, ==, "MH-10001");
  row = find_row (customers->table, "contract_id", "MH-10600");
  g_assert_cmpstr (cell (customers->table, row, "exposure")->nick, ==, "potential");
  g_assert_cmpstr (cell (customers->table, row, "status")->nick, ==, "not-started");
  g_assert_false (cell (customers->table, row, "note")->blank);
}

/* A deadline passed before the notice went out: late, whether it went out since or not. */
static void
test_late_notices (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char             *contract;
    gint64                  due, sent;
    DeskNotificationStatus  status;
    const char             *remark;
  } notices[] = {
    { "C-1", -DAY, 0, DESK_NOTIFICATION_STATUS_DRAFTED, "Overdue, not sent" },
    { "C-2", -DAY, -2 * HOUR, DESK_NOTIFICATION_STATUS_SENT, "Sent late" },
    { "C-3", -DAY, -2 * DAY, DESK_NOTIFICATION_STATUS_DELIVERED, NULL },
    { "C-4", DAY, 0, DESK_NOTIFICATION_STATUS_APPROVED, NULL },
    { "C-5", 0, 0, DESK_NOTIFICATION_STATUS_NOT_STARTED, NULL },
  };
  g_autoptr(DeskReport) ledger = NULL;
  g_autoptr(DeskReport) status = NULL;
  DeskReportTable *customers, *pending;

  for (guint i = 0; i < G_N_ELEMENTS (notices); i++)
    {
      g_autoptr(DeskCustomer) customer = desk_customer_new (notices[i].contract, NULL);
      g_autoptr(DeskAffected) affected = desk_affected_new (fixture->incident, customer);
      g_autoptr(DeskNotification) notice = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (desk_store_add_affected_customer (fixture->store, customer, affected,
                                                       &error));
      g_assert_no_error (error);
      notice = ledger_row (fixture->store, affected);
      desk_record_set_enum (DESK_RECORD (notice), "status", notices[i].status);
      if (notices[i].due != 0)
        desk_record_set_int (DESK_RECORD (notice), "due-at", fixture->now + notices[i].due);
      if (notices[i].sent != 0)
        desk_record_set_int (DESK_RECORD (notice), "sent-at", fixture->now + notices[i].sent);
      desk_test_save (fixture->store, notice);
    }

  ledger = gather (fixture->store, DESK_EXPORT_WHAT_LEDGER, fixture->incident, NULL);
  customers = find_section (ledger, "customers")->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (customers), ==, G_N_ELEMENTS (notices));
  for (guint i = 0; i < G_N_ELEMENTS (notices); i++)
    {
      guint row = find_row (customers, "contract_id", notices[i].contract);

      g_assert_cmpstr (cell (customers, row, "due_at")->remark, ==, notices[i].remark);
      g_assert_cmpint (cell (customers, row, "late")->number, ==, notices[i].remark != NULL);
    }

  /* Not sent yet: the two with a deadline, the late one first; the one without is counted. */
  status = gather (fixture->store, DESK_EXPORT_WHAT_STATUS, fixture->incident, NULL);
  pending = find_section (status, "pending-notices")->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (pending), ==, 2);
  g_assert_cmpstr (cell (pending, 0, "contract_id")->text, ==, "C-1");
  g_assert_cmpstr (cell (pending, 1, "contract_id")->text, ==, "C-4");
  g_assert_nonnull (strstr (find_section (status, "pending-notices")->text,
                            "1 more customer, without a deadline"));
}

/* }}} */
/* Changes since the last export {{{ */

/* Gathers, marks the changes since the last export of an earlier day, and remembers. */
static DeskReport *
export_now (Fixture        *fixture,
            DeskExportWhat  what)
{
  g_autoptr(DeskReport) report = gather (fixture->store, what, fixture->incident, NULL);
  g_autofree char *snapshot = desk_report_snapshot (report);
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_report_mark_changes (report, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (desk_report_remember (report, fixture->store, snapshot, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&report);
}

static gint64
find_earlier (Fixture        *fixture,
              DeskExportWhat  what)
{
  g_autoptr(GError) error = NULL;
  gint64 exported_at = -1;

  g_assert_true (desk_report_find_earlier (fixture->store, what,
                                           desk_record_get_id (DESK_RECORD (fixture->incident)),
                                           NULL, &exported_at, &error));
  g_assert_no_error (error);
  return exported_at;
}

static void
set_status (Fixture        *fixture,
            DeskRecord     *item,
            DeskItemStatus  status)
{
  desk_record_set_enum (item, "status", status);
  desk_test_save (fixture->store, item);
}

static void
test_changes_since_last (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskChecklist) checklist = add_checklist (fixture, "Reset", 3);
  g_autoptr(GPtrArray) items = desk_store_list (fixture->store, DESK_TYPE_CHECKLIST_ITEM,
                                                "checklist-id",
                                                desk_record_get_id (DESK_RECORD (checklist)),
                                                NULL);
  g_autoptr(DeskCustomer) customer = desk_customer_new ("C-1", "Customer");
  g_autoptr(DeskAffected) affected = desk_affected_new (fixture->incident, customer);
  g_autoptr(DeskChecklistItem) added = NULL;
  g_autoptr(DeskReport) first = NULL;
  g_autoptr(DeskReport) checklists = NULL;
  g_autoptr(DeskReport) status = NULL;
  g_autoptr(GError) error = NULL;
  DeskReportTable *table, *figures;
  gint64 first_at = fixture->now;

  g_assert_true (desk_store_add_affected_customer (fixture->store, customer, affected, &error));
  g_assert_true (desk_store_add_account (fixture->store, affected, "a@example.jp",
                                         DESK_EXPOSURE_POTENTIAL, 0, &error));
  g_assert_no_error (error);

  /* The first exports compare with nothing, and say so by marking nothing. */
  first = export_now (fixture, DESK_EXPORT_WHAT_CHECKLISTS);
  g_assert_cmpint (first->compared_at, ==, 0);
  g_assert_null (first->compared_text);
  g_clear_pointer (&first, desk_report_free);
  first = export_now (fixture, DESK_EXPORT_WHAT_STATUS);
  g_assert_cmpint (find_column (find_section (first, "key-figures")->table, "counted"), ==, 1);

  /* A week later: an item done, one gone, one new; two more accounts. */
  fixture->now += 7 * DAY;
  set_status (fixture, g_ptr_array_index (items, 0), DESK_ITEM_STATUS_DONE);
  g_assert_true (desk_store_delete (fixture->store, g_ptr_array_index (items, 1), &error));
  added = desk_test_save (fixture->store, desk_checklist_item_new (checklist, "Reset item 4"));
  g_assert_true (desk_store_add_account (fixture->store, affected, "b@example.jp",
                                         DESK_EXPOSURE_CONFIRMED, 0, &error));
  g_assert_true (desk_store_add_account (fixture->store, affected, "c@example.jp",
                                         DESK_EXPOSURE_POTENTIAL, 0, &error));
  g_assert_no_error (error);

  checklists = export_now (fixture, DESK_EXPORT_WHAT_CHECKLISTS);
  g_assert_cmpint (checklists->compared_at, ==, first_at);
  g_assert_nonnull (strstr (checklists->compared_text, "Changes since "));
  table = ((DeskReportSection *) g_ptr_array_index (checklists->sections, 0))->table;
  g_assert_cmpuint (desk_report_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (cell (table, 0, "changes")->text, ==, "Status was To do");
  g_assert_true (cell (table, 1, "changes")->blank);
  g_assert_cmpstr (cell (table, 2, "text")->text, ==, "Reset item 4");
  g_assert_cmpstr (cell (table, 2, "changes")->text, ==, "New");
  g_assert_cmpstr (((DeskReportSection *) g_ptr_array_index (checklists->sections, 0))->text, ==,
                   "1 row of the last export is gone.");
  g_assert_true (g_str_has_prefix (desk_report_table_get_column (table,
                                                                 find_column (table,
                                                                              "changes"))->title,
                                   "Since "));

  /* Figures that moved, by how much; those that did not, blank. */
  status = export_now (fixture, DESK_EXPORT_WHAT_STATUS);
  figures = find_section (status, "key-figures")->table;
  g_assert_cmpstr (cell (figures, find_row (figures, "figure", "Accounts potentially affected"),
                         "changes")->text, ==, "Counted +2");
  g_assert_cmpstr (cell (figures, find_row (figures, "figure", "Accounts confirmed"),
                         "changes")->text, ==, "Counted +1");
  g_assert_true (cell (figures, find_row (figures, "figure", "Contracts affected"),
                       "changes")->blank);
}

/* Exports made the same day, for one meeting, all compare with the meeting before. */
static void
test_changes_same_day (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskChecklist) checklist = add_checklist (fixture, "Patch", 2);
  g_autoptr(GPtrArray) items = desk_store_list (fixture->store, DESK_TYPE_CHECKLIST_ITEM,
                                                "checklist-id",
                                                desk_record_get_id (DESK_RECORD (checklist)),
                                                NULL);
  g_autoptr(DeskReport) before = export_now (fixture, DESK_EXPORT_WHAT_CHECKLISTS);
  gint64 meeting = fixture->now;

  /* Known before the export, for the window to offer marking the changes: not the same day,
   * nor another kind of export. */
  g_assert_cmpint (find_earlier (fixture, DESK_EXPORT_WHAT_CHECKLISTS), ==, 0);
  fixture->now += 7 * DAY;
  g_assert_cmpint (find_earlier (fixture, DESK_EXPORT_WHAT_CHECKLISTS), ==, meeting);
  g_assert_cmpint (find_earlier (fixture, DESK_EXPORT_WHAT_STATUS), ==, 0);

  set_status (fixture, g_ptr_array_index (items, 1), DESK_ITEM_STATUS_BLOCKED);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DeskReport) report = export_now (fixture, DESK_EXPORT_WHAT_CHECKLISTS);
      DeskReportTable *table = ((DeskReportSection *) g_ptr_array_index (report->sections,
                                                                         0))->table;

      g_assert_cmpint (report->compared_at, ==, meeting);
      g_assert_cmpstr (cell (table, 1, "changes")->text, ==, "Status was To do");
      fixture->now += HOUR;
    }
}

/* The timeline reads as the History page: events, and changes in sentences that name what
 * they changed. */
static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(DeskNotification) notice = NULL;
  g_autoptr(DeskEvent) event = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(DeskReport) later = NULL;
  DeskReportTable *timeline;
  guint row;

  customer = desk_test_save (fixture->store, desk_customer_new ("K-10001", "Example Corp"));
  affected = desk_test_save (fixture->store, desk_affected_new (fixture->incident, customer));
  notice = ledger_row (fixture->store, affected);
  event = desk_event_new (fixture->incident, fixture->now - DAY, "Vendor published a fix");
  desk_record_set_string (DESK_RECORD (event), "actor", "SOC");
  desk_test_save (fixture->store, event);

  fixture->now += HOUR;
  desk_store_set_actor (fixture->store, "Ito");
  desk_record_set_enum (DESK_RECORD (notice), "status", DESK_NOTIFICATION_STATUS_SENT);
  desk_test_save (fixture->store, notice);

  report = export_now (fixture, DESK_EXPORT_WHAT_STATUS);
  timeline = find_section (report, "timeline")->table;
  g_assert_cmpstr (cell (timeline, 0, "text")->text, ==,
                   "Ito marked the notice to K-10001 (Example Corp) Sent");
  g_assert_cmpint (cell (timeline, 0, "happened_at")->number, ==, fixture->now);
  /* The sentence says who; an event has its own column for that. */
  g_assert_true (cell (timeline, 0, "actor")->blank);
  row = find_row (timeline, "text", "Vendor published a fix");
  g_assert_cmpstr (cell (timeline, row, "actor")->text, ==, "SOC");
  g_assert_cmpstr (desk_report_table_get_key (timeline, row), ==,
                   desk_record_get_uuid (DESK_RECORD (event)));

  /* A week later, the lines since are new; those of the last export are not. */
  fixture->now += 7 * DAY;
  desk_record_set_enum (DESK_RECORD (notice), "status", DESK_NOTIFICATION_STATUS_ACKNOWLEDGED);
  desk_test_save (fixture->store, notice);
  later = export_now (fixture, DESK_EXPORT_WHAT_STATUS);
  timeline = find_section (later, "timeline")->table;
  g_assert_cmpstr (cell (timeline, 0, "text")->text, ==,
                   "Ito marked the notice to K-10001 (Example Corp) Acknowledged");
  g_assert_cmpstr (cell (timeline, 0, "changes")->text, ==, "New");
  row = find_row (timeline, "text", "Ito marked the notice to K-10001 (Example Corp) Sent");
  g_assert_true (cell (timeline, row, "changes")->blank);
}

/* }}} */
/* Time zones {{{ */

/* The machine runs in UTC (main() sets TZ); the report tells every day and time in the
 * incident's zone, and follows the record when its zone changes. */
static void
test_time_zone (Fixture       *fixture,
                gconstpointer  data)
{
  const struct
  {
    const char *zone;
    const char *zone_text;
    const char *exported_text;
    const char *detected_day;
    const char *detected;
    const char *due;
  } zones[] = {
    { "Asia/Tokyo", "Times in Asia/Tokyo (JST)", "Exported 14 Apr 2026 09:30 JST",
      " · 14 Apr 2026", "14 Apr 2026 05:00", "21 Apr 2026" },
    { "America/New_York", "Times in America/New_York (EDT)", "Exported 13 Apr 2026 20:30 EDT",
      " · 13 Apr 2026", "13 Apr 2026 16:00", "20 Apr 2026" },
  };
  g_autoptr(DeskChecklist) checklist = add_checklist (fixture, "Containment", 0);
  g_autoptr(DeskChecklistItem) item = desk_checklist_item_new (checklist, "Rotate the keys");

  /* Detected 2026-04-13 20:00 UTC, due 2026-04-20 20:00 UTC: the next day in Tokyo. */
  desk_record_set_int (DESK_RECORD (fixture->incident), "detected-at", 1776110400);
  desk_record_set_int (DESK_RECORD (item), "due-at", 1776110400 + 7 * DAY);
  desk_test_save (fixture->store, item);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(DeskReport) checklists = NULL;
      g_autoptr(DeskReport) status = NULL;
      DeskReportTable *facts;

      desk_record_set_string (DESK_RECORD (fixture->incident), "time-zone", zones[i].zone);
      desk_test_save (fixture->store, fixture->incident);
      checklists = gather (fixture->store, DESK_EXPORT_WHAT_CHECKLISTS, fixture->incident, NULL);
      status = gather (fixture->store, DESK_EXPORT_WHAT_STATUS, fixture->incident, NULL);

      g_assert_cmpstr (checklists->zone_text, ==, zones[i].zone_text);
      g_assert_cmpstr (checklists->exported_text, ==, zones[i].exported_text);
      g_assert_true (g_str_has_suffix (checklists->incident_summary, zones[i].detected_day));
      g_assert_cmpstr (cell (find_section (checklists, "checklist")->table, 0, "due_at")->text,
                       ==, zones[i].due);
      facts = find_section (status, "incident")->facts;
      g_assert_cmpstr (cell (facts, 0, "detected_at")->text, ==, zones[i].detected);
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* A machine in UTC, so that the incidents' zones show. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  demo = desk_test_open_store (NULL);
  desk_store_set_clock (demo, desk_test_fixed_clock, &demo_now);
  g_assert_true (desk_demo_populate (demo, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/desk/report/checklists/demo", test_checklists_demo);
  ADD ("/desk/report/checklists/deleted", test_deleted_checklist);
  ADD ("/desk/report/checklists/one", test_one_checklist);
  ADD ("/desk/report/checklists/none", test_no_checklists);
  ADD ("/desk/report/status/open-items", test_open_items_order);
  g_test_add_func ("/desk/report/status/demo", test_status_demo);
  ADD ("/desk/report/status/timeline", test_timeline);
  g_test_add_func ("/desk/report/ledger/demo", test_ledger_demo);
  ADD ("/desk/report/ledger/late", test_late_notices);
  ADD ("/desk/report/changes/since-last", test_changes_since_last);
  ADD ("/desk/report/changes/same-day", test_changes_same_day);
  ADD ("/desk/report/time-zone", test_time_zone);

#undef ADD

  status = g_test_run ();
  g_clear_object (&demo);
  return status;
}
