/* test-overview-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Overview page on a real temporary database, under Xvfb: it shows the store's figures and
 * the incident's fields, every edit lands in the database and the audit log, bad input is
 * refused, and breach categories are added, renamed, removed and restored. */

#define G_LOG_DOMAIN "test-overview-page"

#include "config.h"

#include <adwaita.h>

#include "desk-category-row.h"
#include "desk-date-time-row.h"
#include "desk-incident-form.h"
#include "desk-overview-page-private.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

/* Helpers {{{ */

typedef struct
{
  char             *dir;
  DeskStore        *store;
  DeskIncident     *incident;
  GtkWindow        *window;
  DeskOverviewPage *page;
} Fixture;

static void
wait_until_idle (Fixture *fixture)
{
  SPIN_UNTIL (!_desk_overview_page_is_busy (fixture->page));
}

/* Shows the fixture's incident on the page and waits for its figures and categories. */
static void
show_incident (Fixture *fixture)
{
  desk_test_show_incident (fixture->page, fixture->store, fixture->incident);
  wait_until_idle (fixture);
}

static DeskIncident *
load_incident (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  DeskIncident *stored = desk_store_load (fixture->store, DESK_TYPE_INCIDENT,
                                          desk_record_get_id (DESK_RECORD (fixture->incident)),
                                          &error);

  g_assert_no_error (error);
  return stored;
}

