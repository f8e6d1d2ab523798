/* desk-sync-tokens.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DeskSyncRole:
 * @DESK_SYNC_ROLE_NONE: no access
 * @DESK_SYNC_ROLE_READ: may pull
 * @DESK_SYNC_ROLE_WRITE: may pull and push
 */
typedef enum
{
  DESK_SYNC_ROLE_NONE,
  DESK_SYNC_ROLE_READ,
  DESK_SYNC_ROLE_WRITE,
} DeskSyncRole;

/* Shorter tokens are too easy to guess. */
#define DESK_SYNC_MIN_TOKEN_LENGTH 16

typedef struct _DeskSyncTokens DeskSyncTokens;

DeskSyncTokens *desk_sync_tokens_load       (const char      *path,
                                             GError         **error);
DeskSyncTokens *desk_sync_tokens_parse      (const char      *text,
                                             const char      *name,
                                             GError         **error);
DeskSyncRole    desk_sync_tokens_check      (DeskSyncTokens  *self,
                                             const char      *token);
guint           desk_sync_tokens_get_count  (DeskSyncTokens  *self);
const char     *desk_sync_role_to_string    (DeskSyncRole     role);
void            desk_sync_tokens_free       (DeskSyncTokens  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSyncTokens, desk_sync_tokens_free)

G_END_DECLS
