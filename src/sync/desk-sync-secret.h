/* desk-sync-secret.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DESK_TYPE_SYNC_SECRET (desk_sync_secret_get_type())

G_DECLARE_FINAL_TYPE (DeskSyncSecret, desk_sync_secret, DESK, SYNC_SECRET, GObject)

DeskSyncSecret *desk_sync_secret_get_default       (void);
const char     *desk_sync_secret_get_keyring_error (DeskSyncSecret       *self);

void            desk_sync_secret_store_async       (DeskSyncSecret       *self,
                                                    const char           *endpoint,
                                                    const char           *token,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        desk_sync_secret_store_finish      (DeskSyncSecret       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void            desk_sync_secret_lookup_async      (DeskSyncSecret       *self,
                                                    const char           *endpoint,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char           *desk_sync_secret_lookup_finish     (DeskSyncSecret       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void            desk_sync_secret_clear_async       (DeskSyncSecret       *self,
                                                    const char           *endpoint,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        desk_sync_secret_clear_finish      (DeskSyncSecret       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            desk_sync_secret_free_token        (char                 *token);

G_END_DECLS
