/* test-accounts-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page on a real temporary database filled by importing a generated CSV file, under
 * Xvfb: the count and the rows, searching by the start of an account or anywhere in it, the
 * filter on one customer, and the empty state of an incident without accounts. */

#define G_LOG_DOMAIN "test-accounts-page"

#include "config.h"

#include <adwaita.h>

#include "desk-account-import.h"
#include "desk-account-row.h"
#include "desk-accounts-page-private.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

#define N_ACCOUNTS 200
#define N_CONTRACTS 5

static const char * const domains[N_CONTRACTS] = {
  "alpha", "beta", "gamma", "delta", "epsilon",
};

/* Helpers {{{ */

typedef struct
{
  char             *dir;
  DeskStore        *store;
  DeskIncident     *incident;
  DeskIncident     *empty_incident;
  GtkWindow        *window;
  DeskAccountsPage *page;
} Fixture;

static gboolean
is_settled (Fixture *fixture)
{
  return !desk_incident_page_is_loading (DESK_INCIDENT_PAGE (fixture->page))
         && !_desk_accounts_page_is_building (fixture->page)
         && g_strcmp0 (_desk_accounts_page_get_state (fixture->page), "loading") != 0;
}

static guint
n_rows (Fixture *fixture)
{
  GListModel *list = _desk_accounts_page_get_list (fixture->page);

  return list ? g_list_model_get_n_items (list) : 0;
}

static gboolean
count_is (Fixture    *fixture,
          const char *text)
{
  return g_strcmp0 (_desk_accounts_page_get_count_text (fixture->page), text) == 0;
}

/* Returns: the account of the row at @position */
static const char *
account_at (Fixture *fixture,
            guint    position)
{
  GListModel *list = _desk_accounts_page_get_list (fixture->page);
  g_autoptr(DeskAccountRow) row = g_list_model_get_item (list, position);

  g_assert_nonnull (row);
  /* The list keeps the row while the cache or a widget holds it. */
  return desk_account_row_get_identifier (row);
}

static const char *
contract_at (Fixture *fixture,
             guint    position)
{
  GListModel *list = _desk_accounts_page_get_list (fixture->page);
  g_autoptr(DeskAccountRow) row = g_list_model_get_item (list, position);

  g_assert_nonnull (row);
  return desk_account_row_get_contract_id (row);
}

static void
show_page (Fixture      *fixture,
           DeskIncident *incident)
{
  fixture->page = g_object_new (DESK_TYPE_ACCOUNTS_PAGE,
                                "store", fixture->store,
                                "incident", incident,
                                NULL);
  fixture->window = desk_test_present_page (GTK_WIDGET (fixture->page), 1000, 700);

  SPIN_UNTIL (is_settled (fixture));
}

/* Types @text into the search and waits for the list to say @count. */
static void
search (Fixture    *fixture,
        const char *text,
        gboolean    contains,
        const char *count)
{
  _desk_accounts_page_set_contains (fixture->page, contains);
  gtk_editable_set_text (_desk_accounts_page_get_search_entry (fixture->page), text);
  SPIN_UNTIL (count_is (fixture, count) && is_settled (fixture));
}

static gint64
customer_id (Fixture    *fixture,
             const char *contract_id)
{
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  customers = desk_store_list (fixture->store, DESK_TYPE_CUSTOMER, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < customers->len; i++)
    {
      DeskRecord *customer = g_ptr_array_index (customers, i);

      if (g_strcmp0 (desk_record_get_string (customer, "contract-id"), contract_id) == 0)
        return desk_record_get_id (customer);
    }

  g_assert_not_reached ();
}

/* Writes the accounts user000@alpha.example … user199@epsilon.example, account i under
 * contract C-00(i % 5) with the domain of its contract; every tenth one confirmed, the others
 * with no status (potential); even ones in two categories, odd ones in one. Then imports them. */
static void
import_accounts (Fixture *fixture)
{
  g_autoptr(GString) csv = g_string_new ("account,customer_id,customer_name,category,status\n");
  g_autofree char *path = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ACCOUNTS; i++)
    g_string_append_printf (csv, "user%03u@%s.example,C-%03u,Customer %u,%s,%s\n",
                            i, domains[i % N_CONTRACTS], i % N_CONTRACTS, i % N_CONTRACTS,
                            i % 2 ? "Account credentials" : "Account credentials;Mail contents",
                            i % 10 ? "" : "confirmed");

  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);

  import = desk_account_import_new (fixture->store, fixture->incident, file);
  g_assert_true (desk_account_import_run (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_account_import_get_n_added (import), ==, N_ACCOUNTS);
}

