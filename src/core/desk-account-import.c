/* desk-account-import.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports a CSV list of affected accounts into an incident, in one transaction: it either all
 * lands or none of it does, whether it fails, is cancelled or the process is killed. Columns are
 * matched by their header, in any order. Unknown contracts become customers of the incident and
 * unknown categories categories of it. A bad row refuses the whole file, unless a rejects file
 * is given: then the good rows are imported and the bad ones written there with the reason.
 *
 * The loop is what 4 million rows go through, so it works on the reader's buffers in place,
 * keeps contracts and category lists in hash tables and binds text without copying it. */

#define G_LOG_DOMAIN "desk-account-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-account-import.h"
#include "desk-csv-reader.h"
#include "desk-csv-writer.h"
#include "desk-database.h"
#include "desk-labels.h"
#include "desk-progress.h"
#include "desk-store-private.h"

/* Rows between two looks at the cancellable and the progress. */
#define CHECK_INTERVAL 4096

/* Rows sorted and written together. */
#define BATCH_ROWS (512 * 1024)

/* The page cache while importing: large enough that the key index of a multi-million-row list
 * is not written out again and again, small enough for the memory budget. */
#define IMPORT_CACHE_KIB 49152

struct _DeskAccountImport
{
  GObject          parent_instance;

  DeskStore       *store;
  DeskIncident    *incident;
  GFile           *file;
  DeskCsvEncoding  encoding;
  DeskExposure     default_exposure;
  char            *default_categories;
  GFile           *rejects_file;

  GPtrArray       *columns;
  GArray          *roles;
  int              role_column[DESK_N_IMPORT_COLUMNS];

  GPtrArray       *preview_rows;
  char            *preview_problem;

  guint64          bytes_total;
  DeskProgress     progress;        /* of bytes_total read */

  guint64          n_rows;
  guint64          n_added;
  guint64          n_rejected;
  guint            n_new_customers;
  guint            n_new_categories;
  guint            n_contracts;
};

G_DEFINE_FINAL_TYPE (DeskAccountImport, desk_account_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-import-error-quark, desk_import_error)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The header each column is matched by, compared without regard to case. */
static const char * const column_headers[] = {
  [DESK_IMPORT_COLUMN_IGNORED] = NULL,
  [DESK_IMPORT_COLUMN_ACCOUNT] = "account",
  [DESK_IMPORT_COLUMN_CUSTOMER_ID] = "customer_id",
  [DESK_IMPORT_COLUMN_CUSTOMER_NAME] = "customer_name",
  [DESK_IMPORT_COLUMN_CATEGORY] = "category",
  [DESK_IMPORT_COLUMN_STATUS] = "status",
};

const char *
desk_import_column_get_header (DeskImportColumn column)
{
  g_return_val_if_fail (column < DESK_N_IMPORT_COLUMNS, NULL);

  return column_headers[column];
}

/* Object {{{ */

static void
desk_account_import_finalize (GObject *object)
{
  DeskAccountImport *self = (DeskAccountImport *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_object (&self->file);
  g_clear_object (&self->rejects_file);
  g_free (self->default_categories);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->roles);
  g_ptr_array_unref (self->preview_rows);
  g_free (self->preview_problem);
  desk_progress_end (&self->progress);

  G_OBJECT_CLASS (desk_account_import_parent_class)->finalize (object);
}

static void
desk_account_import_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskAccountImport *self = DESK_ACCOUNT_IMPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, desk_account_import_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_account_import_class_init (DeskAccountImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_account_import_finalize;
  object_class->get_property = desk_account_import_get_property;

  /**
   * DeskAccountImport:fraction:
   *
   * How much of the file has been read, from 0 to 1; notified on the thread that called
   * desk_account_import_run_async(), a few times a second.
   */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_account_import_init (DeskAccountImport *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->roles = g_array_new (FALSE, FALSE, sizeof (DeskImportColumn));
  self->preview_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->default_exposure = DESK_EXPOSURE_POTENTIAL;
  desk_progress_init (&self->progress, G_OBJECT (self), properties [PROP_FRACTION]);
}

DeskAccountImport *
desk_account_import_new (DeskStore    *store,
                         DeskIncident *incident,
                         GFile        *file)
{
  DeskAccountImport *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (DESK_TYPE_ACCOUNT_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->file = g_object_ref (file);

  return self;
}

GFile *
desk_account_import_get_file (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), NULL);

  return self->file;
}

void
desk_account_import_set_encoding (DeskAccountImport *self,
                                  DeskCsvEncoding    encoding)
{
  g_return_if_fail (DESK_IS_ACCOUNT_IMPORT (self));

  self->encoding = encoding;
}

/**
 * desk_account_import_get_encoding:
 *
 * Returns: the encoding set, or the one found by the last preview or run
 */
DeskCsvEncoding
desk_account_import_get_encoding (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), DESK_CSV_ENCODING_AUTO);

  return self->encoding;
}

