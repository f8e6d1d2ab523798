/* test-customers-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Customers page on a real temporary database, under Xvfb: what it lists, searching,
 * filtering and sorting in SQL, and adding, editing and removing a customer through its dialog. */

#define G_LOG_DOMAIN "test-customers-page"

#include "config.h"

#include <adwaita.h>

#include "desk-customer-columns.h"
#include "desk-customer-dialog-private.h"
#include "desk-customer-row.h"
#include "desk-customers-page-private.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

#define N_CUSTOMERS 30

/* Helpers {{{ */

typedef struct
{
  char              *dir;
  DeskStore         *store;
  DeskIncident      *incident;
  DeskIncident      *empty_incident;
  GPtrArray         *categories;
  GtkWindow         *window;
  DeskCustomersPage *page;
} Fixture;

static gboolean
is_settled (Fixture *fixture)
{
  return !desk_incident_page_is_loading (DESK_INCIDENT_PAGE (fixture->page))
         && g_strcmp0 (_desk_customers_page_get_state (fixture->page), "loading") != 0;
}

static guint
n_rows (Fixture *fixture)
{
  GListModel *list = _desk_customers_page_get_list (fixture->page);

  return list ? g_list_model_get_n_items (list) : 0;
}

/* Returns: the contract id of the row at @position */
static const char *
contract_at (Fixture *fixture,
             guint    position)
{
  GListModel *list = _desk_customers_page_get_list (fixture->page);
  g_autoptr(DeskCustomerRow) row = g_list_model_get_item (list, position);

  g_assert_nonnull (row);
  /* The list keeps the row, and so its customer, while a widget or the cache holds it. */
  return desk_record_get_string (DESK_RECORD (desk_customer_row_get_customer (row)),
                                 "contract-id");
}

static void
show_page (Fixture      *fixture,
           DeskIncident *incident)
{
  fixture->page = g_object_new (DESK_TYPE_CUSTOMERS_PAGE,
                                "store", fixture->store,
                                "incident", incident,
                                NULL);
  fixture->window = desk_test_present_page (GTK_WIDGET (fixture->page), 1000, 700);

  SPIN_UNTIL (is_settled (fixture));
}

/* Answers the message dialog on show by clicking its button labelled @label. */
static void
respond (const char *label)
{
  GtkWindow *dialog;
  GtkWidget *button;

  SPIN_UNTIL ((dialog = desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  SPIN_UNTIL ((button = desk_test_find_button (GTK_WIDGET (dialog), label)) != NULL);
  gtk_widget_activate (button);
  SPIN_UNTIL (desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/* Fills and saves @dialog, then waits for it to be gone or to stop saving. */
static void
save_dialog (DeskCustomerDialog *dialog,
             gboolean            expect_close)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "customer.save", NULL));

  if (expect_close)
    SPIN_UNTIL (weak == NULL);
  else
    {
      SPIN_UNTIL (!_desk_customer_dialog_is_saving (dialog));
      g_object_remove_weak_pointer (G_OBJECT (dialog), &weak);
    }
}

/* }}} */
/* Fixture {{{ */

/* 30 customers C-000…C-029 whose names run backwards ("Customer 29" for C-000), every third one
 * notified; the incident has two breach categories; a second incident has no customers. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);

  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Mail breach"));
  fixture->empty_incident = desk_test_save (fixture->store, desk_incident_new ("Quiet incident"));

  fixture->categories = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->categories,
                   desk_test_save (fixture->store,
                                   desk_category_new (fixture->incident, "Account credentials")));
  g_ptr_array_add (fixture->categories,
                   desk_test_save (fixture->store,
                                   desk_category_new (fixture->incident, "Mail contents")));

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *contract = g_strdup_printf ("C-%03u", i);
      g_autofree char *name = g_strdup_printf ("Customer %02u", N_CUSTOMERS - 1 - i);
      g_autoptr(DeskCustomer) customer = desk_customer_new (contract, name);
      g_autoptr(DeskAffected) affected = NULL;

      desk_record_set_string (DESK_RECORD (customer), "account-manager",
                              i % 2 ? "Haruka Mori" : "Daniel Brooks");
      desk_test_save (fixture->store, customer);

      affected = desk_affected_new (fixture->incident, customer);
      desk_record_set_int (DESK_RECORD (affected), "categories", i % 3 == 0 ? 1 : 2);
      desk_test_save (fixture->store, affected);
    }

  g_assert_cmpuint (desk_test_send_every_third (fixture->store, fixture->incident), ==,
                    N_CUSTOMERS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    desk_test_destroy_window (g_steal_pointer (&fixture->window), NULL);

  g_clear_pointer (&fixture->categories, g_ptr_array_unref);
  g_clear_object (&fixture->incident);
  g_clear_object (&fixture->empty_incident);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

static gint64
incident_id (Fixture *fixture)
{
  return desk_record_get_id (DESK_RECORD (fixture->incident));
}

/* }}} */
/* Tests {{{ */

static void
test_customers_page_list (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkColumnView *view;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) first = NULL;
  g_autoptr(GtkColumnViewColumn) confirmed = NULL;
  GtkSelectionModel *model;

  show_page (fixture, fixture->incident);

  g_assert_cmpstr (_desk_customers_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (n_rows (fixture), ==, N_CUSTOMERS);
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-000");
  g_assert_cmpstr (_desk_customers_page_get_count_text (fixture->page), ==, "30 customers");

  /* The column view shows the page's list, through a selection model. */
  view = _desk_customers_page_get_column_view (fixture->page);
  model = gtk_column_view_get_model (view);
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);

  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 8);
  first = g_list_model_get_item (columns, 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Contract");
  confirmed = g_list_model_get_item (columns, 6);
  g_assert_cmpstr (gtk_column_view_column_get_title (confirmed), ==, "Confirmed");
}

