/* desk-customer-list.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskCustomerList is the GListModel of an incident's affected customers. It never loads every
 * row: a reload asks SQL for the ids in the requested order and filter (on a worker thread), and
 * rows are read a page at a time when the view asks for them, through a read-only connection of
 * their own so that a long write elsewhere never stalls scrolling. Rows still referenced by a
 * widget stay cached, so a position keeps returning the same object as GListModel requires.
 */

#define G_LOG_DOMAIN "desk-customer-list"

#include "config.h"

#include "desk-customer-list.h"
#include "desk-store-private.h"

#define PAGE_SIZE 64
#define MAX_CACHED_ROWS 1024

struct _DeskCustomerList
{
  GObject           parent_instance;

  DeskStore        *store;
  DeskDatabase     *reader;
  gint64            incident_id;

  char             *search;
  DeskCustomerSort  sort;
  gboolean          descending;
  DeskNoticeFilter  filter;

  GArray           *ids;        /* affected ids, in list order */
  GHashTable       *rows;       /* affected id → DeskCustomerRow */
  char             *page_sql;
  int               n_columns[3]; /* of the affected, customer and notification in a page row */
  guint             generation; /* drops the result of a reload that a newer one replaced */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCustomerList, desk_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Queries {{{ */

static const char *
sort_expression (DeskCustomerSort sort)
{
  switch (sort)
    {
    case DESK_CUSTOMER_SORT_CONTRACT:
      return "c.contract_id";
    case DESK_CUSTOMER_SORT_NAME:
      return "c.name COLLATE NOCASE";
    case DESK_CUSTOMER_SORT_ACCOUNT_MANAGER:
      return "c.account_manager COLLATE NOCASE";
    case DESK_CUSTOMER_SORT_EXPOSURE:
      return "CASE a.exposure WHEN 'confirmed' THEN 0 WHEN 'potential' THEN 1 ELSE 2 END";
    case DESK_CUSTOMER_SORT_ACCOUNTS:
      return "(SELECT coalesce (sum (x.n), 0) FROM account_counts x"
             " WHERE x.incident_id = a.incident_id AND x.customer_id = a.customer_id"
             " AND x.exposure IN (0, 1))";
    case DESK_CUSTOMER_SORT_CONFIRMED:
      return "(SELECT coalesce (sum (x.n), 0) FROM account_counts x"
             " WHERE x.incident_id = a.incident_id AND x.customer_id = a.customer_id"
             " AND x.exposure = 1)";
    case DESK_CUSTOMER_SORT_NOTIFICATION:
      /* the ledger's own order: not started first, acknowledged last */
      return "CASE n.status WHEN 'not-started' THEN 0 WHEN 'drafted' THEN 1 WHEN 'approved' THEN 2"
             " WHEN 'bounced' THEN 3 WHEN 'sent' THEN 4 WHEN 'delivered' THEN 5"
             " WHEN 'acknowledged' THEN 6 ELSE 7 END";
    default:
      g_assert_not_reached ();
    }
}

static char *
build_ids_sql (DeskCustomerList *self)
{
  GString *sql = g_string_new ("SELECT a.id FROM affected a"
                               " JOIN customers c ON c.id = a.customer_id"
                               " LEFT JOIN notifications n ON n.affected_id = a.id AND NOT n.deleted"
                               " WHERE a.incident_id = ?1 AND NOT a.deleted");

  if (self->search != NULL)
    g_string_append (sql, " AND (c.name LIKE ?2 ESCAPE '\\' OR c.contract_id LIKE ?2 ESCAPE '\\'"
                          " OR c.account_manager LIKE ?2 ESCAPE '\\')");

  if (self->filter == DESK_NOTICE_FILTER_PENDING)
    g_string_append (sql, " AND coalesce (n.status, 'not-started') IN"
                          " ('not-started', 'drafted', 'approved', 'bounced')");
  else if (self->filter == DESK_NOTICE_FILTER_NOTIFIED)
    g_string_append (sql, " AND n.status IN ('sent', 'delivered', 'acknowledged')");

  g_string_append_printf (sql, " ORDER BY %s %s, c.contract_id", sort_expression (self->sort),
                          self->descending ? "DESC" : "ASC");

  return g_string_free (sql, FALSE);
}

/* "%", "_" and "\" in what people type are letters, not wildcards. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

typedef struct
{
  gint64            incident_id;
  char             *sql;
  char             *pattern;
  guint             generation;
} ReloadJob;

static void
reload_job_free (gpointer data)
{
  ReloadJob *job = data;

  g_free (job->sql);
  g_free (job->pattern);
  g_free (job);
}

static ReloadJob *
reload_job_new (DeskCustomerList *self)
{
  ReloadJob *job = g_new0 (ReloadJob, 1);

  job->incident_id = self->incident_id;
  job->sql = build_ids_sql (self);
  job->pattern = self->search ? like_pattern (self->search) : NULL;
  job->generation = ++self->generation;

  return job;
}

static GArray *
query_ids (DeskDatabase  *reader,
           ReloadJob     *job,
           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  desk_database_lock (reader);
  if ((stmt = desk_database_prepare (reader, job->sql, &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, job->incident_id);
      if (job->pattern != NULL)
        sqlite3_bind_text (stmt, 2, job->pattern, -1, SQLITE_STATIC);

      while (desk_database_step (reader, stmt, &has_row, &local_error) && has_row)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (reader);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static char *
build_page_sql (int n_columns[3])
{
  g_autofree char *affected = NULL, *customer = NULL, *notification = NULL;
  GString *sql;

  affected = _desk_store_columns (DESK_TYPE_AFFECTED, "a", &n_columns[0]);
  customer = _desk_store_columns (DESK_TYPE_CUSTOMER, "c", &n_columns[1]);
  notification = _desk_store_columns (DESK_TYPE_NOTIFICATION, "n", &n_columns[2]);

  sql = g_string_new (NULL);
  g_string_append_printf (sql,
                          "SELECT (SELECT coalesce (sum (x.n), 0) FROM account_counts x"
                          "   WHERE x.incident_id = a.incident_id AND x.customer_id = a.customer_id"
                          "   AND x.exposure IN (0, 1)),"
                          " (SELECT coalesce (sum (x.n), 0) FROM account_counts x"
                          "   WHERE x.incident_id = a.incident_id AND x.customer_id = a.customer_id"
                          "   AND x.exposure = 1),"
                          " %s, %s, %s FROM affected a JOIN customers c ON c.id = a.customer_id"
                          " LEFT JOIN notifications n ON n.affected_id = a.id AND NOT n.deleted"
                          " WHERE a.id IN (?", affected, customer, notification);
  for (guint i = 1; i < PAGE_SIZE; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

/* Forget rows no widget holds any more, once the cache has grown past its bound. */
static void
trim_cache (DeskCustomerList *self)
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
load_page (DeskCustomerList *self,
           guint             position)
{
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  guint first = position - position % PAGE_SIZE;
  gboolean has_row;

  desk_database_lock (self->reader);
  if ((stmt = desk_database_prepare (self->reader, self->page_sql, &error)) != NULL)
    {
      for (guint i = 0; i < PAGE_SIZE && first + i < self->ids->len; i++)
        sqlite3_bind_int64 (stmt, i + 1, g_array_index (self->ids, gint64, first + i));

      while (desk_database_step (self->reader, stmt, &has_row, &error) && has_row)
        {
          g_autoptr(DeskRecord) affected = NULL;
          g_autoptr(DeskRecord) customer = NULL;
          g_autoptr(DeskRecord) notification = NULL;
          int column = 2;
          gint64 id;

          affected = _desk_record_from_statement (DESK_TYPE_AFFECTED, stmt, column);
          column += self->n_columns[0];
          customer = _desk_record_from_statement (DESK_TYPE_CUSTOMER, stmt, column);
          column += self->n_columns[1];
          if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
            notification = _desk_record_from_statement (DESK_TYPE_NOTIFICATION, stmt, column);

          /* A row a widget still holds stays the same object. */
          id = desk_record_get_id (affected);
          if (!g_hash_table_contains (self->rows, &id))
            g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id),
                                 desk_customer_row_new (DESK_AFFECTED (affected),
                                                        DESK_CUSTOMER (customer),
                                                        (DeskNotification *) notification,
                                                        sqlite3_column_int64 (stmt, 0),
                                                        sqlite3_column_int64 (stmt, 1)));
        }
    }
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (self->reader);

  if (error != NULL)
    g_warning ("Could not read customers %u–%u: %s", first, first + PAGE_SIZE, error->message);

  trim_cache (self);
}

static void
replace_ids (DeskCustomerList *self,
             GArray           *ids)
{
  guint removed = self->ids->len;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_hash_table_remove_all (self->rows);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
  if (removed != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* }}} */
/* GListModel {{{ */

static GType
desk_customer_list_get_item_type (GListModel *model)
{
  return DESK_TYPE_CUSTOMER_ROW;
}

static guint
desk_customer_list_get_n_items (GListModel *model)
{
  return DESK_CUSTOMER_LIST (model)->ids->len;
}

static gpointer
desk_customer_list_get_item (GListModel *model,
                             guint       position)
{
  DeskCustomerList *self = DESK_CUSTOMER_LIST (model);
  gint64 id;
  DeskCustomerRow *row;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  row = g_hash_table_lookup (self->rows, &id);
  if (row == NULL)
    {
      load_page (self, position);
      row = g_hash_table_lookup (self->rows, &id);
    }

  /* The row vanished between the reload and now (deleted meanwhile): show it empty rather than
   * break the model's promise of an item at every position. */
  if (row == NULL)
    {
      g_autoptr(DeskAffected) affected = g_object_new (DESK_TYPE_AFFECTED, NULL);
      g_autoptr(DeskCustomer) customer = g_object_new (DESK_TYPE_CUSTOMER, NULL);

      row = desk_customer_row_new (affected, customer, NULL, 0, 0);
      g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
    }

  return g_object_ref (row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_customer_list_get_item_type;
  iface->get_n_items = desk_customer_list_get_n_items;
  iface->get_item = desk_customer_list_get_item;
}

/* }}} */
/* GObject {{{ */

static void
desk_customer_list_finalize (GObject *object)
{
  DeskCustomerList *self = DESK_CUSTOMER_LIST (object);

  g_clear_object (&self->store);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->page_sql, g_free);

  G_OBJECT_CLASS (desk_customer_list_parent_class)->finalize (object);
}

static void
desk_customer_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskCustomerList *self = DESK_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customer_list_class_init (DeskCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_customer_list_finalize;
  object_class->get_property = desk_customer_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_customer_list_init (DeskCustomerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->page_sql = build_page_sql (self->n_columns);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_customer_list_new:
 *
 * Creates an empty list of the customers of the incident with local id @incident_id; call
 * desk_customer_list_reload_async() to fill it.
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
DeskCustomerList *
desk_customer_list_new (DeskStore  *store,
                        gint64      incident_id,
                        GError    **error)
{
  g_autoptr(DeskCustomerList) self = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  self = g_object_new (DESK_TYPE_CUSTOMER_LIST, NULL);
  self->store = g_object_ref (store);
  self->incident_id = incident_id;
  self->reader = desk_database_open_reader (desk_store_get_database (store), error);
  if (self->reader == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

gint64
desk_customer_list_get_incident_id (DeskCustomerList *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST (self), 0);

  return self->incident_id;
}

/**
 * desk_customer_list_set_search:
 * @search: (nullable): text the customer's name, contract id or account manager must contain
 *
 * Takes effect at the next reload, as do the sort and the filter.
 */
void
desk_customer_list_set_search (DeskCustomerList *self,
                               const char       *search)
{
  g_return_if_fail (DESK_IS_CUSTOMER_LIST (self));

  g_free (self->search);
  self->search = search && *search ? g_strdup (search) : NULL;
}

void
desk_customer_list_set_sort (DeskCustomerList *self,
                             DeskCustomerSort  sort,
                             gboolean          descending)
{
  g_return_if_fail (DESK_IS_CUSTOMER_LIST (self));

  self->sort = sort;
  self->descending = !!descending;
}

void
desk_customer_list_set_filter (DeskCustomerList *self,
                               DeskNoticeFilter  filter)
{
  g_return_if_fail (DESK_IS_CUSTOMER_LIST (self));

  self->filter = filter;
}

/**
 * desk_customer_list_reload:
 *
 * Re-reads which customers the list holds, in what order, on the calling thread.
 */
gboolean
desk_customer_list_reload (DeskCustomerList  *self,
                           GError           **error)
{
  ReloadJob *job;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DESK_IS_CUSTOMER_LIST (self), FALSE);

  job = reload_job_new (self);
  ids = query_ids (self->reader, job, error);
  reload_job_free (job);
  if (ids == NULL)
    return FALSE;

  replace_ids (self, ids);
  return TRUE;
}

static void
reload_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DeskCustomerList *self = source_object;
  GError *error = NULL;
  GArray *ids;

  ids = query_ids (self->reader, task_data, &error);
  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

void
desk_customer_list_reload_async (DeskCustomerList    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CUSTOMER_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_customer_list_reload_async);
  g_task_set_task_data (task, reload_job_new (self), reload_job_free);
  g_task_run_in_thread (task, reload_worker);
}

/**
 * desk_customer_list_reload_finish:
 *
 * Applies the reload's result, unless a later reload was started meanwhile.
 */
gboolean
desk_customer_list_reload_finish (DeskCustomerList  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_autoptr(GArray) ids = NULL;
  ReloadJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ids = g_task_propagate_pointer (G_TASK (result), error);
  if (ids == NULL)
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (job->generation == self->generation)
    replace_ids (self, ids);

  return TRUE;
}

/* }}} */