/**
 * desk_account_import_set_default_exposure:
 *
 * The exposure of rows with no status (potential, unless set).
 */
void
desk_account_import_set_default_exposure (DeskAccountImport *self,
                                          DeskExposure       exposure)
{
  g_return_if_fail (DESK_IS_ACCOUNT_IMPORT (self));

  self->default_exposure = exposure;
}

/**
 * desk_account_import_set_default_categories:
 * @names: (nullable): category names separated by ';'
 *
 * The categories of rows with none.
 */
void
desk_account_import_set_default_categories (DeskAccountImport *self,
                                            const char        *names)
{
  g_return_if_fail (DESK_IS_ACCOUNT_IMPORT (self));

  g_free (self->default_categories);
  self->default_categories = g_strdup (names);
}

/**
 * desk_account_import_set_rejects_file:
 * @file: (nullable): where bad rows go, or %NULL to refuse a file with any
 *
 * With a rejects file, the good rows of a file are imported and the bad ones written to @file as
 * CSV, with their line and the reason.
 */
void
desk_account_import_set_rejects_file (DeskAccountImport *self,
                                      GFile             *file)
{
  g_return_if_fail (DESK_IS_ACCOUNT_IMPORT (self));

  g_set_object (&self->rejects_file, file);
}

/* }}} */
/* Header {{{ */

static DeskCsvReader *
open_reader (DeskAccountImport  *self,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (!(stream = g_file_read (self->file, cancellable, error)))
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         NULL);
  self->bytes_total = info != NULL ? (guint64) g_file_info_get_size (info) : 0;
  desk_progress_set (&self->progress, 0, self->bytes_total);

  return desk_csv_reader_new (G_INPUT_STREAM (stream), self->encoding);
}

static void
prefix_line (GError        **error,
             DeskCsvReader  *reader)
{
  g_prefix_error (error, _("Line %llu: "),
                  (unsigned long long) desk_csv_reader_get_line (reader));
}

/* Reads the header and matches its columns. */
static gboolean
read_header (DeskAccountImport  *self,
             DeskCsvReader      *reader,
             GCancellable       *cancellable,
             GError            **error)
{
  static const DeskImportColumn required[] = {
    DESK_IMPORT_COLUMN_ACCOUNT, DESK_IMPORT_COLUMN_CUSTOMER_ID,
  };

  g_ptr_array_set_size (self->columns, 0);
  g_array_set_size (self->roles, 0);
  for (guint i = 0; i < DESK_N_IMPORT_COLUMNS; i++)
    self->role_column[i] = -1;

  if (!desk_csv_reader_next (reader, cancellable, error))
    {
      if (error != NULL && *error != NULL && !desk_csv_error_is_fatal (*error))
        prefix_line (error, reader);
      return FALSE;
    }
  self->encoding = desk_csv_reader_get_encoding (reader);

  for (guint i = 0; i < desk_csv_reader_get_n_fields (reader); i++)
    {
      const char *name = g_strstrip (desk_csv_reader_get_field (reader, i));
      DeskImportColumn role = DESK_IMPORT_COLUMN_IGNORED;

      for (guint r = 1; r < DESK_N_IMPORT_COLUMNS; r++)
        if (g_ascii_strcasecmp (name, column_headers[r]) == 0)
          role = r;

      if (role != DESK_IMPORT_COLUMN_IGNORED && self->role_column[role] >= 0)
        {
          g_set_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_COLUMNS,
                       _("The column “%s” appears twice in the header"), column_headers[role]);
          return FALSE;
        }
      if (role != DESK_IMPORT_COLUMN_IGNORED)
        self->role_column[role] = (int) i;

      g_ptr_array_add (self->columns, g_strdup (name));
      g_array_append_val (self->roles, role);
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (self->role_column[required[i]] < 0)
      {
        g_autofree char *names = NULL;

        g_ptr_array_add (self->columns, NULL);
        names = g_strjoinv (", ", (char **) self->columns->pdata);
        g_set_error (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_COLUMNS,
                     _("The file has no “%s” column. Its first line should name the columns, "
                       "among them account and customer_id; it reads: %s"),
                     column_headers[required[i]], names);
        g_ptr_array_remove_index (self->columns, self->columns->len - 1);
        return FALSE;
      }

  return TRUE;
}

guint
desk_account_import_get_n_columns (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return self->columns->len;
}

const char *
desk_account_import_get_column_name (DeskAccountImport *self,
                                     guint              index)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, index);
}

DeskImportColumn
desk_account_import_get_column_role (DeskAccountImport *self,
                                     guint              index)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), DESK_IMPORT_COLUMN_IGNORED);
  g_return_val_if_fail (index < self->roles->len, DESK_IMPORT_COLUMN_IGNORED);

  return g_array_index (self->roles, DeskImportColumn, index);
}

/* }}} */
static gboolean
parse_exposure (const char   *text,
                DeskExposure *exposure)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DESK_TYPE_EXPOSURE);
  g_autofree char *nick = g_ascii_strdown (text, -1);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value != NULL)
    *exposure = value->value;

  return value != NULL;
}

