/* desk-sync-client.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-store.h"
#include "desk-sync-enum-types.h"
#include "desk-sync-enums.h"

G_BEGIN_DECLS

/**
 * DeskSyncReport:
 * @pushed_changes: changes the server acknowledged
 * @pushed_accounts: accounts the server acknowledged
 * @pulled_changes: changes applied from the server
 * @pulled_accounts: accounts merged from the server
 * @conflicts: conflicts the server reported
 *
 * What the last sync did.
 */
typedef struct
{
  guint64 pushed_changes;
  guint64 pushed_accounts;
  guint64 pulled_changes;
  guint64 pulled_accounts;
  guint64 conflicts;
} DeskSyncReport;

/* Waits @microseconds unless @cancellable is cancelled first; tests pass one that does not wait. */
typedef void   (*DeskSyncSleepFunc)  (guint64       microseconds,
                                      GCancellable *cancellable,
                                      gpointer      user_data);
/* Returns a number in [0, 1). */
typedef double (*DeskSyncRandomFunc) (gpointer      user_data);

#define DESK_TYPE_SYNC_CLIENT (desk_sync_client_get_type())

G_DECLARE_FINAL_TYPE (DeskSyncClient, desk_sync_client, DESK, SYNC_CLIENT, GObject)

DeskSyncClient *desk_sync_client_new              (DeskStore            *store);
DeskStore      *desk_sync_client_get_store        (DeskSyncClient       *self);
const char     *desk_sync_client_get_endpoint     (DeskSyncClient       *self);
void            desk_sync_client_set_endpoint     (DeskSyncClient       *self,
                                                   const char           *endpoint);
void            desk_sync_client_set_token        (DeskSyncClient       *self,
                                                   const char           *token);
const char     *desk_sync_client_get_ca_file      (DeskSyncClient       *self);
void            desk_sync_client_set_ca_file      (DeskSyncClient       *self,
                                                   const char           *ca_file);
guint           desk_sync_client_get_timeout      (DeskSyncClient       *self);
void            desk_sync_client_set_timeout      (DeskSyncClient       *self,
                                                   guint                 seconds);
void            desk_sync_client_set_batch_sizes  (DeskSyncClient       *self,
                                                   guint                 changes,
                                                   guint                 accounts);
void            desk_sync_client_set_retries      (DeskSyncClient       *self,
                                                   guint                 max_retries,
                                                   DeskSyncSleepFunc     sleep,
                                                   DeskSyncRandomFunc    random,
                                                   gpointer              user_data);

DeskSyncState   desk_sync_client_get_state        (DeskSyncClient       *self);
double          desk_sync_client_get_progress     (DeskSyncClient       *self);
const char     *desk_sync_client_get_message      (DeskSyncClient       *self);
gint64          desk_sync_client_get_last_sync    (DeskSyncClient       *self);
gint64          desk_sync_client_get_n_conflicts  (DeskSyncClient       *self);
gint64          desk_sync_client_get_n_pending    (DeskSyncClient       *self);
const DeskSyncReport *desk_sync_client_get_report (DeskSyncClient       *self);
gboolean        desk_sync_client_refresh          (DeskSyncClient       *self,
                                                   GError              **error);

gboolean        desk_sync_client_sync             (DeskSyncClient       *self,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void            desk_sync_client_sync_async       (DeskSyncClient       *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        desk_sync_client_sync_finish      (DeskSyncClient       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

gboolean        desk_sync_check_endpoint          (const char           *endpoint,
                                                   GError              **error);
guint64         desk_sync_backoff_delay           (guint                 attempt,
                                                   double                random);

G_END_DECLS
