/* desk-store-accounts.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The affected accounts of an incident: the one table that holds millions of rows. Every writer
 * goes through DeskAccountWriter, which keeps one row per account and carries the changes into
 * account_counts, the table every figure reads, in the same transaction. */

#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-records.h"
#include "desk-store-private.h"

struct _DeskAccountWriter
{
  DeskStore     *store;
  DeskDatabase  *database;
  gint64         incident_id;
  gint64         now;
  DeskStatement *insert;
  DeskStatement *select;
  DeskStatement *update;
  DeskStatement *find;
  GHashTable    *deltas;  /* customer id → gint64[DESK_N_EXPOSURES], changes to account_counts */
  gboolean       seen;    /* whether the last account was there already */
  gboolean       added;   /* whether the directory must be rebuilt */
};

/**
 * _desk_account_writer_new:
 *
 * Starts writing accounts of an incident. Use it inside a transaction, and end it with
 * _desk_account_writer_finish() in the same one.
 */
DeskAccountWriter *
_desk_account_writer_new (DeskStore  *store,
                          gint64      incident_id,
                          GError    **error)
{
  g_autoptr(DeskAccountWriter) writer = g_new0 (DeskAccountWriter, 1);

  writer->store = g_object_ref (store);
  writer->database = desk_store_get_database (store);
  writer->incident_id = incident_id;
  writer->now = desk_store_now (store);
  writer->deltas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!(writer->insert = desk_database_prepare (writer->database,
                                                "INSERT INTO accounts (incident_id, identifier,"
                                                " customer_id, categories, updated_at)"
                                                " VALUES (?1, ?2, ?3, ?4, ?5)"
                                                " ON CONFLICT DO NOTHING", error)) ||
      !(writer->select = desk_database_prepare (writer->database,
                                                "SELECT a.customer_id, a.categories,"
                                                " coalesce (f.exposure, 0) FROM accounts a"
                                                " LEFT JOIN account_findings f"
                                                " USING (incident_id, identifier)"
                                                " WHERE a.incident_id = ?1"
                                                " AND a.identifier = ?2", error)) ||
      !(writer->update = desk_database_prepare (writer->database,
                                                "UPDATE accounts SET categories = ?3,"
                                                " updated_at = ?4"
                                                " WHERE incident_id = ?1 AND identifier = ?2",
                                                error)) ||
      !(writer->find = desk_database_prepare (writer->database,
                                              "INSERT INTO account_findings (incident_id,"
                                              " identifier, exposure, found_at)"
                                              " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE"
                                              " SET exposure = excluded.exposure,"
                                              " found_at = excluded.found_at", error)))
    return NULL;

  return g_steal_pointer (&writer);
}

void
_desk_account_writer_free (DeskAccountWriter *writer)
{
  g_clear_pointer (&writer->insert, desk_statement_release);
  g_clear_pointer (&writer->select, desk_statement_release);
  g_clear_pointer (&writer->update, desk_statement_release);
  g_clear_pointer (&writer->find, desk_statement_release);
  g_clear_pointer (&writer->deltas, g_hash_table_unref);
  g_clear_object (&writer->store);
  g_free (writer);
}

static void
count_change (DeskAccountWriter *writer,
              gint64             customer_id,
              DeskExposure       exposure,
              gint64             change)
{
  gint64 *deltas = g_hash_table_lookup (writer->deltas, &customer_id);

  if (deltas == NULL)
    {
      deltas = g_new0 (gint64, DESK_N_EXPOSURES);
      g_hash_table_insert (writer->deltas, g_memdup2 (&customer_id, sizeof customer_id), deltas);
    }
  deltas[exposure] += change;
}

static gboolean
step_once (DeskAccountWriter  *writer,
           DeskStatement      *stmt,
           gboolean           *has_row,
           GError            **error)
{
  gboolean ok = desk_database_step (writer->database, stmt, has_row, error);

  if (has_row == NULL || !*has_row || !ok)
    sqlite3_reset (stmt);
  return ok;
}