/* Checks what can be checked of the current record without the database, stripping its fields
 * in place; the preview shows the same problems as the import. */
static gboolean
check_row (DeskAccountImport  *self,
           DeskCsvReader      *reader,
           DeskExposure       *exposure,
           GError            **reason)
{
  const int *column = self->role_column;
  const char *account, *contract_id;

  if (desk_csv_reader_get_n_fields (reader) != self->columns->len)
    {
      g_set_error (reason, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                   _("%u fields, but the header names %u"),
                   desk_csv_reader_get_n_fields (reader), self->columns->len);
      return FALSE;
    }

  /* An account list exported from Incident Desk imports as it was exported */
  for (guint i = 0; i < self->columns->len; i++)
    desk_csv_unguard_field (desk_csv_reader_get_field (reader, i));

  account = g_strstrip (desk_csv_reader_get_field (reader, column[DESK_IMPORT_COLUMN_ACCOUNT]));
  contract_id = g_strstrip (desk_csv_reader_get_field (reader,
                                                       column[DESK_IMPORT_COLUMN_CUSTOMER_ID]));
  if (*account == '\0')
    {
      g_set_error_literal (reason, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                           _("the account is empty"));
      return FALSE;
    }
  for (const char *p = account; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      {
        g_set_error_literal (reason, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                             _("the account holds a line break or another control character"));
        return FALSE;
      }
  if (*contract_id == '\0')
    {
      g_set_error_literal (reason, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                           _("the customer_id (contract) is empty"));
      return FALSE;
    }

  *exposure = self->default_exposure;
  if (column[DESK_IMPORT_COLUMN_STATUS] >= 0)
    {
      const char *status = g_strstrip (desk_csv_reader_get_field (reader,
                                                                  column[DESK_IMPORT_COLUMN_STATUS]));

      if (*status != '\0' && !parse_exposure (status, exposure))
        {
          g_set_error (reason, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                       _("the status “%s” is none of potential, confirmed and cleared"), status);
          return FALSE;
        }
    }

  return TRUE;
}

/* Preview {{{ */

/**
 * desk_account_import_preview:
 * @max_rows: how many rows to read after the header
 *
 * Reads the header and the first rows without writing anything: what a person checks before
 * importing. Fails if the file cannot be imported at all (unreadable, no required column); a bad
 * row among the first ones is left to desk_account_import_get_preview_problem().
 */
gboolean
desk_account_import_preview (DeskAccountImport  *self,
                             guint               max_rows,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(DeskCsvReader) reader = NULL;
  g_autoptr(GError) row_error = NULL;
  DeskExposure exposure;

  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), FALSE);

  g_ptr_array_set_size (self->preview_rows, 0);
  g_clear_pointer (&self->preview_problem, g_free);

  if (!(reader = open_reader (self, cancellable, error)) ||
      !read_header (self, reader, cancellable, error))
    return FALSE;

  while (self->preview_rows->len < max_rows)
    {
      GStrvBuilder *builder;

      if (!desk_csv_reader_next (reader, cancellable, &row_error))
        {
          if (row_error == NULL)
            break;
          if (desk_csv_error_is_fatal (row_error))
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              return FALSE;
            }
          prefix_line (&row_error, reader);
          if (self->preview_problem == NULL)
            self->preview_problem = g_strdup (row_error->message);
          g_clear_error (&row_error);
          continue;
        }

      builder = g_strv_builder_new ();
      for (guint i = 0; i < self->columns->len; i++)
        g_strv_builder_add (builder, i < desk_csv_reader_get_n_fields (reader)
                                     ? desk_csv_reader_get_field (reader, i) : "");
      g_ptr_array_add (self->preview_rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);

      if (self->preview_problem == NULL && !check_row (self, reader, &exposure, &row_error))
        {
          prefix_line (&row_error, reader);
          self->preview_problem = g_strdup (row_error->message);
          g_clear_error (&row_error);
        }
    }

  if (self->preview_rows->len == 0 && self->preview_problem == NULL)
    {
      g_set_error_literal (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header but no accounts"));
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_account_import_get_preview_rows:
 *
 * Returns: (transfer none) (element-type GStrv): the first rows, one string per column
 */
GPtrArray *
desk_account_import_get_preview_rows (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), NULL);

  return self->preview_rows;
}

/**
 * desk_account_import_get_preview_problem:
 *
 * Returns: (nullable): what is wrong with the first bad row of the preview
 */
const char *
desk_account_import_get_preview_problem (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), NULL);

  return self->preview_problem;
}

/* }}} */
/* Run {{{ */

typedef struct
{
  const char   *contract_id;  /* the key it is found by */
  char         *name;         /* as the file gives it */
  DeskAffected *affected;
  gint64        customer_id;
  gint64        categories;  /* of the accounts imported under it */
  gboolean      confirmed;
} Contract;

