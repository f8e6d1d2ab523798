/* test-customer-list.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-customer-list.h"
#include "desk-test-utils.h"

typedef struct
{
  char         *dir;
  DeskStore    *store;
  DeskIncident *incident;
  gint64        incident_id;
} Fixture;

/* 150 customers K-000…K-149; the name runs backwards ("Customer 149" for K-000); every third is
 * notified; K-007 has three accounts, one confirmed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_object_unref);
  DeskDatabase *database;

  fixture->dir = desk_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "incidents.db", NULL);
  fixture->store = desk_test_open_store (path);
  database = desk_store_get_database (fixture->store);

  fixture->incident = desk_incident_new ("Mail breach");
  g_assert_true (desk_store_save (fixture->store, DESK_RECORD (fixture->incident), &error));
  fixture->incident_id = desk_record_get_id (DESK_RECORD (fixture->incident));

  g_assert_true (desk_database_begin (database, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *contract = g_strdup_printf ("K-%03u", i);
      g_autofree char *name = g_strdup_printf ("Customer %03u", 149 - i);
      g_autoptr(DeskCustomer) customer = desk_customer_new (contract, name);
      g_autoptr(DeskAffected) affected = NULL;

      desk_record_set_string (DESK_RECORD (customer), "account-manager",
                              i % 2 ? "Aoki 50%_off" : "Sato");
      g_assert_true (desk_store_save (fixture->store, DESK_RECORD (customer), &error));
      affected = desk_affected_new (fixture->incident, customer);
      g_assert_true (desk_store_save (fixture->store, DESK_RECORD (affected), &error));

      if (i == 7)
        {
          g_assert_true (desk_store_add_account (fixture->store, affected, "a@k007.example",
                                                 DESK_EXPOSURE_POTENTIAL, 0, &error));
          g_assert_true (desk_store_add_account (fixture->store, affected, "b@k007.example",
                                                 DESK_EXPOSURE_CONFIRMED, 0, &error));
          g_assert_true (desk_store_add_account (fixture->store, affected, "c@k007.example",
                                                 DESK_EXPOSURE_POTENTIAL, 0, &error));
        }
      else if (i == 9)
        for (guint j = 0; j < 4; j++)
          {
            g_autofree char *account = g_strdup_printf ("%u@k009.example", j);

            g_assert_true (desk_store_add_account (fixture->store, affected, account,
                                                   DESK_EXPOSURE_POTENTIAL, 0, &error));
          }
    }
  g_assert_true (desk_database_commit (database, &error));

  {
    g_autoptr(GPtrArray) ledger = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION,
                                                   "incident-id", fixture->incident_id, &error);

    for (guint i = 0; i < ledger->len; i += 3)
      g_ptr_array_add (notified, g_object_ref (g_ptr_array_index (ledger, i)));
    g_assert_true (desk_store_set_notification_status (fixture->store, notified,
                                                       DESK_NOTIFICATION_STATUS_SENT, &error));
  }
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->incident);
  desk_test_await_finalize (fixture->store);
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static DeskCustomerList *
reloaded_list (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  DeskCustomerList *list = desk_customer_list_new (fixture->store, fixture->incident_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_no_error (error);
  return list;
}

static const char *
contract_at (DeskCustomerList *list,
             guint             position)
{
  g_autoptr(DeskCustomerRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);

  /* The record outlives this row reference: the list caches it. */
  return desk_record_get_string (DESK_RECORD (desk_customer_row_get_customer (row)),
                                 "contract-id");
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeskCustomerList) list = reloaded_list (fixture);
  g_autoptr(DeskCustomerRow) first = NULL;
  g_autoptr(DeskCustomerRow) again = NULL;
  g_autoptr(DeskCustomerRow) k007 = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 150);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == DESK_TYPE_CUSTOMER_ROW);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 150));

  /* Last page first, then the first: pages load on demand, in any order. */
  g_assert_cmpstr (contract_at (list, 149), ==, "K-149");
  g_assert_cmpstr (contract_at (list, 0), ==, "K-000");
  g_assert_cmpstr (contract_at (list, 64), ==, "K-064");

  /* The same position gives the same object while it is referenced. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  g_assert_nonnull (desk_customer_row_get_notification (first));
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (desk_customer_row_get_notification (first)),
                                         "status"), ==, DESK_NOTIFICATION_STATUS_SENT);

  k007 = g_list_model_get_item (G_LIST_MODEL (list), 7);
  g_assert_cmpint (desk_customer_row_get_potential_accounts (k007), ==, 3);
  g_assert_cmpint (desk_customer_row_get_confirmed_accounts (k007), ==, 1);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (desk_customer_row_get_affected (k007)),
                                         "exposure"), ==, DESK_EXPOSURE_CONFIRMED);
}

static void
test_sort_search_filter (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskCustomerList) list = reloaded_list (fixture);
  g_autoptr(GError) error = NULL;

  desk_customer_list_set_sort (list, DESK_CUSTOMER_SORT_NAME, FALSE);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpstr (contract_at (list, 0), ==, "K-149");   /* "Customer 000" */

  desk_customer_list_set_sort (list, DESK_CUSTOMER_SORT_CONTRACT, TRUE);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpstr (contract_at (list, 0), ==, "K-149");
  g_assert_cmpstr (contract_at (list, 149), ==, "K-000");

  /* K-009 has the most accounts, K-007 the only confirmed one */
  desk_customer_list_set_sort (list, DESK_CUSTOMER_SORT_ACCOUNTS, TRUE);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpstr (contract_at (list, 0), ==, "K-009");
  g_assert_cmpstr (contract_at (list, 1), ==, "K-007");

  desk_customer_list_set_sort (list, DESK_CUSTOMER_SORT_CONFIRMED, TRUE);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpstr (contract_at (list, 0), ==, "K-007");

  /* Search by contract id, by name, and with LIKE's wildcards taken literally. */
  desk_customer_list_set_sort (list, DESK_CUSTOMER_SORT_CONTRACT, FALSE);
  desk_customer_list_set_search (list, "k-12");
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  desk_customer_list_set_search (list, "Customer 149");
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (contract_at (list, 0), ==, "K-000");

  desk_customer_list_set_search (list, "50%_");
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 75);
  desk_customer_list_set_search (list, "5_%");
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Who still has to be told: 100 of 150 (every third was sent). */
  desk_customer_list_set_search (list, NULL);
  desk_customer_list_set_filter (list, DESK_NOTICE_FILTER_PENDING);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);

  desk_customer_list_set_filter (list, DESK_NOTICE_FILTER_NOTIFIED);
  g_assert_true (desk_customer_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  g_assert_no_error (error);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *calls)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 150);
  (*calls)++;
}

static void
on_reloaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_customer_list_reload_finish (DESK_CUSTOMER_LIST (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_reload_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCustomerList) list = desk_customer_list_new (fixture->store, fixture->incident_id,
                                                             &error);
  gboolean done = FALSE;
  gboolean stale_done = FALSE;
  guint calls = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &calls);

  /* A reload overtaken by a newer one is dropped: the list changes once. */
  desk_customer_list_set_filter (list, DESK_NOTICE_FILTER_NOTIFIED);
  desk_customer_list_reload_async (list, NULL, on_reloaded_cb, &stale_done);
  desk_customer_list_set_filter (list, DESK_NOTICE_FILTER_ALL);
  desk_customer_list_reload_async (list, NULL, on_reloaded_cb, &done);
  while (!done || !stale_done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 150);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/customer-list/pages", test_pages);
  ADD ("/desk/customer-list/sort-search-filter", test_sort_search_filter);
  ADD ("/desk/customer-list/reload-async", test_reload_async);

#undef ADD

  return g_test_run ();
}