/* Types @text into an entry row and presses its apply button. */
static void
apply_text (GtkWidget  *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static DeskCategory *
add_category (Fixture    *fixture,
              const char *name,
              gint64      position)
{
  DeskCategory *category = desk_category_new (fixture->incident, name);

  desk_record_set_int (DESK_RECORD (category), "position", position);
  return desk_test_save (fixture->store, category);
}

/* Adds a customer whose breach is confirmed in @categories, with one confirmed account. */
static void
add_confirmed_customer (Fixture      *fixture,
                        const char   *contract_id,
                        DeskCategory *categories[],
                        guint         n_categories)
{
  g_autoptr(DeskCustomer) customer = desk_customer_new (contract_id, "Example Trading");
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = g_strdup_printf ("user@%s.example", contract_id);
  gint64 mask = 0;

  for (guint i = 0; i < n_categories; i++)
    mask |= G_GINT64_CONSTANT (1) << desk_record_get_int (DESK_RECORD (categories[i]), "bit");

  desk_test_save (fixture->store, customer);
  affected = desk_affected_new (fixture->incident, customer);
  desk_record_set_enum (DESK_RECORD (affected), "exposure", DESK_EXPOSURE_CONFIRMED);
  desk_record_set_int (DESK_RECORD (affected), "categories", mask);
  desk_test_save (fixture->store, affected);

  g_assert_true (desk_store_add_account (fixture->store, affected, account,
                                         DESK_EXPOSURE_CONFIRMED, mask, &error));
  g_assert_no_error (error);
}

static DeskCategoryRow *
category_row (Fixture *fixture,
              guint    index)
{
  GtkWidget *row = _desk_overview_page_get_category_row (fixture->page, index);

  g_assert_true (DESK_IS_CATEGORY_ROW (row));
  return DESK_CATEGORY_ROW (row);
}

static guint
count_children (GtkWidget *widget)
{
  guint n_children = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_children++;

  return n_children;
}

static GtkWindow *
find_message_dialog (void)
{
  return desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* Presses a response button of @dialog, as a person would: the dialog closes and answers. */
static void
click_dialog_button (GtkWindow  *dialog,
                     const char *label)
{
  GtkWidget *button;

  SPIN_UNTIL ((button = desk_test_find_button (GTK_WIDGET (dialog), label)) != NULL);
  g_signal_emit_by_name (button, "clicked");
}

/* Whether the audit log holds an update of @uuid whose "after" mentions @text. */
static gboolean
audit_has_update (Fixture    *fixture,
                  const char *uuid,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  entries = desk_store_list_audit (fixture->store,
                                   desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < entries->len; i++)
    {
      DeskAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (desk_audit_entry_get_record_uuid (entry), uuid) == 0
          && g_strcmp0 (desk_audit_entry_get_action (entry), "update") == 0
          && strstr (desk_audit_entry_get_after (entry) ?: "", text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static guint
count_audit (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  entries = desk_store_list_audit (fixture->store,
                                   desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);
  return entries->len;
}

/* }}} */
/* Fixture {{{ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);

  fixture->incident = desk_incident_new ("Mail service breach");
  desk_test_save (fixture->store, fixture->incident);

  fixture->page = g_object_new (DESK_TYPE_OVERVIEW_PAGE, NULL);
  fixture->window = desk_test_present_page (GTK_WIDGET (fixture->page), 800, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_destroy_window (fixture->window, fixture->page);

  desk_test_await_finalize (g_steal_pointer (&fixture->incident));
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

/* }}} */
/* Figures {{{ */

static void
test_figures_from_stats (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskCategory) credentials = add_category (fixture, "Account credentials", 0);
  g_autoptr(DeskCategory) contents = add_category (fixture, "Mail contents", 1);
  DeskCategory *both[] = { credentials, contents };
  DeskCategory *one[] = { credentials };

  add_confirmed_customer (fixture, "C-0001", both, G_N_ELEMENTS (both));
  add_confirmed_customer (fixture, "C-0002", one, G_N_ELEMENTS (one));

  show_incident (fixture);

  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "potential"), ==, "2");
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "confirmed"), ==, "2");
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "unique"), ==, "2");
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "notified"), ==, "0 of 2");
  g_assert_false (_desk_overview_page_figure_is_estimate (fixture->page, "potential"));
  g_assert_false (_desk_overview_page_figure_is_estimate (fixture->page, "confirmed"));

  /* One row per category, in order, with its confirmed contracts. */
  g_assert_cmpuint (_desk_overview_page_get_n_categories (fixture->page), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row (fixture, 0))), ==,
                   "Account credentials");
  g_assert_cmpint (desk_category_row_get_contracts (category_row (fixture, 0)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row (fixture, 1))), ==,
                   "Mail contents");
  g_assert_cmpint (desk_category_row_get_contracts (category_row (fixture, 1)), ==, 1);

  /* The fields are the incident's. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _desk_overview_page_get_field_row (fixture->page, "title"))), ==,
                   "Mail service breach");
}

static void
test_figures_estimate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskIncident) stored = NULL;
  GtkWidget *potential_row, *confirmed_row;

  desk_record_set_int (DESK_RECORD (fixture->incident), "estimated-potential", 4072650);
  desk_record_set_int (DESK_RECORD (fixture->incident), "estimated-confirmed", 311288);
  desk_test_save (fixture->store, fixture->incident);

  show_incident (fixture);

  /* No account list yet: the announced figures stand in, marked as estimates. */
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "potential"), ==, "4,072,650");
  g_assert_true (_desk_overview_page_figure_is_estimate (fixture->page, "potential"));
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "confirmed"), ==, "311,288");
  g_assert_true (_desk_overview_page_figure_is_estimate (fixture->page, "confirmed"));

  potential_row = _desk_overview_page_get_field_row (fixture->page, "estimated-potential");
  confirmed_row = _desk_overview_page_get_field_row (fixture->page, "estimated-confirmed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (potential_row)), ==, "4,072,650");

  /* Separators as people type them are fine; the figure follows the saved estimate. */
  apply_text (potential_row, " 5 000 000 ");
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "estimated-potential"), ==, 5000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (potential_row)), ==, "5,000,000");
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "potential"), ==, "5,000,000");
  g_clear_object (&stored);

  /* A negative or broken number is refused and not saved. */
  apply_text (confirmed_row, "-12");
  g_assert_true (gtk_widget_has_css_class (confirmed_row, "error"));
  apply_text (confirmed_row, "31,12");
  g_assert_true (gtk_widget_has_css_class (confirmed_row, "error"));
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "estimated-confirmed"), ==, 311288);
  g_clear_object (&stored);

  /* Emptying it removes the estimate: the counted figure, 0, shows. */
  apply_text (confirmed_row, "");
  g_assert_false (gtk_widget_has_css_class (confirmed_row, "error"));
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "estimated-confirmed"), ==, 0);
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "confirmed"), ==, "0");
  g_assert_false (_desk_overview_page_figure_is_estimate (fixture->page, "confirmed"));
}

