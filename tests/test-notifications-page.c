/* test-notifications-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Notifications page on a real temporary database, under Xvfb: the progress figures, a bulk
 * status change on selected ledger rows, editing one row, notices to a regulator, removing one
 * and undoing it, and the empty state. */

#define G_LOG_DOMAIN "test-notifications-page"

#include "config.h"

#include <adwaita.h>

#include "desk-customer-row.h"
#include "desk-labels.h"
#include "desk-notice-dialog-private.h"
#include "desk-notifications-page-private.h"
#include "desk-regulator-notices.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

#define N_CUSTOMERS 30

/* Helpers {{{ */

typedef struct
{
  char                  *dir;
  DeskStore             *store;
  DeskIncident          *incident;
  DeskIncident          *empty_incident;
  GtkWindow             *window;
  DeskNotificationsPage *page;
} Fixture;

static gboolean
is_settled (Fixture *fixture)
{
  return !desk_incident_page_is_loading (DESK_INCIDENT_PAGE (fixture->page))
         && g_strcmp0 (_desk_notifications_page_get_state (fixture->page), "loading") != 0;
}

static guint
n_rows (Fixture *fixture)
{
  GListModel *list = _desk_notifications_page_get_list (fixture->page);

  return list ? g_list_model_get_n_items (list) : 0;
}

static DeskCustomerRow *
row_at (Fixture *fixture,
        guint    position)
{
  DeskCustomerRow *row = g_list_model_get_item (_desk_notifications_page_get_list (fixture->page),
                                                position);

  g_assert_nonnull (row);
  return row;
}

static int
row_status (Fixture *fixture,
            guint    position)
{
  g_autoptr(DeskCustomerRow) row = row_at (fixture, position);

  return desk_record_get_enum (DESK_RECORD (desk_customer_row_get_notification (row)), "status");
}

static gboolean
progress_is (Fixture    *fixture,
             const char *text)
{
  return g_strcmp0 (_desk_notifications_page_get_progress_text (fixture->page), text) == 0;
}

/* Returns: the status of the first notice of @model, a list of notices or of ledger rows; -1 if
 * it is empty */
static int
first_status (GListModel *model)
{
  g_autoptr(GObject) item = model ? g_list_model_get_item (model, 0) : NULL;
  DeskRecord *notice;

  if (item == NULL)
    return -1;

  notice = DESK_IS_CUSTOMER_ROW (item)
           ? DESK_RECORD (desk_customer_row_get_notification (DESK_CUSTOMER_ROW (item)))
           : DESK_RECORD (item);
  return desk_record_get_enum (notice, "status");
}

static void
show_page (Fixture      *fixture,
           DeskIncident *incident)
{
  fixture->page = g_object_new (DESK_TYPE_NOTIFICATIONS_PAGE,
                                "store", fixture->store,
                                "incident", incident,
                                NULL);
  fixture->window = desk_test_present_page (GTK_WIDGET (fixture->page), 1000, 800);

  SPIN_UNTIL (is_settled (fixture));
}

/* Opens the ledger's row menu on the row whose contract is @contract, as a right click there. */
static void
right_click_row (Fixture    *fixture,
                 const char *contract)
{
  GtkWidget *view = GTK_WIDGET (_desk_notifications_page_get_column_view (fixture->page));
  GtkWidget *cell;
  GtkPopover *popover;
  graphene_rect_t bounds;

  SPIN_UNTIL ((cell = desk_test_find_cell (view, contract)) != NULL
              && gtk_widget_get_width (cell) > 0);
  g_assert_true (gtk_widget_compute_bounds (cell, view, &bounds));
  _desk_notifications_page_popup_row_menu (fixture->page, bounds.origin.x + 2,
                                           bounds.origin.y + bounds.size.height / 2);
  popover = _desk_notifications_page_get_row_popover (fixture->page);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

static void
save_dialog (DeskNoticeDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.save", NULL));
  SPIN_UNTIL (weak == NULL);
}

/* The incident's notices, by their affected record's customer's contract id; regulator and public
 * notices under their recipient name. */
static GHashTable *
load_notices (Fixture      *fixture,
              DeskIncident *incident)
{
  GHashTable *notices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                             desk_record_get_id (DESK_RECORD (incident)), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < records->len; i++)
    {
      DeskRecord *notice = records->pdata[i];
      gint64 affected_id = desk_record_get_int (notice, "affected-id");
      g_autoptr(DeskRecord) affected = NULL;
      g_autoptr(DeskRecord) customer = NULL;

      if (affected_id == 0)
        {
          g_hash_table_insert (notices,
                               g_strdup (desk_record_get_string (notice, "recipient-name")),
                               g_object_ref (notice));
          continue;
        }

      affected = desk_store_load (fixture->store, DESK_TYPE_AFFECTED, affected_id, &error);
      g_assert_no_error (error);
      customer = desk_store_load (fixture->store, DESK_TYPE_CUSTOMER,
                                  desk_record_get_int (affected, "customer-id"), &error);
      g_assert_no_error (error);
      g_hash_table_insert (notices, g_strdup (desk_record_get_string (customer, "contract-id")),
                           g_object_ref (notice));
    }

  return notices;
}