static void
test_customers_page_search (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkEditable *search;

  show_page (fixture, fixture->incident);
  search = _desk_customers_page_get_search_entry (fixture->page);

  /* By contract id: C-010…C-019 */
  gtk_editable_set_text (search, "C-01");
  SPIN_UNTIL (n_rows (fixture) == 10 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-010");
  g_assert_cmpstr (_desk_customers_page_get_count_text (fixture->page), ==,
                   "10 matching customers");

  /* By name: "Customer 29" is C-000 */
  gtk_editable_set_text (search, "Customer 29");
  SPIN_UNTIL (n_rows (fixture) == 1 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-000");

  /* By account manager */
  gtk_editable_set_text (search, "mori");
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS / 2 && is_settled (fixture));

  /* Nothing: its own state, not the "no customers" one */
  gtk_editable_set_text (search, "no such customer");
  SPIN_UNTIL (n_rows (fixture) == 0 && is_settled (fixture));
  g_assert_cmpstr (_desk_customers_page_get_state (fixture->page), ==, "no-results");

  gtk_editable_set_text (search, "");
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS && is_settled (fixture));
  g_assert_cmpstr (_desk_customers_page_get_state (fixture->page), ==, "list");
}

static void
test_customers_page_filter (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkDropDown *filter;

  show_page (fixture, fixture->incident);
  filter = _desk_customers_page_get_filter_dropdown (fixture->page);

  gtk_drop_down_set_selected (filter, DESK_NOTICE_FILTER_PENDING);
  SPIN_UNTIL (n_rows (fixture) == 20 && is_settled (fixture));
  /* C-000 was notified: the first one to notify is C-001. */
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-001");

  gtk_drop_down_set_selected (filter, DESK_NOTICE_FILTER_NOTIFIED);
  SPIN_UNTIL (n_rows (fixture) == 10 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, 1), ==, "C-003");

  gtk_drop_down_set_selected (filter, DESK_NOTICE_FILTER_ALL);
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS && is_settled (fixture));
}

