/* desk-store-accounts.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The affected accounts of an incident: the one table that holds millions of rows. Every writer
 * goes through DeskAccountWriter, which keeps one row per account and carries the changes into
 * account_counts, the table every figure reads, in the same transaction. What a writer changes
 * here is numbered with one change number (account_gen in sync_state) for the sync to push;
 * what it merges from the server is not, having come from there. */

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
  gint64         rev;     /* this writer's change number, taken at its first change */
  gboolean       seen;    /* whether the last account was there already */
  gboolean       added;   /* whether the directory must be rebuilt */
  gboolean       defer_directory;
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
                                                " customer_id, categories, updated_at, rev)"
                                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                                " ON CONFLICT DO NOTHING", error)) ||
      !(writer->select = desk_database_prepare (writer->database,
                                                "SELECT a.customer_id, a.categories,"
                                                " coalesce (f.exposure, 0),"
                                                " coalesce (f.found_at, 0) FROM accounts a"
                                                " LEFT JOIN account_findings f"
                                                " USING (incident_id, identifier)"
                                                " WHERE a.incident_id = ?1"
                                                " AND a.identifier = ?2", error)) ||
      !(writer->update = desk_database_prepare (writer->database,
                                                "UPDATE accounts SET categories = ?3,"
                                                " updated_at = ?4, rev = coalesce (?5, rev)"
                                                " WHERE incident_id = ?1 AND identifier = ?2",
                                                error)) ||
      !(writer->find = desk_database_prepare (writer->database,
                                              "INSERT INTO account_findings (incident_id,"
                                              " identifier, exposure, found_at, rev)"
                                              " VALUES (?1, ?2, ?3, ?4, coalesce (?5, 0))"
                                              " ON CONFLICT DO UPDATE"
                                              " SET exposure = excluded.exposure,"
                                              " found_at = excluded.found_at,"
                                              " rev = coalesce (?5, rev)", error)))
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