static void
test_parse_count (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
    gint64      count;
  } cases[] = {
    { "", TRUE, 0 },
    { "   ", TRUE, 0 },
    { "0", TRUE, 0 },
    { "4072650", TRUE, 4072650 },
    { "4,072,650", TRUE, 4072650 },
    { " 4 072 650 ", TRUE, 4072650 },
    { "4.072.650", TRUE, 4072650 },
    { "4'072'650", TRUE, 4072650 },
    { "4\u202f072\u202f650", TRUE, 4072650 },
    { "\uff14\uff10\uff17\uff12\uff16\uff15\uff10", TRUE, 4072650 },  /* fullwidth digits */
    { "311,288", TRUE, 311288 },
    { "9223372036854775807", TRUE, G_MAXINT64 },
    { "9223372036854775808", FALSE, 0 },
    { "-1", FALSE, 0 },
    { "+1", FALSE, 0 },
    { "1.5", FALSE, 0 },
    { "4,07", FALSE, 0 },
    { "4,072.650", FALSE, 0 },
    { "4072,650", FALSE, 0 },
    { ",650", FALSE, 0 },
    { "650,", FALSE, 0 },
    { "4,,072", FALSE, 0 },
    { "12 accounts", FALSE, 0 },
    { "about 4 million", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 count = -1;
      gboolean valid = _desk_incident_form_parse_count (cases[i].text, &count);

      g_test_message ("parsing \"%s\"", cases[i].text);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        g_assert_cmpint (count, ==, cases[i].count);
    }
}

/* }}} */
/* Fields {{{ */

static void
test_edit_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskIncident) stored = NULL;
  const char *uuid = desk_record_get_uuid (DESK_RECORD (fixture->incident));
  GtkWidget *row;
  guint n_audit;

  show_incident (fixture);
  row = _desk_overview_page_get_field_row (fixture->page, "title");

  apply_text (row, "Webmail intrusion at Example Mail Hosting");
  wait_until_idle (fixture);

  /* Stored, on the very object the sidebar shows, and in the audit log. */
  stored = load_incident (fixture);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "title"), ==,
                   "Webmail intrusion at Example Mail Hosting");
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (fixture->incident), "title"), ==,
                   "Webmail intrusion at Example Mail Hosting");
  g_assert_true (audit_has_update (fixture, uuid, "Webmail intrusion at Example Mail Hosting"));

  /* Applying what is already stored saves nothing. */
  n_audit = count_audit (fixture);
  apply_text (row, "Webmail intrusion at Example Mail Hosting");
  wait_until_idle (fixture);
  g_assert_cmpuint (count_audit (fixture), ==, n_audit);

  /* An incident needs a title. */
  apply_text (row, "   ");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  wait_until_idle (fixture);
  g_clear_object (&stored);
  stored = load_incident (fixture);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "title"), ==,
                   "Webmail intrusion at Example Mail Hosting");
  g_assert_cmpuint (count_audit (fixture), ==, n_audit);

  /* Typing again clears the complaint. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Webmail");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* Other text fields; an emptied optional one is stored as none. */
  apply_text (_desk_overview_page_get_field_row (fixture->page, "vulnerability-refs"),
              "JVN#22348866, CVE-2024-1234");
  apply_text (_desk_overview_page_get_field_row (fixture->page, "service"), "Hosted mail");
  apply_text (_desk_overview_page_get_field_row (fixture->page, "cause"), "Buffer overflow");
  wait_until_idle (fixture);
  apply_text (_desk_overview_page_get_field_row (fixture->page, "service"), "");
  wait_until_idle (fixture);
  g_clear_object (&stored);
  stored = load_incident (fixture);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "vulnerability-refs"), ==,
                   "JVN#22348866, CVE-2024-1234");
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "cause"), ==, "Buffer overflow");
  g_assert_null (desk_record_get_string (DESK_RECORD (stored), "service"));
}

static void
test_edit_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DeskIncident) stored = NULL;
  AdwComboRow *status_row, *severity_row;

  show_incident (fixture);
  status_row = ADW_COMBO_ROW (_desk_overview_page_get_field_row (fixture->page, "status"));
  severity_row = ADW_COMBO_ROW (_desk_overview_page_get_field_row (fixture->page, "severity"));
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, DESK_INCIDENT_STATUS_DETECTED);
  g_assert_cmpuint (adw_combo_row_get_selected (severity_row), ==, DESK_SEVERITY_MEDIUM);

  adw_combo_row_set_selected (status_row, DESK_INCIDENT_STATUS_INVESTIGATING);
  adw_combo_row_set_selected (severity_row, DESK_SEVERITY_CRITICAL);
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (stored), "status"), ==,
                   DESK_INCIDENT_STATUS_INVESTIGATING);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (stored), "severity"), ==,
                   DESK_SEVERITY_CRITICAL);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "closed-at"), ==, 0);
  g_clear_object (&stored);

  /* Closing records when. */
  adw_combo_row_set_selected (status_row, DESK_INCIDENT_STATUS_CLOSED);
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (stored), "status"), ==,
                   DESK_INCIDENT_STATUS_CLOSED);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "closed-at"), >, 0);

  /* A change from elsewhere shows in the combo, and is not saved again. */
  desk_record_set_enum (DESK_RECORD (fixture->incident), "status", DESK_INCIDENT_STATUS_RECOVERED);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, DESK_INCIDENT_STATUS_RECOVERED);
  g_assert_false (_desk_overview_page_is_busy (fixture->page));
}