/* }}} */
/* Fixture {{{ */

/* 30 customers C-000…C-029, every third one's notice sent (10 of 30 notified); a second incident
 * has no customers and no notices. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);

  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Mail breach"));
  fixture->empty_incident = desk_test_save (fixture->store, desk_incident_new ("Quiet incident"));

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *contract = g_strdup_printf ("C-%03u", i);
      g_autofree char *name = g_strdup_printf ("Customer %02u", i);
      g_autoptr(DeskCustomer) customer = desk_customer_new (contract, name);
      g_autoptr(DeskAffected) affected = NULL;

      desk_test_save (fixture->store, customer);
      affected = desk_affected_new (fixture->incident, customer);
      desk_test_save (fixture->store, affected);
    }

  desk_test_send_every_third (fixture->store, fixture->incident);

  /* The page's changes are made by someone else than the fixture's. */
  desk_store_set_actor (fixture->store, "Alice Example");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    desk_test_destroy_window (g_steal_pointer (&fixture->window), NULL);

  g_clear_object (&fixture->incident);
  g_clear_object (&fixture->empty_incident);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

/* }}} */
/* Tests {{{ */

static void
test_notifications_page_progress (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DeskCustomerRow) first = NULL;
  GListModel *columns;

  show_page (fixture, fixture->incident);

  g_assert_cmpstr (_desk_notifications_page_get_state (fixture->page), ==, "list");
  g_assert_true (progress_is (fixture, "10 of 30 contracts notified"));
  g_assert_cmpuint (n_rows (fixture), ==, N_CUSTOMERS);
  g_assert_cmpstr (_desk_notifications_page_get_selection_text (fixture->page), ==,
                   "30 customers");

  first = row_at (fixture, 0);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (desk_customer_row_get_customer (first)),
                                           "contract-id"), ==, "C-000");
  g_assert_nonnull (desk_customer_row_get_notification (first));

  columns = gtk_column_view_get_columns (_desk_notifications_page_get_column_view (fixture->page));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 10);

  /* No notices to a regulator yet */
  g_assert_cmpuint (g_list_model_get_n_items (_desk_notifications_page_get_notices (fixture->page)),
                    ==, 0);
}

