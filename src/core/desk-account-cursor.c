/* desk-account-cursor.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads an incident's accounts one after the other, in key order, for exports of millions of
 * rows: memory stays the same whatever the number of accounts, and nothing is allocated per row.
 *
 * What is found about an account lives in account_findings (see migration 2 in
 * desk-database.c). A join would look each account up there, a microsecond apiece, four seconds
 * for four million; but both tables are kept in the same order, so the cursor reads them side by
 * side instead, as a merge join, and the findings cost a tenth of the accounts. The contracts
 * are looked up once each and kept. Both statements run in one read transaction on a connection
 * of the cursor's own: they see the same accounts, and a writer is neither blocked nor waited
 * for. */

#define G_LOG_DOMAIN "desk-account-cursor"

#include "config.h"

#include "desk-account-cursor.h"

typedef struct
{
  gint64  id;
  char   *contract_id;
  char   *name;
} Customer;

struct _DeskAccountCursor
{
  DeskDatabase     *database;    /* a reader of the store's database, locked while open */
  gboolean          reading;     /* inside the read transaction */
  DeskStatement    *accounts;
  DeskStatement    *findings;
  gboolean          finding;     /* findings stands on a row */
  DeskStatement    *customer;
  GHashTable       *customers;   /* id → Customer */
  Customer         *last;
  guint64           n_accounts;
  DeskAccountEntry  entry;
};

static void
customer_free (gpointer data)
{
  Customer *customer = data;

  g_free (customer->contract_id);
  g_free (customer->name);
  g_free (customer);
}

static gboolean
step (DeskAccountCursor  *self,
      DeskStatement      *stmt,
      gboolean           *has_row,
      GError            **error)
{
  return desk_database_step (self->database, stmt, has_row, error);
}