static void
test_edit_times (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskIncident) stored = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 4, 14, 0, 30, 0);
  GtkWidget *row;

  /* Times without a zone are the incident's. */
  desk_record_set_string (DESK_RECORD (fixture->incident), "time-zone", "Asia/Tokyo");
  desk_test_save (fixture->store, fixture->incident);
  show_incident (fixture);
  row = _desk_overview_page_get_field_row (fixture->page, "occurred-at");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* Not a time: refused, marked, not saved. */
  apply_text (row, "yesterday");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (desk_date_time_row_get_time (DESK_DATE_TIME_ROW (row)), ==, 0);
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "occurred-at"), ==, 0);
  g_clear_object (&stored);

  apply_text (row, "2026-04-14 09:30");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "occurred-at"), ==,
                   g_date_time_to_unix (expected));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-04-14 09:30");
  g_clear_object (&stored);

  /* Another zone, written out, is honoured and shown in the incident's. */
  row = _desk_overview_page_get_field_row (fixture->page, "disclosed-at");
  apply_text (row, "2026-04-14T00:30Z");
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "disclosed-at"), ==,
                   g_date_time_to_unix (expected));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-04-14 09:30");
  g_clear_object (&stored);

  /* Emptied: not set. */
  row = _desk_overview_page_get_field_row (fixture->page, "occurred-at");
  apply_text (row, "");
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (stored), "occurred-at"), ==, 0);
}

static void
test_edit_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DeskIncident) other = desk_incident_new ("Directory server intrusion");
  g_autoptr(DeskIncident) stored = NULL;
  GtkTextBuffer *buffer;
  GtkTextView *view;

  desk_test_save (fixture->store, other);
  show_incident (fixture);

  /* Saved when the focus leaves the text. */
  view = _desk_overview_page_get_summary_view (fixture->page);
  buffer = gtk_text_view_get_buffer (view);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  SPIN_UNTIL (gtk_widget_has_focus (GTK_WIDGET (view)));
  gtk_text_buffer_set_text (buffer, "An attacker reached mail data.", -1);
  gtk_widget_grab_focus (_desk_overview_page_get_field_row (fixture->page, "title"));
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "summary"), ==,
                   "An attacker reached mail data.");
  g_clear_object (&stored);

  /* Typed but still focused: */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (buffer, "An attacker reached mail data.\nCustomers are told.", -1);

  /* Moving on to another incident keeps what was typed for this one. */
  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), other);
  wait_until_idle (fixture);
  stored = load_incident (fixture);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "summary"), ==,
                   "An attacker reached mail data.\nCustomers are told.");
  g_clear_object (&stored);

  /* …and the other incident's empty summary shows. */
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
}

/* }}} */
/* Categories {{{ */