static void
test_notifications_page_bulk (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) notices = NULL;
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkSelectionModel *selection;
  GHashTableIter iter;
  gpointer key, value;
  guint n_sent = 0;

  show_page (fixture, fixture->incident);

  /* Those still to notify, as someone working through the list would */
  gtk_drop_down_set_selected (_desk_notifications_page_get_filter_dropdown (fixture->page),
                              DESK_NOTICE_FILTER_PENDING);
  SPIN_UNTIL (n_rows (fixture) == 20 && is_settled (fixture));

  selection = _desk_notifications_page_get_selection (fixture->page);
  g_assert_true (gtk_selection_model_select_range (selection, 0, 10, TRUE));
  g_assert_cmpstr (_desk_notifications_page_get_selection_text (fixture->page), ==,
                   "10 of 20 selected");
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(DeskCustomerRow) row = row_at (fixture, i);
      DeskRecord *customer = DESK_RECORD (desk_customer_row_get_customer (row));

      g_hash_table_add (chosen, g_strdup (desk_record_get_string (customer, "contract-id")));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "notifications.set-status", "i",
                                             DESK_NOTIFICATION_STATUS_SENT));

  /* The figures and the filtered ledger follow. */
  SPIN_UNTIL (progress_is (fixture, "20 of 30 contracts notified") && n_rows (fixture) == 10
              && is_settled (fixture));
  g_assert_cmpstr (_desk_notifications_page_get_selection_text (fixture->page), ==,
                   "10 matching customers");

  /* In the database: exactly those ten changed, stamped and attributed. */
  notices = load_notices (fixture, fixture->incident);
  g_assert_cmpuint (g_hash_table_size (notices), ==, N_CUSTOMERS);
  g_hash_table_iter_init (&iter, notices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DeskRecord *notice = value;
      guint index = g_ascii_strtoull ((const char *) key + 2, NULL, 10);
      DeskNotificationStatus status = desk_record_get_enum (notice, "status");

      if (g_hash_table_contains (chosen, key))
        {
          g_assert_cmpint (status, ==, DESK_NOTIFICATION_STATUS_SENT);
          g_assert_cmpstr (desk_record_get_string (notice, "actor"), ==, "Alice Example");
          g_assert_cmpint (desk_record_get_int (notice, "sent-at"), >, 0);
        }
      else if (index % 3 == 0)
        {
          g_assert_cmpint (status, ==, DESK_NOTIFICATION_STATUS_SENT);
          g_assert_cmpstr (desk_record_get_string (notice, "actor"), ==, "Test Runner");
        }
      else
        {
          g_assert_cmpint (status, ==, DESK_NOTIFICATION_STATUS_NOT_STARTED);
          g_assert_cmpint (desk_record_get_int (notice, "sent-at"), ==, 0);
        }

      if (status == DESK_NOTIFICATION_STATUS_SENT)
        n_sent++;
    }
  g_assert_cmpuint (n_sent, ==, 20);
}

static void
test_notifications_page_select_all (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GHashTable) notices = NULL;
  GHashTableIter iter;
  gpointer value;

  show_page (fixture, fixture->incident);

  gtk_drop_down_set_selected (_desk_notifications_page_get_filter_dropdown (fixture->page),
                              DESK_NOTICE_FILTER_NOTIFIED);
  SPIN_UNTIL (n_rows (fixture) == 10 && is_settled (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "notifications.select-all", NULL));
  g_assert_cmpstr (_desk_notifications_page_get_selection_text (fixture->page), ==,
                   "10 of 10 selected");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "notifications.set-status", "i",
                                             DESK_NOTIFICATION_STATUS_ACKNOWLEDGED));
  SPIN_UNTIL (is_settled (fixture)
              && first_status (_desk_notifications_page_get_list (fixture->page))
                 == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED);
  g_assert_true (progress_is (fixture, "10 of 30 contracts notified"));
  g_assert_cmpuint (n_rows (fixture), ==, 10);

  notices = load_notices (fixture, fixture->incident);
  g_hash_table_iter_init (&iter, notices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (desk_record_get_enum (value, "status") == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED)
      g_assert_cmpint (desk_record_get_int (value, "acknowledged-at"), >, 0);
    else
      g_assert_cmpint (desk_record_get_enum (value, "status"), ==,
                       DESK_NOTIFICATION_STATUS_NOT_STARTED);
}

static void
test_notifications_page_keep_further (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GHashTable) notices = NULL;
  GtkSelectionModel *selection;

  show_page (fixture, fixture->incident);
  selection = _desk_notifications_page_get_selection (fixture->page);

  /* C-000 and C-003 were sent; a range marked "Drafted" leaves them sent. */
  gtk_selection_model_select_range (selection, 0, 6, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "notifications.set-status", "i",
                                             DESK_NOTIFICATION_STATUS_DRAFTED));
  SPIN_UNTIL (is_settled (fixture)
              && row_status (fixture, 1) == DESK_NOTIFICATION_STATUS_DRAFTED);
  g_assert_cmpint (row_status (fixture, 0), ==, DESK_NOTIFICATION_STATUS_SENT);

  notices = load_notices (fixture, fixture->incident);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *contract = g_strdup_printf ("C-%03u", i);
      DeskRecord *notice = g_hash_table_lookup (notices, contract);

      g_assert_cmpint (desk_record_get_enum (notice, "status"), ==,
                       i % 3 == 0 ? DESK_NOTIFICATION_STATUS_SENT
                                  : DESK_NOTIFICATION_STATUS_DRAFTED);
    }
  g_assert_true (progress_is (fixture, "10 of 30 contracts notified"));
}

