/* desk-account-import.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_IMPORT_ERROR (desk_import_error_quark ())

typedef enum
{
  DESK_IMPORT_ERROR_COLUMNS,       /* a required column is missing, or named twice */
  DESK_IMPORT_ERROR_NO_ROWS,       /* a header and nothing else */
  DESK_IMPORT_ERROR_INVALID_ROWS,  /* bad rows, and no rejects file to put them in */
} DeskImportError;

/* How many of a file's bad rows an error message quotes. */
#define DESK_IMPORT_MAX_QUOTED_ERRORS 5

#define DESK_TYPE_ACCOUNT_IMPORT (desk_account_import_get_type())

G_DECLARE_FINAL_TYPE (DeskAccountImport, desk_account_import, DESK, ACCOUNT_IMPORT, GObject)

GQuark             desk_import_error_quark                 (void);
const char        *desk_import_column_get_header           (DeskImportColumn    column);

DeskAccountImport *desk_account_import_new                 (DeskStore          *store,
                                                            DeskIncident       *incident,
                                                            GFile              *file);
GFile             *desk_account_import_get_file            (DeskAccountImport  *self);
void               desk_account_import_set_encoding        (DeskAccountImport  *self,
                                                            DeskCsvEncoding     encoding);
DeskCsvEncoding    desk_account_import_get_encoding        (DeskAccountImport  *self);
void               desk_account_import_set_default_exposure (DeskAccountImport *self,
                                                            DeskExposure        exposure);
void               desk_account_import_set_default_categories (DeskAccountImport *self,
                                                            const char         *names);
void               desk_account_import_set_rejects_file    (DeskAccountImport  *self,
                                                            GFile              *file);

gboolean           desk_account_import_preview             (DeskAccountImport  *self,
                                                            guint               max_rows,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
guint              desk_account_import_get_n_columns       (DeskAccountImport  *self);
const char        *desk_account_import_get_column_name     (DeskAccountImport  *self,
                                                            guint               index);
DeskImportColumn   desk_account_import_get_column_role     (DeskAccountImport  *self,
                                                            guint               index);
GPtrArray         *desk_account_import_get_preview_rows    (DeskAccountImport  *self);
const char        *desk_account_import_get_preview_problem (DeskAccountImport  *self);

gboolean           desk_account_import_run                 (DeskAccountImport  *self,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
void               desk_account_import_run_async           (DeskAccountImport  *self,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean           desk_account_import_run_finish          (DeskAccountImport  *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);
double             desk_account_import_get_fraction        (DeskAccountImport  *self);

guint64            desk_account_import_get_n_rows          (DeskAccountImport  *self);
guint64            desk_account_import_get_n_added         (DeskAccountImport  *self);
guint64            desk_account_import_get_n_rejected      (DeskAccountImport  *self);
guint              desk_account_import_get_n_new_customers (DeskAccountImport  *self);
guint              desk_account_import_get_n_new_categories (DeskAccountImport *self);
char              *desk_account_import_describe_result     (DeskAccountImport  *self);

G_END_DECLS