static gboolean
record_finding (DeskAccountWriter  *writer,
                const char         *identifier,
                DeskExposure        exposure,
                GError            **error)
{
  sqlite3_bind_int64 (writer->find, 1, writer->incident_id);
  sqlite3_bind_text (writer->find, 2, identifier, -1, SQLITE_STATIC);
  sqlite3_bind_int (writer->find, 3, exposure);
  sqlite3_bind_int64 (writer->find, 4, writer->now);

  return step_once (writer, writer->find, NULL, error);
}

static gboolean
select_account (DeskAccountWriter  *writer,
                const char         *identifier,
                gboolean           *found,
                gint64             *customer_id,
                gint64             *categories,
                DeskExposure       *exposure,
                GError            **error)
{
  sqlite3_bind_int64 (writer->select, 1, writer->incident_id);
  sqlite3_bind_text (writer->select, 2, identifier, -1, SQLITE_STATIC);
  if (!step_once (writer, writer->select, found, error))
    return FALSE;

  if (*found)
    {
      *customer_id = sqlite3_column_int64 (writer->select, 0);
      *categories = sqlite3_column_int64 (writer->select, 1);
      *exposure = CLAMP (sqlite3_column_int (writer->select, 2), 0, DESK_N_EXPOSURES - 1);
      sqlite3_reset (writer->select);
    }

  return TRUE;
}

/**
 * _desk_account_writer_add:
 * @exposure: what the list says of the account
 * @categories: a mask of the incident's category bits
 *
 * Adds an account, or updates the incident's account with the same identifier: a listed account
 * keeps one row however often it is imported. "Potential" never changes a known exposure, while
 * "confirmed" and "cleared" are findings: the later one wins. Categories accumulate. An account
 * listed under another contract is left alone, with a %DESK_STORE_ERROR_DUPLICATE error.
 *
 * Returns: whether the account was added, changed or already so, or %DESK_ACCOUNT_FAILED
 */