static void
test_notifications_page_edit_row (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DeskCustomerRow) row = NULL;
  g_autoptr(DeskNotification) stored = NULL;
  g_autoptr(GError) error = NULL;
  DeskRecord *notice;
  DeskNoticeDialog *dialog;

  show_page (fixture, fixture->incident);

  row = row_at (fixture, 1);
  notice = DESK_RECORD (desk_customer_row_get_notification (row));
  dialog = _desk_notifications_page_open_dialog (fixture->page, 1);
  g_assert_true (desk_notice_dialog_get_notice (dialog) == DESK_NOTIFICATION (notice));

  _desk_notice_dialog_set_values (dialog, DESK_RECIPIENT_CUSTOMER, NULL, DESK_CHANNEL_PHONE,
                                  DESK_NOTIFICATION_STATUS_DRAFTED, "Called twice, no answer");
  save_dialog (dialog);

  stored = desk_store_load (fixture->store, DESK_TYPE_NOTIFICATION, desk_record_get_id (notice),
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (stored), "channel"), ==, DESK_CHANNEL_PHONE);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "note"), ==,
                   "Called twice, no answer");
  /* The status went through the store's stamping path. */
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (stored), "status"), ==,
                   DESK_NOTIFICATION_STATUS_DRAFTED);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "actor"), ==, "Alice Example");
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (stored), "recipient"), ==,
                   DESK_RECIPIENT_CUSTOMER);

  /* The ledger shows it. */
  SPIN_UNTIL (is_settled (fixture));
  g_clear_object (&row);
  row = row_at (fixture, 1);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (desk_customer_row_get_notification (row)),
                                           "note"), ==, "Called twice, no answer");
}

static guint
count_notices (Fixture *fixture)
{
  return desk_test_count (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                          desk_record_get_id (DESK_RECORD (fixture->incident)));
}

static void
test_notifications_page_remove_undo (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(DeskNotification) filed = desk_notification_new (fixture->incident, NULL);
  g_autoptr(DeskNotification) listed = NULL;
  g_autoptr(GtkWindow) dialog = NULL;
  GtkWidget *regulator_notices;
  GtkWidget *undo;
  GListModel *shown;

  desk_record_set_enum (DESK_RECORD (filed), "recipient", DESK_RECIPIENT_REGULATOR);
  desk_record_set_string (DESK_RECORD (filed), "recipient-name", "Data Protection Authority");
  desk_test_save (fixture->store, filed);
  show_page (fixture, fixture->incident);
  shown = _desk_notifications_page_get_notices (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* Only notices to a regulator or the public can go: customers' belong to the ledger. */
  regulator_notices = desk_test_find_widget (GTK_WIDGET (fixture->page),
                                             DESK_TYPE_REGULATOR_NOTICES);
  listed = g_list_model_get_item (shown, 0);
  g_signal_emit_by_name (regulator_notices, "notice-activated", listed);
  SPIN_UNTIL ((dialog = desk_test_find_toplevel (DESK_TYPE_NOTICE_DIALOG)) != NULL);
  /* The dialog closes itself before it asks the page: hold it, as a click's event would. */
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "notice.remove", NULL));
  desk_test_respond_to_dialog ("confirm");

  SPIN_UNTIL (g_list_model_get_n_items (shown) == 0 && is_settled (fixture));
  g_assert_cmpuint (count_notices (fixture), ==, N_CUSTOMERS);

  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  gtk_widget_activate (undo);

  SPIN_UNTIL (g_list_model_get_n_items (shown) == 1 && is_settled (fixture));
  g_assert_cmpuint (count_notices (fixture), ==, N_CUSTOMERS + 1);
  g_clear_object (&listed);
  listed = g_list_model_get_item (shown, 0);
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (listed)), ==,
                   desk_record_get_id (DESK_RECORD (filed)));
}

