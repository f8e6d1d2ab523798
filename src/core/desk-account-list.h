/* desk-account-list.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-account-row.h"
#include "desk-database.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACCOUNT_LIST (desk_account_list_get_type())

G_DECLARE_FINAL_TYPE (DeskAccountList, desk_account_list, DESK, ACCOUNT_LIST, GObject)

DeskAccountList *desk_account_list_new         (DeskDatabase         *database,
                                                gint64                incident_id,
                                                gint64                customer_id,
                                                const char           *text,
                                                DeskAccountMatch      match,
                                                GCancellable         *cancellable,
                                                GError              **error);
void             desk_account_list_new_async   (DeskDatabase         *database,
                                                gint64                incident_id,
                                                gint64                customer_id,
                                                const char           *text,
                                                DeskAccountMatch      match,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
DeskAccountList *desk_account_list_new_finish  (GAsyncResult         *result,
                                                GError              **error);
gint64           desk_account_list_get_incident_id (DeskAccountList *self);
gint64           desk_account_list_get_customer_id (DeskAccountList *self);
const char      *desk_account_list_get_text    (DeskAccountList      *self);
DeskAccountMatch desk_account_list_get_match   (DeskAccountList      *self);

G_END_DECLS