DeskAccountChange
_desk_account_writer_add (DeskAccountWriter  *writer,
                          const char         *identifier,
                          gint64              customer_id,
                          DeskExposure        exposure,
                          gint64              categories,
                          GError            **error)
{
  gint64 old_customer, old_categories;
  DeskExposure old_exposure;
  gboolean has_row = FALSE;

  for (const char *p = identifier; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      {
        g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                             _("An account may not hold a line break or another control "
                               "character"));
        return DESK_ACCOUNT_FAILED;
      }

  /* Lists are imported whole, then again in part: look the account up first only while the
   * accounts come in already known, so that each kind of import takes the fewest statements */
  if (writer->seen)
    {
      if (!select_account (writer, identifier, &has_row, &old_customer, &old_categories,
                           &old_exposure, error))
        return DESK_ACCOUNT_FAILED;
      writer->seen = has_row;
    }

  if (!writer->seen)
    {
      sqlite3_bind_int64 (writer->insert, 1, writer->incident_id);
      sqlite3_bind_text (writer->insert, 2, identifier, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (writer->insert, 3, customer_id);
      sqlite3_bind_int64 (writer->insert, 4, categories);
      sqlite3_bind_int64 (writer->insert, 5, writer->now);
      if (!step_once (writer, writer->insert, NULL, error))
        return DESK_ACCOUNT_FAILED;

      if (sqlite3_changes (desk_database_get_handle (writer->database)) > 0)
        {
          if (exposure != DESK_EXPOSURE_POTENTIAL &&
              !record_finding (writer, identifier, exposure, error))
            return DESK_ACCOUNT_FAILED;
          count_change (writer, customer_id, exposure, 1);
          writer->added = TRUE;
          return DESK_ACCOUNT_ADDED;
        }

      if (!select_account (writer, identifier, &has_row, &old_customer, &old_categories,
                           &old_exposure, error))
        return DESK_ACCOUNT_FAILED;
      g_assert (has_row);
      writer->seen = TRUE;
    }

  if (old_customer != customer_id)
    {
      g_autoptr(DeskStatement) stmt = NULL;

      stmt = desk_database_prepare (writer->database,
                                    "SELECT contract_id FROM customers WHERE id = ?", error);
      if (stmt == NULL)
        return DESK_ACCOUNT_FAILED;
      sqlite3_bind_int64 (stmt, 1, old_customer);
      if (!desk_database_step (writer->database, stmt, &has_row, error))
        return DESK_ACCOUNT_FAILED;

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE,
                   _("The account “%s” is already listed under contract “%s”"), identifier,
                   has_row ? (const char *) sqlite3_column_text (stmt, 0) : "?");
      return DESK_ACCOUNT_FAILED;
    }

  /* "Potential" only says the account is listed: it changes no finding */
  if (exposure == DESK_EXPOSURE_POTENTIAL)
    exposure = old_exposure;
  if (exposure == old_exposure && (old_categories | categories) == old_categories)
    return DESK_ACCOUNT_UNCHANGED;

  if ((old_categories | categories) != old_categories)
    {
      sqlite3_bind_int64 (writer->update, 1, writer->incident_id);
      sqlite3_bind_text (writer->update, 2, identifier, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (writer->update, 3, old_categories | categories);
      sqlite3_bind_int64 (writer->update, 4, writer->now);
      if (!step_once (writer, writer->update, NULL, error))
        return DESK_ACCOUNT_FAILED;
    }

  if (exposure != old_exposure)
    {
      if (!record_finding (writer, identifier, exposure, error))
        return DESK_ACCOUNT_FAILED;
      count_change (writer, customer_id, old_exposure, -1);
      count_change (writer, customer_id, exposure, 1);
    }

  return DESK_ACCOUNT_UPDATED;
}

/* Rewrites the incident's account_directory: every identifier in key order, lowered as NOCASE
 * lowers it, DESK_ACCOUNT_DIRECTORY_BLOCK lines to a row. */
static gboolean
rebuild_directory (DeskAccountWriter  *writer,
                   GError            **error)
{
  g_autoptr(DeskStatement) drop = NULL, select = NULL, insert = NULL;
  g_autoptr(GString) block = g_string_sized_new (64 * 1024);
  gint64 n_blocks = 0;
  guint n_lines = 0;
  gboolean has_row;

  if (!(drop = desk_database_prepare (writer->database,
                                      "DELETE FROM account_directory WHERE incident_id = ?",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (drop, 1, writer->incident_id);
  if (!desk_database_step (writer->database, drop, NULL, error))
    return FALSE;

  if (!(select = desk_database_prepare (writer->database,
                                        "SELECT identifier FROM accounts WHERE incident_id = ?"
                                        " ORDER BY identifier", error)) ||
      !(insert = desk_database_prepare (writer->database,
                                        "INSERT INTO account_directory"
                                        " (incident_id, block, identifiers) VALUES (?, ?, ?)",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, writer->incident_id);
  for (;;)
    {
      if (!desk_database_step (writer->database, select, &has_row, error))
        return FALSE;

      if (has_row)
        {
          const char *identifier = (const char *) sqlite3_column_text (select, 0);
          gsize start = block->len;

          g_string_append (block, identifier);
          for (gsize i = start; i < block->len; i++)
            block->str[i] = g_ascii_tolower (block->str[i]);
          g_string_append_c (block, '\n');
          n_lines++;
        }

      if (n_lines == DESK_ACCOUNT_DIRECTORY_BLOCK || (!has_row && n_lines > 0))
        {
          sqlite3_bind_int64 (insert, 1, writer->incident_id);
          sqlite3_bind_int64 (insert, 2, n_blocks++);
          sqlite3_bind_text (insert, 3, block->str, (int) block->len, SQLITE_STATIC);
          if (!desk_database_step (writer->database, insert, NULL, error))
            return FALSE;
          sqlite3_reset (insert);
          g_string_truncate (block, 0);
          n_lines = 0;
        }

      if (!has_row)
        return TRUE;
    }
}

/**
 * _desk_account_writer_finish:
 *
 * Brings account_counts up to date with what was written.
 */
gboolean
_desk_account_writer_finish (DeskAccountWriter  *writer,
                             GError            **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  GHashTableIter iter;
  gint64 *customer_id, *deltas;

  stmt = desk_database_prepare (writer->database,
                                "INSERT INTO account_counts (incident_id, customer_id, exposure, n)"
                                " VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT DO UPDATE SET n = n + excluded.n", error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, writer->deltas);
  while (g_hash_table_iter_next (&iter, (gpointer *) &customer_id, (gpointer *) &deltas))
    for (int exposure = 0; exposure < DESK_N_EXPOSURES; exposure++)
      {
        if (deltas[exposure] == 0)
          continue;

        sqlite3_bind_int64 (stmt, 1, writer->incident_id);
        sqlite3_bind_int64 (stmt, 2, *customer_id);
        sqlite3_bind_int (stmt, 3, exposure);
        sqlite3_bind_int64 (stmt, 4, deltas[exposure]);
        if (!desk_database_step (writer->database, stmt, NULL, error))
          return FALSE;
        sqlite3_reset (stmt);
      }

  g_hash_table_remove_all (writer->deltas);

  if (writer->added && !rebuild_directory (writer, error))
    return FALSE;
  writer->added = FALSE;

  return TRUE;
}

/**
 * _desk_store_roll_up_contract:
 * @categories: category bits the contract's accounts have
 * @confirmed: whether one of them is confirmed
 *
 * The contract follows its accounts: it gains their categories, and a confirmed account makes
 * it confirmed. Saves it only if that changes it, so the audit log shows real changes.
 */
gboolean
_desk_store_roll_up_contract (DeskStore     *self,
                              DeskAffected  *affected,
                              gint64         categories,
                              gboolean       confirmed,
                              GError       **error)
{
  DeskRecord *contract = DESK_RECORD (affected);
  gint64 old_categories = desk_record_get_int (contract, "categories");
  gboolean changed = FALSE;

  if ((old_categories | categories) != old_categories)
    {
      desk_record_set_int (contract, "categories", old_categories | categories);
      changed = TRUE;
    }

  if (confirmed && desk_record_get_enum (contract, "exposure") != DESK_EXPOSURE_CONFIRMED)
    {
      desk_record_set_enum (contract, "exposure", DESK_EXPOSURE_CONFIRMED);
      desk_record_set_int (contract, "confirmed-at", desk_store_now (self));
      changed = TRUE;
    }

  return !changed || desk_store_save (self, contract, error);
}

/**
 * desk_store_add_account:
 * @categories: a mask of the incident's category bits
 *
 * Adds an account to @affected's incident, or updates the one with the same identifier, as an
 * import does (see _desk_account_writer_add()). Fails if the account is listed under another
 * contract.
 */
gboolean
desk_store_add_account (DeskStore     *self,
                        DeskAffected  *affected,
                        const char    *identifier,
                        DeskExposure   exposure,
                        gint64         categories,
                        GError       **error)
{
  DeskDatabase *database;
  DeskRecord *contract = DESK_RECORD (affected);
  g_autoptr(DeskAccountWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_AFFECTED (affected), FALSE);
  g_return_val_if_fail (identifier != NULL && *identifier != '\0', FALSE);

  database = desk_store_get_database (self);
  if (!desk_database_begin (database, error))
    return FALSE;

  ok = (writer = _desk_account_writer_new (self, desk_record_get_int (contract, "incident-id"),
                                           &local_error)) != NULL &&
       _desk_account_writer_add (writer, identifier, desk_record_get_int (contract, "customer-id"),
                                 exposure, categories, &local_error) != DESK_ACCOUNT_FAILED &&
       _desk_account_writer_finish (writer, &local_error) &&
       _desk_store_roll_up_contract (self, affected, categories,
                                     exposure == DESK_EXPOSURE_CONFIRMED, &local_error);
  g_clear_pointer (&writer, _desk_account_writer_free);

  if (!ok || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