static void
test_categories_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 incident_id = desk_record_get_id (DESK_RECORD (fixture->incident));
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus, *undo;
  DeskCategoryRow *row;

  show_incident (fixture);
  g_assert_cmpuint (_desk_overview_page_get_n_categories (fixture->page), ==, 0);

  /* Add: a "New Category", stored, with the focus in its name. */
  g_signal_emit_by_name (_desk_overview_page_get_add_category_button (fixture->page), "clicked");
  wait_until_idle (fixture);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CATEGORY, "incident-id",
                                     incident_id), ==, 1);
  g_assert_cmpuint (_desk_overview_page_get_n_categories (fixture->page), ==, 1);
  row = category_row (fixture, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "New Category");
  g_assert_cmpint (desk_category_row_get_contracts (row), ==, 0);
  SPIN_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL
              && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));

  /* Rename. An empty name is refused. */
  apply_text (GTK_WIDGET (row), "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  apply_text (GTK_WIDGET (row), "Account credentials");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  wait_until_idle (fixture);
  categories = desk_store_list (fixture->store, DESK_TYPE_CATEGORY, "incident-id", incident_id,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 1);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (categories, 0), "name"), ==,
                   "Account credentials");
  g_clear_pointer (&categories, g_ptr_array_unref);

  /* A second one goes after the first. */
  g_signal_emit_by_name (_desk_overview_page_get_add_category_button (fixture->page), "clicked");
  wait_until_idle (fixture);
  g_assert_cmpuint (_desk_overview_page_get_n_categories (fixture->page), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row (fixture, 0))), ==,
                   "Account credentials");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row (fixture, 1))), ==,
                   "New Category");

  /* Remove one without contracts: no question asked, gone from the page and the store. */
  g_signal_emit_by_name (category_row (fixture, 0), "remove-requested");
  wait_until_idle (fixture);
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (_desk_overview_page_get_n_categories (fixture->page), ==, 1);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CATEGORY, "incident-id",
                                     incident_id), ==, 1);

  /* Undo, from the toast. Wait for the toast it displaced to finish hiding: libadwaita 1.2
   * asserts if a displaced toast comes back while its hide animation still runs. */
  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  SPIN_UNTIL (count_children (gtk_widget_get_parent (GTK_WIDGET (fixture->page))) == 2);
  g_signal_emit_by_name (undo, "clicked");
  SPIN_UNTIL (_desk_overview_page_get_n_categories (fixture->page) == 2);
  wait_until_idle (fixture);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CATEGORY, "incident-id",
                                     incident_id), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row (fixture, 0))), ==,
                   "Account credentials");
}

static void
test_categories_remove_confirm (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 incident_id = desk_record_get_id (DESK_RECORD (fixture->incident));
  g_autoptr(DeskCategory) credentials = add_category (fixture, "Account credentials", 0);
  g_autoptr(DeskCategory) contents = add_category (fixture, "Mail contents", 1);
  DeskCategory *one[] = { credentials };
  GtkWindow *dialog;

  add_confirmed_customer (fixture, "C-0001", one, G_N_ELEMENTS (one));
  show_incident (fixture);
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "unique"), ==, "1");

  /* A category with contracts asks first; cancelling keeps it. */
  g_signal_emit_by_name (category_row (fixture, 0), "remove-requested");
  SPIN_UNTIL ((dialog = find_message_dialog ()) != NULL);
  click_dialog_button (dialog, "_Cancel");
  SPIN_UNTIL (find_message_dialog () == NULL);
  wait_until_idle (fixture);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CATEGORY, "incident-id",
                                     incident_id), ==, 2);

  g_signal_emit_by_name (category_row (fixture, 0), "remove-requested");
  SPIN_UNTIL ((dialog = find_message_dialog ()) != NULL);
  click_dialog_button (dialog, "_Remove");
  SPIN_UNTIL (_desk_overview_page_get_n_categories (fixture->page) == 1);
  wait_until_idle (fixture);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CATEGORY, "incident-id",
                                     incident_id), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row (fixture, 0))), ==,
                   "Mail contents");

  /* The contract is in no category now. */
  g_assert_cmpstr (_desk_overview_page_get_figure (fixture->page, "unique"), ==, "0");
}

static void
test_no_incident (Fixture       *fixture,
                  gconstpointer  data)
{
  show_incident (fixture);

  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), NULL);
  g_assert_false (desk_incident_page_is_loading (DESK_INCIDENT_PAGE (fixture->page)));
  g_assert_cmpuint (_desk_overview_page_get_n_categories (fixture->page), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _desk_overview_page_get_field_row (fixture->page, "title"))), ==, "");

  /* Nothing to save to. */
  g_signal_emit_by_name (_desk_overview_page_get_add_category_button (fixture->page), "clicked");
  g_assert_false (_desk_overview_page_is_busy (fixture->page));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/desk/overview-page/parse-count", test_parse_count);

#define ADD(path, func) \
  g_test_add ("/desk/overview-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("figures/stats", test_figures_from_stats);
  ADD ("figures/estimate", test_figures_estimate);
  ADD ("edit/title", test_edit_title);
  ADD ("edit/status", test_edit_status);
  ADD ("edit/times", test_edit_times);
  ADD ("edit/summary", test_edit_summary);
  ADD ("categories/edit", test_categories_edit);
  ADD ("categories/remove-confirm", test_categories_remove_confirm);
  ADD ("no-incident", test_no_incident);

#undef ADD

  return g_test_run ();
}