static void
test_notifications_page_row_menu (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;
  DeskNoticeDialog *dialog;

  show_page (fixture, fixture->incident);
  selection = _desk_notifications_page_get_selection (fixture->page);

  /* On a selected row, the menu acts on the whole selection. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  right_click_row (fixture, "C-001");
  g_assert_cmpstr (_desk_notifications_page_get_selection_text (fixture->page), ==,
                   "3 of 30 selected");

  /* On another row, that row alone. */
  right_click_row (fixture, "C-005");
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_true (gtk_bitset_contains (selected, 5));

  /* "Edit Notice…" is for the row clicked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "notifications.edit-row",
                                             NULL));
  dialog = (DeskNoticeDialog *) desk_test_find_toplevel (DESK_TYPE_NOTICE_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autoptr(DeskCustomerRow) row = row_at (fixture, 5);

    g_assert_true (desk_notice_dialog_get_notice (dialog)
                   == desk_customer_row_get_notification (row));
  }
  desk_test_destroy_window (GTK_WINDOW (dialog), NULL);
}

static void
test_notifications_page_regulator (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GHashTable) notices = NULL;
  g_autoptr(DeskNotification) listed = NULL;
  DeskNoticeDialog *dialog;
  DeskRecord *filed;
  GListModel *shown;

  show_page (fixture, fixture->incident);
  shown = _desk_notifications_page_get_notices (fixture->page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "notifications.add-notice", NULL));
  dialog = _desk_notifications_page_open_dialog (fixture->page, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (dialog);
  _desk_notice_dialog_set_values (dialog, DESK_RECIPIENT_REGULATOR, "Data Protection Authority",
                                  DESK_CHANNEL_REGULATOR_FILING, DESK_NOTIFICATION_STATUS_SENT,
                                  "Preliminary report");
  save_dialog (dialog);

  SPIN_UNTIL (g_list_model_get_n_items (shown) == 1 && is_settled (fixture));
  listed = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (listed), "recipient-name"), ==,
                   "Data Protection Authority");

  notices = load_notices (fixture, fixture->incident);
  g_assert_cmpuint (g_hash_table_size (notices), ==, N_CUSTOMERS + 1);
  filed = g_hash_table_lookup (notices, "Data Protection Authority");
  g_assert_nonnull (filed);
  g_assert_cmpint (desk_record_get_enum (filed, "recipient"), ==, DESK_RECIPIENT_REGULATOR);
  g_assert_cmpint (desk_record_get_enum (filed, "channel"), ==, DESK_CHANNEL_REGULATOR_FILING);
  g_assert_cmpint (desk_record_get_enum (filed, "status"), ==, DESK_NOTIFICATION_STATUS_SENT);
  g_assert_cmpint (desk_record_get_int (filed, "sent-at"), >, 0);
  g_assert_cmpstr (desk_record_get_string (filed, "actor"), ==, "Alice Example");
  g_assert_cmpstr (desk_record_get_string (filed, "note"), ==, "Preliminary report");

  /* Its status changes from its row's menu, stamped like the ledger's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "notifications.set-notice-status", "(xi)",
                                             desk_record_get_id (filed),
                                             (gint32) DESK_NOTIFICATION_STATUS_ACKNOWLEDGED));
  SPIN_UNTIL (is_settled (fixture)
              && first_status (shown) == DESK_NOTIFICATION_STATUS_ACKNOWLEDGED);

  g_clear_pointer (&notices, g_hash_table_unref);
  notices = load_notices (fixture, fixture->incident);
  filed = g_hash_table_lookup (notices, "Data Protection Authority");
  g_assert_cmpint (desk_record_get_int (filed, "acknowledged-at"), >, 0);

  /* Customers' figures leave the regulator out. */
  g_assert_true (progress_is (fixture, "10 of 30 contracts notified"));
}

/* A deadline passed on a notice not sent says "overdue" in the alarming colour; a notice sent
 * after its deadline says it was sent late, without the colour; one sent in time only its date. */
