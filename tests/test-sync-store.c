/* test-sync-store.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's side of the sync, without a network: the outbox, changes carried from one store
 * to another as the server would hand them on, pending and conflicting fields, and accounts
 * pushed by change number and merged. */

#include "config.h"

#include "desk-records.h"
#include "desk-store-sync.h"
#include "desk-test-utils.h"

typedef struct
{
  DeskStore *a;
  DeskStore *b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->a = desk_test_open_store (NULL);
  fixture->b = desk_test_open_store (NULL);
  desk_store_set_actor (fixture->b, "Other Runner");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
}

static gint64
get_int (DeskStore  *store,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (desk_store_sync_get_int (store, key, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* The whole outbox of @store, and its last line in @last. */
static JsonArray *
read_outbox (DeskStore *store,
             gint64    *last)
{
  g_autoptr(GError) error = NULL;
  JsonArray *changes = desk_store_sync_read_outbox (store, get_int (store,
                                                                    DESK_SYNC_KEY_PUSHED_AUDIT),
                                                    0, 1000, last, &error);

  g_assert_no_error (error);
  return changes;
}

/* Hands the changes of @from's outbox to @to as a server would that took them all, and marks
 * them pushed; stops at the first that @to refuses. */
static gboolean
try_carry (DeskStore  *from,
           DeskStore  *to,
           GError    **error)
{
  gint64 last;
  g_autoptr(JsonArray) changes = read_outbox (from, &last);

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      g_autoptr(JsonObject) entry = json_object_new ();
      JsonNode *after = json_object_get_member (change, "after");
      const char *action = json_object_get_string_member (change, "action");

      json_object_set_object_member (entry, "change", json_object_ref (change));
      json_object_set_member (entry, "values",
                              JSON_NODE_HOLDS_OBJECT (after)
                                ? json_node_copy (after)
                                : json_node_init_object (json_node_alloc (), json_object_new ()));
      json_object_set_boolean_member (entry, "deleted", g_str_equal (action, "delete"));
      json_object_set_int_member (entry, "created_at", json_object_get_int_member (change, "at"));
      if (!desk_store_sync_apply_change (to, entry, NULL, error))
        return FALSE;
    }

  return desk_store_sync_set_int (from, DESK_SYNC_KEY_PUSHED_AUDIT, last, error);
}

static void
carry (DeskStore *from,
       DeskStore *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (try_carry (from, to, &error));
  g_assert_no_error (error);
}

static gint64
outbox_size (DeskStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (desk_store_sync_count_outbox (store, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* Every local change is in the outbox, as a change of the wire format; received ones are not. */
static void
test_outbox (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->a,
                                                       desk_checklist_new (incident, "MFA"));
  g_autoptr(JsonArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *change;
  gint64 last;

  g_assert_cmpint (outbox_size (fixture->a), ==, 2);
  changes = read_outbox (fixture->a, &last);
  g_assert_cmpint (json_array_get_length (changes), ==, 2);
  change = json_array_get_object_element (changes, 1);
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "checklist");
  g_assert_cmpstr (json_object_get_string_member (change, "action"), ==, "create");
  g_assert_cmpstr (json_object_get_string_member (change, "incident"), ==,
                   desk_record_get_uuid (DESK_RECORD (incident)));
  /* references travel as UUIDs */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "after"),
                                                  "incident_id"), ==,
                   desk_record_get_uuid (DESK_RECORD (incident)));

  carry (fixture->a, fixture->b);
  g_assert_cmpint (outbox_size (fixture->a), ==, 0);
  g_assert_cmpint (outbox_size (fixture->b), ==, 0);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CHECKLIST, NULL, 0), ==, 1);

  /* the same changes again change nothing */
  g_assert_true (desk_store_sync_set_int (fixture->a, DESK_SYNC_KEY_PUSHED_AUDIT, 0, &error));
  carry (fixture->a, fixture->b);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CHECKLIST, NULL, 0), ==, 1);
}