typedef enum
{
  ROW_OK,
  ROW_INVALID,
  ROW_FAILED,  /* the database failed: the import ends */
} RowResult;

typedef struct
{
  DeskAccountImport *self;
  DeskDatabase      *database;
  DeskCsvReader     *reader;
  gint64             incident_id;
  gint64             now;
  GHashTable        *contracts;       /* contract id → Contract */
  GHashTable        *category_bits;   /* case-folded name → bit */
  GHashTable        *category_masks;  /* a category field as written → gint64 mask */
  gint64             default_mask;
  DeskAccountWriter *writer;
  GArray            *pending;         /* PendingRow, to be written in key order */
  GStringChunk      *strings;         /* their text */
  GOutputStream     *rejects;
  gboolean           rejects_created; /* the rejects file is new, not a replacement */
  GString           *quoted_errors;
  gboolean           refused;         /* a bad row without a rejects file: validate only */
} Run;

/* A good row, read and waiting for the database. */
typedef struct
{
  const char   *identifier;
  Contract     *contract;
  const char   *categories;  /* the field as written, for the rejects file */
  gint64        mask;
  guint64       line;
  DeskExposure  exposure;
} PendingRow;

static void
contract_free (gpointer data)
{
  Contract *contract = data;

  g_clear_object (&contract->affected);
  g_free (contract->name);
  g_free (contract);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->contracts, g_hash_table_unref);
  g_clear_pointer (&run->category_bits, g_hash_table_unref);
  g_clear_pointer (&run->category_masks, g_hash_table_unref);
  g_clear_pointer (&run->writer, _desk_account_writer_free);
  g_clear_pointer (&run->pending, g_array_unref);
  g_clear_pointer (&run->strings, g_string_chunk_free);
  g_clear_object (&run->rejects);
  g_clear_object (&run->reader);
  if (run->quoted_errors != NULL)
    g_string_free (run->quoted_errors, TRUE);
}

