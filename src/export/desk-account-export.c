/* desk-account-export.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An incident's affected accounts, or a contract's, as CSV or JSON: millions of rows streamed
 * from a DeskAccountCursor to the file, in the same memory whatever their number.
 *
 * The CSV is the import's own format (account, customer_id, customer_name, category, status),
 * with found_at after it, which the import passes over: a list exported from one incident
 * imports into another. Like the other CSV exports it has a UTF-8 byte-order mark and CRLF line
 * ends, and a field a spreadsheet would run as a formula is neutralised
 * (desk_csv_append_field()); the import takes such a field back as it was. The JSON is an array
 * with one account per line.
 *
 * What repeats from row to row (a contract, a set of categories, a status, a time) is written
 * out once and copied after that, so a row costs little more than its account. */

#define G_LOG_DOMAIN "desk-account-export"

#include "config.h"

#include "desk-account-cursor.h"
#include "desk-account-export.h"
#include "desk-csv-writer.h"
#include "desk-export-private.h"
#include "desk-progress.h"
#include "desk-time.h"

#define BOM "\xef\xbb\xbf"

/* Rows between two looks at the cancellable and the progress. */
#define CHECK_INTERVAL 4096

/* Times kept written out, at the most: memory does not grow with the accounts. */
#define MAX_FOUND_AT_PIECES 4096

struct _DeskAccountExport
{
  GObject           parent_instance;

  DeskStore        *store;
  DeskIncident     *incident;
  DeskCustomer     *customer;
  DeskExportFormat  format;

  DeskProgress      progress;
  guint64           n_accounts;
};

G_DEFINE_FINAL_TYPE (DeskAccountExport, desk_account_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* One run: the output buffer, and the pieces of rows already written out. */
typedef struct
{
  DeskExportFormat  format;
  GString          *buffer;
  GPtrArray        *categories;       /* DeskCategory, in the incident's order */
  GHashTable       *category_pieces;  /* gint64 mask → its names */
  GHashTable       *customer_pieces;  /* gint64 customer id → its contract ID and name */
  gint64            last_customer;
  const char       *last_customer_piece;
  GHashTable       *found_at_pieces;  /* gint64 time → it written out */
  char             *exposure_pieces[DESK_N_EXPOSURES];
} Writer;

/* Pieces {{{ */

/* Appends @text as a JSON string, or null. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *run = text;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      if (c == '"' || c == '\\')
        g_string_append_c (out, '\\');
      if (c >= 0x20)
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* CSV: the contract's two fields; JSON: its two members. */
static char *
render_customer (Writer                 *writer,
                 const DeskAccountEntry *account)
{
  GString *piece = g_string_new (NULL);

  if (writer->format == DESK_EXPORT_FORMAT_CSV)
    {
      desk_csv_append_field (piece, account->contract_id);
      g_string_append_c (piece, ',');
      desk_csv_append_field (piece, account->customer_name);
    }
  else
    {
      g_string_append (piece, ",\"customer_id\":");
      append_json_string (piece, account->contract_id);
      g_string_append (piece, ",\"customer_name\":");
      append_json_string (piece, account->customer_name);
    }

  return g_string_free (piece, FALSE);
}

/* CSV: the names, separated by ";" as the import reads them; JSON: an array of them. */
static char *
render_categories (Writer *writer,
                   gint64  mask)
{
  g_autoptr(GString) names = g_string_new (NULL);
  GString *piece = g_string_new (writer->format == DESK_EXPORT_FORMAT_CSV ? NULL
                                                                          : ",\"categories\":[");

  for (guint i = 0; i < writer->categories->len; i++)
    {
      DeskRecord *category = g_ptr_array_index (writer->categories, i);
      const char *name = desk_record_get_string (category, "name");

      if (!((mask >> desk_record_get_int (category, "bit")) & 1))
        continue;

      if (writer->format == DESK_EXPORT_FORMAT_CSV)
        g_string_append_printf (names, "%s%s", names->len > 0 ? ";" : "", name);
      else
        {
          if (piece->str[piece->len - 1] != '[')
            g_string_append_c (piece, ',');
          append_json_string (piece, name);
        }
    }

  if (writer->format == DESK_EXPORT_FORMAT_CSV)
    desk_csv_append_field (piece, names->str);
  else
    g_string_append_c (piece, ']');

  return g_string_free (piece, FALSE);
}

/* CSV: the day and time in the local time zone, as the other CSV exports write them; JSON:
 * ISO 8601 in UTC. Nothing, or null, for an account without a finding. */
static char *
render_found_at (Writer *writer,
                 gint64  found_at)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;
  GString *piece;

  if (writer->format == DESK_EXPORT_FORMAT_CSV)
    {
      if (found_at == 0 || !(when = g_date_time_new_from_unix_local (found_at)))
        return g_strdup ("");
      return g_date_time_format (when, "%Y-%m-%d %H:%M");
    }

  piece = g_string_new (",\"found_at\":");
  iso = found_at != 0 ? desk_time_format_iso (found_at) : NULL;
  append_json_string (piece, iso);
  return g_string_free (piece, FALSE);
}

