/* desk-account-list.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The accounts of an incident, or of one contract, or those matching a search, as a GListModel
 * that never holds more than a few pages of rows. It is immutable: a new search is a new model,
 * built off the main thread, because telling a GTK 4.8 view that millions of rows changed costs
 * seconds (see perf_testing.md §1).
 *
 * Positions come from one of three places:
 *  - a range of the incident's account_directory, when the list is the whole incident or a
 *    prefix of it: position p is line start + p of the directory, found without a query;
 *  - the directory lines that contain the text, found by scanning the directory in memory;
 *  - for one contract, keys taken every PAGE_SIZE rows while counting them in SQL.
 * Rows are then read a page at a time in key order from the first key of the page. */

#define G_LOG_DOMAIN "desk-account-list"
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <string.h>

#include "desk-account-list.h"
#include "desk-store-private.h"

#define PAGE_SIZE 128

/* Rows kept for widgets that no longer hold them, and directory blocks kept parsed. */
#define MAX_CACHED_ROWS 2048
#define MAX_CACHED_BLOCKS 8

typedef enum
{
  SOURCE_RANGE,    /* directory lines first … first + n_items */
  SOURCE_MATCHES,  /* directory lines listed in matches */
  SOURCE_ANCHORS,  /* a SQL scan, its first key every PAGE_SIZE rows in anchors */
} Source;

typedef struct
{
  gint64   number;
  GBytes  *text;
  GArray  *starts;  /* guint offset of each line */
} Block;

struct _DeskAccountList
{
  GObject           parent_instance;

  DeskDatabase     *database;
  gint64            incident_id;
  gint64            customer_id;
  char             *text;
  DeskAccountMatch  match;

  Source            source;
  guint             n_items;
  guint             first;      /* SOURCE_RANGE */
  GArray           *matches;    /* SOURCE_MATCHES: guint directory lines */
  GPtrArray        *anchors;    /* SOURCE_ANCHORS: the key of rows 0, PAGE_SIZE, 2 × PAGE_SIZE… */

  GHashTable       *rows;       /* position → DeskAccountRow */
  GQueue            blocks;     /* Block, most recently used first */
};

static void desk_account_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskAccountList, desk_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_account_list_model_init))

static void
block_free (gpointer data)
{
  Block *block = data;

  g_bytes_unref (block->text);
  g_array_unref (block->starts);
  g_free (block);
}

static void
desk_account_list_finalize (GObject *object)
{
  DeskAccountList *self = (DeskAccountList *)object;

  g_clear_object (&self->database);
  g_free (self->text);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->anchors, g_ptr_array_unref);
  g_hash_table_unref (self->rows);
  g_queue_clear_full (&self->blocks, block_free);

  G_OBJECT_CLASS (desk_account_list_parent_class)->finalize (object);
}

static void
desk_account_list_class_init (DeskAccountListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_account_list_finalize;
}

static void
desk_account_list_init (DeskAccountList *self)
{
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->blocks);
}

/* Directory {{{ */

/* Lines of @text, a directory block. */
static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray *starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), DESK_ACCOUNT_DIRECTORY_BLOCK);
  const char *end = text + len;

  for (const char *p = text; p < end;)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));
      guint start = (guint) (p - text);

      g_array_append_val (starts, start);
      p = newline != NULL ? newline + 1 : end;
    }

  return starts;
}