static void
test_notifications_page_due (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GHashTable) notices = load_notices (fixture, fixture->incident);
  gint64 now = desk_store_now (fixture->store);
  gint64 due_at = now - 2 * 86400;
  g_autofree char *date = desk_format_date (due_at);
  g_autofree char *overdue = g_strdup_printf ("%s, overdue", date);
  g_autofree char *sent_late = g_strdup_printf ("%s, sent late", date);
  DeskRecord *pending = g_hash_table_lookup (notices, "C-001");
  DeskRecord *late = g_hash_table_lookup (notices, "C-002");
  DeskRecord *in_time = g_hash_table_lookup (notices, "C-003");
  GtkWidget *view;
  GtkWidget *cell;

  desk_record_set_int (pending, "due-at", due_at);
  desk_record_set_int (late, "due-at", due_at);
  desk_record_set_enum (late, "status", DESK_NOTIFICATION_STATUS_SENT);
  desk_record_set_int (late, "sent-at", due_at + 3600);
  desk_record_set_int (in_time, "due-at", due_at);
  desk_record_set_enum (in_time, "status", DESK_NOTIFICATION_STATUS_SENT);
  desk_record_set_int (in_time, "sent-at", due_at - 3600);
  desk_test_save (fixture->store, pending);
  desk_test_save (fixture->store, late);
  desk_test_save (fixture->store, in_time);

  show_page (fixture, fixture->incident);
  view = GTK_WIDGET (_desk_notifications_page_get_column_view (fixture->page));

  SPIN_UNTIL ((cell = desk_test_find_cell (view, overdue)) != NULL);
  g_assert_true (gtk_widget_has_css_class (cell, "notice-overdue"));
  SPIN_UNTIL ((cell = desk_test_find_cell (view, sent_late)) != NULL);
  g_assert_false (gtk_widget_has_css_class (cell, "notice-overdue"));
  SPIN_UNTIL ((cell = desk_test_find_cell (view, date)) != NULL);
  g_assert_false (gtk_widget_has_css_class (cell, "notice-overdue"));
}

static void
test_notifications_page_reload_on_show (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  show_page (fixture, fixture->incident);
  g_assert_true (progress_is (fixture, "10 of 30 contracts notified"));

  /* Another page changes notices while this one is out of view… */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  ledger = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                            desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);
  g_ptr_array_add (changed, g_object_ref (ledger->pdata[1]));
  g_ptr_array_add (changed, g_object_ref (ledger->pdata[2]));
  g_assert_true (desk_store_set_notification_status (fixture->store, changed,
                                                     DESK_NOTIFICATION_STATUS_DELIVERED, &error));
  g_assert_no_error (error);

  /* …and shown again, it reads them. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  SPIN_UNTIL (progress_is (fixture, "12 of 30 contracts notified") && is_settled (fixture));
}

static void
test_notifications_page_empty (Fixture       *fixture,
                               gconstpointer  data)
{
  DeskNoticeDialog *dialog;

  show_page (fixture, fixture->empty_incident);
  g_assert_cmpstr (_desk_notifications_page_get_state (fixture->page), ==, "empty");

  /* A notice to the public is possible before any customer is known. */
  dialog = _desk_notifications_page_open_dialog (fixture->page, GTK_INVALID_LIST_POSITION);
  _desk_notice_dialog_set_values (dialog, DESK_RECIPIENT_PUBLIC, "Press release",
                                  DESK_CHANNEL_PRESS_RELEASE, DESK_NOTIFICATION_STATUS_DRAFTED,
                                  NULL);
  save_dialog (dialog);

  SPIN_UNTIL (g_strcmp0 (_desk_notifications_page_get_state (fixture->page), "no-customers") == 0
              && is_settled (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (_desk_notifications_page_get_notices (fixture->page)),
                    ==, 1);
  g_assert_true (progress_is (fixture, "No customers to notify"));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Test windows on one shared display take focus from each other; a blinking cursor in a window
   * that lost it warns. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/desk/notifications-page/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("progress", test_notifications_page_progress);
  ADD ("bulk", test_notifications_page_bulk);
  ADD ("select-all", test_notifications_page_select_all);
  ADD ("keep-further", test_notifications_page_keep_further);
  ADD ("edit-row", test_notifications_page_edit_row);
  ADD ("remove-undo", test_notifications_page_remove_undo);
  ADD ("row-menu", test_notifications_page_row_menu);
  ADD ("regulator", test_notifications_page_regulator);
  ADD ("due", test_notifications_page_due);
  ADD ("reload-on-show", test_notifications_page_reload_on_show);
  ADD ("empty", test_notifications_page_empty);

#undef ADD

  return g_test_run ();
}