static void
test_customers_page_sort (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) contract = NULL;
  g_autoptr(GtkColumnViewColumn) name = NULL;

  show_page (fixture, fixture->incident);
  view = _desk_customers_page_get_column_view (fixture->page);
  contract = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  name = g_list_model_get_item (gtk_column_view_get_columns (view), 1);

  /* As a click on the Name header does: "Customer 00" is C-029. */
  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  SPIN_UNTIL (g_strcmp0 (contract_at (fixture, 0), "C-029") == 0 && is_settled (fixture));

  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  SPIN_UNTIL (g_strcmp0 (contract_at (fixture, 0), "C-000") == 0 && is_settled (fixture));

  gtk_column_view_sort_by_column (view, contract, GTK_SORT_DESCENDING);
  SPIN_UNTIL (g_strcmp0 (contract_at (fixture, 0), "C-029") == 0 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, N_CUSTOMERS - 1), ==, "C-000");

  /* Sorting keeps the search. */
  gtk_editable_set_text (_desk_customers_page_get_search_entry (fixture->page), "C-00");
  SPIN_UNTIL (n_rows (fixture) == 10 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-009");
}

static void
test_customers_page_add (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) affected = NULL;
  g_autoptr(GError) error = NULL;
  DeskCustomerDialog *dialog;
  DeskRecord *added = NULL;
  gint64 mask = 0;

  show_page (fixture, fixture->incident);

  dialog = _desk_customers_page_open_dialog (fixture->page, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (dialog);
  g_assert_null (desk_customer_dialog_get_row (dialog));

  gtk_editable_set_text (_desk_customer_dialog_get_contract_row (dialog), "  N-001 ");
  gtk_editable_set_text (_desk_customer_dialog_get_name_row (dialog), "Northwind Travel");
  gtk_editable_set_text (_desk_customer_dialog_get_manager_row (dialog), "Yui Sato");
  _desk_customer_dialog_set_category (dialog, 1, TRUE);
  save_dialog (dialog, TRUE);

  /* In the database: the customer, its place on the incident with its category, its ledger row */
  customers = desk_store_list (fixture->store, DESK_TYPE_CUSTOMER, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, ==, N_CUSTOMERS + 1);
  for (guint i = 0; i < customers->len; i++)
    if (g_strcmp0 (desk_record_get_string (customers->pdata[i], "contract-id"), "N-001") == 0)
      added = customers->pdata[i];
  g_assert_nonnull (added);
  g_assert_cmpstr (desk_record_get_string (added, "name"), ==, "Northwind Travel");
  g_assert_cmpstr (desk_record_get_string (added, "account-manager"), ==, "Yui Sato");

  affected = desk_store_list (fixture->store, DESK_TYPE_AFFECTED, "customer-id",
                              desk_record_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (affected->len, ==, 1);
  g_assert_cmpint (desk_record_get_int (affected->pdata[0], "incident-id"), ==,
                   incident_id (fixture));
  mask = G_GINT64_CONSTANT (1) << desk_record_get_int (fixture->categories->pdata[1], "bit");
  g_assert_cmpint (desk_record_get_int (affected->pdata[0], "categories"), ==, mask);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_NOTIFICATION, "affected-id",
                                     desk_record_get_id (affected->pdata[0])), ==, 1);

  /* On the page, last in contract order */
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS + 1 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, N_CUSTOMERS), ==, "N-001");
}

static void
test_customers_page_duplicate (Fixture       *fixture,
                               gconstpointer  data)
{
  DeskCustomerDialog *dialog;
  const char *message;

  show_page (fixture, fixture->incident);

  dialog = _desk_customers_page_open_dialog (fixture->page, GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (_desk_customer_dialog_get_contract_row (dialog), "C-005");
  gtk_editable_set_text (_desk_customer_dialog_get_name_row (dialog), "Someone Else");
  save_dialog (dialog, FALSE);

  /* Refused, inline, and the dialog stays open with what was typed */
  message = _desk_customer_dialog_get_error (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "C-005"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (_desk_customer_dialog_get_name_row (dialog)), ==,
                   "Someone Else");

  /* Nothing written */
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CUSTOMER, NULL, 0), ==,
                    N_CUSTOMERS);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_AFFECTED, "incident-id",
                                     incident_id (fixture)), ==, N_CUSTOMERS);

  /* Typing clears the error; another id goes through. */
  gtk_editable_set_text (_desk_customer_dialog_get_contract_row (dialog), "C-105");
  g_assert_null (_desk_customer_dialog_get_error (dialog));
  save_dialog (dialog, TRUE);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CUSTOMER, NULL, 0), ==,
                    N_CUSTOMERS + 1);
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS + 1 && is_settled (fixture));
}