static const char *
get_customer_piece (Writer                 *writer,
                    const DeskAccountEntry *account)
{
  char *piece;

  if (writer->last_customer_piece != NULL && writer->last_customer == account->customer_id)
    return writer->last_customer_piece;

  if ((piece = g_hash_table_lookup (writer->customer_pieces, &account->customer_id)) == NULL)
    {
      piece = render_customer (writer, account);
      g_hash_table_insert (writer->customer_pieces,
                           g_memdup2 (&account->customer_id, sizeof (gint64)), piece);
    }

  writer->last_customer = account->customer_id;
  return writer->last_customer_piece = piece;
}

static const char *
get_categories_piece (Writer *writer,
                      gint64  mask)
{
  char *piece;

  if ((piece = g_hash_table_lookup (writer->category_pieces, &mask)) == NULL)
    {
      piece = render_categories (writer, mask);
      g_hash_table_insert (writer->category_pieces, g_memdup2 (&mask, sizeof mask), piece);
    }

  return piece;
}

/* Findings have the times of the imports that made them, or of one account confirmed by hand
 * now and then: a few, unless someone confirmed thousands by hand. */
static const char *
get_found_at_piece (Writer *writer,
                    gint64  found_at)
{
  char *piece;

  if ((piece = g_hash_table_lookup (writer->found_at_pieces, &found_at)) == NULL)
    {
      if (g_hash_table_size (writer->found_at_pieces) >= MAX_FOUND_AT_PIECES)
        g_hash_table_remove_all (writer->found_at_pieces);
      piece = render_found_at (writer, found_at);
      g_hash_table_insert (writer->found_at_pieces, g_memdup2 (&found_at, sizeof found_at), piece);
    }

  return piece;
}

/* }}} */
/* Rows {{{ */

static void
append_csv_row (Writer                 *writer,
                const DeskAccountEntry *account)
{
  GString *out = writer->buffer;

  desk_csv_append_field (out, account->identifier);
  g_string_append_c (out, ',');
  g_string_append (out, get_customer_piece (writer, account));
  g_string_append_c (out, ',');
  g_string_append (out, get_categories_piece (writer, account->categories));
  g_string_append_c (out, ',');
  g_string_append (out, writer->exposure_pieces[account->exposure]);
  g_string_append_c (out, ',');
  g_string_append (out, get_found_at_piece (writer, account->found_at));
  g_string_append (out, "\r\n");
}

static void
append_json_row (Writer                 *writer,
                 const DeskAccountEntry *account,
                 gboolean                first)
{
  GString *out = writer->buffer;

  g_string_append (out, first ? "\n{\"account\":" : ",\n{\"account\":");
  append_json_string (out, account->identifier);
  g_string_append (out, get_customer_piece (writer, account));
  g_string_append (out, get_categories_piece (writer, account->categories));
  g_string_append (out, writer->exposure_pieces[account->exposure]);
  g_string_append (out, get_found_at_piece (writer, account->found_at));
  g_string_append_c (out, '}');
}