static gboolean
count_accounts (Run      *run,
                gint64   *count,
                GError  **error)
{
  g_autoptr(DeskStatement) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = desk_database_prepare (run->database,
                                "SELECT coalesce (sum (n), 0) FROM account_counts"
                                " WHERE incident_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, run->incident_id);
  if (!desk_database_step (run->database, stmt, &has_row, error))
    return FALSE;

  *count = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
load_categories (Run     *run,
                 GError **error)
{
  g_autoptr(GPtrArray) categories = NULL;

  categories = desk_store_list (run->self->store, DESK_TYPE_CATEGORY, "incident-id",
                                run->incident_id, error);
  if (categories == NULL)
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      DeskRecord *category = g_ptr_array_index (categories, i);

      g_hash_table_insert (run->category_bits,
                           g_utf8_casefold (desk_record_get_string (category, "name"), -1),
                           GINT_TO_POINTER ((int) desk_record_get_int (category, "bit")));
    }

  return TRUE;
}

/* The mask of a category field ("a; b"), creating the categories the incident lacks. */
static gboolean
parse_categories (Run         *run,
                  const char  *field,
                  gint64      *mask,
                  GError     **error)
{
  g_auto(GStrv) names = NULL;
  gpointer cached;

  if (g_hash_table_lookup_extended (run->category_masks, field, NULL, &cached))
    {
      *mask = *(gint64 *) cached;
      return TRUE;
    }

  *mask = 0;
  names = g_strsplit (field, ";", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      g_autofree char *key = NULL;
      gpointer bit;

      if (*name == '\0')
        continue;

      key = g_utf8_casefold (name, -1);
      if (!g_hash_table_lookup_extended (run->category_bits, key, NULL, &bit))
        {
          g_autoptr(DeskCategory) category = desk_category_new (run->self->incident, name);

          if (!desk_store_save (run->self->store, DESK_RECORD (category), error))
            return FALSE;

          bit = GINT_TO_POINTER ((int) desk_record_get_int (DESK_RECORD (category), "bit"));
          g_hash_table_insert (run->category_bits, g_steal_pointer (&key), bit);
          run->self->n_new_categories++;
        }
      *mask |= G_GINT64_CONSTANT (1) << GPOINTER_TO_INT (bit);
    }

  g_hash_table_insert (run->category_masks, g_strdup (field), g_memdup2 (mask, sizeof *mask));
  return TRUE;
}

/* The incident's link to the contract @contract_id: the one it has, or a new or restored one
 * (customer included, if there is none on record). */
static Contract *
find_contract (Run         *run,
               const char  *contract_id,
               const char  *name,
               GError     **error)
{
  DeskAccountImport *self = run->self;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(GError) local_error = NULL;
  Contract *contract;

  if ((contract = g_hash_table_lookup (run->contracts, contract_id)) != NULL)
    return contract;

  customer = desk_store_find_customer (self->store, contract_id, &local_error);
  if (customer != NULL)
    affected = desk_store_find_affected (self->store, run->incident_id,
                                         desk_record_get_id (DESK_RECORD (customer)), error);
  else if (!g_error_matches (local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (error != NULL && *error != NULL)
    return NULL;

  if (affected == NULL)
    {
      gboolean known = customer != NULL;

      /* as entered: the store takes the customer on record with this contract ID, if any */
      g_clear_object (&customer);
      customer = desk_customer_new (contract_id, name != NULL && *name != '\0' ? name : NULL);
      affected = desk_affected_new (self->incident, customer);
      if (!desk_store_add_affected_customer (self->store, customer, affected, error))
        return NULL;
      if (!known)
        self->n_new_customers++;
    }

  contract = g_new0 (Contract, 1);
  contract->contract_id = g_strdup (contract_id);
  contract->name = g_strdup (name);
  contract->affected = g_steal_pointer (&affected);
  contract->customer_id = desk_record_get_id (DESK_RECORD (customer));
  g_hash_table_insert (run->contracts, (char *) contract->contract_id, contract);

  return contract;
}

/* Writes a bad row to the rejects file: line, reason, then the row's fields (none when the
 * record could not even be split into fields). */
static gboolean
reject_row (Run                *run,
            const GError       *reason,
            guint64             line_number,
            const char * const *fields,
            guint               n_fields,
            GError            **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *number = g_strdup_printf ("%llu", (unsigned long long) line_number);

  desk_csv_append_field (line, number);
  g_string_append_c (line, ',');
  desk_csv_append_field (line, reason->message);
  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append_c (line, ',');
      desk_csv_append_field (line, fields[i]);
    }
  g_string_append (line, "\r\n");

  return g_output_stream_write_all (run->rejects, line->str, line->len, NULL, NULL, error);
}

/* A bad row: written to the rejects file, or quoted in the error that refuses the file. */
static gboolean
row_invalid (Run                *run,
             GError             *reason,
             guint64             line,
             const char * const *fields,
             guint               n_fields,
             GError            **error)
{
  g_autoptr(GError) owned = reason;

  run->self->n_rejected++;

  if (run->rejects != NULL)
    return reject_row (run, reason, line, fields, n_fields, error);

  run->refused = TRUE;
  if (run->self->n_rejected <= DESK_IMPORT_MAX_QUOTED_ERRORS)
    {
      g_string_append_c (run->quoted_errors, '\n');
      g_string_append_printf (run->quoted_errors, _("Line %llu: %s"), (unsigned long long) line,
                              reason->message);
    }

  return TRUE;
}

/* A bad record as the reader has it. */
static gboolean
record_invalid (Run      *run,
                GError   *reason,
                gboolean  has_fields,
                GError  **error)
{
  guint n_fields = has_fields ? desk_csv_reader_get_n_fields (run->reader) : 0;
  g_autofree const char **fields = g_new0 (const char *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    fields[i] = desk_csv_reader_get_field (run->reader, i);

  return row_invalid (run, reason, desk_csv_reader_get_line (run->reader), fields, n_fields,
                      error);
}

/* A row refused by the database after it was read: its fields are rebuilt from what was kept. */
static gboolean
pending_invalid (Run              *run,
                 GError           *reason,
                 const PendingRow *row,
                 GError          **error)
{
  DeskAccountImport *self = run->self;
  g_autoptr(GEnumClass) exposures = g_type_class_ref (DESK_TYPE_EXPOSURE);
  g_autofree const char **fields = g_new0 (const char *, self->columns->len + 1);

  for (guint i = 0; i < self->columns->len; i++)
    switch (g_array_index (self->roles, DeskImportColumn, i))
      {
      case DESK_IMPORT_COLUMN_ACCOUNT:
        fields[i] = row->identifier;
        break;
      case DESK_IMPORT_COLUMN_CUSTOMER_ID:
        fields[i] = row->contract->contract_id;
        break;
      case DESK_IMPORT_COLUMN_CUSTOMER_NAME:
        fields[i] = row->contract->name;
        break;
      case DESK_IMPORT_COLUMN_CATEGORY:
        fields[i] = row->categories;
        break;
      case DESK_IMPORT_COLUMN_STATUS:
        fields[i] = g_enum_get_value (exposures, row->exposure)->value_nick;
        break;
      case DESK_IMPORT_COLUMN_IGNORED:
      default:
        fields[i] = NULL;
      }

  return row_invalid (run, reason, row->line, fields, self->columns->len, error);
}

/* Checks the current record and queues it for the database. */
static RowResult
read_row (Run     *run,
          GError **reason,
          GError **error)
{
  DeskAccountImport *self = run->self;
  DeskCsvReader *reader = run->reader;
  const int *column = self->role_column;
  const char *account, *contract_id, *name = NULL, *categories = NULL;
  DeskExposure exposure = self->default_exposure;
  gint64 mask = run->default_mask;
  PendingRow row;
  g_autoptr(GError) local_error = NULL;

  if (!check_row (self, reader, &exposure, reason))
    return ROW_INVALID;

  account = desk_csv_reader_get_field (reader, column[DESK_IMPORT_COLUMN_ACCOUNT]);
  contract_id = desk_csv_reader_get_field (reader, column[DESK_IMPORT_COLUMN_CUSTOMER_ID]);

  if (column[DESK_IMPORT_COLUMN_CUSTOMER_NAME] >= 0)
    name = g_strstrip (desk_csv_reader_get_field (reader,
                                                  column[DESK_IMPORT_COLUMN_CUSTOMER_NAME]));

  /* After a bad row nothing will be kept: the rest is only checked */
  if (run->refused)
    return ROW_OK;

  if (column[DESK_IMPORT_COLUMN_CATEGORY] >= 0)
    {
      categories = desk_csv_reader_get_field (reader, column[DESK_IMPORT_COLUMN_CATEGORY]);

      if (*categories == '\0')
        categories = NULL;
      else if (!parse_categories (run, categories, &mask, &local_error))
        {
          /* too many categories: the row's fault, not the database's */
          if (g_error_matches (local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID))
            {
              g_propagate_error (reason, g_steal_pointer (&local_error));
              return ROW_INVALID;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return ROW_FAILED;
        }
    }

  row.contract = find_contract (run, contract_id, name, error);
  if (row.contract == NULL)
    return ROW_FAILED;

  row.identifier = g_string_chunk_insert (run->strings, account);
  row.categories = categories != NULL ? g_string_chunk_insert_const (run->strings, categories)
                                      : NULL;
  row.mask = mask;
  row.exposure = exposure;
  row.line = desk_csv_reader_get_line (reader);
  g_array_append_val (run->pending, row);

  return ROW_OK;
}

/* SQLite's own NOCASE order, the order of the accounts' key */
static int
compare_pending (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return sqlite3_stricmp (((const PendingRow *) a)->identifier,
                          ((const PendingRow *) b)->identifier);
}

/* Whether a later row of the file clears the account of row @index: the later finding wins,
 * and only an account that stays confirmed confirms its contract. Sorted, the rows of one
 * account are next to each other. */
static gboolean
cleared_later (GArray *pending,
               guint   index)
{
  const PendingRow *row = &g_array_index (pending, PendingRow, index);

  for (guint i = index + 1; i < pending->len; i++)
    {
      const PendingRow *next = &g_array_index (pending, PendingRow, i);

      if (sqlite3_stricmp (next->identifier, row->identifier) != 0)
        return FALSE;
      if (next->contract == row->contract && next->exposure == DESK_EXPOSURE_CLEARED)
        return TRUE;
    }

  return FALSE;
}

/* Writes the queued rows. Sorted by key, a batch goes through the account index in one sweep
 * instead of jumping around a tree larger than the cache. The sort is stable: of two rows with
 * the same account, the later one is still applied last. */
static gboolean
flush_pending (Run           *run,
               GCancellable  *cancellable,
               GError       **error)
{
  GArray *pending = run->pending;

  g_qsort_with_data (pending->data, (int) pending->len, sizeof (PendingRow), compare_pending,
                     NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingRow *row = &g_array_index (pending, PendingRow, i);
      g_autoptr(GError) local_error = NULL;

      if (i % CHECK_INTERVAL == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (_desk_account_writer_add (run->writer, row->identifier, row->contract->customer_id,
                                    row->exposure, row->mask, &local_error) == DESK_ACCOUNT_FAILED)
        {
          /* the row's fault: an account under another contract, or with a control character */
          if (!g_error_matches (local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE) &&
              !g_error_matches (local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!pending_invalid (run, g_steal_pointer (&local_error), row, error))
            return FALSE;
          continue;
        }

      row->contract->categories |= row->mask;
      row->contract->confirmed |= row->exposure == DESK_EXPOSURE_CONFIRMED &&
                                  !cleared_later (pending, i);
    }

  g_array_set_size (pending, 0);
  g_string_chunk_clear (run->strings);

  return TRUE;
}

/* The figures the import leaves behind: counts, contracts and the timeline entry. */
static gboolean
finish_run (Run      *run,
            gint64    accounts_before,
            GError  **error)
{
  DeskAccountImport *self = run->self;
  g_autoptr(DeskEvent) event = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GHashTableIter iter;
  Contract *contract;
  gint64 accounts_after;

  if (!_desk_account_writer_finish (run->writer, error))
    return FALSE;

  g_hash_table_iter_init (&iter, run->contracts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &contract))
    if (!_desk_store_roll_up_contract (self->store, contract->affected, contract->categories,
                                       contract->confirmed, error))
      return FALSE;

  if (!count_accounts (run, &accounts_after, error))
    return FALSE;

  self->n_added = (guint64) (accounts_after - accounts_before);
  self->n_contracts = g_hash_table_size (run->contracts);

  /* The figure history keeps the counts each import left, with the file they came from. */
  name = g_file_get_basename (self->file);
  if (!_desk_store_add_import_figure (self->store, self->incident, name, error))
    return FALSE;

  text = desk_account_import_describe_result (self);
  event = desk_event_new (self->incident, run->now, text);
  desk_record_set_string (DESK_RECORD (event), "actor", desk_store_get_actor (self->store));

  return desk_store_save (self->store, DESK_RECORD (event), error);
}

static gboolean
import_rows (Run           *run,
             GCancellable  *cancellable,
             GError       **error)
{
  DeskAccountImport *self = run->self;

  for (;;)
    {
      g_autoptr(GError) reason = NULL;
      gboolean has_fields = TRUE;
      RowResult result;

      if (self->n_rows % CHECK_INTERVAL == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          desk_progress_set (&self->progress, desk_csv_reader_get_bytes_read (run->reader),
                             self->bytes_total);
        }

      if (!desk_csv_reader_next (run->reader, cancellable, &reason))
        {
          if (reason == NULL)
            break;
          if (desk_csv_error_is_fatal (reason))
            {
              g_propagate_error (error, g_steal_pointer (&reason));
              return FALSE;
            }
          has_fields = FALSE;
          result = ROW_INVALID;
        }
      else
        result = read_row (run, &reason, error);

      self->n_rows++;
      if (result == ROW_FAILED ||
          (result == ROW_INVALID &&
           !record_invalid (run, g_steal_pointer (&reason), has_fields, error)))
        return FALSE;

      if (run->pending->len == BATCH_ROWS && !flush_pending (run, cancellable, error))
        return FALSE;
    }

  return flush_pending (run, cancellable, error);
}

static gboolean
open_rejects (Run           *run,
              GCancellable  *cancellable,
              GError       **error)
{
  DeskAccountImport *self = run->self;
  g_autoptr(GString) header = g_string_new (NULL);

  /* private: the rows name compromised accounts */
  run->rejects_created = !g_file_query_exists (self->rejects_file, cancellable);
  run->rejects = G_OUTPUT_STREAM (g_file_replace (self->rejects_file, NULL, FALSE,
                                                  G_FILE_CREATE_PRIVATE |
                                                  G_FILE_CREATE_REPLACE_DESTINATION,
                                                  cancellable, error));
  if (run->rejects == NULL)
    return FALSE;

  /* The header is the file's own, after the line and the reason */
  g_string_append (header, "line,reason");
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_string_append_c (header, ',');
      desk_csv_append_field (header, g_ptr_array_index (self->columns, i));
    }
  g_string_append (header, "\r\n");

  return g_output_stream_write_all (run->rejects, header->str, header->len, NULL, cancellable,
                                    error);
}

/* Ends the rejects file: kept if the import is, dropped otherwise. */
static gboolean
close_rejects (Run       *run,
               gboolean   keep,
               GError   **error)
{
  g_autoptr(GCancellable) abandon = NULL;

  if (run->rejects == NULL)
    return TRUE;

  /* A replace that is cancelled while closing removes its temporary file, and leaves the file
   * it would have replaced as it was; but a new file is written in place, and must go */
  if (!keep)
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (run->rejects, abandon, NULL);
      if (run->rejects_created)
        g_file_delete (run->self->rejects_file, NULL, NULL);
      return TRUE;
    }

  return g_output_stream_close (run->rejects, NULL, error);
}

/**
 * desk_account_import_run:
 *
 * Imports the file. On any error, and on cancellation, the database is left as it was.
 */
gboolean
desk_account_import_run (DeskAccountImport  *self,
                         GCancellable       *cancellable,
                         GError            **error)
{
  Run run = { .self = self };
  gint64 started = g_get_monotonic_time ();
  g_autoptr(GError) local_error = NULL;
  gint64 accounts_before = 0;
  int cache_kib = 0;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), FALSE);

  self->n_rows = self->n_added = self->n_rejected = 0;
  self->n_new_customers = self->n_new_categories = self->n_contracts = 0;

  run.database = desk_store_get_database (self->store);
  run.incident_id = desk_record_get_id (DESK_RECORD (self->incident));
  run.now = desk_store_now (self->store);
  run.contracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, contract_free);
  run.category_bits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.category_masks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.quoted_errors = g_string_new (NULL);
  run.pending = g_array_sized_new (FALSE, FALSE, sizeof (PendingRow), BATCH_ROWS);
  run.strings = g_string_chunk_new (1024 * 1024);

  if (!(run.reader = open_reader (self, cancellable, &local_error)) ||
      !read_header (self, run.reader, cancellable, &local_error) ||
      (self->rejects_file != NULL && !open_rejects (&run, cancellable, &local_error)))
    {
      close_rejects (&run, FALSE, NULL);
      run_clear (&run);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!desk_database_begin (run.database, &local_error))
    {
      close_rejects (&run, FALSE, NULL);
      run_clear (&run);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cache_kib = desk_database_set_cache_size (run.database, IMPORT_CACHE_KIB);

  ok = count_accounts (&run, &accounts_before, &local_error) &&
       load_categories (&run, &local_error) &&
       (self->default_categories == NULL ||
        parse_categories (&run, self->default_categories, &run.default_mask, &local_error)) &&
       (run.writer = _desk_account_writer_new (self->store, run.incident_id, &local_error)) != NULL;

  if (ok)
    {
      ok = import_rows (&run, cancellable, &local_error);
      g_debug ("%llu rows read and written after %.2f s", (unsigned long long) self->n_rows,
               (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
    }

  if (ok && self->n_rows == 0)
    {
      g_set_error_literal (&local_error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header but no accounts"));
      ok = FALSE;
    }

  if (ok && run.refused)
    {
      g_set_error (&local_error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_INVALID_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was imported: %llu row is not valid.%s",
                                "Nothing was imported: %llu rows are not valid.%s",
                                self->n_rejected),
                   (unsigned long long) self->n_rejected, run.quoted_errors->str);
      ok = FALSE;
    }

  ok = ok && finish_run (&run, accounts_before, &local_error);
  desk_database_set_cache_size (run.database, cache_kib);
  g_debug ("Counts and contracts updated after %.2f s",
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  if (!ok || !desk_database_commit (run.database, &local_error))
    {
      desk_database_rollback (run.database);
      close_rejects (&run, FALSE, NULL);
      run_clear (&run);
      self->n_added = 0;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A large import leaves a write-ahead log as large as what it wrote: move it into the database
   * now, while the person waits for the import anyway, rather than on the next opening. A busy
   * reader only makes this do less. */
  g_debug ("Committed after %.2f s", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  desk_database_exec (run.database, "PRAGMA wal_checkpoint (TRUNCATE)", NULL);
  g_debug ("Checkpointed after %.2f s",
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  desk_progress_set (&self->progress, self->bytes_total, self->bytes_total);
  ok = close_rejects (&run, TRUE, error);
  run_clear (&run);

  return ok;
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (desk_account_import_run (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * desk_account_import_run_async:
 *
 * Imports the file on a worker thread; #DeskAccountImport:fraction is notified on the thread
 * default main context of the caller meanwhile.
 */
void
desk_account_import_run_async (DeskAccountImport   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_ACCOUNT_IMPORT (self));

  desk_progress_begin (&self->progress);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_account_import_run_async);
  /* A Cancel that arrives after the commit must not report the committed import as cancelled */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, run_worker);
}

gboolean
desk_account_import_run_finish (DeskAccountImport  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* the worker is done: no more progress to tell */
  desk_progress_end (&self->progress);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
desk_account_import_get_fraction (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return desk_progress_get (&self->progress);
}

/* }}} */
/* Results {{{ */

/**
 * desk_account_import_get_n_rows:
 *
 * Returns: how many rows the last run read, bad ones included
 */
guint64
desk_account_import_get_n_rows (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return self->n_rows;
}

/**
 * desk_account_import_get_n_added:
 *
 * Returns: how many accounts the incident gained; the other good rows updated accounts it had
 */
guint64
desk_account_import_get_n_added (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return self->n_added;
}

guint64
desk_account_import_get_n_rejected (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return self->n_rejected;
}

guint
desk_account_import_get_n_new_customers (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return self->n_new_customers;
}

guint
desk_account_import_get_n_new_categories (DeskAccountImport *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), 0);

  return self->n_new_categories;
}

/**
 * desk_account_import_describe_result:
 *
 * Returns: (transfer full): one sentence on what the last successful run did, for the timeline,
 *   a toast or the command line
 */
char *
desk_account_import_describe_result (DeskAccountImport *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *rows = NULL, *contracts = NULL, *added = NULL, *accounts = NULL;
  g_autofree char *good_text = NULL, *contracts_text = NULL, *added_text = NULL;
  g_autofree char *rejected = NULL, *rejected_text = NULL;
  guint64 good;

  g_return_val_if_fail (DESK_IS_ACCOUNT_IMPORT (self), NULL);

  basename = g_file_get_basename (self->file);
  good = self->n_rows - self->n_rejected;

  good_text = desk_format_count (good);
  contracts_text = desk_format_count (self->n_contracts);
  added_text = desk_format_count (self->n_added);
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account row", "%s account rows", good),
                          good_text);
  contracts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s contract", "%s contracts",
                                            self->n_contracts), contracts_text);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new account", "%s new accounts",
                                        self->n_added), added_text);
  /* Translators: e.g. "Imported 4,072,650 account rows from list.csv for 586 contracts
   * (4,072,650 new accounts)" */
  accounts = g_strdup_printf (_("Imported %s from %s for %s (%s)"), rows, basename, contracts,
                              added);
  if (self->n_rejected == 0)
    return g_steal_pointer (&accounts);

  rejected_text = desk_format_count (self->n_rejected);
  rejected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s bad row set aside",
                                           "%s bad rows set aside", self->n_rejected),
                              rejected_text);
  return g_strdup_printf ("%s; %s", accounts, rejected);
}

/* }}} */