static void
on_added_cb (DeskCustomerDialog  *dialog,
             char               **name)
{
  *name = g_strdup (desk_customer_get_display_name (desk_customer_dialog_get_customer (dialog)));
}

/* A contract ID on another incident is that customer, put on this one as it is on record. */
static void
test_customers_page_add_existing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DeskCustomer) existing = NULL;
  g_autoptr(DeskCustomerRow) row = NULL;
  g_autofree char *added_name = NULL;
  DeskCustomerDialog *dialog;

  existing = desk_test_save (fixture->store, desk_customer_new ("X-100", "Existing Holdings"));
  g_object_unref (desk_test_save (fixture->store,
                                  desk_affected_new (fixture->empty_incident, existing)));
  show_page (fixture, fixture->incident);

  dialog = _desk_customers_page_open_dialog (fixture->page, GTK_INVALID_LIST_POSITION);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_added_cb), &added_name);
  gtk_editable_set_text (_desk_customer_dialog_get_contract_row (dialog), "X-100");
  save_dialog (dialog, TRUE);

  /* What the page's toast names */
  g_assert_cmpstr (added_name, ==, "Existing Holdings");

  /* No second customer: the one on record, now on both incidents */
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CUSTOMER, NULL, 0), ==,
                    N_CUSTOMERS + 1);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_AFFECTED, "customer-id",
                                     desk_record_get_id (DESK_RECORD (existing))), ==, 2);

  /* On the page, last in contract order, under its name on record */
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS + 1 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, N_CUSTOMERS), ==, "X-100");
  row = g_list_model_get_item (_desk_customers_page_get_list (fixture->page), N_CUSTOMERS);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (desk_customer_row_get_customer (row)),
                                           "name"), ==, "Existing Holdings");
}

static void
test_customers_page_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DeskCustomerRow) row = NULL;
  g_autoptr(DeskCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  DeskCustomerDialog *dialog;
  DeskRecord *customer;

  show_page (fixture, fixture->incident);

  row = g_list_model_get_item (_desk_customers_page_get_list (fixture->page), 0);
  customer = DESK_RECORD (desk_customer_row_get_customer (row));
  dialog = _desk_customers_page_open_dialog (fixture->page, 0);
  g_assert_true (desk_customer_dialog_get_row (dialog) == row);
  g_assert_cmpstr (gtk_editable_get_text (_desk_customer_dialog_get_contract_row (dialog)), ==,
                   "C-000");

  gtk_editable_set_text (_desk_customer_dialog_get_name_row (dialog), "Renamed Holdings");
  save_dialog (dialog, TRUE);

  stored = desk_store_load (fixture->store, DESK_TYPE_CUSTOMER, desk_record_get_id (customer),
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "name"), ==, "Renamed Holdings");
  /* The row's live record shows it at once. */
  g_assert_cmpstr (desk_record_get_string (customer, "name"), ==, "Renamed Holdings");
  SPIN_UNTIL (is_settled (fixture));
  g_assert_cmpuint (n_rows (fixture), ==, N_CUSTOMERS);
}

static void
test_customers_page_remove_undo (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *undo;

  show_page (fixture, fixture->incident);

  _desk_customers_page_remove (fixture->page, 0);
  respond ("_Remove");

  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS - 1 && is_settled (fixture));
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-001");
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_AFFECTED, "incident-id",
                                     incident_id (fixture)), ==, N_CUSTOMERS - 1);
  /* Its notice left the ledger too, so the figures agree with the list. */
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                                     incident_id (fixture)), ==, N_CUSTOMERS - 1);

  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  gtk_widget_activate (undo);

  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS && is_settled (fixture)
              && desk_test_count (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                                  incident_id (fixture)) == N_CUSTOMERS);
  g_assert_cmpstr (contract_at (fixture, 0), ==, "C-000");
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_AFFECTED, "incident-id",
                                     incident_id (fixture)), ==, N_CUSTOMERS);
}

