/* desk-sync-server.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-sync-storage.h"
#include "desk-sync-tokens.h"

G_BEGIN_DECLS

/* Writes one line of the server's log (no line feed); it never holds a token or an account. */
typedef void (*DeskSyncLogFunc) (const char *line,
                                 gpointer    user_data);

#define DESK_TYPE_SYNC_SERVER (desk_sync_server_get_type())

G_DECLARE_FINAL_TYPE (DeskSyncServer, desk_sync_server, DESK, SYNC_SERVER, GObject)

DeskSyncServer *desk_sync_server_new          (DeskSyncStorage  *storage,
                                               DeskSyncTokens   *tokens);
void            desk_sync_server_set_log_func (DeskSyncServer   *self,
                                               DeskSyncLogFunc   func,
                                               gpointer          user_data);
void            desk_sync_server_set_timeouts (DeskSyncServer   *self,
                                               guint             idle_seconds,
                                               guint             request_seconds);
gboolean        desk_sync_server_listen       (DeskSyncServer   *self,
                                               const char       *address,
                                               GTlsCertificate  *certificate,
                                               GError          **error);
char           *desk_sync_server_get_url      (DeskSyncServer   *self);
void            desk_sync_server_disconnect   (DeskSyncServer   *self);

G_END_DECLS