static gboolean
count_accounts (DeskAccountCursor  *self,
                gint64              incident_id,
                gint64              customer_id,
                GError            **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (!(stmt = desk_database_prepare (self->database,
                                      "SELECT coalesce (sum (n), 0) FROM account_counts"
                                      " WHERE incident_id = ?1 AND (?2 = 0 OR customer_id = ?2)",
                                      error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  if (!step (self, stmt, &has_row, error))
    return FALSE;

  self->n_accounts = has_row ? (guint64) sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The contract of @id, read the first time it is asked for. */
static Customer *
get_customer (DeskAccountCursor  *self,
              gint64              id,
              GError            **error)
{
  Customer *customer;
  gboolean has_row;

  if (self->last != NULL && self->last->id == id)
    return self->last;

  if ((customer = g_hash_table_lookup (self->customers, &id)) == NULL)
    {
      sqlite3_bind_int64 (self->customer, 1, id);
      if (!step (self, self->customer, &has_row, error))
        return NULL;

      customer = g_new0 (Customer, 1);
      customer->id = id;
      if (has_row)
        {
          customer->contract_id = g_strdup ((const char *) sqlite3_column_text (self->customer, 0));
          customer->name = g_strdup ((const char *) sqlite3_column_text (self->customer, 1));
        }
      else
        customer->contract_id = g_strdup ("");
      sqlite3_reset (self->customer);
      g_hash_table_insert (self->customers, &customer->id, customer);
    }

  return self->last = customer;
}

/**
 * desk_account_cursor_new:
 * @customer_id: only the accounts of this customer, or 0 for all of the incident's
 *
 * Opens a cursor before the first account of @incident_id, in the order of the accounts' key
 * (their identifiers, without regard to ASCII case). It reads from a connection of its own, in
 * one read transaction: it sees the accounts as they were when it was opened. Use it on one
 * thread.
 *
 * Returns: (transfer full): the cursor, or %NULL with @error set
 */
DeskAccountCursor *
desk_account_cursor_new (DeskStore  *store,
                         gint64      incident_id,
                         gint64      customer_id,
                         GError    **error)
{
  g_autoptr(DeskAccountCursor) self = NULL;
  DeskDatabase *reader;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(reader = desk_database_open_reader (desk_store_get_database (store), error)))
    return NULL;

  self = g_new0 (DeskAccountCursor, 1);
  self->database = reader;
  self->customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, customer_free);
  desk_database_lock (self->database);

  if (!desk_database_exec (self->database, "SAVEPOINT account_cursor", error))
    return NULL;
  self->reading = TRUE;

  if (!count_accounts (self, incident_id, customer_id, error) ||
      !(self->accounts = desk_database_prepare (self->database,
                                                customer_id != 0
                                                ? "SELECT identifier, customer_id, categories"
                                                  " FROM accounts WHERE incident_id = ?1"
                                                  " AND customer_id = ?2 ORDER BY identifier"
                                                : "SELECT identifier, customer_id, categories"
                                                  " FROM accounts WHERE incident_id = ?1"
                                                  " ORDER BY identifier", error)) ||
      !(self->findings = desk_database_prepare (self->database,
                                                "SELECT identifier, exposure, found_at"
                                                " FROM account_findings WHERE incident_id = ?1"
                                                " ORDER BY identifier", error)) ||
      !(self->customer = desk_database_prepare (self->database,
                                                "SELECT contract_id, name FROM customers"
                                                " WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (self->accounts, 1, incident_id);
  if (customer_id != 0)
    sqlite3_bind_int64 (self->accounts, 2, customer_id);
  sqlite3_bind_int64 (self->findings, 1, incident_id);

  if (!step (self, self->findings, &self->finding, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * desk_account_cursor_get_n_accounts:
 *
 * Returns: how many accounts the cursor goes through, as the counts kept with them say
 */
guint64
desk_account_cursor_get_n_accounts (DeskAccountCursor *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_accounts;
}

/**
 * desk_account_cursor_next:
 *
 * Moves to the next account.
 *
 * Returns: (transfer none) (nullable): the account, valid until the cursor moves again or is
 *   freed; %NULL after the last one, or with @error set if reading failed
 */
const DeskAccountEntry *
desk_account_cursor_next (DeskAccountCursor  *self,
                          GError            **error)
{
  DeskAccountEntry *entry;
  Customer *customer;
  gboolean has_row;
  int order = 1;

  g_return_val_if_fail (self != NULL, NULL);

  if (!step (self, self->accounts, &has_row, error) || !has_row)
    return NULL;

  entry = &self->entry;
  entry->identifier = (const char *) sqlite3_column_text (self->accounts, 0);
  entry->customer_id = sqlite3_column_int64 (self->accounts, 1);
  entry->categories = sqlite3_column_int64 (self->accounts, 2);

  /* The findings before this account are of accounts not read: another customer's */
  while (self->finding &&
         (order = sqlite3_stricmp ((const char *) sqlite3_column_text (self->findings, 0),
                                   entry->identifier)) < 0)
    if (!step (self, self->findings, &self->finding, error))
      return NULL;

  if (self->finding && order == 0)
    {
      entry->exposure = CLAMP (sqlite3_column_int (self->findings, 1), 0, DESK_N_EXPOSURES - 1);
      entry->found_at = sqlite3_column_int64 (self->findings, 2);
    }
  else
    {
      entry->exposure = DESK_EXPOSURE_POTENTIAL;
      entry->found_at = 0;
    }

  if (!(customer = get_customer (self, entry->customer_id, error)))
    return NULL;
  entry->contract_id = customer->contract_id;
  entry->customer_name = customer->name;

  return entry;
}

void
desk_account_cursor_free (DeskAccountCursor *self)
{
  g_clear_pointer (&self->accounts, desk_statement_release);
  g_clear_pointer (&self->findings, desk_statement_release);
  g_clear_pointer (&self->customer, desk_statement_release);
  /* Nothing was written: ending the read transaction cannot lose anything */
  if (self->reading)
    desk_database_exec (self->database, "RELEASE account_cursor", NULL);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  desk_database_unlock (self->database);
  g_clear_object (&self->database);
  g_free (self);
}