/* }}} */
/* Fixture {{{ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->incident = desk_test_save (fixture->store, desk_incident_new ("Mail breach"));
  fixture->empty_incident = desk_test_save (fixture->store, desk_incident_new ("Quiet incident"));
  import_accounts (fixture);
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
test_accounts_page_list (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkColumnView *view;
  GtkSelectionModel *model;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) first = NULL;
  GtkWidget *focus;

  show_page (fixture, fixture->incident);

  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (n_rows (fixture), ==, N_ACCOUNTS);
  g_assert_cmpstr (_desk_accounts_page_get_count_text (fixture->page), ==, "200 accounts");
  g_assert_null (_desk_accounts_page_get_customer_text (fixture->page));

  /* In the order of the accounts */
  g_assert_cmpstr (account_at (fixture, 0), ==, "user000@alpha.example");
  g_assert_cmpstr (account_at (fixture, 199), ==, "user199@epsilon.example");

  /* The column view shows the page's list, through a selection model. */
  view = _desk_accounts_page_get_column_view (fixture->page);
  model = gtk_column_view_get_model (view);
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ACCOUNTS);
  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  first = g_list_model_get_item (columns, 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Account");

  /* The first row's cells, as drawn: its status and its categories by name. */
  SPIN_UNTIL (desk_test_find_cell (GTK_WIDGET (fixture->window),
                                   "user000@alpha.example") != NULL);
  g_assert_nonnull (desk_test_find_cell (GTK_WIDGET (fixture->window), "C-000"));
  g_assert_nonnull (desk_test_find_cell (GTK_WIDGET (fixture->window), "Customer 0"));
  g_assert_nonnull (desk_test_find_cell (GTK_WIDGET (fixture->window), "Confirmed"));
  g_assert_nonnull (desk_test_find_cell (GTK_WIDGET (fixture->window), "Potential"));
  g_assert_nonnull (desk_test_find_cell (GTK_WIDGET (fixture->window),
                                         "Account credentials, Mail contents"));

  /* Ctrl+F on the page goes to its search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "accounts.search",
                                             NULL));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (_desk_accounts_page_get_search_entry (
                                                              fixture->page))));
}

static void
test_accounts_page_search (Fixture       *fixture,
                           gconstpointer  data)
{
  show_page (fixture, fixture->incident);

  /* Anywhere in the account, whatever the case: a mail domain */
  search (fixture, "BETA.example", TRUE, "40 matching accounts");
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "list");
  g_assert_cmpstr (account_at (fixture, 0), ==, "user001@beta.example");

  /* By its start: user000…user009 */
  search (fixture, "user00", FALSE, "10 matching accounts");
  g_assert_cmpstr (account_at (fixture, 9), ==, "user009@epsilon.example");

  /* "beta" starts no account: nothing, in its own state */
  search (fixture, "beta", FALSE, "0 matching accounts");
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "no-results");

  /* The same text, anywhere */
  _desk_accounts_page_set_contains (fixture->page, TRUE);
  SPIN_UNTIL (count_is (fixture, "40 matching accounts") && is_settled (fixture));

  /* No search: every account again */
  search (fixture, "", TRUE, "200 accounts");
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "list");
}

static void
test_accounts_page_customer (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 gamma = customer_id (fixture, "C-002");

  show_page (fixture, fixture->incident);

  desk_accounts_page_set_customer (fixture->page, gamma, "C-002", "Customer 2");
  SPIN_UNTIL (count_is (fixture, "40 matching accounts") && is_settled (fixture));
  g_assert_cmpstr (_desk_accounts_page_get_customer_text (fixture->page), ==,
                   "Contract C-002 — Customer 2");
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_cmpstr (contract_at (fixture, i), ==, "C-002");

  /* With a search: user012 and user017 are C-002's among user010…user019 */
  search (fixture, "user01", FALSE, "2 matching accounts");
  g_assert_cmpstr (account_at (fixture, 0), ==, "user012@gamma.example");
  g_assert_cmpstr (account_at (fixture, 1), ==, "user017@gamma.example");

  /* Removing the filter keeps the search. */
  desk_accounts_page_set_customer (fixture->page, 0, NULL, NULL);
  SPIN_UNTIL (count_is (fixture, "10 matching accounts") && is_settled (fixture));
  g_assert_null (_desk_accounts_page_get_customer_text (fixture->page));

  /* "Show Accounts" of a customer shows all of them: the search goes. */
  desk_accounts_page_show_customer (fixture->page, gamma, "C-002", "Customer 2");
  SPIN_UNTIL (count_is (fixture, "40 matching accounts") && is_settled (fixture));
  g_assert_cmpstr (gtk_editable_get_text (_desk_accounts_page_get_search_entry (fixture->page)),
                   ==, "");
  search (fixture, "user01", FALSE, "2 matching accounts");

  /* Another incident drops the filter: its customers are others. */
  desk_accounts_page_set_customer (fixture->page, gamma, "C-002", "Customer 2");
  SPIN_UNTIL (count_is (fixture, "2 matching accounts") && is_settled (fixture));
  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), fixture->empty_incident);
  SPIN_UNTIL (is_settled (fixture));
  g_assert_cmpint (desk_accounts_page_get_customer_id (fixture->page), ==, 0);
  g_assert_null (_desk_accounts_page_get_customer_text (fixture->page));
}

static void
test_accounts_page_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  show_page (fixture, fixture->empty_incident);

  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "empty");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  /* The incident with accounts lists them… */
  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), fixture->incident);
  SPIN_UNTIL (count_is (fixture, "200 accounts") && is_settled (fixture));
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "list");

  /* …and one without accounts says so even with a search typed, rather than "no match". */
  search (fixture, "beta", TRUE, "40 matching accounts");
  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), fixture->empty_incident);
  SPIN_UNTIL (count_is (fixture, "0 matching accounts") && is_settled (fixture));
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "empty");
}

/* An import behind the page's back shows once the page reads the incident again. */
static void
test_accounts_page_reload (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = g_steal_pointer (&fixture->incident);

  show_page (fixture, fixture->empty_incident);
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "empty");

  fixture->incident = g_object_ref (fixture->empty_incident);
  import_accounts (fixture);
  desk_incident_page_reload (DESK_INCIDENT_PAGE (fixture->page));
  SPIN_UNTIL (count_is (fixture, "200 accounts") && is_settled (fixture));
  g_assert_cmpstr (_desk_accounts_page_get_state (fixture->page), ==, "list");
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
  g_test_add ("/desk/accounts-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_accounts_page_list);
  ADD ("search", test_accounts_page_search);
  ADD ("customer", test_accounts_page_customer);
  ADD ("empty", test_accounts_page_empty);
  ADD ("reload", test_accounts_page_reload);

#undef ADD

  return g_test_run ();
}