/* A field changed here and not pushed yet keeps its value; the others take the server's. */
static void
test_pending_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskIncident) copy = NULL;
  g_autoptr(GError) error = NULL;

  carry (fixture->a, fixture->b);
  copy = desk_store_lookup (fixture->b, DESK_TYPE_INCIDENT,
                            desk_record_get_uuid (DESK_RECORD (incident)), &error);
  g_assert_no_error (error);

  desk_record_set_string (DESK_RECORD (copy), "title", "Mail (B)");
  g_object_unref (desk_test_save (fixture->b, g_object_ref (copy)));
  desk_record_set_string (DESK_RECORD (incident), "title", "Mail (A)");
  desk_record_set_string (DESK_RECORD (incident), "cause", "JVN");
  g_object_unref (desk_test_save (fixture->a, g_object_ref (incident)));
  carry (fixture->a, fixture->b);

  g_clear_object (&copy);
  copy = desk_store_lookup (fixture->b, DESK_TYPE_INCIDENT,
                            desk_record_get_uuid (DESK_RECORD (incident)), &error);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (copy), "title"), ==, "Mail (B)");
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (copy), "cause"), ==, "JVN");
  /* B's own change is still to push; A's are history */
  g_assert_cmpint (outbox_size (fixture->b), ==, 1);
}

