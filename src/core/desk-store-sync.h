/* desk-store-sync.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "desk-conflict.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* What the sync layer (src/sync) asks of the store: the outbox, applying what the server sent,
 * the sync state and the conflicts. The wire format is docs/sync-api.md; values here are already
 * in it (records named by UUID). */

/* Keys of the sync state (table sync_state). */
#define DESK_SYNC_KEY_SERVER         "server"              /* text: the server's UUID */
#define DESK_SYNC_KEY_PULLED         "pulled_revision"     /* last log revision applied */
#define DESK_SYNC_KEY_PUSHED_AUDIT   "pushed_audit_id"     /* last audit line acknowledged */
#define DESK_SYNC_KEY_PUSH_REMOTE    "push_remote"         /* 1: push received lines too */
#define DESK_SYNC_KEY_ACCOUNT_GEN    "account_gen"         /* last account change number */
#define DESK_SYNC_KEY_PUSHED_GEN     "pushed_account_gen"  /* pushed up to this number */
#define DESK_SYNC_KEY_LAST_SYNC      "last_sync"           /* time of the last good sync */

/**
 * DeskSyncAccount:
 * @identifier: the account
 * @customer: the customer's local id, or its index in a page's customers
 * @categories: local category bits, or bits of a page's categories
 * @exposure: a #DeskExposure
 * @found_at: when the exposure was found; 0 for %DESK_EXPOSURE_POTENTIAL
 *
 * An affected account as it travels: its whole state.
 */
typedef struct
{
  const char *identifier;
  gint64      customer;
  gint64      categories;
  int         exposure;
  gint64      found_at;
} DeskSyncAccount;

/**
 * DeskSyncAccountCursor:
 * @incident_id: the incident whose accounts are being read
 * @findings: %FALSE while reading accounts that changed, %TRUE for those whose finding only did
 * @after: the last identifier read, "" at the start of a phase
 *
 * Where a push of accounts is.
 */
typedef struct
{
  gint64   incident_id;
  gboolean findings;
  char    *after;
} DeskSyncAccountCursor;

gboolean    desk_store_sync_get_int         (DeskStore              *self,
                                             const char             *key,
                                             gint64                 *value,
                                             GError                **error);
gboolean    desk_store_sync_set_int         (DeskStore              *self,
                                             const char             *key,
                                             gint64                  value,
                                             GError                **error);
gboolean    desk_store_sync_get_text        (DeskStore              *self,
                                             const char             *key,
                                             char                  **value,
                                             GError                **error);
gboolean    desk_store_sync_set_text        (DeskStore              *self,
                                             const char             *key,
                                             const char             *value,
                                             GError                **error);

JsonArray  *desk_store_sync_read_outbox     (DeskStore              *self,
                                             gint64                  after,
                                             gint64                  up_to,
                                             guint                   limit,
                                             gint64                 *last,
                                             GError                **error);
gboolean    desk_store_sync_count_outbox    (DeskStore              *self,
                                             gint64                 *n_changes,
                                             GError                **error);
gboolean    desk_store_sync_apply_change    (DeskStore              *self,
                                             JsonObject             *entry,
                                             gboolean               *applied,
                                             GError                **error);

GArray     *desk_store_sync_read_accounts   (DeskStore              *self,
                                             DeskSyncAccountCursor  *cursor,
                                             gint64                  above,
                                             gint64                  up_to,
                                             guint                   limit,
                                             GStringChunk           *strings,
                                             GError                **error);
gboolean    desk_store_sync_next_incident   (DeskStore              *self,
                                             DeskSyncAccountCursor  *cursor,
                                             gboolean               *found,
                                             GError                **error);
char       *desk_store_sync_uuid_of         (DeskStore              *self,
                                             GType                   type,
                                             gint64                  id,
                                             GError                **error);
GPtrArray  *desk_store_sync_category_uuids  (DeskStore              *self,
                                             gint64                  incident_id,
                                             GError                **error);
gboolean    desk_store_sync_apply_accounts  (DeskStore              *self,
                                             const char             *incident,
                                             GPtrArray              *customers,
                                             GPtrArray              *categories,
                                             GArray                 *accounts,
                                             GError                **error);
gboolean    desk_store_sync_finish_accounts (DeskStore              *self,
                                             GError                **error);

gboolean    desk_store_sync_add_conflict    (DeskStore              *self,
                                             const char             *kind,
                                             const char             *record,
                                             const char             *field,
                                             JsonNode               *base,
                                             JsonNode               *local,
                                             JsonNode               *remote,
                                             GError                **error);
GPtrArray  *desk_store_sync_list_conflicts  (DeskStore              *self,
                                             GError                **error);
gboolean    desk_store_sync_count_conflicts (DeskStore              *self,
                                             gint64                 *n_conflicts,
                                             GError                **error);
gboolean    desk_store_sync_resolve_conflict (DeskStore             *self,
                                             gint64                  id,
                                             gboolean                take_local,
                                             GError                **error);
void        desk_store_sync_list_conflicts_async (DeskStore         *self,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
GPtrArray  *desk_store_sync_list_conflicts_finish (DeskStore        *self,
                                             GAsyncResult           *result,
                                             GError                **error);
void        desk_store_sync_resolve_conflict_async (DeskStore       *self,
                                             gint64                  id,
                                             gboolean                take_local,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
gboolean    desk_store_sync_resolve_conflict_finish (DeskStore      *self,
                                             GAsyncResult           *result,
                                             GError                **error);

gboolean    desk_store_sync_reset           (DeskStore              *self,
                                             const char             *server,
                                             GError                **error);

void        desk_sync_account_cursor_clear  (DeskSyncAccountCursor  *cursor);
char       *desk_sync_canonical_json        (JsonNode               *node);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskSyncAccountCursor, desk_sync_account_cursor_clear)

G_END_DECLS