static void
test_customers_page_cancel_remove (Fixture       *fixture,
                                   gconstpointer  data)
{
  show_page (fixture, fixture->incident);

  _desk_customers_page_remove (fixture->page, 0);
  respond ("_Cancel");

  SPIN_UNTIL (is_settled (fixture));
  g_assert_cmpuint (n_rows (fixture), ==, N_CUSTOMERS);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_AFFECTED, "incident-id",
                                     incident_id (fixture)), ==, N_CUSTOMERS);
}

static void
test_customers_page_row_menu (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkColumnView *view;
  GtkWidget *cell;
  graphene_rect_t bounds;
  DeskCustomerDialog *dialog;
  GtkWidget *popover;
  double x, y;

  show_page (fixture, fixture->incident);
  view = _desk_customers_page_get_column_view (fixture->page);
  popover = GTK_WIDGET (_desk_customers_page_get_row_popover (fixture->page));

  /* A right click on the third row's name selects that row and opens its menu. */
  SPIN_UNTIL ((cell = desk_test_find_cell (GTK_WIDGET (view), "Customer 27")) != NULL
              && gtk_widget_get_width (cell) > 0);
  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (view), &bounds));
  x = bounds.origin.x + 2;
  y = bounds.origin.y + bounds.size.height / 2;
  g_assert_cmpuint (desk_customer_columns_get_position_at (view, x, y), ==, 2);
  /* Not on a header */
  g_assert_cmpuint (desk_customer_columns_get_position_at (view, bounds.origin.x + 2, 2), ==,
                    GTK_INVALID_LIST_POSITION);

  _desk_customers_page_popup_row_menu (fixture->page, x, y);
  g_assert_cmpuint (_desk_customers_page_get_selected (fixture->page), ==, 2);
  SPIN_UNTIL (gtk_widget_get_mapped (popover));

  /* Its Edit item opens that customer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customers.edit", NULL));
  gtk_popover_popdown (GTK_POPOVER (popover));
  SPIN_UNTIL (!gtk_widget_get_mapped (popover));
  dialog = (DeskCustomerDialog *) desk_test_find_toplevel (DESK_TYPE_CUSTOMER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (_desk_customer_dialog_get_contract_row (dialog)), ==,
                   "C-002");
  desk_test_destroy_window (GTK_WINDOW (dialog), NULL);
}

static void
test_customers_page_empty (Fixture       *fixture,
                           gconstpointer  data)
{
  DeskCustomerDialog *dialog;

  show_page (fixture, fixture->empty_incident);

  g_assert_cmpstr (_desk_customers_page_get_state (fixture->page), ==, "empty");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  /* The empty state's button adds the first customer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customers.add", NULL));
  dialog = _desk_customers_page_open_dialog (fixture->page, GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (_desk_customer_dialog_get_contract_row (dialog), "Q-1");
  save_dialog (dialog, TRUE);
  SPIN_UNTIL (g_strcmp0 (_desk_customers_page_get_state (fixture->page), "list") == 0
              && is_settled (fixture));
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  /* Switching incidents shows the other one's customers. */
  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), fixture->incident);
  SPIN_UNTIL (n_rows (fixture) == N_CUSTOMERS && is_settled (fixture));
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
  g_test_add ("/desk/customers-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_customers_page_list);
  ADD ("search", test_customers_page_search);
  ADD ("filter", test_customers_page_filter);
  ADD ("sort", test_customers_page_sort);
  ADD ("add", test_customers_page_add);
  ADD ("duplicate", test_customers_page_duplicate);
  ADD ("add-existing", test_customers_page_add_existing);
  ADD ("edit", test_customers_page_edit);
  ADD ("remove-undo", test_customers_page_remove_undo);
  ADD ("cancel-remove", test_customers_page_cancel_remove);
  ADD ("row-menu", test_customers_page_row_menu);
  ADD ("empty", test_customers_page_empty);

#undef ADD

  return g_test_run ();
}