/* A conflict keeps the local value until someone picks one; either way a change of its own. */
static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  const char *uuid = desk_record_get_uuid (DESK_RECORD (incident));
  g_autoptr(JsonNode) base = json_from_string ("\"Mail\"", NULL);
  g_autoptr(JsonNode) local = json_from_string ("\"Mail (A)\"", NULL);
  g_autoptr(JsonNode) remote = json_from_string ("\"Mail (B)\"", NULL);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(DeskIncident) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) changes = NULL;
  g_autofree char *text = NULL;
  DeskConflict *conflict;
  gint64 n, last;

  desk_record_set_string (DESK_RECORD (incident), "title", "Mail (A)");
  g_object_unref (desk_test_save (fixture->a, g_object_ref (incident)));
  g_assert_true (desk_store_sync_set_int (fixture->a, DESK_SYNC_KEY_PUSHED_AUDIT, 2, &error));
  g_assert_true (desk_store_sync_add_conflict (fixture->a, "incident", uuid, "title", base, local,
                                               remote, &error));
  g_assert_no_error (error);

  conflicts = desk_store_sync_list_conflicts (fixture->a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (desk_conflict_get_field (conflict), ==, "title");
  g_assert_cmpstr (desk_conflict_get_record_title (conflict), ==, "Mail (A)");
  text = desk_conflict_dup_remote_text (conflict);
  g_assert_cmpstr (text, ==, "Mail (B)");
  /* who made the local value, from the audit log; nothing was received for the server's */
  g_assert_cmpstr (desk_conflict_get_local_actor (conflict), ==,
                   desk_store_get_actor (fixture->a));
  g_assert_cmpint (desk_conflict_get_local_at (conflict), >, 0);
  g_assert_null (desk_conflict_get_remote_actor (conflict));
  g_assert_cmpint (desk_conflict_get_remote_at (conflict), ==, 0);

  /* keeping the local value is a change from the server's value */
  g_assert_true (desk_store_sync_resolve_conflict (fixture->a, desk_conflict_get_id (conflict),
                                                   TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (desk_store_sync_count_conflicts (fixture->a, &n, &error));
  g_assert_cmpint (n, ==, 0);
  changes = desk_store_sync_read_outbox (fixture->a, 2, 0, 10, &last, &error);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (changes, 0),
                                                    "before"), "title"), ==, "Mail (B)");

  /* taking the server's value changes the record */
  g_assert_true (desk_store_sync_add_conflict (fixture->a, "incident", uuid, "title", base, local,
                                               remote, &error));
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = desk_store_sync_list_conflicts (fixture->a, &error);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_true (desk_store_sync_resolve_conflict (fixture->a, desk_conflict_get_id (conflict),
                                                   FALSE, &error));
  g_assert_no_error (error);
  stored = desk_store_lookup (fixture->a, DESK_TYPE_INCIDENT, uuid, &error);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "title"), ==, "Mail (B)");

  g_assert_false (desk_store_sync_resolve_conflict (fixture->a, 999, TRUE, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static GArray *
read_accounts (DeskStore    *store,
               gboolean      findings,
               GStringChunk *strings)
{
  DeskSyncAccountCursor cursor = { 0, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  gboolean found;
  GArray *accounts;

  g_assert_true (desk_store_sync_next_incident (store, &cursor, &found, &error));
  g_assert_true (found);
  cursor.findings = findings;
  accounts = desk_store_sync_read_accounts (store, &cursor,
                                            get_int (store, DESK_SYNC_KEY_PUSHED_GEN),
                                            get_int (store, DESK_SYNC_KEY_ACCOUNT_GEN), 100,
                                            strings, &error);
  g_assert_no_error (error);
  desk_sync_account_cursor_clear (&cursor);
  return accounts;
}

/* Accounts are pushed by change number, and merged in any order to the same result. */
static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskCategory) webmail = desk_test_save (fixture->a,
                                                    desk_category_new (incident, "Webmail"));
  g_autoptr(DeskCustomer) customer = desk_customer_new ("C-1", NULL);
  g_autoptr(DeskAffected) affected = desk_affected_new (incident, customer);
  g_autoptr(GStringChunk) strings = g_string_chunk_new (256);
  g_autoptr(GArray) accounts = NULL;
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(DeskStats) stats_a = NULL;
  g_autoptr(DeskStats) stats_b = NULL;
  g_autoptr(DeskIncident) incident_b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_add_affected_customer (fixture->a, customer, affected, &error));
  g_assert_true (desk_store_add_account (fixture->a, affected, "u1@example.jp",
                                         DESK_EXPOSURE_POTENTIAL, 1, &error));
  g_assert_true (desk_store_add_account (fixture->a, affected, "u2@example.jp",
                                         DESK_EXPOSURE_CONFIRMED, 0, &error));
  g_assert_no_error (error);

  accounts = read_accounts (fixture->a, FALSE, strings);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpstr (g_array_index (accounts, DeskSyncAccount, 0).identifier, ==, "u1@example.jp");
  g_assert_cmpint (g_array_index (accounts, DeskSyncAccount, 1).exposure, ==,
                   DESK_EXPOSURE_CONFIRMED);

  /* pushed: only what changes afterwards is read, and a finding alone in the second phase */
  g_assert_true (desk_store_sync_set_int (fixture->a, DESK_SYNC_KEY_PUSHED_GEN,
                                          get_int (fixture->a, DESK_SYNC_KEY_ACCOUNT_GEN),
                                          &error));
  g_clear_pointer (&accounts, g_array_unref);
  g_assert_cmpuint ((accounts = read_accounts (fixture->a, FALSE, strings))->len, ==, 0);
  g_assert_true (desk_store_add_account (fixture->a, affected, "U1@example.jp",
                                         DESK_EXPOSURE_CONFIRMED, 0, &error));
  g_clear_pointer (&accounts, g_array_unref);
  g_assert_cmpuint ((accounts = read_accounts (fixture->a, FALSE, strings))->len, ==, 0);
  g_clear_pointer (&accounts, g_array_unref);
  accounts = read_accounts (fixture->a, TRUE, strings);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpint (g_array_index (accounts, DeskSyncAccount, 0).categories, ==, 1);
  g_assert_cmpint (g_array_index (accounts, DeskSyncAccount, 0).found_at, >, 0);

  /* B gets the records, then every account, twice */
  carry (fixture->a, fixture->b);
  g_assert_true (desk_store_sync_set_int (fixture->a, DESK_SYNC_KEY_PUSHED_GEN, 0, &error));
  g_clear_pointer (&accounts, g_array_unref);
  accounts = read_accounts (fixture->a, FALSE, strings);
  for (guint i = 0; i < accounts->len; i++)
    g_array_index (accounts, DeskSyncAccount, i).customer = 0;
  g_ptr_array_add (customers, g_strdup (desk_record_get_uuid (DESK_RECORD (customer))));
  categories = desk_store_sync_category_uuids (fixture->a,
                                               desk_record_get_id (DESK_RECORD (incident)),
                                               &error);
  g_assert_cmpuint (categories->len, ==, 1);
  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (desk_store_sync_apply_accounts (fixture->b,
                                                     desk_record_get_uuid (DESK_RECORD (incident)),
                                                     customers, categories, accounts, &error));
      g_assert_no_error (error);
    }
  g_assert_true (desk_store_sync_finish_accounts (fixture->b, &error));

  incident_b = desk_store_lookup (fixture->b, DESK_TYPE_INCIDENT,
                                  desk_record_get_uuid (DESK_RECORD (incident)), &error);
  stats_a = desk_store_get_stats (fixture->a, desk_record_get_id (DESK_RECORD (incident)), &error);
  stats_b = desk_store_get_stats (fixture->b, desk_record_get_id (DESK_RECORD (incident_b)),
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats_b->potential_accounts, ==, 2);
  g_assert_cmpint (stats_b->confirmed_accounts, ==, stats_a->confirmed_accounts);
  g_assert_cmpint (stats_b->confirmed_accounts, ==, 2);

  /* what B merged is not B's to push */
  g_clear_pointer (&accounts, g_array_unref);
  g_assert_cmpuint ((accounts = read_accounts (fixture->b, FALSE, strings))->len, ==, 0);

  /* a customer B never received */
  g_free (g_ptr_array_index (customers, 0));
  g_ptr_array_index (customers, 0) = g_uuid_string_random ();
  g_assert_false (desk_store_sync_apply_accounts (fixture->b,
                                                  desk_record_get_uuid (DESK_RECORD (incident)),
                                                  customers, categories, accounts, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
}

/* A contract ID entered on two machines before either synced: refused in words, and once one of
 * the two is removed the changes go through. */
static void
test_unique_collision (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskCustomer) on_a = desk_test_save (fixture->a, desk_customer_new ("C-1", "Aoi"));
  g_autoptr(DeskCustomer) on_b = desk_test_save (fixture->b, desk_customer_new ("C-1", "Aoi"));
  g_autoptr(GError) error = NULL;

  g_assert_false (try_carry (fixture->a, fixture->b, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“C-1”"));
  g_clear_error (&error);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CUSTOMER, NULL, 0), ==, 1);

  g_assert_true (desk_store_delete (fixture->b, DESK_RECORD (on_b), &error));
  carry (fixture->a, fixture->b);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CUSTOMER, NULL, 0), ==, 1);
}

/* Another server: everything goes again, the received lines and accounts included. */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;

  carry (fixture->a, fixture->b);
  g_assert_cmpint (outbox_size (fixture->b), ==, 0);
  g_assert_true (desk_store_sync_reset (fixture->b, "5b1f8c52-61d4-4f7a-9a43-3f1c1f6f2a10",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox_size (fixture->b), ==, 1);
  g_assert_cmpint (get_int (fixture->b, DESK_SYNC_KEY_PULLED), ==, 0);
  g_assert_true (desk_store_sync_get_text (fixture->b, DESK_SYNC_KEY_SERVER, &server, &error));
  g_assert_cmpstr (server, ==, "5b1f8c52-61d4-4f7a-9a43-3f1c1f6f2a10");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/sync-store/outbox", test_outbox);
  ADD ("/desk/sync-store/pending-fields", test_pending_fields);
  ADD ("/desk/sync-store/conflicts", test_conflicts);
  ADD ("/desk/sync-store/accounts", test_accounts);
  ADD ("/desk/sync-store/unique-collision", test_unique_collision);
  ADD ("/desk/sync-store/reset", test_reset);

#undef ADD

  return g_test_run ();
}
