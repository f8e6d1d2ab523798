/* desk-account-export.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-export-enums.h"
#include "desk-export-enum-types.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACCOUNT_EXPORT (desk_account_export_get_type())

G_DECLARE_FINAL_TYPE (DeskAccountExport, desk_account_export, DESK, ACCOUNT_EXPORT, GObject)

gboolean           desk_account_export_supports       (DeskExportFormat     format);
DeskAccountExport *desk_account_export_new            (DeskStore           *store,
                                                       DeskIncident        *incident,
                                                       DeskExportFormat     format);
void               desk_account_export_set_customer   (DeskAccountExport   *self,
                                                       DeskCustomer        *customer);
gboolean           desk_account_export_write          (DeskAccountExport   *self,
                                                       GOutputStream       *stream,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
gboolean           desk_account_export_save           (DeskAccountExport   *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void               desk_account_export_save_async     (DeskAccountExport   *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           desk_account_export_save_finish    (DeskAccountExport   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
double             desk_account_export_get_fraction   (DeskAccountExport   *self);
guint64            desk_account_export_get_n_accounts (DeskAccountExport   *self);

G_END_DECLS