static Block *
get_block (DeskAccountList  *self,
           gint64            number,
           GError          **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  Block *block;
  gboolean has_row = FALSE;

  for (GList *l = self->blocks.head; l != NULL; l = l->next)
    if (((Block *) l->data)->number == number)
      {
        g_queue_unlink (&self->blocks, l);
        g_queue_push_head_link (&self->blocks, l);
        return l->data;
      }

  if (!(stmt = desk_database_prepare (self->database,
                                      "SELECT identifiers FROM account_directory"
                                      " WHERE incident_id = ? AND block = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, self->incident_id);
  sqlite3_bind_int64 (stmt, 2, number);
  if (!desk_database_step (self->database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The account directory has no block %" G_GINT64_FORMAT, number);
      return NULL;
    }

  block = g_new0 (Block, 1);
  block->number = number;
  block->text = g_bytes_new (sqlite3_column_text (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  block->starts = split_lines (g_bytes_get_data (block->text, NULL),
                               g_bytes_get_size (block->text));
  g_queue_push_head (&self->blocks, block);
  while (self->blocks.length > MAX_CACHED_BLOCKS)
    block_free (g_queue_pop_tail (&self->blocks));

  return block;
}

/* The identifier on directory line @line, lowered: as good a key as the original under NOCASE. */
static char *
directory_key (DeskAccountList  *self,
               guint             line,
               GError          **error)
{
  Block *block = get_block (self, line / DESK_ACCOUNT_DIRECTORY_BLOCK, error);
  const char *text;
  guint index = line % DESK_ACCOUNT_DIRECTORY_BLOCK;
  guint start, end;

  if (block == NULL)
    return NULL;

  if (index >= block->starts->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The account directory has no line %u", line);
      return NULL;
    }

  text = g_bytes_get_data (block->text, NULL);
  start = g_array_index (block->starts, guint, index);
  end = index + 1 < block->starts->len ? g_array_index (block->starts, guint, index + 1)
                                       : (guint) g_bytes_get_size (block->text);

  return g_strndup (text + start, end - start - 1);
}

static gboolean
query_count (DeskDatabase  *database,
             const char    *sql,
             gint64         incident_id,
             gint64         customer_id,
             const char    *text,
             gint64        *count,
             GError       **error)
{
  g_autoptr(DeskStatement) stmt = desk_database_prepare (database, sql, error);
  gboolean has_row = FALSE;
  int n_params;

  if (stmt == NULL)
    return FALSE;

  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, incident_id);
  if (n_params >= 2)
    sqlite3_bind_int64 (stmt, 2, customer_id);
  if (n_params >= 3)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  if (!desk_database_step (database, stmt, &has_row, error))
    return FALSE;

  *count = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Whether the directory lists every account of the incident: a directory built before a
 * migration, or missing, is not used. */
static gboolean
directory_is_complete (DeskAccountList  *self,
                       gint64           *n_accounts,
                       GError          **error)
{
  gint64 n_blocks, n_lines = 0;
  Block *last;

  if (!query_count (self->database,
                    "SELECT coalesce (sum (n), 0) FROM account_counts WHERE incident_id = ?1",
                    self->incident_id, 0, NULL, n_accounts, error) ||
      !query_count (self->database,
                    "SELECT count (*) FROM account_directory WHERE incident_id = ?1",
                    self->incident_id, 0, NULL, &n_blocks, error))
    return FALSE;

  if (n_blocks > 0)
    {
      if (!(last = get_block (self, n_blocks - 1, error)))
        return FALSE;
      n_lines = (n_blocks - 1) * DESK_ACCOUNT_DIRECTORY_BLOCK + last->starts->len;
    }

  return n_lines == *n_accounts;
}

/* The first directory line not below @prefix, by a binary search over lines. */
static gboolean
directory_lower_bound (DeskAccountList  *self,
                       const char       *prefix,
                       guint             n_lines,
                       guint            *line,
                       GError          **error)
{
  guint low = 0, high = n_lines;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autofree char *key = directory_key (self, middle, error);

      if (key == NULL)
        return FALSE;
      if (strcmp (key, prefix) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  *line = low;
  return TRUE;
}

/* Every directory line that holds @needle (lowered), by scanning the blocks in memory. */
static gboolean
directory_search (DeskAccountList  *self,
                  const char       *needle,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gsize needle_len = strlen (needle);
  gboolean has_row;

  if (!(stmt = desk_database_prepare (self->database,
                                      "SELECT block, identifiers FROM account_directory"
                                      " WHERE incident_id = ? ORDER BY block", error)))
    return FALSE;

  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_bind_int64 (stmt, 1, self->incident_id);
  while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      const char *end = text + sqlite3_column_bytes (stmt, 1);
      guint line = (guint) sqlite3_column_int64 (stmt, 0) * DESK_ACCOUNT_DIRECTORY_BLOCK;
      const char *counted = text;  /* lines before it are counted in line */
      const char *p = text;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      while (p < end && (p = memmem (p, (gsize) (end - p), needle, needle_len)) != NULL)
        {
          const char *next;

          for (const char *q = counted; (q = memchr (q, '\n', (gsize) (p - q))) != NULL; q++)
            line++;
          g_array_append_val (self->matches, line);

          /* one match per line: go on after it */
          next = memchr (p, '\n', (gsize) (end - p));
          if (next == NULL)
            break;
          p = counted = next + 1;
          line++;
        }
    }

  return error == NULL || *error == NULL;
}

/* }}} */
/* Building {{{ */

/* SQL conditions on accounts a of the list's contract and text, for SOURCE_ANCHORS. Written
 * out rather than "?2 = 0 OR …", which would keep SQLite from the contract's index. */
static const char *
anchors_scope (DeskAccountList *self)
{
  return self->customer_id != 0 ? " AND a.customer_id = ?2" : "";
}

static const char *
anchors_filter (DeskAccountList *self)
{
  if (self->text == NULL)
    return "";
  if (self->match == DESK_ACCOUNT_MATCH_PREFIX)
    return " AND a.identifier >= ?3 AND a.identifier < ?3 || char (1114111)";
  return " AND instr (lower (a.identifier), ?3) > 0";
}

static gboolean
build_anchors (DeskAccountList  *self,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;
  guint n = 0;

  sql = g_strdup_printf ("SELECT a.identifier FROM accounts a WHERE a.incident_id = ?1%s%s"
                         " ORDER BY a.identifier", anchors_scope (self), anchors_filter (self));
  if (!(stmt = desk_database_prepare (self->database, sql, error)))
    return FALSE;

  self->anchors = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_int64 (stmt, 1, self->incident_id);
  sqlite3_bind_int64 (stmt, 2, self->customer_id);
  if (self->text != NULL)
    sqlite3_bind_text (stmt, 3, self->text, -1, SQLITE_STATIC);

  while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      if (n % PAGE_SIZE == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          g_ptr_array_add (self->anchors, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        }
      n++;
    }

  self->n_items = n;
  return error == NULL || *error == NULL;
}

static gboolean
build (DeskAccountList  *self,
       GCancellable     *cancellable,
       GError          **error)
{
  gint64 n_accounts;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  desk_database_lock (self->database);

  if (self->customer_id != 0)
    ok = FALSE;
  else
    ok = directory_is_complete (self, &n_accounts, &local_error);

  if (ok && self->text == NULL)
    {
      self->source = SOURCE_RANGE;
      self->n_items = (guint) n_accounts;
    }
  else if (ok && self->match == DESK_ACCOUNT_MATCH_PREFIX)
    {
      gint64 count;

      self->source = SOURCE_RANGE;
      ok = query_count (self->database,
                        "SELECT count (*) FROM accounts WHERE incident_id = ?1"
                        " AND identifier >= ?3 AND identifier < ?3 || char (1114111)",
                        self->incident_id, 0, self->text, &count, &local_error) &&
           directory_lower_bound (self, self->text, (guint) n_accounts, &self->first,
                                  &local_error);
      self->n_items = (guint) count;
    }
  else if (ok)
    {
      self->source = SOURCE_MATCHES;
      ok = directory_search (self, self->text, cancellable, &local_error);
      if (ok)
        self->n_items = self->matches->len;
    }
  else if (local_error == NULL)
    {
      self->source = SOURCE_ANCHORS;
      ok = build_anchors (self, cancellable, &local_error);
    }

  desk_database_unlock (self->database);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static DeskAccountList *
account_list_new (DeskDatabase     *database,
                  gint64            incident_id,
                  gint64            customer_id,
                  const char       *text,
                  DeskAccountMatch  match)
{
  DeskAccountList *self = g_object_new (DESK_TYPE_ACCOUNT_LIST, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  self->database = g_object_ref (database);
  self->incident_id = incident_id;
  self->customer_id = customer_id;
  /* lowered as the directory and NOCASE lower: ASCII only */
  self->text = *stripped != '\0' ? g_ascii_strdown (stripped, -1) : NULL;
  self->match = match;

  return self;
}

/**
 * desk_account_list_new:
 * @database: a connection to read from; a view keeps a reader for its lists
 * @customer_id: a contract's customer id, or 0 for the whole incident
 * @text: (nullable): what the accounts must start with or contain, ignoring ASCII case
 *
 * Builds the list; the work grows with the number of accounts only for a contract's list and
 * for a text the accounts contain, so call it off the main thread (see
 * desk_account_list_new_async()).
 */
DeskAccountList *
desk_account_list_new (DeskDatabase      *database,
                       gint64             incident_id,
                       gint64             customer_id,
                       const char        *text,
                       DeskAccountMatch   match,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(DeskAccountList) self = NULL;

  g_return_val_if_fail (DESK_IS_DATABASE (database), NULL);

  self = account_list_new (database, incident_id, customer_id, text, match);
  if (!build (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
build_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DeskAccountList *self = task_data;
  GError *error = NULL;

  if (build (self, cancellable, &error))
    g_task_return_pointer (task, g_object_ref (self), g_object_unref);
  else
    g_task_return_error (task, error);
}

void
desk_account_list_new_async (DeskDatabase        *database,
                             gint64               incident_id,
                             gint64               customer_id,
                             const char          *text,
                             DeskAccountMatch     match,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_DATABASE (database));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_account_list_new_async);
  g_task_set_task_data (task, account_list_new (database, incident_id, customer_id, text, match),
                        g_object_unref);
  g_task_run_in_thread (task, build_worker);
}

/**
 * desk_account_list_new_finish:
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
DeskAccountList *
desk_account_list_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Pages {{{ */

/* Rows from accounts a, with the index (if any) to read them by in the middle. */
#define ROW_COLUMNS(index) \
  "SELECT a.identifier, c.contract_id, c.name, coalesce (f.exposure, 0), a.categories," \
  " a.updated_at FROM accounts a" index " JOIN customers c ON c.id = a.customer_id" \
  " LEFT JOIN account_findings f ON f.incident_id = a.incident_id" \
  " AND f.identifier = a.identifier"

static DeskAccountRow *
row_from_statement (DeskStatement *stmt)
{
  return desk_account_row_new ((const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               CLAMP (sqlite3_column_int (stmt, 3), 0, DESK_N_EXPOSURES - 1),
                               sqlite3_column_int64 (stmt, 4),
                               sqlite3_column_int64 (stmt, 5));
}

static void
keep_row (DeskAccountList *self,
          guint            position,
          DeskAccountRow  *row)
{
  /* A row a widget still holds stays the same object */
  if (!g_hash_table_contains (self->rows, GUINT_TO_POINTER (position)))
    g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  else
    g_object_unref (row);
}

/* Reads up to @n rows in key order from @key on, as positions @first… */
static gboolean
load_run (DeskAccountList  *self,
          const char       *key,
          guint             first,
          guint             n,
          GError          **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row;
  guint i = 0;

  if (self->source == SOURCE_ANCHORS)
    /* A contract's page is a range of its index; the key's own index would be read from the key
     * on through every other contract's accounts */
    sql = g_strdup_printf ("%s WHERE a.incident_id = ?1%s AND a.identifier >= ?4%s"
                           " ORDER BY a.identifier LIMIT ?5",
                           self->customer_id != 0 ? ROW_COLUMNS (" INDEXED BY accounts_customer")
                                                  : ROW_COLUMNS (""),
                           anchors_scope (self), anchors_filter (self));
  else
    sql = g_strdup (ROW_COLUMNS ("") " WHERE a.incident_id = ?1 AND a.identifier >= ?4"
                    " ORDER BY a.identifier LIMIT ?5");

  if (!(stmt = desk_database_prepare (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->incident_id);
  if (self->source == SOURCE_ANCHORS)
    {
      sqlite3_bind_int64 (stmt, 2, self->customer_id);
      if (self->text != NULL)
        sqlite3_bind_text (stmt, 3, self->text, -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) n);

  while (desk_database_step (self->database, stmt, &has_row, error) && has_row)
    keep_row (self, first + i++, row_from_statement (stmt));

  return error == NULL || *error == NULL;
}

/* Reads the rows of scattered directory lines, one lookup each. */
static gboolean
load_matches (DeskAccountList  *self,
              guint             first,
              guint             n,
              GError          **error)
{
  g_autoptr(DeskStatement) stmt = NULL;

  if (!(stmt = desk_database_prepare (self->database,
                                      ROW_COLUMNS ("") " WHERE a.incident_id = ?1"
                                      " AND a.identifier = ?2", error)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = directory_key (self, g_array_index (self->matches, guint, first + i),
                                            error);
      gboolean has_row = FALSE;

      if (key == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, self->incident_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      if (!desk_database_step (self->database, stmt, &has_row, error))
        return FALSE;
      if (has_row)
        keep_row (self, first + i, row_from_statement (stmt));
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/* Forget rows no widget holds any more, once the cache has grown past its bound. */
static void
trim_cache (DeskAccountList *self)
{
  GHashTableIter iter;
  gpointer row;

  if (g_hash_table_size (self->rows) <= MAX_CACHED_ROWS)
    return;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (G_OBJECT (row)->ref_count == 1)
      g_hash_table_iter_remove (&iter);
}

static void
load_page (DeskAccountList *self,
           guint            position)
{
  guint first = position - position % PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->n_items - first);
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  trim_cache (self);

  desk_database_lock (self->database);
  switch (self->source)
    {
    case SOURCE_RANGE:
      if ((key = directory_key (self, self->first + first, &error)) != NULL)
        load_run (self, key, first, n, &error);
      break;
    case SOURCE_ANCHORS:
      load_run (self, g_ptr_array_index (self->anchors, first / PAGE_SIZE), first, n, &error);
      break;
    case SOURCE_MATCHES:
      load_matches (self, first, n, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  desk_database_unlock (self->database);

  if (error != NULL)
    g_warning ("Could not read accounts %u–%u: %s", first, first + n, error->message);
}

/* }}} */
/* GListModel {{{ */

static GType
desk_account_list_get_item_type (GListModel *model)
{
  return DESK_TYPE_ACCOUNT_ROW;
}

static guint
desk_account_list_get_n_items (GListModel *model)
{
  return DESK_ACCOUNT_LIST (model)->n_items;
}

static gpointer
desk_account_list_get_item (GListModel *model,
                            guint       position)
{
  DeskAccountList *self = DESK_ACCOUNT_LIST (model);
  DeskAccountRow *row;

  if (position >= self->n_items)
    return NULL;

  if (!(row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position))))
    {
      load_page (self, position);
      row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
    }

  /* A row the database no longer gives (it changed meanwhile) is shown empty, never missing:
   * a list model may not return NULL below its length. */
  if (row == NULL)
    {
      row = desk_account_row_new ("", "", NULL, DESK_EXPOSURE_POTENTIAL, 0, 0);
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
    }

  return g_object_ref (row);
}

static void
desk_account_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_account_list_get_item_type;
  iface->get_n_items = desk_account_list_get_n_items;
  iface->get_item = desk_account_list_get_item;
}

/* }}} */
/* Accessors {{{ */

gint64
desk_account_list_get_incident_id (DeskAccountList *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_LIST (self), 0);

  return self->incident_id;
}

gint64
desk_account_list_get_customer_id (DeskAccountList *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_LIST (self), 0);

  return self->customer_id;
}

/**
 * desk_account_list_get_text:
 *
 * Returns: (nullable): the search text, stripped and lowered as it is matched
 */
const char *
desk_account_list_get_text (DeskAccountList *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_LIST (self), NULL);

  return self->text;
}

DeskAccountMatch
desk_account_list_get_match (DeskAccountList *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_LIST (self), DESK_ACCOUNT_MATCH_CONTAINS);

  return self->match;
}

/* }}} */