/* The change number of this writer's changes: the next one, taken once. */
static gboolean
take_rev (DeskAccountWriter  *writer,
          GError            **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (writer->rev != 0)
    return TRUE;

  if (!(stmt = desk_database_prepare (writer->database,
                                      "UPDATE sync_state SET value = value + 1"
                                      " WHERE key = 'account_gen' RETURNING value", error)) ||
      !desk_database_step (writer->database, stmt, &has_row, error))
    return FALSE;

  g_assert (has_row);
  writer->rev = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* A local change (@found_at 0: now) takes the writer's change number; a merged one keeps the
 * row's, or 0 for a new row. */
static gboolean
record_finding (DeskAccountWriter  *writer,
                const char         *identifier,
                DeskExposure        exposure,
                gint64              found_at,
                GError            **error)
{
  sqlite3_bind_int64 (writer->find, 1, writer->incident_id);
  sqlite3_bind_text (writer->find, 2, identifier, -1, SQLITE_STATIC);
  sqlite3_bind_int (writer->find, 3, exposure);
  if (found_at == 0)
    {
      if (!take_rev (writer, error))
        return FALSE;
      sqlite3_bind_int64 (writer->find, 4, writer->now);
      sqlite3_bind_int64 (writer->find, 5, writer->rev);
    }
  else
    {
      sqlite3_bind_int64 (writer->find, 4, found_at);
      sqlite3_bind_null (writer->find, 5);
    }

  return step_once (writer, writer->find, NULL, error);
}

/* Categories accumulate; @local says whether the change is this machine's. */
static gboolean
update_categories (DeskAccountWriter  *writer,
                   const char         *identifier,
                   gint64              categories,
                   gboolean            local,
                   GError            **error)
{
  if (local && !take_rev (writer, error))
    return FALSE;

  sqlite3_bind_int64 (writer->update, 1, writer->incident_id);
  sqlite3_bind_text (writer->update, 2, identifier, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (writer->update, 3, categories);
  sqlite3_bind_int64 (writer->update, 4, writer->now);
  if (local)
    sqlite3_bind_int64 (writer->update, 5, writer->rev);
  else
    sqlite3_bind_null (writer->update, 5);

  return step_once (writer, writer->update, NULL, error);
}

/* Inserts the account unless the incident has it; @local as for update_categories(). */
static gboolean
insert_account (DeskAccountWriter  *writer,
                const char         *identifier,
                gint64              customer_id,
                gint64              categories,
                gboolean            local,
                gboolean           *inserted,
                GError            **error)
{
  if (local && !take_rev (writer, error))
    return FALSE;

  sqlite3_bind_int64 (writer->insert, 1, writer->incident_id);
  sqlite3_bind_text (writer->insert, 2, identifier, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (writer->insert, 3, customer_id);
  sqlite3_bind_int64 (writer->insert, 4, categories);
  sqlite3_bind_int64 (writer->insert, 5, writer->now);
  sqlite3_bind_int64 (writer->insert, 6, local ? writer->rev : 0);
  if (!step_once (writer, writer->insert, NULL, error))
    return FALSE;

  *inserted = sqlite3_changes (desk_database_get_handle (writer->database)) > 0;
  return TRUE;
}

static gboolean
select_account (DeskAccountWriter  *writer,
                const char         *identifier,
                gboolean           *found,
                gint64             *customer_id,
                gint64             *categories,
                DeskExposure       *exposure,
                gint64             *found_at,
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
      *found_at = sqlite3_column_int64 (writer->select, 3);
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
  gint64 old_customer, old_categories, old_found_at;
  DeskExposure old_exposure;
  gboolean has_row = FALSE;
  gboolean inserted;

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
                           &old_exposure, &old_found_at, error))
        return DESK_ACCOUNT_FAILED;
      writer->seen = has_row;
    }

  if (!writer->seen)
    {
      if (!insert_account (writer, identifier, customer_id, categories, TRUE, &inserted, error))
        return DESK_ACCOUNT_FAILED;

      if (inserted)
        {
          if (exposure != DESK_EXPOSURE_POTENTIAL &&
              !record_finding (writer, identifier, exposure, 0, error))
            return DESK_ACCOUNT_FAILED;
          count_change (writer, customer_id, exposure, 1);
          writer->added = TRUE;
          return DESK_ACCOUNT_ADDED;
        }

      if (!select_account (writer, identifier, &has_row, &old_customer, &old_categories,
                           &old_exposure, &old_found_at, error))
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

  if ((old_categories | categories) != old_categories &&
      !update_categories (writer, identifier, old_categories | categories, TRUE, error))
    return DESK_ACCOUNT_FAILED;

  if (exposure != old_exposure)
    {
      if (!record_finding (writer, identifier, exposure, 0, error))
        return DESK_ACCOUNT_FAILED;
      count_change (writer, customer_id, old_exposure, -1);
      count_change (writer, customer_id, exposure, 1);
    }

  return DESK_ACCOUNT_UPDATED;
}

/* Rewrites the incident's account_directory: every identifier in key order, lowered as NOCASE
 * lowers it, DESK_ACCOUNT_DIRECTORY_BLOCK lines to a row. */
static gboolean
rebuild_directory (DeskDatabase  *database,
                   gint64         incident_id,
                   GError       **error)
{
  g_autoptr(DeskStatement) drop = NULL, select = NULL, insert = NULL;
  g_autoptr(GString) block = g_string_sized_new (64 * 1024);
  gint64 n_blocks = 0;
  guint n_lines = 0;
  gboolean has_row;

  if (!(drop = desk_database_prepare (database,
                                      "DELETE FROM account_directory WHERE incident_id = ?",
                                      error)))
    return FALSE;
  sqlite3_bind_int64 (drop, 1, incident_id);
  if (!desk_database_step (database, drop, NULL, error))
    return FALSE;

  if (!(select = desk_database_prepare (database,
                                        "SELECT identifier FROM accounts WHERE incident_id = ?"
                                        " ORDER BY identifier", error)) ||
      !(insert = desk_database_prepare (database,
                                        "INSERT INTO account_directory"
                                        " (incident_id, block, identifiers) VALUES (?, ?, ?)",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, incident_id);
  for (;;)
    {
      if (!desk_database_step (database, select, &has_row, error))
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
          sqlite3_bind_int64 (insert, 1, incident_id);
          sqlite3_bind_int64 (insert, 2, n_blocks++);
          sqlite3_bind_text (insert, 3, block->str, (int) block->len, SQLITE_STATIC);
          if (!desk_database_step (database, insert, NULL, error))
            return FALSE;
          sqlite3_reset (insert);
          g_string_truncate (block, 0);
          n_lines = 0;
        }

      if (!has_row)
        return TRUE;
    }
}

/* The customer of an account listed under two contracts: the one whose UUID sorts first, so
 * that every machine settles on the same one whatever order the lists came in. */
static gboolean
first_customer (DeskAccountWriter  *writer,
                gint64              a,
                gint64              b,
                gint64             *first,
                GError            **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;

  if (!(stmt = desk_database_prepare (writer->database,
                                      "SELECT id FROM customers WHERE id IN (?1, ?2)"
                                      " ORDER BY uuid LIMIT 1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (!desk_database_step (writer->database, stmt, &has_row, error))
    return FALSE;

  *first = has_row ? sqlite3_column_int64 (stmt, 0) : a;
  return TRUE;
}

static gboolean
move_account (DeskAccountWriter  *writer,
              const char         *identifier,
              gint64              customer_id,
              GError            **error)
{
  g_autoptr(DeskStatement) stmt = NULL;

  if (!(stmt = desk_database_prepare (writer->database,
                                      "UPDATE accounts SET customer_id = ?3"
                                      " WHERE incident_id = ?1 AND identifier = ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, writer->incident_id);
  sqlite3_bind_text (stmt, 2, identifier, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, customer_id);
  return desk_database_step (writer->database, stmt, NULL, error);
}

/**
 * _desk_account_writer_merge:
 * @categories: a mask of the incident's category bits
 * @found_at: when @exposure was found; 0 with %DESK_EXPOSURE_POTENTIAL
 *
 * Merges an account as another machine has it (docs/sync-api.md): categories accumulate, the
 * later finding wins (the higher exposure on a tie), and an account listed under two contracts
 * goes to the one whose UUID sorts first. Merging in any order, or twice, gives the same rows;
 * they keep their change numbers, so that only this machine's own changes are pushed.
 */
gboolean
_desk_account_writer_merge (DeskAccountWriter  *writer,
                            const char         *identifier,
                            gint64              customer_id,
                            gint64              categories,
                            DeskExposure        exposure,
                            gint64              found_at,
                            GError            **error)
{
  gint64 old_customer, old_categories, old_found_at, customer;
  DeskExposure old_exposure;
  gboolean inserted, found;

  if (!insert_account (writer, identifier, customer_id, categories, FALSE, &inserted, error))
    return FALSE;

  if (inserted)
    {
      if (exposure != DESK_EXPOSURE_POTENTIAL &&
          !record_finding (writer, identifier, exposure, found_at, error))
        return FALSE;
      count_change (writer, customer_id, exposure, 1);
      writer->added = TRUE;
      return TRUE;
    }

  if (!select_account (writer, identifier, &found, &old_customer, &old_categories, &old_exposure,
                       &old_found_at, error))
    return FALSE;
  g_assert (found);

  customer = old_customer;
  if (customer_id != old_customer &&
      (!first_customer (writer, old_customer, customer_id, &customer, error) ||
       (customer != old_customer && !move_account (writer, identifier, customer, error))))
    return FALSE;

  if ((old_categories | categories) != old_categories &&
      !update_categories (writer, identifier, old_categories | categories, FALSE, error))
    return FALSE;

  if (exposure != DESK_EXPOSURE_POTENTIAL &&
      (found_at > old_found_at || (found_at == old_found_at && exposure > old_exposure)))
    {
      if (!record_finding (writer, identifier, exposure, found_at, error))
        return FALSE;
    }
  else
    exposure = old_exposure;

  if (customer != old_customer || exposure != old_exposure)
    {
      count_change (writer, old_customer, old_exposure, -1);
      count_change (writer, customer, exposure, 1);
    }

  return TRUE;
}

/**
 * _desk_account_writer_defer_directory:
 *
 * Makes _desk_account_writer_finish() drop the incident's account directory when accounts were
 * added, instead of rebuilding it: for a run of writers, such as the pages of a sync, followed by
 * one _desk_store_rebuild_account_directories(). The list does without a directory meanwhile.
 */
void
_desk_account_writer_defer_directory (DeskAccountWriter *writer)
{
  writer->defer_directory = TRUE;
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

  if (writer->added && writer->defer_directory)
    {
      g_autoptr(DeskStatement) drop = NULL;

      if (!(drop = desk_database_prepare (writer->database,
                                          "DELETE FROM account_directory WHERE incident_id = ?",
                                          error)))
        return FALSE;
      sqlite3_bind_int64 (drop, 1, writer->incident_id);
      if (!desk_database_step (writer->database, drop, NULL, error))
        return FALSE;
    }
  else if (writer->added && !rebuild_directory (writer->database, writer->incident_id, error))
    return FALSE;
  writer->added = FALSE;

  return TRUE;
}

/**
 * _desk_store_rebuild_account_directories:
 *
 * Rebuilds the account directory of each incident that has accounts but no directory (see
 * _desk_account_writer_defer_directory()), each in a transaction of its own.
 */
gboolean
_desk_store_rebuild_account_directories (DeskStore  *self,
                                         GError    **error)
{
  DeskDatabase *database = desk_store_get_database (self);
  g_autoptr(GArray) incidents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  desk_database_lock (database);
  if ((stmt = desk_database_prepare (database,
                                     "SELECT incident_id FROM account_counts GROUP BY incident_id"
                                     " HAVING sum (n) > 0 AND incident_id NOT IN"
                                     " (SELECT incident_id FROM account_directory)",
                                     &local_error)) != NULL)
    while (desk_database_step (database, stmt, &has_row, &local_error) && has_row)
      {
        gint64 incident_id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (incidents, incident_id);
      }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);

  for (guint i = 0; i < incidents->len && local_error == NULL; i++)
    {
      if (!desk_database_begin (database, &local_error))
        break;
      if (!rebuild_directory (database, g_array_index (incidents, gint64, i), &local_error) ||
          !desk_database_commit (database, &local_error))
        desk_database_rollback (database);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

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