static void
writer_init (Writer           *writer,
             DeskExportFormat  format,
             GPtrArray        *categories)
{
  g_autoptr(GEnumClass) exposures = g_type_class_ref (DESK_TYPE_EXPOSURE);

  *writer = (Writer) { .format = format, .categories = categories };
  writer->buffer = g_string_sized_new (DESK_EXPORT_CHUNK_SIZE + 4096);
  writer->category_pieces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  writer->customer_pieces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  writer->found_at_pieces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < DESK_N_EXPOSURES; i++)
    {
      const char *nick = g_enum_get_value (exposures, (int) i)->value_nick;

      writer->exposure_pieces[i] = format == DESK_EXPORT_FORMAT_CSV
                                   ? g_strdup (nick)
                                   : g_strdup_printf (",\"status\":\"%s\"", nick);
    }
}

static void
writer_clear (Writer *writer)
{
  if (writer->buffer == NULL)
    return;

  g_string_free (writer->buffer, TRUE);
  g_ptr_array_unref (writer->categories);
  g_hash_table_unref (writer->category_pieces);
  g_hash_table_unref (writer->customer_pieces);
  g_hash_table_unref (writer->found_at_pieces);
  for (guint i = 0; i < DESK_N_EXPOSURES; i++)
    g_free (writer->exposure_pieces[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

/* }}} */
/* Object {{{ */

static void
desk_account_export_finalize (GObject *object)
{
  DeskAccountExport *self = (DeskAccountExport *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_object (&self->customer);
  desk_progress_end (&self->progress);

  G_OBJECT_CLASS (desk_account_export_parent_class)->finalize (object);
}

static void
desk_account_export_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskAccountExport *self = DESK_ACCOUNT_EXPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, desk_account_export_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_account_export_class_init (DeskAccountExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_account_export_finalize;
  object_class->get_property = desk_account_export_get_property;

  /**
   * DeskAccountExport:fraction:
   *
   * How much of the accounts have been written, from 0 to 1; notified on the thread that called
   * desk_account_export_save_async(), a few times a second.
   */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_account_export_init (DeskAccountExport *self)
{
  desk_progress_init (&self->progress, G_OBJECT (self), properties [PROP_FRACTION]);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_account_export_supports:
 *
 * Returns: whether accounts can be exported in @format: CSV and JSON, for millions of rows
 */
gboolean
desk_account_export_supports (DeskExportFormat format)
{
  return format == DESK_EXPORT_FORMAT_CSV || format == DESK_EXPORT_FORMAT_JSON;
}

/**
 * desk_account_export_new:
 * @format: a format desk_account_export_supports()
 *
 * Returns: (transfer full): an export of @incident's affected accounts
 */
DeskAccountExport *
desk_account_export_new (DeskStore        *store,
                         DeskIncident     *incident,
                         DeskExportFormat  format)
{
  DeskAccountExport *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (desk_account_export_supports (format), NULL);

  self = g_object_new (DESK_TYPE_ACCOUNT_EXPORT, NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->format = format;

  return self;
}

/**
 * desk_account_export_set_customer:
 * @customer: (nullable): only this customer's accounts, or %NULL for all of the incident's
 */
void
desk_account_export_set_customer (DeskAccountExport *self,
                                  DeskCustomer      *customer)
{
  g_return_if_fail (DESK_IS_ACCOUNT_EXPORT (self));
  g_return_if_fail (customer == NULL || DESK_IS_CUSTOMER (customer));

  g_set_object (&self->customer, customer);
}

/**
 * desk_account_export_write:
 * @stream: where to write; it is left open
 *
 * Writes the accounts, in the order of their key, to @stream. Reads them as they are when it
 * starts, from a connection of its own: a long export blocks no one.
 *
 * Returns: whether all of them were written
 */
gboolean
desk_account_export_write (DeskAccountExport  *self,
                           GOutputStream      *stream,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(DeskAccountCursor) cursor = NULL;
  g_auto(Writer) writer = { 0 };
  GPtrArray *categories;
  const DeskAccountEntry *account;
  g_autoptr(GError) local_error = NULL;
  gint64 incident_id;
  guint64 n = 0, total;

  g_return_val_if_fail (DESK_IS_ACCOUNT_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->n_accounts = 0;
  incident_id = desk_record_get_id (DESK_RECORD (self->incident));
  if (!(categories = desk_store_list (self->store, DESK_TYPE_CATEGORY, "incident-id", incident_id,
                                      error)))
    return FALSE;
  writer_init (&writer, self->format, categories);

  if (!(cursor = desk_account_cursor_new (self->store, incident_id,
                                          self->customer != NULL
                                          ? desk_record_get_id (DESK_RECORD (self->customer)) : 0,
                                          error)))
    return FALSE;
  total = desk_account_cursor_get_n_accounts (cursor);
  desk_progress_set (&self->progress, 0, total);

  if (self->format == DESK_EXPORT_FORMAT_CSV)
    g_string_append (writer.buffer, BOM "account,customer_id,customer_name,category,status,"
                                    "found_at\r\n");
  else
    g_string_append_c (writer.buffer, '[');

  while ((account = desk_account_cursor_next (cursor, &local_error)) != NULL)
    {
      if (self->format == DESK_EXPORT_FORMAT_CSV)
        append_csv_row (&writer, account);
      else
        append_json_row (&writer, account, n == 0);

      if (++n % CHECK_INTERVAL == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          desk_progress_set (&self->progress, n, total);
        }

      if (!_desk_export_flush (stream, writer.buffer, FALSE, cancellable, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->format == DESK_EXPORT_FORMAT_JSON)
    g_string_append (writer.buffer, "\n]\n");
  if (!_desk_export_flush (stream, writer.buffer, TRUE, cancellable, error))
    return FALSE;

  self->n_accounts = n;
  /* all written, whatever the counts said */
  desk_progress_set (&self->progress, 1, 1);
  return TRUE;
}

static gboolean
write_cb (GOutputStream  *stream,
          gpointer        data,
          GCancellable   *cancellable,
          GError        **error)
{
  return desk_account_export_write (data, stream, cancellable, error);
}

/**
 * desk_account_export_save:
 * @file: the file to write; one already there is replaced
 *
 * Writes the accounts to @file, atomically: @file either keeps what it held or holds the whole
 * export, also when cancelled. Only its owner may read it, as with the database: it lists
 * compromised accounts.
 *
 * Returns: whether @file was written
 */
gboolean
desk_account_export_save (DeskAccountExport  *self,
                          GFile              *file,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _desk_export_save_atomically (file, G_FILE_CREATE_PRIVATE, write_cb, self, cancellable,
                                       error);
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (desk_account_export_save (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * desk_account_export_save_async:
 *
 * Saves the accounts to @file on a worker thread (see desk_account_export_save());
 * #DeskAccountExport:fraction is notified on the thread-default main context of the caller
 * meanwhile.
 */
void
desk_account_export_save_async (DeskAccountExport   *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_ACCOUNT_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  desk_progress_begin (&self->progress);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_account_export_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  /* A Cancel that comes once the file is in place must not report it as not written */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, save_worker);
}

gboolean
desk_account_export_save_finish (DeskAccountExport  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  desk_progress_end (&self->progress);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
desk_account_export_get_fraction (DeskAccountExport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_EXPORT (self), 0);

  return desk_progress_get (&self->progress);
}

/**
 * desk_account_export_get_n_accounts:
 *
 * Returns: how many accounts the last export wrote, or 0 if it failed
 */
guint64
desk_account_export_get_n_accounts (DeskAccountExport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_EXPORT (self), 0);

  return self->n_accounts;
}

/* }}} */
